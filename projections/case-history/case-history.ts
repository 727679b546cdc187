/**
 * A case's history as docs/api.md shows it: every event in stream order, each correction
 * beside the event it corrects (`correctedBy`) as well as in its own place, and, as of a
 * moment, only what had been recorded by then with the status as it then stood. Pure: the
 * events come from the store (case-history.service.ts).
 */
import type { JsonObject, JsonValue, RecordedEvent } from '../../src/event-store/event-store';
import { formatPosition } from '../../src/event-store/position';
import type { CaseStatusItem } from '../common/case-status-item';
import { statusFrom } from '../common/case-status-item';

export interface CorrectionNote {
  /** The RecordCorrected event. */
  eventId: string;
  reason: string;
  replacement: JsonValue;
}

export interface HistoryEntry {
  eventId: string;
  type: string;
  revision: number;
  /** The global position in its text form (as in X-Ledger-Position). */
  position: string;
  /** When it happened in the world, as the user said; null for an event without one. */
  occurredAt: string | null;
  recordedAt: string;
  actor: JsonValue | null;
  data: JsonObject;
  hash: string;
  /** The corrections of this event recorded so far, oldest first; the last one is what projections use. */
  correctedBy: CorrectionNote[];
}

export interface CaseHistory {
  caseId: string;
  /** The last instant counted as "recorded by", or null for the whole history. */
  asOf: string | null;
  events: HistoryEntry[];
  /** With asOf: the case-status item as it then stood (null if the case was not yet recorded). */
  statusAsOf?: CaseStatusItem | null;
}

export function caseHistory(caseId: string, stream: readonly RecordedEvent[], recordedByMs?: number): CaseHistory {
  const events = recordedByMs === undefined ? stream : stream.filter((event) => Date.parse(event.recordedAt) <= recordedByMs);
  const corrections = correctionsByEvent(events);
  const entries = events.map((event) => toEntry(event, corrections.get(event.eventId) ?? []));
  if (recordedByMs === undefined) return { caseId, asOf: null, events: entries };
  return { caseId, asOf: new Date(recordedByMs).toISOString(), events: entries, statusAsOf: statusFrom(events) };
}

function toEntry(event: RecordedEvent, correctedBy: CorrectionNote[]): HistoryEntry {
  const { occurredAt, actor } = event.metadata;
  return {
    eventId: event.eventId,
    type: event.type,
    revision: Number(event.revision),
    position: formatPosition(event.position),
    occurredAt: typeof occurredAt === 'string' ? occurredAt : null,
    recordedAt: event.recordedAt,
    actor: actor ?? null,
    data: event.data,
    hash: event.hash,
    correctedBy,
  };
}

function correctionsByEvent(events: readonly RecordedEvent[]): Map<string, CorrectionNote[]> {
  const byEvent = new Map<string, CorrectionNote[]>();
  for (const event of events) {
    if (event.type !== 'RecordCorrected') continue;
    const { correctsEventId, reason, replacement } = event.data;
    if (typeof correctsEventId !== 'string') continue;
    const notes = byEvent.get(correctsEventId) ?? [];
    notes.push({ eventId: event.eventId, reason: typeof reason === 'string' ? reason : '', replacement: replacement ?? null });
    byEvent.set(correctsEventId, notes);
  }
  return byEvent;
}
