/**
 * The case-status read model: one row per case, the item of docs/api.md plus the columns lists
 * filter on. Its meaning is the domain's own: each case touched by a batch comes folded from
 * its events so far with the domain's fold (case-event-log.ts: a RecordCorrected re-folds
 * with the replacement, exactly as decide sees the case) and is mapped by
 * `toCaseStatusItem`. A batch is three statements whatever its size: read the touched cases'
 * earlier events, append the new ones, upsert the status rows (docs/event-store-notes.md,
 * "Write set-based").
 */
import type { RecordedEvent } from '../../src/event-store/event-store';
import { formatPosition } from '../../src/event-store/position';
import type { ProjectionContext, ProjectionDefinition } from '../runner/projection';
import { CASE_STREAM_PREFIX, caseEventLogTable, touchedCases } from '../common/case-event-log';
import type { TouchedCase } from '../common/case-event-log';
import type { Case } from '../../src/cases/case.state';
import { CaseStatusItem, toCaseStatusItem } from '../common/case-status-item';
import { CASE_STATUS_COUNTS_TABLE, CASE_STATUS_PROJECTION, CASE_STATUS_TABLE } from '../common/case-status-views';

const CASE_EVENTS_TABLE = 'case_status_events';

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
  flags: string[];
  investigator_id: string | null;
  closures: Closure[];
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
  // 2: the kept events without personal data (case-event-log.ts); no next_deadline and
  // overdue columns (judged at read time from the timeliness views: case-status.queries.ts).
  // 3: each subject's route, reg 10 pause and barred-list review day; stages of withdrawn
  // proceedings and of Performance and Vetting outcomes (src/cases/reflective-practice.*).
  // 4: the referral's flags and the investigator (columns `flags`, `investigator_id`, and in the item).
  // 5: the investigator is the one allocation names (an appointment or reassignment replaces the
  // one who started the investigation: src/cases/allocation.facts.ts caseInvestigatorOf); each
  // closure with its reopening (column `closures`), so the backlog's trend counts a reopened
  // case as closed in the months it was.
  // 6: the counters of cases by force, sensitivity, stage and type (case_status_counts), so the
  // list's total is a sum, not a count of every matching row (measured: 0.7 s at 10 M events).
  version: 6,
  filter: { streamNamePrefixes: [CASE_STREAM_PREFIX] },
  tables: [
    // Personal data removed: the case's free text is never read back out of this table.
    caseEventLogTable(CASE_EVENTS_TABLE),
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
           flags text[] NOT NULL,
           investigator_id text,
           closures jsonb NOT NULL,
           subject_person_ids text[] NOT NULL,
           item jsonb NOT NULL,
           revision bigint NOT NULL,
           last_position text NOT NULL,
           opened_position numeric(20, 0) NOT NULL
         )`,
        // Lists are newest first within a force, or across forces for national readers.
        `CREATE INDEX ON ${table} (force, received_on DESC, opened_position DESC)`,
        `CREATE INDEX ON ${table} (received_on DESC, opened_position DESC)`,
        `CREATE INDEX ON ${table} USING gin (corruption_categories)`,
        // Searched on every list for the cases about the reader: no pending list to scan each time.
        `CREATE INDEX ON ${table} USING gin (subject_person_ids) WITH (fastupdate = off)`,
      ],
    },
    {
      // How many rows of case_status have each force, sensitivity, stage and type: moved with
      // the rows, in the same statement (write below); a counter that falls to 0 is deleted.
      name: CASE_STATUS_COUNTS_TABLE,
      ddl: (table) => [
        `CREATE TABLE ${table} (
           force text NOT NULL,
           sensitivity text NOT NULL,
           stage text NOT NULL,
           case_type text NOT NULL,
           n integer NOT NULL,
           PRIMARY KEY (force, sensitivity, stage, case_type)
         )`,
      ],
    },
  ],
  apply: applyCaseStatus,
};

async function applyCaseStatus(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void> {
  const rows: CaseStatusRow[] = [];
  for (const touched of await touchedCases(events, context, CASE_EVENTS_TABLE)) {
    // Events before a referral (none in practice: decide refuses them) wait for one.
    if (touched.state !== null) rows.push(statusRow(touched.caseId, touched.state, touched));
  }
  await write(context, rows);
}

function statusRow(caseId: string, state: Case, batch: TouchedCase): CaseStatusRow {
  const item = toCaseStatusItem(state);
  return {
    case_id: caseId,
    force: item.force,
    stage: item.stage,
    sensitivity: item.sensitivity,
    case_type: item.caseType,
    received_on: item.openedOn,
    closed_on: item.closedOn,
    corruption_categories: item.corruptionCategories,
    flags: item.flags,
    investigator_id: item.investigatorId,
    closures: closuresOf(state),
    subject_person_ids: item.subjects.map((subject) => subject.personId),
    item,
    revision: batch.revision.toString(),
    last_position: formatPosition(batch.lastPosition),
    // The commit position of this batch's first event of the case: orders cases opened on the same day.
    opened_position: batch.firstPosition.commit.toString(),
  };
}

/** A closure of the case (CaseClosed) and the day it was reopened (CaseReopened), null while it stands. */
export interface Closure {
  closedOn: string;
  reopenedOn: string | null;
}

/** Every closure of the case, the first one first, as corrected. */
export function closuresOf(state: Case): Closure[] {
  const closures: Closure[] = [];
  for (const event of state.log) {
    if (event.type !== 'CaseClosed' && event.type !== 'CaseReopened') continue;
    const corrected = state.corrections[event.eventId] as { on?: unknown } | undefined;
    const on = typeof corrected?.on === 'string' ? corrected.on : event.data.on;
    const last = closures.at(-1);
    if (event.type === 'CaseClosed') closures.push({ closedOn: on, reopenedOn: null });
    else if (last !== undefined && last.reopenedOn === null) last.reopenedOn = on;
  }
  return closures;
}

/**
 * One statement: upsert the status rows, and move the counters by what changed: each written
 * row counted in, the row it replaces counted out (every part of one statement sees the table
 * as it was before it, so `replaced` reads the old rows). `opened_position` is kept from the
 * first time a case's row was written.
 */
async function write(context: ProjectionContext, rows: CaseStatusRow[]): Promise<void> {
  if (rows.length === 0) return;
  const status = context.table(CASE_STATUS_TABLE);
  const counts = context.table(CASE_STATUS_COUNTS_TABLE);
  await context.client.query(
    `WITH r AS (
       SELECT * FROM json_to_recordset($1::json) AS r(case_id text, force text, stage text, sensitivity text, case_type text,
                                                       received_on date, closed_on date, corruption_categories text[], flags text[],
                                                       investigator_id text, closures jsonb, subject_person_ids text[], item jsonb, revision bigint,
                                                       last_position text, opened_position numeric)
     ),
     replaced AS (SELECT s.force, s.sensitivity, s.stage, s.case_type FROM ${status} s WHERE s.case_id IN (SELECT case_id FROM r)),
     upserted AS (
       INSERT INTO ${status} AS s (case_id, force, stage, sensitivity, case_type, received_on, closed_on,
                                   corruption_categories, flags, investigator_id, closures, subject_person_ids, item, revision, last_position, opened_position)
       SELECT case_id, force, stage, sensitivity, case_type, received_on, closed_on,
              corruption_categories, flags, investigator_id, closures, subject_person_ids, item, revision, last_position, opened_position
         FROM r
       ON CONFLICT (case_id) DO UPDATE SET
         force = EXCLUDED.force, stage = EXCLUDED.stage, sensitivity = EXCLUDED.sensitivity,
         case_type = EXCLUDED.case_type, received_on = EXCLUDED.received_on, closed_on = EXCLUDED.closed_on,
         corruption_categories = EXCLUDED.corruption_categories, flags = EXCLUDED.flags, investigator_id = EXCLUDED.investigator_id,
         closures = EXCLUDED.closures, subject_person_ids = EXCLUDED.subject_person_ids,
         item = EXCLUDED.item, revision = EXCLUDED.revision, last_position = EXCLUDED.last_position
     )
     INSERT INTO ${counts} AS counter (force, sensitivity, stage, case_type, n)
     SELECT force, sensitivity, stage, case_type, sum(change)::int FROM (
       SELECT force, sensitivity, stage, case_type, 1 AS change FROM r
       UNION ALL
       SELECT force, sensitivity, stage, case_type, -1 FROM replaced
     ) AS moved
     GROUP BY force, sensitivity, stage, case_type HAVING sum(change) <> 0
     ON CONFLICT (force, sensitivity, stage, case_type) DO UPDATE SET n = counter.n + EXCLUDED.n`,
    [JSON.stringify(rows)],
  );
  // A counter that fell to 0 goes, so the counters are what a rebuild from the first event makes.
  await context.client.query(`DELETE FROM ${counts} WHERE n = 0`);
}
