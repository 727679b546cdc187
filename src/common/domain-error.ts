import type { Confidence } from './confidence';

/**
 * What a refusal means over HTTP, declared on its rule (src/common/rule-book.ts): 422 a rule
 * of the process (the default), 409 the thing to create already exists, 404 the thing
 * addressed does not exist (for the actor at least), 403 the writer's own rights.
 */
export type RefusalStatus = 403 | 404 | 409 | 422;

/**
 * A rule of the process refused a command.
 *
 * `rule` is the rule's stable name (e.g. `barredListNeedsDismissal`); it appears in the
 * spec title and in the `detail` of the HTTP answer, so a user can see which rule refused
 * them. `message` says it in plain words; `status` is the answer its rule declares;
 * `confidence` the mark of the fact of law it rests on, when the rule declares one
 * (docs/domain/regulations.md: a ◐ or ✖ fact is never stated as law).
 */
export class DomainError extends Error {
  constructor(
    readonly rule: string,
    message: string,
    readonly status: RefusalStatus = 422,
    readonly confidence?: Confidence,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** The thing the command addresses does not exist (HTTP 404), for the actor at least; `rule` names the rule that said so. */
export class NotFoundError extends Error {
  constructor(
    message: string,
    readonly rule?: string,
  ) {
    super(message);
    this.name = 'NotFoundError';
  }
}
