/**
 * One way for a read model to know a case: the case's events so far, as the projection keeps
 * them (without personal data), folded with the domain's own fold. case-status, timeliness
 * and the dated-fact figures (inspection metrics, misconduct statistics) derive their rows
 * from whole cases, so that a correction anywhere in a case's history takes effect at once;
 * each gets here, for every case a batch touches, its events so far, the fold step by step
 * (each event with the case before and after it) and the case as it ends.
 *
 * A projection does not read the event store (a rebuild would read every case's stream again
 * per batch): it keeps what it folds in a log table of its own, one row per case and batch
 * holding that batch's events of the case, appended (rewriting a growing array per case and
 * batch was most of case-status's write time; a row per event made a rebuild, where a case's
 * events mostly arrive in one batch, a third slower). A batch costs two statements whatever
 * its size: read the earlier events of the cases whose streams began before the batch, and
 * append the batch's (docs/event-store-notes.md, "Write set-based").
 *
 * Personal data is removed one way, the domain's: the fields VAULT_FIELDS names for the
 * event's type (for a correction, those of the corrected event's type in its replacement).
 * No fold reads them (decide sees free text; no rule and no read model does), and a read
 * model holds dates and facts, never what was said about a person.
 */
import type { CaseEventEnvelope, CaseEventType, CorrectableEventData } from '../../src/cases/case.events';
import { CASE_EVENT_TYPES, VAULT_FIELDS } from '../../src/cases/case.events';
import { applyFact } from '../../src/cases/case.facts';
import type { Case, CaseState } from '../../src/cases/case.state';
import { caseStreamName, toCaseEnvelope } from '../../src/cases/case.stream';
import type { RecordedEvent } from '../../src/event-store/event-store';
import type { GlobalPosition } from '../../src/event-store/position';
import type { ProjectionContext, ProjectionTable } from '../runner/projection';

/** `case-`: the prefix of every case stream. */
export const CASE_STREAM_PREFIX = caseStreamName('');

/**
 * The case events a projection reads: every one but those it names. A new event type is read
 * until someone decides it changes nothing the projection derives (a spec beside each such
 * projection checks its list against the seed stories), rather than silently ignored.
 */
export function caseEventsBut(ignored: readonly CaseEventType[]): CaseEventType[] {
  const left = new Set(ignored);
  return CASE_EVENT_TYPES.filter((type) => !left.has(type));
}

/**
 * The log table: per case and batch, the batch's kept events of the case (`from_revision`: the
 * stream revision of the batch's first event of it). json, not jsonb: written once, only ever
 * read back whole.
 */
export function caseEventLogTable(name: string): ProjectionTable {
  return {
    name,
    ddl: (table) => [
      `CREATE TABLE ${table} (case_id text NOT NULL, from_revision bigint NOT NULL, events json NOT NULL, PRIMARY KEY (case_id, from_revision))`,
    ],
  };
}

/** One event of a case, applied: the case as it stood before and after it. */
export interface CaseStep {
  event: CaseEventEnvelope;
  before: CaseState;
  after: Case;
}

/** A case folded: each step, and the case as it ends (null before its referral). */
export interface FoldedCase {
  steps: readonly CaseStep[];
  state: CaseState;
}

/** A case a batch touched, as its events so far make it. */
export interface TouchedCase extends FoldedCase {
  caseId: string;
  /** Its events the projection reads, earlier batches' and this one's, in stream order, without personal data. */
  events: readonly CaseEventEnvelope[];
  /** Whether an earlier batch had events of it (its stream began before this batch). */
  seenBefore: boolean;
  /** Of this batch's events of the case: the stream revision of the last, the global positions of the first and last. */
  revision: bigint;
  firstPosition: GlobalPosition;
  lastPosition: GlobalPosition;
}

/**
 * The domain's fold (`foldCase`), step by step: every correction substituted for what it
 * corrects (docs/events.md: "projections use the correction"), the facts applied in order with
 * `applyFact`, as `refold` applies them. A step the domain cannot place (before a referral)
 * is left out, as evolve leaves it out of the state. The state at the end is `foldCase`'s.
 */
export function foldCaseEvents(events: readonly CaseEventEnvelope[]): FoldedCase {
  const corrections: Record<string, CorrectableEventData> = {};
  for (const event of events) if (event.type === 'RecordCorrected') corrections[event.data.correctsEventId] = event.data.replacement;
  const steps: CaseStep[] = [];
  let state: CaseState = null;
  for (const recorded of events) {
    if (recorded.type === 'RecordCorrected') continue;
    const replacement = corrections[recorded.eventId];
    // A replacement is a complete payload of the corrected event's own type (decideCorrection).
    const event = replacement === undefined ? recorded : ({ ...recorded, data: replacement } as CaseEventEnvelope);
    const before = state;
    state = applyFact(state, event);
    if (state !== null) steps.push({ event, before, after: state });
  }
  return { steps, state: state === null ? null : { ...state, log: events, corrections } };
}

