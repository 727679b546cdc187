import type { ExpectedRevision } from './event-store';

/** Thrown when a stream is not at the revision the appender expected. Nothing was appended. */
export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly streamName: string,
    readonly expected: ExpectedRevision,
    /** The stream's current revision, or `'no_stream'` when it does not exist. */
    readonly actual: bigint | 'no_stream',
  ) {
    super(
      `stream ${streamName} is at ${actual === 'no_stream' ? 'no stream' : `revision ${actual}`}, ` +
        `expected ${typeof expected === 'bigint' ? `revision ${expected}` : expected}`,
    );
    this.name = 'WrongExpectedRevisionError';
  }
}

/**
 * An event id was used again for different content, or at a different place. A retry must
 * send the same ids with the same content to the same stream; anything else is a client
 * bug and must not be mistaken for a successful retry.
 */
export class DuplicateEventIdError extends Error {
  constructor(
    readonly streamName: string,
    readonly eventId: string,
  ) {
    super(`event id ${eventId} was already used for different content or in another place`);
    this.name = 'DuplicateEventIdError';
  }
}

/** The append itself is malformed (bad stream name, empty batch, bad event id). */
export class InvalidAppendError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAppendError';
  }
}
