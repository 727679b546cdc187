/**
 * The case events (docs/events.md, "Case events"), stream `case-<caseId>`.
 *
 * Field names are the contract with every record ever written: a shipped event is never
 * edited; a new shape is a new schema version with an upcaster. Dates in the world are
 * `YYYY-MM-DD` strings. Fields listed in VAULT_FIELDS are personal data that the
 * personal-data vault will encrypt; they are plain strings here until it exists.
 */
import type {
  AppealForum,
  AppealResult,
  BarredListBasis,
  CaseStage,
  CaseToAnswerDecision,
  CaseType,
  Chair,
  MisconductSanctionBasis,
  CorruptionCategory,
  CriminalOutcome,
  DecisionMaker,
  DepartureKind,
  FindingLevel,
  InvestigativeAction,
  IopcMode,
  IopcReferralCriterion,
  LearningKind,
  Offence,
  Outcome,
  ProceedingsKind,
  ProgressReportKind,
  ProgressReportRecipient,
  Rank,
  ReferralSource,
  Sensitivity,
  Sentence,
  SeverityLevel,
  Standard,
  WorkforceType,
} from './case.enums';

// Opening and assessment

export interface ReferralFlags {
  apsp: boolean;
  prejudicialImproperBehaviour: boolean;
  violenceAgainstWomenAndGirls: boolean;
}

export interface ReferralReceived {
  caseId: string;
  force: string;
  receivedOn: string;
  source: ReferralSource;
  caseType: CaseType;
  summary: string;
  anonymousSource: boolean;
  sensitivity: Sensitivity;
  corruptionCategories: CorruptionCategory[];
  flags: ReferralFlags;
}

export interface SubjectAdded {
  subjectId: string;
  personId: string;
  workforceType: WorkforceType;
  rank: Rank;
  grade?: string;
  lengthOfServiceMonths: number;
  unit: string;
}

export interface AllegationRecorded {
  allegationId: string;
  subjectId: string;
  summary: string;
  standards: Standard[];
  /** Absent for an allegation that is not about corruption. */
  corruptionCategory?: CorruptionCategory;
}

export interface SeverityAssessed {
  subjectId: string;
  level: SeverityLevel;
  assessedBy: DecisionMaker;
  rationale: string;
}

export interface ReferredToIopc {
  criteria: IopcReferralCriterion[];
  mandatory: boolean;
  referredOn: string;
}

export interface IopcDecisionRecorded {
  mode: IopcMode;
  decidedOn: string;
}

export interface InvestigationStarted {
  investigatorId: string;
  startedOn: string;
  termsOfReference: string;
}

// Subject steps

export interface NoticeOfInvestigationServed {
  subjectId: string;
  servedOn: string;
}

/** Shared by SubjectSuspended, SuspensionReviewed, SubjectRestricted and SuspensionLifted. */
export interface SuspensionStep {
  subjectId: string;
  on: string;
  reason: string;
}
export type SubjectSuspended = SuspensionStep;
export type SuspensionReviewed = SuspensionStep;
export type SubjectRestricted = SuspensionStep;
export type SuspensionLifted = SuspensionStep;

export interface SubjectArrested {
  subjectId: string;
  arrestedOn: string;
  suspectedOffences: Offence[];
}

export interface InvestigativeActionRecorded {
  subjectId: string;
  action: InvestigativeAction;
  on: string;
  result: string;
}

export interface ReferredToCps {
  subjectId: string;
  referredOn: string;
  offences: Offence[];
}

export interface CriminalOutcomeRecorded {
  subjectId: string;
  outcome: CriminalOutcome;
  sentence: Sentence;
  on: string;
}

export interface ProgressReportSent {
  to: ProgressReportRecipient;
  on: string;
  kind: ProgressReportKind;
}

export interface InvestigationReportSubmitted {
  on: string;
}

export interface CaseToAnswerDecided {
  subjectId: string;
  decision: CaseToAnswerDecision;
  decidedBy: DecisionMaker;
  on: string;
  /**
   * reg 23(1)(b): with a case to answer, whether proceedings are brought; false records a
   * decision not to bring them, which ends the subject's process (absent: they are).
   */
  proceedingsBrought?: boolean;
}

/** Shared by the steps that are only a subject and a date. */
export interface SubjectDatedStep {
  subjectId: string;
  on: string;
}
export type ReflectivePracticeReviewStarted = SubjectDatedStep;
export type ReflectivePracticeReviewCompleted = SubjectDatedStep;
export type ManagementActionTaken = SubjectDatedStep;
/**
 * An accelerated hearing that finds no gross misconduct returns the case to the appropriate
 * authority for a meeting or hearing (reg 62 and Sch 1): the proceedings end unconcluded.
 */
