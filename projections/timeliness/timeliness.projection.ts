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
import { insertRows, TIMELINESS_TABLES, timelinessTables } from './timeliness.tables';

export const TIMELINESS_PROJECTION = 'timeliness';
/** `case-`: the prefix of every case stream. */
const CASE_STREAM_PREFIX = caseStreamName('');

function newEventsByCase(events: readonly RecordedEvent[]): Map<string, CaseEventEnvelope[]> {
  const byCase = new Map<string, CaseEventEnvelope[]>();
  for (const recorded of events) {
    const envelope = toCaseEnvelope(recorded);
    if (envelope === null) continue;
    const caseId = recorded.streamName.slice(CASE_STREAM_PREFIX.length);
    const list = byCase.get(caseId) ?? [];
    list.push(envelope);
    byCase.set(caseId, list);
  }
  return byCase;
}

async function storedLogs(context: ProjectionContext, caseIds: string[]): Promise<Map<string, CaseEventEnvelope[]>> {
  const { rows } = await context.client.query<{ case_id: string; log: CaseEventEnvelope[] }>(
    `SELECT case_id, log FROM ${context.table(TIMELINESS_TABLES.cases)} WHERE case_id = ANY($1::text[])`,
    [caseIds],
  );
  return new Map(rows.map((row) => [row.case_id, row.log]));
}

async function write(context: ProjectionContext, rows: readonly TimelinessRows[]): Promise<void> {
  const caseIds = rows.map((row) => row.case.case_id);
  const table = (name: keyof typeof TIMELINESS_TABLES): string => context.table(TIMELINESS_TABLES[name]);
  await insertRows(context.client, 'cases', table('cases'), rows.map((row) => row.case), 'case_id');
  // A case's subjects and deadlines are rebuilt whole: a correction may remove any of them.
  await context.client.query(`DELETE FROM ${table('subjects')} WHERE case_id = ANY($1::text[])`, [caseIds]);
  await context.client.query(`DELETE FROM ${table('deadlines')} WHERE case_id = ANY($1::text[])`, [caseIds]);
  await insertRows(context.client, 'subjects', table('subjects'), rows.flatMap((row) => row.subjects));
  await insertRows(context.client, 'deadlines', table('deadlines'), rows.flatMap((row) => row.deadlines));
}

export const timelinessProjection: ProjectionDefinition = {
  name: TIMELINESS_PROJECTION,
  version: 1,
  filter: { streamNamePrefixes: [CASE_STREAM_PREFIX] },
  tables: timelinessTables,
  async apply(events, context) {
    const fresh = newEventsByCase(events);
    if (fresh.size === 0) return;
    const logs = await storedLogs(context, [...fresh.keys()]);
    const rows = [...fresh.entries()].map(([caseId, newEvents]) => {
      const log = [...(logs.get(caseId) ?? [])];
      for (const event of newEvents) log.push(withoutPersonalData(event, log));
      return timelinessRows(caseId, log, caseTimeline(log));
    });
    await write(context, rows);
  },
};
