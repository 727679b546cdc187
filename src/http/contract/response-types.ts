/**
 * The bodies the read routes answer, by the name their schema has in the OpenAPI document
 * (components.schemas). `npm run client` turns these types into JSON schemas
 * (response-schemas.generated.json); a read route names its body with
 * `@ReadRoute({ response: 'CaseStatusItem', ... })` (api-docs.ts). A new read route whose
 * body is a new type: add the type here, then run `npm run client`.
 */
import type { CaseStatusItem } from '../../../projections/common/case-status-item';
import type {
  AccessLogPage,
  AlertPage,
  AlertThresholds,
  AwaitingReview,
  Backlog,
  CaseHistory,
  CaseStatusPage,
  CaseTimelinessView,
  Caseload,
  ComplaintStatistics,
  DccDashboard,
  ErasureRequestPage,
  InspectionFigures,
  MisconductStatistics,
  RecommendationItem,
  SanctionHistoryItem,
  SearchPage,
  Signal,
  UnallocatedCases,
  UnusualReading,
} from '../../../projections';
import type { AssociationState, BusinessInterestState, VettingState } from '../../registers/registers.state';
import type { HealthReport } from '../../health/health.controller';
import type { CaseExport } from '../../ledger/case-export';
import type { ConsistencyProof, InclusionProof } from '../../ledger/proofs';
import type { RecordedSeal } from '../../ledger/seal';
import type { SealPublicKeys } from '../../ledger/seal-trust';
import type { VerifyResult } from '../../ledger/verify';

/** Personal free text as a reader gets it from the vault: the clear text, or `{ "erased": true }` once the person is erased. */
export type VaultText = string | { erased: true };

/**
 * An entry of a person's register: the fields of its event (docs/generated/event-catalogue.md,
 * registers) but `force`, free text as VaultText, and the event's id.
 */
export interface RegisterEntry {
  eventId: string;
  [field: string]: unknown;
}

/** IntegrityRecordView (integrity-record.view.ts) with its free text opened by the vault. */
export interface IntegrityRecord {
  personId: string;
  force: string;
  /** The day the signals were judged on. */
  asOf: string;
  signals: Signal[];
  businessInterests: (BusinessInterestState & {
    details: VaultText;
    conditions: VaultText | null;
    reviewDueOn: string | null;
    complianceChecks: RegisterEntry[];
  })[];
  giftsAndHospitality: RegisterEntry[];
  associations: (AssociationState & { person: VaultText; reviewDueOn: string | null })[];
  conflictsOfInterest: RegisterEntry[];
  vetting: (VettingState & { reviewDueOn: string | null }) | null;
  drugTests: RegisterEntry[];
  systemAccessFindings: RegisterEntry[];
  /** RegisterDocumentAttached's fields (name as VaultText): download with GET /people/{personId}/documents/{documentId}/content. */
  documents: RegisterEntry[];
  sanctionHistory: SanctionHistoryItem[];
}

/** A recommendation (recommendations.queries.ts) with its free text opened by the vault. */
export type RecommendationView = Omit<RecommendationItem, 'text' | 'response' | 'actions'> & {
  text: VaultText;
  response: VaultText | null;
  actions: { on: string; action: VaultText }[];
};

export interface ResponseTypes {
  AccessLogPage: AccessLogPage;
  AlertPage: AlertPage;
  AlertThresholds: AlertThresholds;
  CaseExport: CaseExport;
  CaseHistory: CaseHistory;
  CaseStatusItem: CaseStatusItem;
  CaseStatusPage: CaseStatusPage;
  CaseTimelinessView: CaseTimelinessView;
  ComplaintStatistics: ComplaintStatistics;
  ConsistencyProof: ConsistencyProof;
  DccDashboardView: DccDashboard & { unusualReading: UnusualReading[]; awaitingReview: AwaitingReview };
  DccBacklog: Backlog;
  ErasureRequestPage: ErasureRequestPage;
  Caseload: Caseload;
  UnallocatedCases: UnallocatedCases;
  SearchPage: SearchPage;
  HealthReport: HealthReport;
  InclusionProof: InclusionProof;
  InspectionFigures: InspectionFigures;
  IntegrityRecord: IntegrityRecord;
  MisconductStatistics: MisconductStatistics;
  RecommendationPage: { items: RecommendationView[]; total: number };
  RecordedSeal: RecordedSeal;
  SealPublicKeys: SealPublicKeys;
  VerifyResult: VerifyResult;
}

/** The name of a read route's body in the OpenAPI document. */
export type ResponseTypeName = keyof ResponseTypes;
