/**
 * The case events (docs/events.md, "Case events"), stream `case-<caseId>`: each declared once,
 * here. Its payload type, the runtime check of a payload (a correction's replacement), its
 * schema version, its personal-data fields (kind `vaultText`, sealed by the vault), its legal
 * date (`occurredAt`) and the command that appends it are all derived from the declaration
 * (src/common/event-declaration.ts).
 *
 * Field names are the contract with every record ever written: a shipped event is never
 * edited; a new shape is a new schema version with an upcaster. Dates in the world are
 * `YYYY-MM-DD` strings.
 */
import {
  APPEAL_FORUMS,
  APPEAL_RESULTS,
  BARRED_LIST_BASES,
  CASE_STAGES,
  CASE_TO_ANSWER_DECISIONS,
  CASE_TYPES,
  CHAIRS,
  CORRUPTION_CATEGORIES,
  CRIMINAL_OUTCOMES,
  DECISION_MAKERS,
  DEPARTURE_KINDS,
  FINDING_LEVELS,
  INVESTIGATIVE_ACTIONS,
  IOPC_MODES,
  IOPC_REFERRAL_CRITERIA,
  LEARNING_KINDS,
  MISCONDUCT_SANCTION_BASES,
  OFFENCES,
  OUTCOMES,
  PROCEEDINGS_KINDS,
  PROGRESS_REPORT_KINDS,
  PROGRESS_REPORT_RECIPIENTS,
  RANKS,
  REFERRAL_SOURCES,
  SENSITIVITIES,
  SENTENCES,
  SEVERITY_LEVELS,
  STANDARDS,
  WORKFORCE_TYPES,
} from './case.enums';
import { count, day, declaredEvents, event, flag, id, listOf, oneOf, optional, payload, record, records, text, vaultText } from '../common/event-declaration';
import type { DataMapOf } from '../common/event-declaration';
import { COMPLAINT_EVENTS } from './complaint.events';
import { PRE_HEARING_EVENTS } from './pre-hearing.events';
import { ALLOCATION_EVENTS } from './allocation.events';
import { DOCUMENT_EVENTS } from './document.events';
import { PROCEEDINGS_ROUTE_EVENTS } from './proceedings-routes.events';
import { REFLECTIVE_PRACTICE_EVENTS } from './reflective-practice.events';

const suspensionStep = { subjectId: id, on: day, reason: text };
const subjectDated = { subjectId: id, on: day };
const closureStep = { on: day, reason: text };
const finding = { standard: oneOf(STANDARDS), proven: flag, level: oneOf(FINDING_LEVELS) };
const referralFlags = { apsp: flag, prejudicialImproperBehaviour: flag, violenceAgainstWomenAndGirls: flag };

