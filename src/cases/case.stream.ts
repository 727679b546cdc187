/**
 * A case as the event store holds it: the `case-<caseId>` stream, read back into the
 * envelopes evolve folds, and the two things an append derives from an event (its
 * JSON payload and when it happened in the world).
 */
import type { EventStore, JsonObject, RecordedEvent } from '../event-store/event-store';
import type { CaseEvent, CaseEventEnvelope } from './case.events';
import { CASE_EVENT_DECLARATIONS, isCaseEventType } from './case.events';
import type { CaseState } from './case.state';
import { foldCase } from './case.state';

export function caseStreamName(caseId: string): string {
  return `case-${caseId}`;
}

/**
 * The envelope of a recorded case event; null for a type this version does not know, which
 * evolve could not place anyway (an event type added later is upcast or ignored, not fatal).
 */
export function toCaseEnvelope(recorded: RecordedEvent): CaseEventEnvelope | null {
  if (!isCaseEventType(recorded.type)) return null;
  const occurredAt = recorded.metadata.occurredAt;
  // The store returns what this service appended, upcast to the current shape.
  const event = { type: recorded.type, data: recorded.data } as unknown as CaseEvent;
  return { ...event, eventId: recorded.eventId, ...(typeof occurredAt === 'string' ? { occurredAt } : {}) };
}

export interface LoadedCase {
  state: CaseState;
  /** The revision to expect when appending: the last event's, or 'no_stream'. */
  revision: bigint | 'no_stream';
  /** The stream as stored, for a retried command to find the events it appended before. */
  recorded: readonly RecordedEvent[];
}

export async function loadCase(store: EventStore, caseId: string): Promise<LoadedCase> {
  const recorded = await store.readStream(caseStreamName(caseId));
  const envelopes = recorded.map(toCaseEnvelope).filter((envelope): envelope is CaseEventEnvelope => envelope !== null);
  return { state: foldCase(envelopes), revision: recorded.at(-1)?.revision ?? 'no_stream', recorded };
}

/**
 * When the event happened in the world: its own legal date (receivedOn, on, servedOn...) at
 * midnight UTC, or `fallback` (the request's time) for an event that has none (SubjectAdded,
 * SeverityAssessed...).
 */
export function occurredAt(event: CaseEvent, fallback: string): string {
  return legalInstantOf(event) ?? fallback;
}

/** The event's legal date (its declared `legalDate` field) at midnight UTC; undefined for an event that has none. */
export function legalInstantOf(event: CaseEvent): string | undefined {
  return CASE_EVENT_DECLARATIONS.legalInstantOf(event);
}

/**
 * The payload as the store's JSON: an event built from a validated body may hold class
 * instances (nested findings) and absent optional fields as `undefined`; JSON has neither.
 */
export function toJsonObject(data: object): JsonObject {
  return JSON.parse(JSON.stringify(data)) as JsonObject;
}
