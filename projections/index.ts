import { accessLogProjection } from './access-log/access-log.projection';
import { alertsProjection } from './alerts/alerts.projection';
import { allocationProjection } from './allocation/allocation.projection';
import { caseStatusProjection } from './case-status/case-status.projection';
import { erasureRequestsProjection } from './erasure-requests/erasure-requests.projection';
import { complaintStatisticsProjection } from './complaint-statistics/complaint-statistics.projection';
import { integrityRecordProjection } from './integrity-record/integrity-record.projection';
import { recommendationsProjection } from './recommendations/recommendations.projection';
import { inspectionMetricsProjection } from './inspection-metrics/inspection-metrics.projection';
import { misconductStatisticsProjection } from './misconduct-statistics/misconduct-statistics.projection';
import { ProjectionDefinition } from './runner/projection';
import { searchProjection } from './search/search.projection';
import { timelinessProjection } from './timeliness/timeliness.projection';

/** Every read model the service runs. A projection folder adds itself here. */
export const PROJECTIONS: ProjectionDefinition[] = [
  caseStatusProjection,
  timelinessProjection,
  inspectionMetricsProjection,
  misconductStatisticsProjection,
  complaintStatisticsProjection,
  integrityRecordProjection,
  recommendationsProjection,
  accessLogProjection,
  allocationProjection,
  searchProjection,
  alertsProjection,
  erasureRequestsProjection,
];

/** Read APIs served from projection folders, for the application module. */
export { CaseStatusModule } from './case-status/case-status.module';
export { CaseHistoryModule } from './case-history/case-history.module';
export { CaseExportModule } from './case-export/case-export.module';
export { TimelinessModule } from './timeliness/timeliness.module';
export { DccOversightModule } from './dcc-oversight/dcc-oversight.module';
export { InspectionMetricsModule } from './inspection-metrics/inspection-metrics.module';
export { MisconductStatisticsModule } from './misconduct-statistics/misconduct-statistics.module';
export { ComplaintStatisticsModule } from './complaint-statistics/complaint-statistics.module';
export { IntegrityRecordModule } from './integrity-record/integrity-record.module';
export { RecommendationsReadModule } from './recommendations/recommendations.module';
export { AccessLogModule } from './access-log/access-log.module';
export { AllocationModule } from './allocation/allocation.module';
export { SearchModule } from './search/search.module';
export { AlertsReadModule } from './alerts/alerts.module';
export { ErasureRequestsReadModule } from './erasure-requests/erasure-requests.module';

/** What the pages (src/web) read, the same services and queries as the read APIs above. */
export { CaseHistoryReader } from './case-history/case-history.service';
export type { CaseHistory, HistoryEntry } from './case-history/case-history';
export { CASE_LIST_SORTS, CaseListQuery } from './case-status/case-status.dto';
export type { CaseListSort } from './case-status/case-status.dto';
export { CaseStatusQueries } from './case-status/case-status.queries';
export { TimelinessQueries } from './timeliness/timeliness.queries';
export { caseTimelinessView } from './timeliness/timeliness-view';
export { DccDashboardQuery, DccOversightController } from './dcc-oversight/dcc-oversight.controller';
export { SEARCH_ROLES, SearchService } from './search/search.service';
export { SEARCH_KINDS } from './search/search.projection';
export { SEARCH_PROJECTION } from './search/search.tables';
export { SearchQuery } from './search/search.dto';
export type { SearchPage, SearchResult } from './search/search.queries';
export { InspectionMetricsController } from './inspection-metrics/inspection-metrics.controller';
export type { InspectionFigures } from './inspection-metrics/inspection-figures';
export { MisconductStatisticsController } from './misconduct-statistics/misconduct-statistics.controller';
export type { MisconductStatistics } from './misconduct-statistics/statistics-tables';
export { RecommendationsController } from './recommendations/recommendations.controller';
export type { RecommendationPage } from './recommendations/recommendations.queries';
export { AccessLogController } from './access-log/access-log.controller';
export type { AccessLogPage } from './access-log/access-log.queries';
export { CaseExportController } from './case-export/case-export.controller';
export { IntegrityRecordController } from './integrity-record/integrity-record.controller';
export { AlertsController } from './alerts/alerts.controller';
export { AlertsQueries } from './alerts/alerts.queries';
export { ErasureRequestsController } from './erasure-requests/erasure-requests.controller';
// The bodies of the read routes, for the HTTP contract (src/http/contract/response-types.ts).
export type { CaseStatusPage } from './case-status/case-status.queries';
export type { ComplaintStatistics } from './complaint-statistics/complaint-figures';
export type { DccDashboard } from './dcc-oversight/dcc-dashboard';
export type { UnusualReading } from './dcc-oversight/unusual-reading';
export type { AwaitingReview } from './dcc-oversight/awaiting-review';
export type { Backlog } from './dcc-oversight/backlog';
export type { Caseload, UnallocatedCases } from './allocation/allocation.queries';
export type { SanctionHistoryItem } from './integrity-record/integrity-record.view';
export type { Signal } from './integrity-record/signals';
export type { RecommendationItem } from './recommendations/recommendations.queries';
export type { CaseTimelinessView } from './timeliness/timeliness-view';
export type { AlertPage, AlertThresholds } from './alerts/alerts.queries';
export type { ErasureRequestPage } from './erasure-requests/erasure-requests.queries';