/** Every case event: its command, schema version, legal date and fields. */
export const CASE_EVENTS = {
  // Opening and assessment
  ReferralReceived: event({
    command: 'ReceiveReferral',
    version: 1,
    legalDate: 'receivedOn',
    fields: {
      caseId: id,
      force: text,
      receivedOn: day,
      source: oneOf(REFERRAL_SOURCES),
      caseType: oneOf(CASE_TYPES),
      summary: vaultText,
      anonymousSource: flag,
      sensitivity: oneOf(SENSITIVITIES),
      corruptionCategories: listOf(CORRUPTION_CATEGORIES),
      flags: record(referralFlags),
    },
  }),
  SubjectAdded: event({
    command: 'AddSubject',
    version: 1,
    fields: {
      subjectId: id,
      personId: id,
      workforceType: oneOf(WORKFORCE_TYPES),
      rank: oneOf(RANKS),
      grade: optional(text),
      lengthOfServiceMonths: count,
      unit: text,
      /**
       * Their coded protected characteristics, for the IOPC's "who is complained about" (the JSON
       * of complaint.enums.ts's PROTECTED_CHARACTERISTICS); personal data, in the vault.
       */
      protectedCharacteristics: optional(vaultText),
    },
  }),
  AllegationRecorded: event({
    command: 'RecordAllegation',
    version: 1,
    fields: {
      allegationId: id,
      subjectId: id,
      summary: vaultText,
      standards: listOf(STANDARDS),
      /** Absent for an allegation that is not about corruption. */
      corruptionCategory: optional(oneOf(CORRUPTION_CATEGORIES)),
    },
  }),
  SeverityAssessed: event({
    command: 'AssessSeverity',
    version: 1,
    fields: { subjectId: id, level: oneOf(SEVERITY_LEVELS), assessedBy: oneOf(DECISION_MAKERS), rationale: vaultText },
  }),
  ReferredToIopc: event({
    command: 'ReferToIopc',
    version: 1,
    legalDate: 'referredOn',
    fields: { criteria: listOf(IOPC_REFERRAL_CRITERIA), mandatory: flag, referredOn: day },
  }),
  IopcDecisionRecorded: event({ command: 'RecordIopcDecision', version: 1, legalDate: 'decidedOn', fields: { mode: oneOf(IOPC_MODES), decidedOn: day } }),
  InvestigationStarted: event({
    command: 'StartInvestigation',
    version: 1,
    legalDate: 'startedOn',
    fields: { investigatorId: id, startedOn: day, termsOfReference: vaultText },
  }),

  // Subject steps
  NoticeOfInvestigationServed: event({ command: 'ServeNoticeOfInvestigation', version: 1, legalDate: 'servedOn', fields: { subjectId: id, servedOn: day } }),
  SubjectSuspended: event({ command: 'SuspendSubject', version: 1, legalDate: 'on', fields: suspensionStep }),
  SuspensionReviewed: event({ command: 'ReviewSuspension', version: 1, legalDate: 'on', fields: suspensionStep }),
  SubjectRestricted: event({ command: 'RestrictSubject', version: 1, legalDate: 'on', fields: suspensionStep }),
  SuspensionLifted: event({ command: 'LiftSuspension', version: 1, legalDate: 'on', fields: suspensionStep }),
  SubjectArrested: event({
    command: 'RecordArrest',
    version: 1,
    legalDate: 'arrestedOn',
    fields: { subjectId: id, arrestedOn: day, suspectedOffences: listOf(OFFENCES) },
  }),
  InvestigativeActionRecorded: event({
    command: 'RecordInvestigativeAction',
    version: 1,
    legalDate: 'on',
    fields: { subjectId: id, action: oneOf(INVESTIGATIVE_ACTIONS), on: day, result: vaultText },
  }),
  ReferredToCps: event({ command: 'ReferToCps', version: 1, legalDate: 'referredOn', fields: { subjectId: id, referredOn: day, offences: listOf(OFFENCES) } }),
  CriminalOutcomeRecorded: event({
    command: 'RecordCriminalOutcome',
    version: 1,
    legalDate: 'on',
    fields: { subjectId: id, outcome: oneOf(CRIMINAL_OUTCOMES), sentence: oneOf(SENTENCES), on: day },
  }),
  ProgressReportSent: event({
    command: 'SendProgressReport',
    version: 1,
    legalDate: 'on',
    fields: { to: oneOf(PROGRESS_REPORT_RECIPIENTS), on: day, kind: oneOf(PROGRESS_REPORT_KINDS) },
  }),
  /**
   * Conduct Regs 2020 reg 19 (Complaints and Misconduct Regs 2020 reg 13): the period's report is
   * not made, as it might prejudice this or another investigation (criminal included).
   */
  ProgressReportWithheld: event({ command: 'WithholdProgressReport', version: 1, legalDate: 'on', fields: { on: day, kind: oneOf(PROGRESS_REPORT_KINDS) } }),
  InvestigationReportSubmitted: event({ command: 'SubmitInvestigationReport', version: 1, legalDate: 'on', fields: { on: day } }),
  CaseToAnswerDecided: event({
    command: 'DecideCaseToAnswer',
    version: 1,
    legalDate: 'on',
    fields: {
      subjectId: id,
      decision: oneOf(CASE_TO_ANSWER_DECISIONS),
      decidedBy: oneOf(DECISION_MAKERS),
      on: day,
      /**
       * reg 23(1)(b): with a case to answer, whether proceedings are brought; false records a
       * decision not to bring them, which ends the subject's process (absent: they are).
       */
      proceedingsBrought: optional(flag),
    },
  }),
  ReflectivePracticeReviewStarted: event({ command: 'StartReflectivePractice', version: 1, legalDate: 'on', fields: subjectDated }),
  ReflectivePracticeReviewCompleted: event({ command: 'CompleteReflectivePractice', version: 1, legalDate: 'on', fields: subjectDated }),
  ManagementActionTaken: event({ command: 'RecordManagementAction', version: 1, legalDate: 'on', fields: subjectDated }),
  /** reg 43: the day the officer received the written outcome; appeal windows run from it. */
  WrittenOutcomeReceived: event({ command: 'RecordWrittenOutcomeReceipt', version: 1, legalDate: 'on', fields: subjectDated }),
  /**
   * Conduct Regs 2020 reg 4A: the Director General's Condition C special determination that
   * proceedings against a former officer are reasonable and proportionate, the allegation having
   * come to attention more than 12 months after they left (reg 4(5)).
   */
  ConditionCDeterminationMade: event({ command: 'RecordConditionCDetermination', version: 1, legalDate: 'on', fields: subjectDated }),
  /** Conduct Regs 2012 reg 35: a dismissal with notice takes effect when the notice (28 days at least) ends. */
  DismissalTookEffect: event({ command: 'RecordDismissalTakingEffect', version: 1, legalDate: 'on', fields: subjectDated }),
  /**
   * An accelerated hearing that finds no gross misconduct returns the case to the appropriate
   * authority for a meeting or hearing (reg 62 and Sch 1): the proceedings end unconcluded.
   */
  ReturnedToAppropriateAuthority: event({ command: 'ReturnToAppropriateAuthority', version: 1, legalDate: 'on', fields: subjectDated }),
  /** Its legal date is the notice: the scheduling happens then, the hearing later. */
  ProceedingsScheduled: event({
    command: 'ScheduleProceedings',
    version: 1,
    legalDate: 'noticeServedOn',
    fields: {
      subjectId: id,
      kind: oneOf(PROCEEDINGS_KINDS),
      noticeServedOn: day,
      scheduledFor: day,
      /** Regs 22 and 48: the officer and the authority agreed to shorten the time limits. */
      shortenedByAgreement: optional(flag),
    },
  }),
  SubjectLeftService: event({
    command: 'RecordDeparture',
    version: 1,
    legalDate: 'on',
    fields: {
      subjectId: id,
      how: oneOf(DEPARTURE_KINDS),
      on: day,
      approvedByDcc: flag,
      /** Derived by decide from the case (the subject's stage), never sent by the client. */
      stageAtDeparture: oneOf(CASE_STAGES),
    },
  }),
  DepartureDecisionRecorded: event({ command: 'RecordDepartureDecision', version: 1, legalDate: 'on', fields: { subjectId: id, approved: flag, on: day } }),
  ProceedingsConcluded: event({
    command: 'ConcludeProceedings',
    version: 1,
    legalDate: 'on',
    fields: {
      subjectId: id,
      on: day,
      findings: records(finding),
      outcome: oneOf(OUTCOMES),
      /** True when the subject had left: the outcome is then what would have been imposed. */
      formerOfficer: flag,
      chair: oneOf(CHAIRS),
      /**
       * reg 42(5)/(6), what permits a serious outcome on a misconduct-only finding; also tells
       * that a final written warning was live (reg 42(7): no second one).
       */
      sanctionBasis: optional(oneOf(MISCONDUCT_SANCTION_BASES)),
    },
  }),
  AppealLodged: event({ command: 'LodgeAppeal', version: 1, legalDate: 'on', fields: { subjectId: id, forum: oneOf(APPEAL_FORUMS), on: day } }),
  AppealDetermined: event({
    command: 'DetermineAppeal',
    version: 1,
    legalDate: 'on',
    fields: {
      subjectId: id,
      forum: oneOf(APPEAL_FORUMS),
      on: day,
      result: oneOf(APPEAL_RESULTS),
      /** Present exactly when `result` is OUTCOME_VARIED. */
      variedOutcome: optional(oneOf(OUTCOMES)),
    },
  }),
  BarredListEntryMade: event({ command: 'AddToBarredList', version: 1, legalDate: 'on', fields: { subjectId: id, on: day, basis: oneOf(BARRED_LIST_BASES) } }),
  AdvisoryListEntryMade: event({ command: 'AddToAdvisoryList', version: 1, legalDate: 'on', fields: subjectDated }),
  AdvisoryListEntryRemoved: event({ command: 'RemoveFromAdvisoryList', version: 1, legalDate: 'on', fields: subjectDated }),
  LearningRecorded: event({ command: 'RecordLearning', version: 1, legalDate: 'on', fields: { on: day, kind: oneOf(LEARNING_KINDS), text: vaultText } }),
  CaseClosed: event({ command: 'CloseCase', version: 1, legalDate: 'on', fields: closureStep }),
  CaseReopened: event({ command: 'ReopenCase', version: 1, legalDate: 'on', fields: closureStep }),
  // The complaint's steps (complaint.events.ts)
  ...COMPLAINT_EVENTS,
  // The steps before the proceedings and the hearing in public (pre-hearing.events.ts)
  ...PRE_HEARING_EVENTS,
  // The chain of command: allocation, review and sign-off (allocation.events.ts)
  ...ALLOCATION_EVENTS,
  // Documents and exhibits (document.events.ts)
  ...DOCUMENT_EVENTS,
  // Reflective practice as a process (reflective-practice.events.ts)
  ...REFLECTIVE_PRACTICE_EVENTS,
  // Around the proceedings, and the Performance and Vetting routes (proceedings-routes.events.ts)
  ...PROCEEDINGS_ROUTE_EVENTS,
  /** A correction: `replacement` is a complete payload of the corrected event's own type, checked against its declaration. */
  RecordCorrected: event({ command: 'CorrectRecord', version: 1, fields: { correctsEventId: id, reason: text, replacement: payload } }),
};

