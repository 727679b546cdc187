/**
 * The inspection-metrics read model: dated facts per force and day (case referrals, IOPC
 * referrals and modes, outcomes, departures, list entries, finalisations, business
 * interests, gifts, associations, drug tests), pre-aggregated as counts, plus the workforce
 * returns. `GET /metrics/inspection` sums a date range of the counts.
 *
 * A batch is a handful of statements whatever its size (docs/event-store-notes.md, "Write
 * set-based"): read the touched cases and corrected register rows, derive facts in memory,
 * then upsert logs, register rows, workforce rows and count deltas.
 */
import type { CaseEventType } from '../../src/cases/case.events';
import type { RecordedEvent } from '../../src/event-store/event-store';
import type { ProjectionContext, ProjectionDefinition } from '../runner/projection';
import { applyCaseEvents, caseLogTable } from './case-log';
import { countsTableDdl, FactDeltas, writeDeltas } from './dated-facts';
import { inspectionCaseFacts } from './inspection-case-facts';
import { REGISTER_EVENT_TYPES } from './register-facts';
import { applyRegisterEvents, registerSourcesTable } from './register-sources';
import { WORKFORCE_RETURNED, workforceTable } from './workforce-returns';

export const INSPECTION_METRICS_PROJECTION = 'inspection-metrics';
/** The views readers query (the case log for need-to-know: dated-facts.ts, readCounts). */
export const INSPECTION_COUNTS_TABLE = 'inspection_counts';
export const INSPECTION_WORKFORCE_TABLE = 'inspection_workforce';
export const INSPECTION_CASE_LOG_TABLE = 'inspection_case_log';
const REGISTER_SOURCES_TABLE = 'inspection_register_events';

/** The case events the facts depend on (and SubjectAdded, without which a subject's steps are not placed). */
const CASE_EVENT_TYPES: readonly CaseEventType[] = [
  'ReferralReceived',
  'SubjectAdded',
  'AllegationRecorded',
  'ReferredToIopc',
  'IopcDecisionRecorded',
  'SubjectLeftService',
  'ProceedingsConcluded',
  'BarredListEntryMade',
  'AdvisoryListEntryMade',
  'CaseClosed',
  'CaseReopened',
  // Corrections in any stream: of case events here, of register events and returns in theirs.
  'RecordCorrected',
];

export const inspectionMetricsProjection: ProjectionDefinition = {
  name: INSPECTION_METRICS_PROJECTION,
  // Bump when what a fact means changes: the runner then rebuilds from the first event.
  // 2: facts carry their case's sensitivity, the case log its subjects (need-to-know).
  version: 2,
  filter: { eventTypes: [...CASE_EVENT_TYPES, ...REGISTER_EVENT_TYPES, WORKFORCE_RETURNED] },
  tables: [
    caseLogTable(INSPECTION_CASE_LOG_TABLE),
    registerSourcesTable(REGISTER_SOURCES_TABLE),
    workforceTable(INSPECTION_WORKFORCE_TABLE),
    { name: INSPECTION_COUNTS_TABLE, ddl: countsTableDdl },
  ],
  apply: applyInspectionMetrics,
};

async function applyInspectionMetrics(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void> {
  const deltas = new FactDeltas();
  await applyCaseEvents(events, context, { logTable: INSPECTION_CASE_LOG_TABLE, factsOf: inspectionCaseFacts, deltas });
  await applyRegisterEvents(events, context, { sourcesTable: REGISTER_SOURCES_TABLE, workforceTable: INSPECTION_WORKFORCE_TABLE, deltas });
  await writeDeltas(context, INSPECTION_COUNTS_TABLE, deltas);
}
