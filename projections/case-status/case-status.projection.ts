/**
 * The case-status read model: one row per case, the item of docs/api.md plus the columns lists
 * filter on. Its meaning is the domain's own: each case touched by a batch is folded again
 * with `foldCase` (so a RecordCorrected re-folds with the replacement, exactly as decide
 * sees the case) and mapped by `toCaseStatusItem`.
 *
 * To fold without reading the store, the projection keeps each case's events (as evolve
 * takes them) in `case_status_events`, one row per event: appending rows is cheap where
 * rewriting a growing array per case and batch was not (measured: most of the write time).
 * A batch is two statements whatever its size: read the touched cases' earlier events (of
 * the cases whose streams began before the batch), then one that inserts the new events and
 * upserts the status rows (docs/event-store-notes.md,
 * "Write set-based").
 */
import type { RecordedEvent } from '../../src/event-store/event-store';
import { formatPosition } from '../../src/event-store/position';
import type { CaseEventEnvelope } from '../../src/cases/case.events';
import { foldCase, refold } from '../../src/cases/case.state';
import type { CaseState } from '../../src/cases/case.state';
import { caseStreamName, toCaseEnvelope } from '../../src/cases/case.stream';
import type { ProjectionContext, ProjectionDefinition } from '../runner/projection';
import { CaseStatusItem, toCaseStatusItem } from './case-status.item';

export const CASE_STATUS_PROJECTION = 'case-status';
/** The view readers query. */
export const CASE_STATUS_TABLE = 'case_status';
const CASE_EVENTS_TABLE = 'case_status_events';
/** `case-`: the prefix of every case stream. */
const CASE_STREAM_PREFIX = caseStreamName('');

/** A case event as the projection keeps it. */
interface KeptEvent {
  revision: string;
  envelope: CaseEventEnvelope;
}

/** One row of case_status_events, as json_to_recordset reads it. */
type KeptRow = KeptEvent & { case_id: string };

/** A batch's events for one case, in stream order. */
interface TouchedCase {
  events: KeptEvent[];
  /** The stream revision of this batch's first event of the case: 0 when the case starts here. */
  firstRevision: bigint;
  revision: bigint;
  lastPosition: string;
  /** Commit position of the first event of this batch: orders cases opened on the same day. */
  firstCommit: bigint;
}

/** One row of case_status as the projection writes it (json_to_recordset reads it so). */
export interface CaseStatusRow {
  case_id: string;
  force: string;
  stage: string;
  sensitivity: string;
  case_type: string;
  received_on: string;
  closed_on: string | null;
  corruption_categories: string[];
  subject_person_ids: string[];
  item: CaseStatusItem;
  revision: string;
  last_position: string;
  opened_position: string;
}

export const caseStatusProjection: ProjectionDefinition = {
  name: CASE_STATUS_PROJECTION,
  // Bump when the rows' shape or meaning changes (including a change to evolve or caseStage
  // that alters what a case's events mean): the runner then rebuilds from the first event.
  version: 1,
  filter: { streamNamePrefixes: [CASE_STREAM_PREFIX] },
  tables: [
    {
      name: CASE_EVENTS_TABLE,
      // json, not jsonb: written once and only ever read back whole, so a binary form would be work for nothing.
      ddl: (table) => [`CREATE TABLE ${table} (case_id text NOT NULL, revision bigint NOT NULL, envelope json NOT NULL, PRIMARY KEY (case_id, revision))`],
    },
    {
      name: CASE_STATUS_TABLE,
      ddl: (table) => [
        `CREATE TABLE ${table} (
           case_id text PRIMARY KEY,
           force text NOT NULL,
           stage text NOT NULL,
           sensitivity text NOT NULL,
           case_type text NOT NULL,
           received_on date NOT NULL,
           closed_on date,
           corruption_categories text[] NOT NULL,
           subject_person_ids text[] NOT NULL,
           next_deadline date,
           overdue boolean,
           item jsonb NOT NULL,
           revision bigint NOT NULL,
           last_position text NOT NULL,
           opened_position numeric(20, 0) NOT NULL
         )`,
        // Lists are newest first within a force, or across forces for national readers.
        `CREATE INDEX ON ${table} (force, received_on DESC, opened_position DESC)`,
        `CREATE INDEX ON ${table} (received_on DESC, opened_position DESC)`,
        `CREATE INDEX ON ${table} USING gin (corruption_categories)`,
        `CREATE INDEX ON ${table} USING gin (subject_person_ids)`,
      ],
    },
  ],
  apply: applyCaseStatus,
};