/** What the write path, the vault and the read side read off the declarations. */
export const CASE_EVENT_DECLARATIONS = declaredEvents(CASE_EVENTS);

type DeclaredDataMap = DataMapOf<typeof CASE_EVENTS>;

/** Every event but RecordCorrected can be corrected (a correction is never corrected). */
export type CorrectableEventType = Exclude<keyof DeclaredDataMap, 'RecordCorrected'>;
export type CorrectableEventData = DeclaredDataMap[CorrectableEventType];

/** A correction's replacement is the corrected event's own payload. */
export type RecordCorrected = Omit<DeclaredDataMap['RecordCorrected'], 'replacement'> & { replacement: CorrectableEventData };

/** Event type → payload type. */
export type CaseEventDataMap = { [K in keyof DeclaredDataMap]: K extends 'RecordCorrected' ? RecordCorrected : DeclaredDataMap[K] };

export type CaseEventType = keyof CaseEventDataMap;

/** `{ type: 'ReferralReceived'; data: ReferralReceived } | { type: 'SubjectAdded'; ... } | ...` */
export type CaseEvent = { [K in CaseEventType]: { type: K; data: CaseEventDataMap[K] } }[CaseEventType];

export type CaseEventOfType<K extends CaseEventType> = Extract<CaseEvent, { type: K }>;

