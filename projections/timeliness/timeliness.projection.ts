/**
 * The `timeliness` projection: per case, the dated facts and statutory deadlines
 * (common/deadlines/deadline-rules.ts), per subject what the DCC oversees. Set-based: each
 * case a batch touches comes folded from its events so far (case-event-log.ts), and its rows
 * are written back with a few multi-row statements. A case is refolded from its own events, so
 * a correction anywhere in its history takes effect at once.
 */
import type { ProjectionContext, ProjectionDefinition } from '../runner/projection';
import { CASE_STREAM_PREFIX, touchedCases } from '../common/case-event-log';
import { TIMELINESS_PROJECTION, TIMELINESS_TABLES } from '../common/timeliness-views';
import { timelineOf } from '../common/deadlines/case-timeline';
import { timelinessRows } from './timeliness-rows';
import type { TimelinessRows } from './timeliness-rows';
import { COUNTED_DEADLINE_COLUMNS, COUNTED_SUBJECT_COLUMNS, countedFacts, countStatement } from '../common/timeliness-counts';
import { insertStatement, timelinessTables } from './timeliness.tables';

/**
 * At most two statements: the subjects and deadlines of cases written before are deleted (a
 * correction may remove any of them; a case new to this batch has none) and what their rows
 * counted is taken out of the counters; then one statement upserts the case rows,
 * inserts the subjects and deadlines, and counts in what it wrote (timeliness-counts.ts).
 */
async function write(context: ProjectionContext, rows: readonly TimelinessRows[], written: readonly string[]): Promise<void> {
  const table = (name: keyof typeof TIMELINESS_TABLES): string => context.table(TIMELINESS_TABLES[name]);
  if (written.length > 0) {
    // One snapshot: the case rows read here are the ones before this batch's upsert.
    await context.client.query(
      `WITH subjects AS (DELETE FROM ${table('subjects')} WHERE case_id = ANY($1::text[]) RETURNING *),
            deadlines AS (DELETE FROM ${table('deadlines')} WHERE case_id = ANY($1::text[]) RETURNING ${COUNTED_DEADLINE_COLUMNS})
       ${countStatement(table('counts'), countedFacts(`(SELECT * FROM ${table('cases')} WHERE case_id = ANY($1::text[])) AS old_case`, 'subjects', 'deadlines'), '-')}`,
      [written],
    );
  }
  const subjects: object[] = [];
  const deadlines: object[] = [];
  for (const row of rows) {
    const { force, sensitivity } = row.case;
    for (const subject of row.subjects) subjects.push({ ...subject, force, sensitivity });
    for (const deadline of row.deadlines) deadlines.push({ ...deadline, force, sensitivity });
  }
  await context.client.query(
    `WITH cases AS (${insertStatement('cases', table('cases'), 1, 'case_id', 'force, sensitivity, stage')}),
          subjects AS (${insertStatement('subjects', table('subjects'), 2, undefined, COUNTED_SUBJECT_COLUMNS)}),
          deadlines AS (${insertStatement('deadlines', table('deadlines'), 3, undefined, COUNTED_DEADLINE_COLUMNS)})
     ${countStatement(table('counts'), countedFacts('cases', 'subjects', 'deadlines'), '+')}`,
    [JSON.stringify(rows.map((row) => row.case)), JSON.stringify(subjects), JSON.stringify(deadlines)],
  );
  // A counter a case has left reads 0: dropped, so the counters are the same however the
  // ledger was cut into batches (a rebuild compares equal to the live generation).
  if (written.length > 0) await context.client.query(`DELETE FROM ${table('counts')} WHERE n = 0`);
}

export const timelinessProjection: ProjectionDefinition = {
  name: TIMELINESS_PROJECTION,
  // 2: logs apart from the case rows; force and sensitivity on subjects and deadlines; the dashboard's indexes.
  // 3: counters per force (timeliness_counts) for the dashboard.
  // 4: each case's events one row each (case-event-log.ts) instead of a log per case.
  // 5: an assumption beside a deadline that rests on one (appeal windows before the written outcome's receipt),
  //    and the exemption that discharged a duty (a reg 19 report withheld).
  // 6: the complaint's clocks (common/deadlines/complaint-deadlines.ts).
  // 7: a matter under Schedule 3 owes its 12- and 6-month reports to the LPB and the Director General (C&M reg 13).
  // 8: the clocks before the proceedings and of a hearing in public (common/deadlines/pre-hearing-deadlines.ts).
  // 9: reflective practice's clocks, the barred-list reports after Performance and Vetting dismissals
  //    (common/deadlines/route-deadlines.ts), and the reg 10 pause of the clocks of the proceedings.
  version: 9,
  filter: { streamNamePrefixes: [CASE_STREAM_PREFIX] },
  tables: timelinessTables,
  async apply(events, context) {
    const cases = await touchedCases(events, context, TIMELINESS_TABLES.events);
    if (cases.length === 0) return;
    const rows = cases.map((touched) => timelinessRows(touched.caseId, timelineOf(touched)));
    await write(
      context,
      rows,
      cases.filter((touched) => touched.seenBefore).map((touched) => touched.caseId),
    );
  },
};