function without(payload: object, fields: readonly PropertyKey[]): object {
  const removed = new Set<PropertyKey>(fields);
  return Object.fromEntries(Object.entries(payload).filter(([field]) => !removed.has(field)));
}

/**
 * The event without its personal data: the fields VAULT_FIELDS names for its type; for a
 * correction, its replacement without those of the corrected event's type, found among
 * `earlier` (a correction of an event not kept, of a type the projection does not read,
 * changes nothing it folds: its replacement is not kept at all).
 */
export function withoutPersonalData(event: CaseEventEnvelope, earlier: ReadonlyMap<string, CaseEventType>): CaseEventEnvelope {
  if (event.type !== 'RecordCorrected') {
    const fields = VAULT_FIELDS[event.type];
    return fields.length === 0 ? event : ({ ...event, data: without(event.data, fields) } as CaseEventEnvelope);
  }
  const correctedType = earlier.get(event.data.correctsEventId);
  const replacement = correctedType === undefined ? {} : without(event.data.replacement, VAULT_FIELDS[correctedType]);
  return { ...event, data: { ...event.data, replacement: replacement as CorrectableEventData } };
}

/** A batch's events of one case: the envelopes the projection reads and where they sit. */
interface BatchOfCase {
  added: CaseEventEnvelope[];
  firstRevision: bigint;
  revision: bigint;
  firstPosition: GlobalPosition;
  lastPosition: GlobalPosition;
}

function batchesByCase(events: readonly RecordedEvent[]): Map<string, BatchOfCase> {
  const byCase = new Map<string, BatchOfCase>();
  for (const recorded of events) {
    if (!recorded.streamName.startsWith(CASE_STREAM_PREFIX)) continue;
    const caseId = recorded.streamName.slice(CASE_STREAM_PREFIX.length);
    const batch = byCase.get(caseId) ?? {
      added: [],
      firstRevision: recorded.revision,
      revision: recorded.revision,
      firstPosition: recorded.position,
      lastPosition: recorded.position,
    };
    const envelope = toCaseEnvelope(recorded);
    if (envelope !== null) batch.added.push(envelope);
    batch.revision = recorded.revision;
    batch.lastPosition = recorded.position;
    byCase.set(caseId, batch);
  }
  return byCase;
}

async function earlierEvents(context: ProjectionContext, logTable: string, caseIds: string[]): Promise<Map<string, CaseEventEnvelope[]>> {
  if (caseIds.length === 0) return new Map();
  const { rows } = await context.client.query<{ case_id: string; batches: CaseEventEnvelope[][] }>(
    `SELECT case_id, json_agg(events ORDER BY from_revision) AS batches
       FROM ${context.table(logTable)} WHERE case_id = ANY($1::text[]) GROUP BY case_id`,
    [caseIds],
  );
  return new Map(rows.map((row) => [row.case_id, row.batches.flat()]));
}

/**
 * The cases `events` touch, each folded from its events so far; the batch's case events
 * are appended to the projection's `logTable` (declared with caseEventLogTable) in the
 * batch's transaction. Events of other streams are left to the caller.
 */
export async function touchedCases(events: readonly RecordedEvent[], context: ProjectionContext, logTable: string): Promise<TouchedCase[]> {
  const batches = batchesByCase(events);
  if (batches.size === 0) return [];
  // A case whose stream starts in this batch has nothing kept yet (in a rebuild, most of them).
  const continued = [...batches].filter(([, batch]) => batch.firstRevision > 0n).map(([caseId]) => caseId);
  const earlier = await earlierEvents(context, logTable, continued);
  const kept: { case_id: string; from_revision: string; events: CaseEventEnvelope[] }[] = [];
  const touched: TouchedCase[] = [];
  for (const [caseId, batch] of batches) {
    const caseEvents = earlier.get(caseId) ?? [];
    const types = new Map(caseEvents.map((event) => [event.eventId, event.type]));
    const added = batch.added.map((envelope) => {
      const stripped = withoutPersonalData(envelope, types);
      types.set(stripped.eventId, stripped.type);
      return stripped;
    });
    caseEvents.push(...added);
    if (added.length > 0) kept.push({ case_id: caseId, from_revision: batch.firstRevision.toString(), events: added });
    touched.push({
      caseId,
      events: caseEvents,
      ...foldCaseEvents(caseEvents),
      seenBefore: batch.firstRevision > 0n,
      revision: batch.revision,
      firstPosition: batch.firstPosition,
      lastPosition: batch.lastPosition,
    });
  }
  if (kept.length > 0) {
    await context.client.query(
      `INSERT INTO ${context.table(logTable)} (case_id, from_revision, events)
       SELECT case_id, from_revision, events FROM json_to_recordset($1::json) AS r(case_id text, from_revision bigint, events json)`,
      [JSON.stringify(kept)],
    );
  }
  return touched;
}
