/**
 * Given / when / then for the case decider, in the manner of Emmett's DeciderSpecification:
 *
 *   given([referral(), subjectAdded()]).when(command('AssessSeverity', {...})).then([...]);
 *   given([...]).when(...).thenThrows('outcomeNeedsProceedings');
 *
 * Given events may omit their eventId: they get `event-1`, `event-2`... in order.
 */
import { DomainError } from '../../shared/domain-error';
import { ruleTitles } from '../../shared/testing/decider-spec';
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
  return events.reduce<CaseState>(
    (current, event, index) => evolve(current, { ...event, eventId: `event-${offset + index + 1}` }),
    state,
  );
}

function decideCatching(command: CaseCommand, state: CaseState, writer?: CaseWriter): { events: CaseEvent[] } | { error: unknown } {
  try {
    return { events: decide(command, state, writer) };
  } catch (error) {
    return { error };
  }
}

export function given(events: readonly GivenEvent[]) {
  const state = foldCase(withEventIds(events));
  return {
    state,
    /** `by`: the writer deciding, when the rules look at their rights (a writer with every right otherwise). */
    when(command: CaseCommand, by?: CaseWriter) {
      return {
        then(expected: CaseEvent[]): void {
          const result = decideCatching(command, state, by);
          if ('error' in result) throw new Error(`expected events, but decide refused: ${String(result.error)}`);
          expect(result.events).toEqual(expected);
        },
        thenThrows(rule: CaseRuleName): void {
          const result = decideCatching(command, state, by);
          if ('events' in result) {
            throw new Error(`expected rule ${rule} to refuse, but decide returned ${JSON.stringify(result.events)}`);
          }
          expect(result.error).toBeInstanceOf(DomainError);
          expect((result.error as DomainError).rule).toBe(rule);
        },
        /** Decide, apply the events, and hand the resulting case to `assert`. */
        thenState(assert: (after: Case) => void): void {
          const result = decideCatching(command, state, by);
          if ('error' in result) throw new Error(`expected events, but decide refused: ${String(result.error)}`);
          const after = applyAll(state, result.events);
          if (after === null) throw new Error('expected a case after the command');
          assert(after);
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
export function command<T extends CaseCommandType>(
  type: T,
  payload: CommandPayload<T>,
  caseId = TEST_CASE_ID,
): CommandOf<T> {
  // The compiler cannot see that spreading the payload rebuilds the command type.
  const built: unknown = { type, caseId, ...payload };
  return built as CommandOf<T>;
}
