/**
 * The `timeliness` projection: per case, the dated facts and statutory deadlines
 * (deadline-rules.ts), per subject what the DCC oversees. Set-based: a batch is grouped by
 * case, each touched case's log is loaded in one query, folded on, and written back with a
 * few multi-row statements. A case is refolded from its own log, so a correction anywhere
 * in its history takes effect at once.
 */
import type { CaseEventEnvelope } from '../../src/cases/case.events';
import type { RecordedEvent } from '../../src/event-store/event-store';
import type { ProjectionContext, ProjectionDefinition } from '../runner/projection';
import { caseStreamName, toCaseEnvelope } from '../../src/cases/case.stream';
import { withoutPersonalData } from './case-log';
import { caseTimeline } from './case-timeline';
import { timelinessRows } from './timeliness-rows';
import type { TimelinessRows } from './timeliness-rows';
import { COUNTED_DEADLINE_COLUMNS, COUNTED_SUBJECT_COLUMNS, countedFacts, countStatement } from './timeliness-counts';
import { insertStatement, TIMELINESS_TABLES, timelinessTables } from './timeliness.tables';

export const TIMELINESS_PROJECTION = 'timeliness';
/** `case-`: the prefix of every case stream. */
const CASE_STREAM_PREFIX = caseStreamName('');

/** A batch's case events by case, and the cases whose streams began before the batch. */
function newEventsByCase(events: readonly RecordedEvent[]): { byCase: Map<string, CaseEventEnvelope[]>; continued: Set<string> } {
  const byCase = new Map<string, CaseEventEnvelope[]>();
  const continued = new Set<string>();
  const seen = new Set<string>();
  for (const recorded of events) {
    const caseId = recorded.streamName.slice(CASE_STREAM_PREFIX.length);
    if (!seen.has(caseId)) {
      seen.add(caseId);
      // Revision 0 is the stream's first event: nothing of the case is stored yet.
      if (recorded.revision > 0n) continued.add(caseId);
    }
    const envelope = toCaseEnvelope(recorded);
    if (envelope === null) continue;
    const list = byCase.get(caseId) ?? [];
    list.push(envelope);
    byCase.set(caseId, list);
  }
  return { byCase, continued };
}

async function storedLogs(context: ProjectionContext, caseIds: string[]): Promise<Map<string, CaseEventEnvelope[]>> {
  const { rows } = await context.client.query<{ case_id: string; log: CaseEventEnvelope[] }>(
    `SELECT case_id, log FROM ${context.table(TIMELINESS_TABLES.logs)} WHERE case_id = ANY($1::text[])`,
    [caseIds],
  );
  return new Map(rows.map((row) => [row.case_id, row.log]));
}

/**
 * At most two statements: the subjects and deadlines of cases written before are deleted (a
 * correction may remove any of them; a case new to this batch has none) and what their rows
 * counted is taken out of the counters; then one statement upserts the logs and case rows,
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
    `WITH logs AS (${insertStatement('logs', table('logs'), 1, 'case_id')}),
          cases AS (${insertStatement('cases', table('cases'), 2, 'case_id', 'force, sensitivity, stage')}),
          subjects AS (${insertStatement('subjects', table('subjects'), 3, undefined, COUNTED_SUBJECT_COLUMNS)}),
          deadlines AS (${insertStatement('deadlines', table('deadlines'), 4, undefined, COUNTED_DEADLINE_COLUMNS)})
     ${countStatement(table('counts'), countedFacts('cases', 'subjects', 'deadlines'), '+')}`,
    [
      JSON.stringify(rows.map((row) => ({ case_id: row.case.case_id, log: row.log }))),
      JSON.stringify(rows.map((row) => row.case)),
      JSON.stringify(subjects),
      JSON.stringify(deadlines),
    ],
  );
  // A counter a case has left reads 0: dropped, so the counters are the same however the
  // ledger was cut into batches (a rebuild compares equal to the live generation).
  if (written.length > 0) await context.client.query(`DELETE FROM ${table('counts')} WHERE n = 0`);
}

export const timelinessProjection: ProjectionDefinition = {
  name: TIMELINESS_PROJECTION,
  // 2: logs apart from the case rows; force and sensitivity on subjects and deadlines; the dashboard's indexes.
  // 3: counters per force (timeliness_counts) for the dashboard.
  version: 3,
  filter: { streamNamePrefixes: [CASE_STREAM_PREFIX] },
  tables: timelinessTables,
  async apply(events, context) {
    const { byCase: fresh, continued } = newEventsByCase(events);
    if (fresh.size === 0) return;
    const toRead = [...fresh.keys()].filter((caseId) => continued.has(caseId));
    const logs = toRead.length === 0 ? new Map<string, CaseEventEnvelope[]>() : await storedLogs(context, toRead);
    const rows = [...fresh.entries()].map(([caseId, newEvents]) => {
      const log = logs.get(caseId) ?? [];
      for (const event of newEvents) log.push(withoutPersonalData(event, log));
      return timelinessRows(caseId, log, caseTimeline(log));
    });
    await write(context, rows, [...logs.keys()]);
  },
};
