/**
 * A rule of the process refused a command.
 *
 * `rule` is the rule's stable name (e.g. `barredListNeedsDismissal`); it appears in the
 * spec title and in the `detail` of the HTTP 422 answer, so a user can see which rule
 * refused them. `message` says it in plain words.
 */
export class DomainError extends Error {
  constructor(
    readonly rule: string,
    message: string,
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