/** An event as read back from the stream: the store's id, and when it happened in the world. */
export type CaseEventEnvelope = CaseEvent & { eventId: string; occurredAt?: string };

// Payload types named where code needs the name.
export type ReferralReceived = CaseEventDataMap['ReferralReceived'];
export type ReferralFlags = ReferralReceived['flags'];
export type SubjectAdded = CaseEventDataMap['SubjectAdded'];
export type ProgressReportSent = CaseEventDataMap['ProgressReportSent'];
export type ProgressReportWithheld = CaseEventDataMap['ProgressReportWithheld'];
export type ProceedingsScheduled = CaseEventDataMap['ProceedingsScheduled'];
export type ProceedingsConcluded = CaseEventDataMap['ProceedingsConcluded'];
export type Finding = ProceedingsConcluded['findings'][number];
export type SubjectLeftService = CaseEventDataMap['SubjectLeftService'];
export type DocumentAttached = CaseEventDataMap['DocumentAttached'];

/** Schema version per event type. */
export const CASE_EVENT_SCHEMA_VERSION = CASE_EVENT_DECLARATIONS.schemaVersions;

/** The runtime list of case event type names. */
export const CASE_EVENT_TYPES: readonly CaseEventType[] = CASE_EVENT_DECLARATIONS.types;

export const isCaseEventType = CASE_EVENT_DECLARATIONS.isType;

/**
 * Personal-data fields per event type (kind `vaultText`), sealed by the vault (docs/events.md
 * marks them "(vault)"). A RecordCorrected's replacement carries the corrected event's own
 * vault fields, found through the corrected event's type.
 */
export const VAULT_FIELDS = CASE_EVENT_DECLARATIONS.vaultFields;
