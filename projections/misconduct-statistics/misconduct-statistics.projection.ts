/**
 * The misconduct-statistics read model: the dated facts of statistics-facts.ts per force
 * and day, pre-aggregated as counts, so a force's financial year is one range scan. It is
 * built on the inspection-metrics projection's case-log and dated-fact machinery, with
 * tables of its own: it can be rebuilt without touching the inspection figures.
 */
import type { CaseEventType } from '../../src/cases/case.events';
import type { RecordedEvent } from '../../src/event-store/event-store';
import type { ProjectionContext, ProjectionDefinition } from '../runner/projection';
import { applyCaseEvents, CASE_STREAM_PREFIX, caseLogTable } from '../inspection-metrics/case-log';
import { countsTableDdl, FactDeltas, writeDeltas } from '../inspection-metrics/dated-facts';
import { statisticsCaseFacts } from './statistics-facts';

export const MISCONDUCT_STATISTICS_PROJECTION = 'misconduct-statistics';
/** The views readers query (the case log for need-to-know: dated-facts.ts, readCounts). */
export const MISCONDUCT_STATISTICS_COUNTS_TABLE = 'misconduct_statistics_counts';
export const MISCONDUCT_STATISTICS_CASE_LOG_TABLE = 'misconduct_statistics_case_log';

/** The case events the tables depend on. */
const CASE_EVENT_TYPES: readonly CaseEventType[] = [
  'ReferralReceived',
  'SubjectAdded',
  'AllegationRecorded',
  'ProceedingsScheduled',
  'SubjectLeftService',
  'ProceedingsConcluded',
  'BarredListEntryMade',
  'RecordCorrected',
];

export const misconductStatisticsProjection: ProjectionDefinition = {
  name: MISCONDUCT_STATISTICS_PROJECTION,
  // 2: facts carry their case's sensitivity, the case log its subjects (need-to-know).
  version: 2,
  filter: { streamNamePrefixes: [CASE_STREAM_PREFIX], eventTypes: [...CASE_EVENT_TYPES] },
  tables: [caseLogTable(MISCONDUCT_STATISTICS_CASE_LOG_TABLE), { name: MISCONDUCT_STATISTICS_COUNTS_TABLE, ddl: countsTableDdl }],
  apply: applyMisconductStatistics,
};

async function applyMisconductStatistics(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void> {
  const deltas = new FactDeltas();
  await applyCaseEvents(events, context, { logTable: MISCONDUCT_STATISTICS_CASE_LOG_TABLE, factsOf: statisticsCaseFacts, deltas });
  await writeDeltas(context, MISCONDUCT_STATISTICS_COUNTS_TABLE, deltas);
}