async function applyCaseStatus(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void> {
  const touched = groupByCase(events);
  if (touched.size === 0) return;
  // A case whose stream starts in this batch has nothing kept yet (in a rebuild, most of them).
  const continued = [...touched].filter(([, batch]) => batch.firstRevision > 0n).map(([caseId]) => caseId);
  const earlier = continued.length === 0 ? new Map<string, CaseEventEnvelope[]>() : await readEarlierEvents(context, continued);
  const kept: KeptRow[] = [];
  const rows: CaseStatusRow[] = [];
  for (const [caseId, batch] of touched) {
    for (const event of batch.events) kept.push({ case_id: caseId, ...event });
    const state = fold([...(earlier.get(caseId) ?? []), ...batch.events.map((event) => event.envelope)]);
    // Events before a referral (none in practice: decide refuses them) wait for one.
    if (state !== null) rows.push(statusRow(caseId, toCaseStatusItem(state), batch));
  }
  await write(context, kept, rows);
}

/**
 * The case as `foldCase` makes it, as far as toCaseStatusItem looks (it reads neither the
 * log nor the corrections): without a correction that is the facts applied in order, as
 * `refold` applies them, without evolve's copy of the growing log at every event; with one,
 * `foldCase` itself.
 */
function fold(events: readonly CaseEventEnvelope[]): CaseState {
  return events.some((event) => event.type === 'RecordCorrected') ? foldCase(events) : refold(events, NO_CORRECTIONS);
}

const NO_CORRECTIONS = {};

function groupByCase(events: readonly RecordedEvent[]): Map<string, TouchedCase> {
  const touched = new Map<string, TouchedCase>();
  for (const event of events) {
    const caseId = event.streamName.slice(CASE_STREAM_PREFIX.length);
    const batch = touched.get(caseId) ?? { events: [], firstRevision: event.revision, revision: event.revision, lastPosition: '', firstCommit: event.position.commit };
    const envelope = toCaseEnvelope(event);
    if (envelope) batch.events.push({ revision: event.revision.toString(), envelope });
    batch.revision = event.revision;
    batch.lastPosition = formatPosition(event.position);
    touched.set(caseId, batch);
  }
  return touched;
}

async function readEarlierEvents(context: ProjectionContext, caseIds: string[]): Promise<Map<string, CaseEventEnvelope[]>> {
  const { rows } = await context.client.query<{ case_id: string; events: CaseEventEnvelope[] }>(
    `SELECT case_id, json_agg(envelope ORDER BY revision) AS events
       FROM ${context.table(CASE_EVENTS_TABLE)} WHERE case_id = ANY($1::text[]) GROUP BY case_id`,
    [caseIds],
  );
  return new Map(rows.map((row) => [row.case_id, row.events]));
}

function statusRow(caseId: string, item: CaseStatusItem, batch: TouchedCase): CaseStatusRow {
  return {
    case_id: caseId,
    force: item.force,
    stage: item.stage,
    sensitivity: item.sensitivity,
    case_type: item.caseType,
    received_on: item.openedOn,
    closed_on: item.closedOn,
    corruption_categories: item.corruptionCategories,
    subject_person_ids: item.subjects.map((subject) => subject.personId),
    item,
    revision: batch.revision.toString(),
    last_position: batch.lastPosition,
    opened_position: batch.firstCommit.toString(),
  };
}

/**
 * One statement: insert the new events and upsert the status rows. `opened_position` is
 * kept from the first time a case's row was written.
 */
async function write(context: ProjectionContext, kept: KeptRow[], rows: CaseStatusRow[]): Promise<void> {
  const events = context.table(CASE_EVENTS_TABLE);
  const status = context.table(CASE_STATUS_TABLE);
  await context.client.query(
    `WITH kept AS (
       INSERT INTO ${events} (case_id, revision, envelope)
       SELECT case_id, revision, envelope FROM json_to_recordset($1::json) AS r(case_id text, revision bigint, envelope json)
     )
     INSERT INTO ${status} AS s (case_id, force, stage, sensitivity, case_type, received_on, closed_on,
                                 corruption_categories, subject_person_ids, item, revision, last_position, opened_position)
     SELECT case_id, force, stage, sensitivity, case_type, received_on, closed_on,
            corruption_categories, subject_person_ids, item, revision, last_position, opened_position
       FROM json_to_recordset($2::json) AS r(case_id text, force text, stage text, sensitivity text, case_type text,
                                               received_on date, closed_on date, corruption_categories text[],
                                               subject_person_ids text[], item jsonb, revision bigint,
                                               last_position text, opened_position numeric)
     ON CONFLICT (case_id) DO UPDATE SET
       force = EXCLUDED.force, stage = EXCLUDED.stage, sensitivity = EXCLUDED.sensitivity,
       case_type = EXCLUDED.case_type, received_on = EXCLUDED.received_on, closed_on = EXCLUDED.closed_on,
       corruption_categories = EXCLUDED.corruption_categories, subject_person_ids = EXCLUDED.subject_person_ids,
       item = EXCLUDED.item, revision = EXCLUDED.revision, last_position = EXCLUDED.last_position`,
    [JSON.stringify(kept), JSON.stringify(rows)],
  );
}
