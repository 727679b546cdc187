/**
 * The misconduct-statistics read model: the dated facts of statistics-facts.ts per force
 * and day, pre-aggregated as counts, so a force's financial year is one range scan. Built
 * on the shared case machinery (projections/common: case-event-log.ts, case-facts.ts,
 * dated-facts.ts) with tables of its own: it is rebuilt without touching the inspection
 * figures, and stands without them.
 */
import type { CaseEventType } from '../../src/cases/case.events';
import type { RecordedEvent } from '../../src/event-store/event-store';
import type { ProjectionContext, ProjectionDefinition } from '../runner/projection';
import { CASE_STREAM_PREFIX, caseEventLogTable, caseEventsBut, touchedCases } from '../common/case-event-log';
import { caseFactsTable, countTouchedCases } from '../common/case-facts';
import { countsTableDdl, FactDeltas, writeDeltas } from '../common/dated-facts';
import { statisticsCaseFacts } from './statistics-facts';

export const MISCONDUCT_STATISTICS_PROJECTION = 'misconduct-statistics';
/** The views readers query (the case log for need-to-know: dated-facts.ts, readCounts). */
export const MISCONDUCT_STATISTICS_COUNTS_TABLE = 'misconduct_statistics_counts';
export const MISCONDUCT_STATISTICS_CASE_LOG_TABLE = 'misconduct_statistics_case_log';
const CASE_EVENTS_TABLE = 'misconduct_statistics_case_events';

/**
 * The case events no table depends on (statistics-event-filter.spec.ts folds every seed
 * story with and without them); every other case event is read, a new one too.
 */
export const STATISTICS_IGNORES: readonly CaseEventType[] = [
  'SeverityAssessed',
  'ReferredToIopc',
  'IopcDecisionRecorded',
  'InvestigationStarted',
  'NoticeOfInvestigationServed',
  'SubjectSuspended',
  'SuspensionReviewed',
  'SubjectRestricted',
  'SuspensionLifted',
  'SubjectArrested',
  'InvestigativeActionRecorded',
  'ReferredToCps',
  'CriminalOutcomeRecorded',
  'ProgressReportSent',
  'InvestigationReportSubmitted',
  'CaseToAnswerDecided',
  'ReflectivePracticeReviewStarted',
  'ReflectivePracticeReviewCompleted',
  'ManagementActionTaken',
  'DepartureDecisionRecorded',
  'AppealLodged',
  'AppealDetermined',
  'AdvisoryListEntryMade',
  'AdvisoryListEntryRemoved',
  'LearningRecorded',
  'CaseClosed',
  'CaseReopened',
];

export const misconductStatisticsProjection: ProjectionDefinition = {
  name: MISCONDUCT_STATISTICS_PROJECTION,
  // 2: facts carry their case's sensitivity, the case log its subjects (need-to-know).
  // 3: the case events kept one row each (case-event-log.ts), apart from the facts.
  // 4: matters under the 2020 regulations only in the proceedings tables; the Home Office case type.
  version: 4,
  filter: { streamNamePrefixes: [CASE_STREAM_PREFIX], eventTypes: caseEventsBut(STATISTICS_IGNORES) },
  tables: [
    caseEventLogTable(CASE_EVENTS_TABLE),
    caseFactsTable(MISCONDUCT_STATISTICS_CASE_LOG_TABLE),
    { name: MISCONDUCT_STATISTICS_COUNTS_TABLE, ddl: countsTableDdl },
  ],
  apply: applyMisconductStatistics,
};

async function applyMisconductStatistics(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void> {
  const deltas = new FactDeltas();
  const cases = await touchedCases(events, context, CASE_EVENTS_TABLE);
  await countTouchedCases(cases, context, { factsTable: MISCONDUCT_STATISTICS_CASE_LOG_TABLE, factsOf: statisticsCaseFacts, deltas });
  await writeDeltas(context, MISCONDUCT_STATISTICS_COUNTS_TABLE, deltas);
}
