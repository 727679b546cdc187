/**
 * A slice's rules by name, with the plain message a refused user reads and the source it
 * rests on, and the `ensure`/`refuse` that throw a DomainError naming the rule. The name is
 * stable: it appears in the error, in the spec title and in the 422's detail.
 *
 *   const book = ruleBook({ reviewNeedsApproval: { message: '...', source: 'force policy' } });
 *   export const ensure: Ensure<keyof typeof RULES> = book.ensure;
 *
 * (An assertion function must be declared with an explicit type, hence the annotation.)
 */
import type { Confidence } from './confidence';
import { isBeforeDay } from './days';
import { DomainError } from './domain-error';
import type { RefusalStatus } from './domain-error';

export interface Rule {
  message: string;
  source: string;
  /** What the refusal answers over HTTP; 422 when not said (src/common/domain-error.ts). */
  status?: RefusalStatus;
  /**
   * The mark of the least confirmed fact of law the rule rests on (docs/domain/regulations.md):
   * a refusal under it says so. Not said: confirmed, or no fact of law (record coherence).
   */
  confidence?: Confidence;
}

/** "Already exists" answers 409 in every slice: the request expected nothing there. */
export const ALREADY_EXISTS = 409;
/** The thing addressed does not exist (for the actor at least): 404. */
export const NOT_FOUND = 404;

/** The source of a rule that no regulation states: it keeps the record coherent. */
export const KEEPS_RECORD_COHERENT = 'keeps the record coherent';

/** `confidence`: the mark of the fact this refusal rests on, where it is not the rule's own (a regime table's line). */
export type Refuse<Name extends string> = (rule: Name, detail?: string, confidence?: Confidence) => never;
export type Ensure<Name extends string> = (condition: boolean, rule: Name, detail?: string, confidence?: Confidence) => asserts condition;

export interface RuleBook<Name extends string> {
  readonly rules: { readonly [N in Name]: Rule };
  /** Refuse the command under `rule`, with its plain message and any detail. */
  refuse: Refuse<Name>;
  /** Refuse under `rule` when `condition` is false. */
  ensure: Ensure<Name>;
  /** Refuse under `rule` when `day` is before `earliest`, the day of `what` (named in the detail). */
  ensureNotBefore(rule: Name, day: string, earliest: string, what: string): void;
}

export function ruleBook<Name extends string>(rules: { readonly [N in Name]: Rule }): RuleBook<Name> {
  const refuse = (rule: Name, detail?: string, confidence?: Confidence): never => {
    const { message, status } = rules[rule];
    throw new DomainError(rule, detail === undefined ? message : `${message} (${detail})`, status, confidence ?? rules[rule].confidence);
  };
  const ensure: Ensure<Name> = (condition, rule, detail, confidence) => {
    if (!condition) refuse(rule, detail, confidence);
  };
  const ensureNotBefore = (rule: Name, day: string, earliest: string, what: string): void =>
    ensure(!isBeforeDay(day, earliest), rule, `${day} is before ${what} on ${earliest}`);
  return { rules, refuse, ensure, ensureNotBefore };
}