export type ReturnedToAppropriateAuthority = SubjectDatedStep;
/** reg 43: the day the officer received the written outcome; appeal windows run from it. */
export type WrittenOutcomeReceived = SubjectDatedStep;

export interface ProceedingsScheduled {
  subjectId: string;
  kind: ProceedingsKind;
  noticeServedOn: string;
  scheduledFor: string;
  /** Regs 22 and 48: the officer and the authority agreed to shorten the time limits. */
  shortenedByAgreement?: boolean;
}

export interface SubjectLeftService {
  subjectId: string;
  how: DepartureKind;
  on: string;
  approvedByDcc: boolean;
  /** Derived by decide from the case (the subject's stage), never sent by the client. */
  stageAtDeparture: CaseStage;
}

export interface DepartureDecisionRecorded {
  subjectId: string;
  approved: boolean;
  on: string;
}

export interface Finding {
  standard: Standard;
  proven: boolean;
  level: FindingLevel;
}

export interface ProceedingsConcluded {
  subjectId: string;
  on: string;
  findings: Finding[];
  outcome: Outcome;
  /** True when the subject had left: the outcome is then what would have been imposed. */
  formerOfficer: boolean;
  chair: Chair;
  /**
   * reg 42(5)/(6), what permits a serious outcome on a misconduct-only finding; also tells
   * that a final written warning was live (reg 42(7): no second one).
   */
  sanctionBasis?: MisconductSanctionBasis;
}

export interface AppealLodged {
  subjectId: string;
  forum: AppealForum;
  on: string;
}

export interface AppealDetermined {
  subjectId: string;
  forum: AppealForum;
  on: string;
  result: AppealResult;
  /** Present exactly when `result` is OUTCOME_VARIED. */
  variedOutcome?: Outcome;
}

export interface BarredListEntryMade {
  subjectId: string;
  on: string;
  basis: BarredListBasis;
}

export type AdvisoryListEntryMade = SubjectDatedStep;
export type AdvisoryListEntryRemoved = SubjectDatedStep;

export interface LearningRecorded {
  on: string;
  kind: LearningKind;
  text: string;
}

export interface CaseClosureStep {
  on: string;
  reason: string;
}
export type CaseClosed = CaseClosureStep;
export type CaseReopened = CaseClosureStep;

export interface RecordCorrected {
  correctsEventId: string;
  reason: string;
  /** The corrected payload: a complete payload of the corrected event's own type. */
  replacement: CorrectableEventData;
}

/** Event type name → payload type. Adding a line here makes the compiler list every place to update. */
export interface CaseEventDataMap {
  ReferralReceived: ReferralReceived;
  SubjectAdded: SubjectAdded;
  AllegationRecorded: AllegationRecorded;
  SeverityAssessed: SeverityAssessed;
  ReferredToIopc: ReferredToIopc;
  IopcDecisionRecorded: IopcDecisionRecorded;
  InvestigationStarted: InvestigationStarted;
  NoticeOfInvestigationServed: NoticeOfInvestigationServed;
  SubjectSuspended: SubjectSuspended;
  SuspensionReviewed: SuspensionReviewed;
  SubjectRestricted: SubjectRestricted;
  SuspensionLifted: SuspensionLifted;
  SubjectArrested: SubjectArrested;
  InvestigativeActionRecorded: InvestigativeActionRecorded;
  ReferredToCps: ReferredToCps;
  CriminalOutcomeRecorded: CriminalOutcomeRecorded;
  ProgressReportSent: ProgressReportSent;
  InvestigationReportSubmitted: InvestigationReportSubmitted;
  CaseToAnswerDecided: CaseToAnswerDecided;
  ReflectivePracticeReviewStarted: ReflectivePracticeReviewStarted;
  ReflectivePracticeReviewCompleted: ReflectivePracticeReviewCompleted;
  ManagementActionTaken: ManagementActionTaken;
  WrittenOutcomeReceived: WrittenOutcomeReceived;
  ReturnedToAppropriateAuthority: ReturnedToAppropriateAuthority;
  ProceedingsScheduled: ProceedingsScheduled;
  SubjectLeftService: SubjectLeftService;
  DepartureDecisionRecorded: DepartureDecisionRecorded;
  ProceedingsConcluded: ProceedingsConcluded;
  AppealLodged: AppealLodged;
  AppealDetermined: AppealDetermined;
  BarredListEntryMade: BarredListEntryMade;
  AdvisoryListEntryMade: AdvisoryListEntryMade;
  AdvisoryListEntryRemoved: AdvisoryListEntryRemoved;
  LearningRecorded: LearningRecorded;
  CaseClosed: CaseClosed;
  CaseReopened: CaseReopened;
  RecordCorrected: RecordCorrected;
}

