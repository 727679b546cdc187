import type { RecordedEvent } from '../../src/event-store/event-store';
import { formatPosition } from '../../src/event-store/position';

/**
 * An event a projection could not apply, set aside so that the projection goes on with
 * the events after it (issue 11: one event dated in year 0 stopped three read models for
 * every force, retried every 30 s for ever). The ledger is immutable, so the event stays;
 * its dead letter says where it is and why it failed, and /health reports it.
 */
export interface ParkedEvent {
  projection: string;
  generation: number;
  eventId: string;
  /** Text form of its global position. */
  position: string;
  type: string;
  /** The error's class and message (never the event's data: it may hold personal data). */
  error: string;
  parkedAt: string;
}

/** A rebuild stops here rather than parking: its replay is meant to be complete. */
export class ProjectionEventError extends Error {
  constructor(
    readonly projection: string,
    readonly event: Pick<RecordedEvent, 'eventId' | 'type' | 'position'>,
    readonly failure: unknown,
  ) {
    super(`${projection} cannot apply event ${event.eventId} (${event.type}) at position ${formatPosition(event.position)}: ${describeError(failure)}`);
    this.name = 'ProjectionEventError';
  }

  /** What a dead letter and the log say of it. */
  summary(): Omit<ParkedEvent, 'parkedAt' | 'generation'> {
    return {
      projection: this.projection,
      eventId: this.event.eventId,
      position: formatPosition(this.event.position),
      type: this.event.type,
      error: describeError(this.failure),
    };
  }
}

export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
}

/**
 * PostgreSQL's classes of failure that say nothing about the event: a lost connection
 * (08), a serialisation failure or deadlock (40), resources (53), a cancelled statement or
 * a shutdown (57), the server's own (58, XX), a lock not granted (55P03). Retried, never parked.
 */
const PASSING_CLASSES = ['08', '40', '53', '57', '58', 'XX'];

export function isPassingFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  return code === '55P03' || PASSING_CLASSES.includes(code.slice(0, 2));
}
