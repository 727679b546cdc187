/**
 * The allocation read model (issue 16 point 1 and the review figure of point 2): one row per
 * case with who investigates it now (investigators and supervising officers, per case or per
 * subject), whether it is live and allocated; and one row per item waiting for review or
 * sign-off. Each case a batch touches comes folded from its events so far with the domain's
 * fold (case-event-log.ts) and is mapped by allocation-rows.ts; a batch is a few statements
 * whatever its size.
 */
import type { RecordedEvent } from '../../src/event-store/event-store';
import type { ProjectionContext, ProjectionDefinition } from '../runner/projection';
import { CASE_STREAM_PREFIX, caseEventLogTable, touchedCases } from '../common/case-event-log';
import { ALLOCATION_PROJECTION, ALLOCATION_TABLES } from '../common/allocation-views';
import { allocationCaseRow, allocationWaitingRows } from './allocation-rows';
import type { AllocationCaseRow, AllocationWaitingRow } from './allocation-rows';

export const allocationProjection: ProjectionDefinition = {
  name: ALLOCATION_PROJECTION,
  version: 1,
  filter: { streamNamePrefixes: [CASE_STREAM_PREFIX] },
  tables: [
    caseEventLogTable(ALLOCATION_TABLES.events),
    {
      name: ALLOCATION_TABLES.cases,
      ddl: (table) => [
        `CREATE TABLE ${table} (
           case_id text PRIMARY KEY,
           force text NOT NULL,
           sensitivity text NOT NULL,
           subject_person_ids text[] NOT NULL,
           received_on date NOT NULL,
           live boolean NOT NULL,
           allocated boolean NOT NULL,
           investigator_ids text[] NOT NULL,
           item jsonb NOT NULL
         )`,
        `CREATE INDEX ON ${table} USING gin (investigator_ids)`,
        // The unallocated cases of a force, oldest first.
        `CREATE INDEX ON ${table} (force, received_on) WHERE live AND NOT allocated`,
      ],
    },
    {
      name: ALLOCATION_TABLES.waiting,
      ddl: (table) => [
        `CREATE TABLE ${table} (
           case_id text NOT NULL,
           force text NOT NULL,
           sensitivity text NOT NULL,
           subject_person_ids text[] NOT NULL,
           item text NOT NULL,
           subject_id text NOT NULL,
           waiting_since date NOT NULL,
           PRIMARY KEY (case_id, item, subject_id)
         )`,
        `CREATE INDEX ON ${table} (force, waiting_since)`,
      ],
    },
  ],
  apply: applyAllocation,
};

async function applyAllocation(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void> {
  const cases: AllocationCaseRow[] = [];
  const waiting: AllocationWaitingRow[] = [];
  const touchedIds: string[] = [];
  for (const touched of await touchedCases(events, context, ALLOCATION_TABLES.events)) {
    if (touched.state === null) continue;
    touchedIds.push(touched.caseId);
    cases.push(allocationCaseRow(touched.state));
    waiting.push(...allocationWaitingRows(touched.state));
  }
  if (touchedIds.length === 0) return;
  const caseTable = context.table(ALLOCATION_TABLES.cases);
  const waitingTable = context.table(ALLOCATION_TABLES.waiting);
  await context.client.query(
    `INSERT INTO ${caseTable} (case_id, force, sensitivity, subject_person_ids, received_on, live, allocated, investigator_ids, item)
     SELECT case_id, force, sensitivity, subject_person_ids, received_on, live, allocated, investigator_ids, item
       FROM json_to_recordset($1::json) AS r(case_id text, force text, sensitivity text, subject_person_ids text[], received_on date,
                                               live boolean, allocated boolean, investigator_ids text[], item jsonb)
     ON CONFLICT (case_id) DO UPDATE SET
       force = EXCLUDED.force, sensitivity = EXCLUDED.sensitivity, subject_person_ids = EXCLUDED.subject_person_ids,
       received_on = EXCLUDED.received_on, live = EXCLUDED.live, allocated = EXCLUDED.allocated,
       investigator_ids = EXCLUDED.investigator_ids, item = EXCLUDED.item`,
    [JSON.stringify(cases)],
  );
  // What waits is judged on the whole case: the touched cases' rows are replaced.
  await context.client.query(`DELETE FROM ${waitingTable} WHERE case_id = ANY($1::text[])`, [touchedIds]);
  if (waiting.length === 0) return;
  await context.client.query(
    `INSERT INTO ${waitingTable} (case_id, force, sensitivity, subject_person_ids, item, subject_id, waiting_since)
     SELECT case_id, force, sensitivity, subject_person_ids, item, subject_id, waiting_since
       FROM json_to_recordset($1::json) AS r(case_id text, force text, sensitivity text, subject_person_ids text[], item text,
                                               subject_id text, waiting_since date)`,
    [JSON.stringify(waiting)],
  );
}
