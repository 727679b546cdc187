/**
 * Given / when / then for every slice's decide, in the manner of Emmett's DeciderSpecification:
 *
 *   const spec = deciderSpec(registersDecider);
 *   spec.given([applied()]).when(decided('DECLINED')).then([decided('DECLINED')]);
 *   spec.given([]).when(decided('DECLINED')).thenThrows('decisionNeedsApplication');
 *
 * `specOf` is the same for a slice whose given events are folded its own way and whose
 * decide takes who decides (the cases: src/cases/testing/decider-spec.ts).
 */
import type { Confidence } from '../confidence';
import type { Decider } from '../decider';
import { foldEvents } from '../decider';
import { DomainError } from '../domain-error';
import type { Rule } from '../rule-book';

type Outcome<Event> = { events: Event[] } | { error: unknown };

export interface DeciderSpec<Command, Given, Event, State, RuleName extends string, By = never> {
  given(events: readonly Given[]): {
    state: State;
    /** `by`: who decides, when the rules look at their rights. */
    when(
      command: Command,
      by?: By,
    ): {
      then(expected: Event[]): void;
      /** `also.confidence`: the refusal says it rests on a fact with this mark (src/common/confidence.ts). */
      thenThrows(rule: RuleName, also?: { confidence: Confidence }): void;
      /** Decide, apply the events, and hand the resulting state to `assert`. */
      thenState(assert: (after: State) => void): void;
    };
  };
}

/** What a spec needs of a slice: how given events become a state, decide, and how decided events are applied. */
export interface SpecSubject<Command, Given, Event, State, By> {
  fold(events: readonly Given[]): State;
  decide(command: Command, state: State, by?: By): Event[];
  apply(state: State, events: readonly Event[]): State;
}

export function specOf<Command, Given, Event, State, RuleName extends string, By = never>(
  subject: SpecSubject<Command, Given, Event, State, By>,
): DeciderSpec<Command, Given, Event, State, RuleName, By> {
  const decideCatching = (command: Command, state: State, by?: By): Outcome<Event> => {
    try {
      return { events: subject.decide(command, state, by) };
    } catch (error) {
      return { error };
    }
  };
  const decided = (command: Command, state: State, by?: By): Event[] => {
    const result = decideCatching(command, state, by);
    if ('error' in result) throw new Error(`expected events, but decide refused: ${String(result.error)}`);
    return result.events;
  };
  return {
    given(events) {
      const state = subject.fold(events);
      return {
        state,
        when: (command, by) => ({
          then(expected) {
            expect(decided(command, state, by)).toEqual(expected);
          },
          thenThrows(rule, also) {
            const result = decideCatching(command, state, by);
            if ('events' in result) throw new Error(`expected rule ${rule} to refuse, but decide returned ${JSON.stringify(result.events)}`);
            expect(result.error).toBeInstanceOf(DomainError);
            expect((result.error as DomainError).rule).toBe(rule);
            if (also !== undefined) expect((result.error as DomainError).confidence).toBe(also.confidence);
          },
          thenState(assert) {
            assert(subject.apply(state, decided(command, state, by)));
          },
        }),
      };
    },
  };
}

export function deciderSpec<Command, Event, State, RuleName extends string>(
  decider: Decider<Command, Event, State>,
): DeciderSpec<Command, Event, Event, State, RuleName> {
  return specOf<Command, Event, Event, State, RuleName>({
    fold: (events) => foldEvents(decider, events),
    decide: (command, state) => decider.decide(command, state),
    apply: (state, events) => events.reduce(decider.evolve, state),
  });
}

/** `ruleTitle('reviewNeedsApproval', 'refuses ...')` → "reviewNeedsApproval: refuses ... [source]". */
export function ruleTitles<Name extends string>(rules: { readonly [N in Name]: Rule }): (rule: Name, behaviour: string) => string {
  return (rule, behaviour) => `${rule}: ${behaviour} [${rules[rule].source}]`;
}