export type CaseEventType = keyof CaseEventDataMap;

/** `{ type: 'ReferralReceived'; data: ReferralReceived } | { type: 'SubjectAdded'; ... } | ...` */
export type CaseEvent = { [K in CaseEventType]: { type: K; data: CaseEventDataMap[K] } }[CaseEventType];

export type CaseEventOfType<K extends CaseEventType> = Extract<CaseEvent, { type: K }>;

/** An event as read back from the stream: the store's id, and when it happened in the world. */
export type CaseEventEnvelope = CaseEvent & { eventId: string; occurredAt?: string };

/** Every event but RecordCorrected can be corrected (a correction is never corrected). */
export type CorrectableEventType = Exclude<CaseEventType, 'RecordCorrected'>;
export type CorrectableEventData = CaseEventDataMap[CorrectableEventType];

/** Schema version per event type: all 1 until a shipped shape changes. */
export const CASE_EVENT_SCHEMA_VERSION: { readonly [K in CaseEventType]: number } = {
  ReferralReceived: 1,
  SubjectAdded: 1,
  AllegationRecorded: 1,
  SeverityAssessed: 1,
  ReferredToIopc: 1,
  IopcDecisionRecorded: 1,
  InvestigationStarted: 1,
  NoticeOfInvestigationServed: 1,
  SubjectSuspended: 1,
  SuspensionReviewed: 1,
  SubjectRestricted: 1,
  SuspensionLifted: 1,
  SubjectArrested: 1,
  InvestigativeActionRecorded: 1,
  ReferredToCps: 1,
  CriminalOutcomeRecorded: 1,
  ProgressReportSent: 1,
  InvestigationReportSubmitted: 1,
  CaseToAnswerDecided: 1,
  ReflectivePracticeReviewStarted: 1,
  ReflectivePracticeReviewCompleted: 1,
  ManagementActionTaken: 1,
  WrittenOutcomeReceived: 1,
  ReturnedToAppropriateAuthority: 1,
  ProceedingsScheduled: 1,
  SubjectLeftService: 1,
  DepartureDecisionRecorded: 1,
  ProceedingsConcluded: 1,
  AppealLodged: 1,
  AppealDetermined: 1,
  BarredListEntryMade: 1,
  AdvisoryListEntryMade: 1,
  AdvisoryListEntryRemoved: 1,
  LearningRecorded: 1,
  CaseClosed: 1,
  CaseReopened: 1,
  RecordCorrected: 1,
};

/** The runtime list of case event type names. */
export const CASE_EVENT_TYPES = Object.keys(CASE_EVENT_SCHEMA_VERSION) as CaseEventType[];

export function isCaseEventType(value: string): value is CaseEventType {
  return Object.prototype.hasOwnProperty.call(CASE_EVENT_SCHEMA_VERSION, value);
}

/**
 * Personal-data fields per event type, to be encrypted by the vault (docs/events.md marks them
 * "(vault)"). A RecordCorrected's replacement carries the corrected event's own vault
 * fields, found through the corrected event's type.
 */
export const VAULT_FIELDS: { readonly [K in CaseEventType]: readonly (keyof CaseEventDataMap[K])[] } = {
  ReferralReceived: ['summary'],
  SubjectAdded: [],
  AllegationRecorded: ['summary'],
  SeverityAssessed: ['rationale'],
  ReferredToIopc: [],
  IopcDecisionRecorded: [],
  InvestigationStarted: ['termsOfReference'],
  NoticeOfInvestigationServed: [],
  SubjectSuspended: [],
  SuspensionReviewed: [],
  SubjectRestricted: [],
  SuspensionLifted: [],
  SubjectArrested: [],
  InvestigativeActionRecorded: ['result'],
  ReferredToCps: [],
  CriminalOutcomeRecorded: [],
  ProgressReportSent: [],
  InvestigationReportSubmitted: [],
  CaseToAnswerDecided: [],
  ReflectivePracticeReviewStarted: [],
  ReflectivePracticeReviewCompleted: [],
  ManagementActionTaken: [],
  WrittenOutcomeReceived: [],
  ReturnedToAppropriateAuthority: [],
  ProceedingsScheduled: [],
  SubjectLeftService: [],
  DepartureDecisionRecorded: [],
  ProceedingsConcluded: [],
  AppealLodged: [],
  AppealDetermined: [],
  BarredListEntryMade: [],
  AdvisoryListEntryMade: [],
  AdvisoryListEntryRemoved: [],
  LearningRecorded: ['text'],
  CaseClosed: [],
  CaseReopened: [],
  RecordCorrected: [],
};
