/**
 * Given / when / then for the case decider, the shared helper (src/common/testing/decider-spec.ts)
 * over case envelopes and a writer:
 *
 *   given([referral(), subjectAdded()]).when(command('AssessSeverity', {...})).then([...]);
 *   given([...]).when(...).thenThrows('outcomeNeedsProceedings');
 *
 * Given events may omit their eventId: they get `event-1`, `event-2`... in order.
 */
import { ruleTitles, specOf } from '../../common/testing/decider-spec';
import type { CaseCommand, CaseCommandType } from '../case.command-types';
import { decide } from '../case.decide';
import type { CaseEvent, CaseEventEnvelope } from '../case.events';
import { CASE_RULES } from '../case.rule-book';
import type { CaseRuleName } from '../case.rule-book';
import type { Case, CaseState } from '../case.state';
import { evolve, foldCase } from '../case.state';
import type { CaseWriter } from '../case.writer';

export type GivenEvent = CaseEvent | CaseEventEnvelope;

export function withEventIds(events: readonly GivenEvent[]): CaseEventEnvelope[] {
  return events.map((event, index) => ('eventId' in event ? event : { ...event, eventId: `event-${index + 1}` }));
}

/** Apply events to a state, giving each an id after the state's last one. */
export function applyAll(state: CaseState, events: readonly CaseEvent[]): CaseState {
  const offset = state?.log.length ?? 0;
  return events.reduce<CaseState>((current, event, index) => evolve(current, { ...event, eventId: `event-${offset + index + 1}` }), state);
}

const caseSpec = specOf<CaseCommand, GivenEvent, CaseEvent, CaseState, CaseRuleName, CaseWriter>({
  fold: (events) => foldCase(withEventIds(events)),
  decide: (command, state, writer) => decide(command, state, writer),
  apply: applyAll,
});

/** The shared given/when/then (src/common/testing/decider-spec.ts), with `thenState` handed the case it leaves. */
export function given(events: readonly GivenEvent[]) {
  const { state, when } = caseSpec.given(events);
  return {
    state,
    /** `by`: the writer deciding, when the rules look at their rights (a writer with every right otherwise). */
    when(command: CaseCommand, by?: CaseWriter) {
      const outcome = when(command, by);
      return {
        then: outcome.then,
        thenThrows: outcome.thenThrows,
        thenState(assert: (after: Case) => void): void {
          outcome.thenState((after) => {
            if (after === null) throw new Error('expected a case after the command');
            assert(after);
          });
        },
      };
    },
  };
}

/** A spec title that names the rule, what it does, and its source (as in every slice). */
export const ruleTitle: (rule: CaseRuleName, behaviour: string) => string = ruleTitles(CASE_RULES);

type CommandOf<T extends CaseCommandType> = Extract<CaseCommand, { type: T }>;
export type CommandPayload<T extends CaseCommandType> = Omit<CommandOf<T>, 'type' | 'caseId'>;

export const TEST_CASE_ID = 'c0ffee00-0000-4000-8000-000000000001';

/** A command on the test case. */
export function command<T extends CaseCommandType>(type: T, payload: CommandPayload<T>, caseId = TEST_CASE_ID): CommandOf<T> {
  // The compiler cannot see that spreading the payload rebuilds the command type.
  const built: unknown = { type, caseId, ...payload };
  return built as CommandOf<T>;
}
