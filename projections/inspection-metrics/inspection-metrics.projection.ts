/**
 * The inspection-metrics read model: dated facts per force and day (case referrals, IOPC
 * referrals and modes, outcomes, departures, list entries, finalisations, business
 * interests, gifts, associations, drug tests), pre-aggregated as counts, plus the workforce
 * returns. `GET /metrics/inspection` sums a date range of the counts.
 *
 * A batch is a handful of statements whatever its size (docs/event-store-notes.md, "Write
 * set-based"): read the touched cases and corrected register rows, derive facts in memory,
 * then append the case events (case-event-log.ts) and upsert facts, register rows, workforce
 * rows and count deltas.
 */
import type { CaseEventType } from '../../src/cases/case.events';
import type { RecordedEvent } from '../../src/event-store/event-store';
import type { ProjectionContext, ProjectionDefinition } from '../runner/projection';
import { caseEventLogTable, caseEventsBut, touchedCases } from '../common/case-event-log';
import { caseFactsTable, countTouchedCases } from '../common/case-facts';
import { countsTableDdl, FactDeltas, writeDeltas } from '../common/dated-facts';
import { inspectionCaseFacts } from './inspection-case-facts';
import { REGISTER_EVENT_TYPES } from './register-facts';
import { applyRegisterEvents, registerSourcesTable } from './register-sources';
import { WORKFORCE_RETURNED, workforceTable } from './workforce-returns';

export const INSPECTION_METRICS_PROJECTION = 'inspection-metrics';
/** The views readers query (the case log for need-to-know: dated-facts.ts, readCounts). */
export const INSPECTION_COUNTS_TABLE = 'inspection_counts';
export const INSPECTION_WORKFORCE_TABLE = 'inspection_workforce';
export const INSPECTION_CASE_LOG_TABLE = 'inspection_case_log';
const CASE_EVENTS_TABLE = 'inspection_case_events';
const REGISTER_SOURCES_TABLE = 'inspection_register_events';

/**
 * The case events no inspection figure depends on (inspection-event-filter.spec.ts folds
 * every seed story with and without them); every other case event is read, a new one too.
 * RecordCorrected is read in every stream: of case events here, of register events and
 * returns in theirs.
 */
export const INSPECTION_IGNORES: readonly CaseEventType[] = [
  'SeverityAssessed',
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
  'ProceedingsScheduled',
  'DepartureDecisionRecorded',
  'AppealLodged',
  'AppealDetermined',
  'AdvisoryListEntryRemoved',
  'LearningRecorded',
];

export const inspectionMetricsProjection: ProjectionDefinition = {
  name: INSPECTION_METRICS_PROJECTION,
  // Bump when what a fact means changes: the runner then rebuilds from the first event.
  // 2: facts carry their case's sensitivity, the case log its subjects (need-to-know).
  // 3: the case events kept one row each (case-event-log.ts), apart from the facts.
  // 4: the referral's flags counted (metric `flag`).
  version: 4,
  filter: { eventTypes: [...caseEventsBut(INSPECTION_IGNORES), ...REGISTER_EVENT_TYPES, WORKFORCE_RETURNED] },
  tables: [
    caseEventLogTable(CASE_EVENTS_TABLE),
    caseFactsTable(INSPECTION_CASE_LOG_TABLE),
    registerSourcesTable(REGISTER_SOURCES_TABLE),
    workforceTable(INSPECTION_WORKFORCE_TABLE),
    { name: INSPECTION_COUNTS_TABLE, ddl: countsTableDdl },
  ],
  apply: applyInspectionMetrics,
};

async function applyInspectionMetrics(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void> {
  const deltas = new FactDeltas();
  const cases = await touchedCases(events, context, CASE_EVENTS_TABLE);
  await countTouchedCases(cases, context, { factsTable: INSPECTION_CASE_LOG_TABLE, factsOf: inspectionCaseFacts, deltas });
  await applyRegisterEvents(events, context, { sourcesTable: REGISTER_SOURCES_TABLE, workforceTable: INSPECTION_WORKFORCE_TABLE, deltas });
  await writeDeltas(context, INSPECTION_COUNTS_TABLE, deltas);
}
