/**
 * The register events (docs/events.md, "Register events"), stream `person-<personId>`.
 *
 * Field names are the contract: the projections of inspection metrics and misconduct
 * statistics read these events by type and field. Extensions of docs/events.md, each needed to
 * make the event usable:
 * - every event carries `force`, so figures can be per force;
 * - the ids that later steps refer to (`businessInterestId`, `associationId`, as docs/events.md
 *   gives them) are carried by those steps too;
 * - where docs/events.md names an event without its fields, the date of the step is
 *   `<verb>On` (`reviewedOn`, `rescindedOn`, `withdrawnOn`, `checkedOn`, `assessedOn`,
 *   `endedOn`), or `on` for the vetting events chosen by `action`, as for suspensions;
 * - a date where docs/events.md lists none: `declaredOn` (conflicts), `testedOn` (drug tests);
 * - `AssociationRiskAssessed.risk`, `BusinessInterestRescinded.reason`,
 *   `VettingGranted.level`, `VettingWithdrawn.reason`, and on a conflict its written
 *   `details` (BCH policy 2.2.6(b)) and the integrity `caseId` it concerns, if any.
 * `ReVettingDue` (docs/events.md) is not recorded yet: no route appends it.
 *
 * VAULT_FIELDS are personal data: the write path seals them under the person's key
 * (person.stream.ts), so the stored events hold vault envelopes in their place.
 */
import { eventOf, eventTypeGuard } from '../common/decider';
import type { DateFields, EventOf, SchemaVersions, VaultFields } from '../common/decider';
import type {
  AssociationNature,
  AssociationRisk,
  BusinessInterestDecision,
  BusinessInterestNature,
  ComplianceResult,
  ConflictAction,
  ConflictNature,
  DrugTestKind,
  DrugTestResult,
  GiftDecision,
  GiftKind,
  VettingLevel,
} from './registers.enums';

/** The force whose register the entry is in. */
interface InForce {
  force: string;
}

interface OfBusinessInterest extends InForce {
  businessInterestId: string;
}

export interface BusinessInterestApplied extends OfBusinessInterest {
  appliedOn: string;
  nature: BusinessInterestNature;
  details: string;
}

export interface BusinessInterestDecided extends OfBusinessInterest {
  decision: BusinessInterestDecision;
  decidedOn: string;
  /** Present exactly when the decision is APPROVED_WITH_CONDITIONS. */
  conditions?: string;
}

export interface BusinessInterestReviewed extends OfBusinessInterest {
  reviewedOn: string;
}

export interface BusinessInterestRescinded extends OfBusinessInterest {
  rescindedOn: string;
  reason: string;
}

export interface BusinessInterestWithdrawn extends OfBusinessInterest {
  withdrawnOn: string;
}

export interface BusinessInterestComplianceChecked extends OfBusinessInterest {
  checkedOn: string;
  result: ComplianceResult;
}

export interface GiftOrHospitalityOffered extends InForce {
  offeredOn: string;
  kind: GiftKind;
  estimatedValuePence: number;
  offeredBy: string;
  decision: GiftDecision;
}

interface OfAssociation extends InForce {
  associationId: string;
}

export interface NotifiableAssociationDeclared extends OfAssociation {
  declaredOn: string;
  nature: AssociationNature;
  person: string;
}

export interface AssociationRiskAssessed extends OfAssociation {
  assessedOn: string;
  risk: AssociationRisk;
}

export interface AssociationReviewed extends OfAssociation {
  reviewedOn: string;
}

export interface AssociationEnded extends OfAssociation {
  endedOn: string;
}

export interface ConflictOfInterestDeclared extends InForce {
  declaredOn: string;
  nature: ConflictNature;
  /** The supervisor's pseudonymous person id. */
  declaredTo: string;
  action: ConflictAction;
  details: string;
  /** The integrity case the conflict concerns, if any (docs/api.md, "Need-to-know"). */
  caseId?: string;
}

export interface VettingGranted extends InForce {
  on: string;
  level: VettingLevel;
}

/** The annual integrity and vetting review (Vetting Code of Practice 2023). */
export interface VettingReviewed extends InForce {
  on: string;
}

export interface VettingWithdrawn extends InForce {
  on: string;
  reason: string;
}

export interface DrugTestRecorded extends InForce {
  testedOn: string;
  kind: DrugTestKind;
  result: DrugTestResult;
}

export interface SystemAccessAuditFinding extends InForce {
  system: string;
  on: string;
  /** How many records were viewed. */
  recordsViewed: number;
  policingPurposeFound: boolean;
}

