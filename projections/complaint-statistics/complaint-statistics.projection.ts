/**
 * The complaint-statistics read model: the dated facts of complaint-facts.ts per force and
 * day, pre-aggregated as counts (common/dated-facts.ts), so a force's period is one range scan.
 * Rebuilt from the case events alone; it stands without the other figures' tables.
 */
import type { RecordedEvent } from '../../src/event-store/event-store';
import type { ProjectionContext, ProjectionDefinition } from '../runner/projection';
import { CASE_STREAM_PREFIX, caseEventLogTable, touchedCases } from '../common/case-event-log';
import { caseFactsTable, countTouchedCases } from '../common/case-facts';
import { countsTableDdl, FactDeltas, writeDeltas } from '../common/dated-facts';
import { complaintCaseFacts } from './complaint-facts';

export const COMPLAINT_STATISTICS_PROJECTION = 'complaint-statistics';
/** The views readers query (the case log for need-to-know: dated-facts.ts, readCounts). */
export const COMPLAINT_STATISTICS_COUNTS_TABLE = 'complaint_statistics_counts';
export const COMPLAINT_STATISTICS_CASE_LOG_TABLE = 'complaint_statistics_case_log';
const CASE_EVENTS_TABLE = 'complaint_statistics_case_events';

export const complaintStatisticsProjection: ProjectionDefinition = {
  name: COMPLAINT_STATISTICS_PROJECTION,
  version: 2,
  // Every case event: the route a complaint took depends on the investigation's steps too.
  filter: { streamNamePrefixes: [CASE_STREAM_PREFIX] },
  tables: [
    caseEventLogTable(CASE_EVENTS_TABLE),
    caseFactsTable(COMPLAINT_STATISTICS_CASE_LOG_TABLE),
    { name: COMPLAINT_STATISTICS_COUNTS_TABLE, ddl: countsTableDdl },
  ],
  apply: applyComplaintStatistics,
};

async function applyComplaintStatistics(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void> {
  const deltas = new FactDeltas();
  const cases = await touchedCases(events, context, CASE_EVENTS_TABLE);
  await countTouchedCases(cases, context, { factsTable: COMPLAINT_STATISTICS_CASE_LOG_TABLE, factsOf: complaintCaseFacts, deltas });
  await writeDeltas(context, COMPLAINT_STATISTICS_COUNTS_TABLE, deltas);
}
