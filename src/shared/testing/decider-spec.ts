/**
 * Given / when / then for any Decider, in the manner of Emmett's DeciderSpecification:
 *
 *   const spec = deciderSpec(registersDecider);
 *   spec.given([applied()]).when(decided('DECLINED')).then([decided('DECLINED')]);
 *   spec.given([]).when(decided('DECLINED')).thenThrows('decisionNeedsApplication');
 *
 * The case slice has its own (src/cases/testing/decider-spec.ts), tied to case envelopes.
 */
import type { Decider } from '../decider';
import { foldEvents } from '../decider';
import { DomainError } from '../domain-error';
import type { Rule } from '../rule-book';

type Outcome<Event> = { events: Event[] } | { error: unknown };

export interface DeciderSpec<Command, Event, State, RuleName extends string> {
  given(events: readonly Event[]): {
    state: State;
    when(command: Command): {
      then(expected: Event[]): void;
      thenThrows(rule: RuleName): void;
    };
  };
}

export function deciderSpec<Command, Event, State, RuleName extends string>(
  decider: Decider<Command, Event, State>,
): DeciderSpec<Command, Event, State, RuleName> {
  const decideCatching = (command: Command, state: State): Outcome<Event> => {
    try {
      return { events: decider.decide(command, state) };
    } catch (error) {
      return { error };
    }
  };
  return {
    given(events) {
      const state = foldEvents(decider, events);
      return {
        state,
        when: (command) => ({
          then(expected) {
            const result = decideCatching(command, state);
            if ('error' in result) throw new Error(`expected events, but decide refused: ${String(result.error)}`);
            expect(result.events).toEqual(expected);
          },
          thenThrows(rule) {
            const result = decideCatching(command, state);
            if ('events' in result) throw new Error(`expected rule ${rule} to refuse, but decide returned ${JSON.stringify(result.events)}`);
            expect(result.error).toBeInstanceOf(DomainError);
            expect((result.error as DomainError).rule).toBe(rule);
          },
        }),
      };
    },
  };
}

/** `ruleTitle('reviewNeedsApproval', 'refuses ...')` → "reviewNeedsApproval: refuses ... [source]". */
export function ruleTitles<Name extends string>(rules: { readonly [N in Name]: Rule }): (rule: Name, behaviour: string) => string {
  return (rule, behaviour) => `${rule}: ${behaviour} [${rules[rule].source}]`;
}