/** Event type name → payload. Adding a line here makes the compiler list every place to update. */
export interface RegisterEventDataMap {
  BusinessInterestApplied: BusinessInterestApplied;
  BusinessInterestDecided: BusinessInterestDecided;
  BusinessInterestReviewed: BusinessInterestReviewed;
  BusinessInterestRescinded: BusinessInterestRescinded;
  BusinessInterestWithdrawn: BusinessInterestWithdrawn;
  BusinessInterestComplianceChecked: BusinessInterestComplianceChecked;
  GiftOrHospitalityOffered: GiftOrHospitalityOffered;
  NotifiableAssociationDeclared: NotifiableAssociationDeclared;
  AssociationRiskAssessed: AssociationRiskAssessed;
  AssociationReviewed: AssociationReviewed;
  AssociationEnded: AssociationEnded;
  ConflictOfInterestDeclared: ConflictOfInterestDeclared;
  VettingGranted: VettingGranted;
  VettingReviewed: VettingReviewed;
  VettingWithdrawn: VettingWithdrawn;
  DrugTestRecorded: DrugTestRecorded;
  SystemAccessAuditFinding: SystemAccessAuditFinding;
}

export type RegisterEventType = keyof RegisterEventDataMap;
export type RegisterEvent = EventOf<RegisterEventDataMap>;

export const registerEvent = eventOf<RegisterEventDataMap>();

/** Schema version per event type: all 1 until a shipped shape changes. */
export const REGISTER_EVENT_SCHEMA_VERSION: SchemaVersions<RegisterEventDataMap> = {
  BusinessInterestApplied: 1,
  BusinessInterestDecided: 1,
  BusinessInterestReviewed: 1,
  BusinessInterestRescinded: 1,
  BusinessInterestWithdrawn: 1,
  BusinessInterestComplianceChecked: 1,
  GiftOrHospitalityOffered: 1,
  NotifiableAssociationDeclared: 1,
  AssociationRiskAssessed: 1,
  AssociationReviewed: 1,
  AssociationEnded: 1,
  ConflictOfInterestDeclared: 1,
  VettingGranted: 1,
  VettingReviewed: 1,
  VettingWithdrawn: 1,
  DrugTestRecorded: 1,
  SystemAccessAuditFinding: 1,
};

export const REGISTER_EVENT_TYPES = Object.keys(REGISTER_EVENT_SCHEMA_VERSION) as RegisterEventType[];

export const isRegisterEventType = eventTypeGuard(REGISTER_EVENT_SCHEMA_VERSION);

/** The legal date of each event: when it happened in the world (its metadata's occurredAt). */
export const REGISTER_EVENT_DATE: DateFields<RegisterEventDataMap> = {
  BusinessInterestApplied: 'appliedOn',
  BusinessInterestDecided: 'decidedOn',
  BusinessInterestReviewed: 'reviewedOn',
  BusinessInterestRescinded: 'rescindedOn',
  BusinessInterestWithdrawn: 'withdrawnOn',
  BusinessInterestComplianceChecked: 'checkedOn',
  GiftOrHospitalityOffered: 'offeredOn',
  NotifiableAssociationDeclared: 'declaredOn',
  AssociationRiskAssessed: 'assessedOn',
  AssociationReviewed: 'reviewedOn',
  AssociationEnded: 'endedOn',
  ConflictOfInterestDeclared: 'declaredOn',
  VettingGranted: 'on',
  VettingReviewed: 'on',
  VettingWithdrawn: 'on',
  DrugTestRecorded: 'testedOn',
  SystemAccessAuditFinding: 'on',
};

/** Personal-data fields per event type, encrypted by the vault before the append (docs/events.md marks them "(vault)"). */
export const VAULT_FIELDS: VaultFields<RegisterEventDataMap> = {
  BusinessInterestApplied: ['details'],
  BusinessInterestDecided: ['conditions'],
  BusinessInterestReviewed: [],
  BusinessInterestRescinded: ['reason'],
  BusinessInterestWithdrawn: [],
  BusinessInterestComplianceChecked: [],
  GiftOrHospitalityOffered: ['offeredBy'],
  NotifiableAssociationDeclared: ['person'],
  AssociationRiskAssessed: [],
  AssociationReviewed: [],
  AssociationEnded: [],
  ConflictOfInterestDeclared: ['details'],
  VettingGranted: [],
  VettingReviewed: [],
  VettingWithdrawn: ['reason'],
  DrugTestRecorded: [],
  SystemAccessAuditFinding: [],
};
