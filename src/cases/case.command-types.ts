/**
 * The case commands as plain types: one per row of docs/api.md "Cases: commands", with the
 * rows that take an `action` split into one command per action. The payload is the
 * event's fields (docs/events.md); every command names its case. The write path's one
 * message (src/common/write-path.ts) carries them.
 */
import type { AdvisoryListAction, AppealAction, ReflectivePracticeAction, SuspensionAction } from './case.enums';
import type {
  AllegationRecorded,
  AppealDetermined,
  AppealLodged,
  BarredListEntryMade,
  CaseClosureStep,
  CaseEventType,
  CaseToAnswerDecided,
  CriminalOutcomeRecorded,
  DepartureDecisionRecorded,
  InvestigationReportSubmitted,
  InvestigationStarted,
  InvestigativeActionRecorded,
  IopcDecisionRecorded,
  LearningRecorded,
  NoticeOfInvestigationServed,
  ProceedingsConcluded,
  ProceedingsScheduled,
  ProgressReportSent,
  RecordCorrected,
  ReferralReceived,
  ReferredToCps,
  ReferredToIopc,
  SeverityAssessed,
  SubjectAdded,
  SubjectArrested,
  SubjectDatedStep,
  SubjectLeftService,
  SuspensionStep,
} from './case.events';

type Command<T extends string, P> = { type: T; caseId: string } & P;

/** `POST /cases`: the payload carries caseId (the handler generates one when the body has none). */
export type ReceiveReferral = { type: 'ReceiveReferral' } & ReferralReceived;
export type AddSubject = Command<'AddSubject', SubjectAdded>;
export type RecordAllegation = Command<'RecordAllegation', AllegationRecorded>;
export type AssessSeverity = Command<'AssessSeverity', SeverityAssessed>;
export type ReferToIopc = Command<'ReferToIopc', ReferredToIopc>;
export type RecordIopcDecision = Command<'RecordIopcDecision', IopcDecisionRecorded>;
export type StartInvestigation = Command<'StartInvestigation', InvestigationStarted>;
export type ServeNoticeOfInvestigation = Command<'ServeNoticeOfInvestigation', NoticeOfInvestigationServed>;
export type SuspendSubject = Command<'SuspendSubject', SuspensionStep>;
export type ReviewSuspension = Command<'ReviewSuspension', SuspensionStep>;
export type RestrictSubject = Command<'RestrictSubject', SuspensionStep>;
export type LiftSuspension = Command<'LiftSuspension', SuspensionStep>;
export type RecordArrest = Command<'RecordArrest', SubjectArrested>;
export type RecordInvestigativeAction = Command<'RecordInvestigativeAction', InvestigativeActionRecorded>;
export type ReferToCps = Command<'ReferToCps', ReferredToCps>;
export type RecordCriminalOutcome = Command<'RecordCriminalOutcome', CriminalOutcomeRecorded>;
export type SendProgressReport = Command<'SendProgressReport', ProgressReportSent>;
export type SubmitInvestigationReport = Command<'SubmitInvestigationReport', InvestigationReportSubmitted>;
export type DecideCaseToAnswer = Command<'DecideCaseToAnswer', CaseToAnswerDecided>;
export type StartReflectivePractice = Command<'StartReflectivePractice', SubjectDatedStep>;
export type CompleteReflectivePractice = Command<'CompleteReflectivePractice', SubjectDatedStep>;
/** Not in docs/api.md's table yet (docs/events.md has the event): suggested route `POST .../subjects/{subjectId}/management-action`. */
export type RecordManagementAction = Command<'RecordManagementAction', SubjectDatedStep>;
export type RecordWrittenOutcomeReceipt = Command<'RecordWrittenOutcomeReceipt', SubjectDatedStep>;
export type ReturnToAppropriateAuthority = Command<'ReturnToAppropriateAuthority', SubjectDatedStep>;
export type ScheduleProceedings = Command<'ScheduleProceedings', ProceedingsScheduled>;
/** stageAtDeparture is derived by decide from the case, never sent by the client. */
export type RecordDeparture = Command<'RecordDeparture', Omit<SubjectLeftService, 'stageAtDeparture'>>;
export type RecordDepartureDecision = Command<'RecordDepartureDecision', DepartureDecisionRecorded>;
export type ConcludeProceedings = Command<'ConcludeProceedings', ProceedingsConcluded>;
export type LodgeAppeal = Command<'LodgeAppeal', AppealLodged>;
export type DetermineAppeal = Command<'DetermineAppeal', AppealDetermined>;
export type AddToBarredList = Command<'AddToBarredList', BarredListEntryMade>;
export type AddToAdvisoryList = Command<'AddToAdvisoryList', SubjectDatedStep>;
export type RemoveFromAdvisoryList = Command<'RemoveFromAdvisoryList', SubjectDatedStep>;
export type RecordLearning = Command<'RecordLearning', LearningRecorded>;
export type CorrectRecord = Command<'CorrectRecord', RecordCorrected>;
export type CloseCase = Command<'CloseCase', CaseClosureStep>;
export type ReopenCase = Command<'ReopenCase', CaseClosureStep>;

export type CaseCommand =
  | ReceiveReferral
  | AddSubject
  | RecordAllegation
  | AssessSeverity
  | ReferToIopc
  | RecordIopcDecision
  | StartInvestigation
  | ServeNoticeOfInvestigation
  | SuspendSubject
  | ReviewSuspension
  | RestrictSubject
  | LiftSuspension
  | RecordArrest
  | RecordInvestigativeAction
  | ReferToCps
  | RecordCriminalOutcome
  | SendProgressReport
  | SubmitInvestigationReport
  | DecideCaseToAnswer
  | StartReflectivePractice
  | CompleteReflectivePractice
  | RecordManagementAction
  | RecordWrittenOutcomeReceipt
  | ReturnToAppropriateAuthority
  | ScheduleProceedings
  | RecordDeparture
  | RecordDepartureDecision
  | ConcludeProceedings
  | LodgeAppeal
  | DetermineAppeal
  | AddToBarredList
  | AddToAdvisoryList
  | RemoveFromAdvisoryList
  | RecordLearning
  | CorrectRecord
  | CloseCase
  | ReopenCase;

export type CaseCommandType = CaseCommand['type'];

/** Command → the event it appends (ConcludeProceedings may also append AdvisoryListEntryRemoved). */
export const COMMAND_EVENT: { readonly [K in CaseCommandType]: CaseEventType } = {
  ReceiveReferral: 'ReferralReceived',
  AddSubject: 'SubjectAdded',
  RecordAllegation: 'AllegationRecorded',
  AssessSeverity: 'SeverityAssessed',
  ReferToIopc: 'ReferredToIopc',
  RecordIopcDecision: 'IopcDecisionRecorded',
  StartInvestigation: 'InvestigationStarted',
  ServeNoticeOfInvestigation: 'NoticeOfInvestigationServed',
  SuspendSubject: 'SubjectSuspended',
  ReviewSuspension: 'SuspensionReviewed',
  RestrictSubject: 'SubjectRestricted',
  LiftSuspension: 'SuspensionLifted',
  RecordArrest: 'SubjectArrested',
  RecordInvestigativeAction: 'InvestigativeActionRecorded',
  ReferToCps: 'ReferredToCps',
  RecordCriminalOutcome: 'CriminalOutcomeRecorded',
  SendProgressReport: 'ProgressReportSent',
  SubmitInvestigationReport: 'InvestigationReportSubmitted',
  DecideCaseToAnswer: 'CaseToAnswerDecided',
  StartReflectivePractice: 'ReflectivePracticeReviewStarted',
  CompleteReflectivePractice: 'ReflectivePracticeReviewCompleted',
  RecordManagementAction: 'ManagementActionTaken',
  RecordWrittenOutcomeReceipt: 'WrittenOutcomeReceived',
  ReturnToAppropriateAuthority: 'ReturnedToAppropriateAuthority',
  ScheduleProceedings: 'ProceedingsScheduled',
  RecordDeparture: 'SubjectLeftService',
  RecordDepartureDecision: 'DepartureDecisionRecorded',
  ConcludeProceedings: 'ProceedingsConcluded',
  LodgeAppeal: 'AppealLodged',
  DetermineAppeal: 'AppealDetermined',
  AddToBarredList: 'BarredListEntryMade',
  AddToAdvisoryList: 'AdvisoryListEntryMade',
  RemoveFromAdvisoryList: 'AdvisoryListEntryRemoved',
  RecordLearning: 'LearningRecorded',
  CorrectRecord: 'RecordCorrected',
  CloseCase: 'CaseClosed',
  ReopenCase: 'CaseReopened',
};

export const CASE_COMMAND_TYPES = Object.keys(COMMAND_EVENT) as CaseCommandType[];

/** The HTTP `action` values of docs/api.md and the command each one means. */
export const SUSPENSION_ACTION_COMMANDS: { readonly [A in SuspensionAction]: CaseCommandType } = {
  SUSPEND: 'SuspendSubject',
  REVIEW: 'ReviewSuspension',
  RESTRICT: 'RestrictSubject',
  LIFT: 'LiftSuspension',
};
export const REFLECTIVE_PRACTICE_ACTION_COMMANDS: { readonly [A in ReflectivePracticeAction]: CaseCommandType } = {
  START: 'StartReflectivePractice',
  COMPLETE: 'CompleteReflectivePractice',
};
export const APPEAL_ACTION_COMMANDS: { readonly [A in AppealAction]: CaseCommandType } = {
  LODGE: 'LodgeAppeal',
  DETERMINE: 'DetermineAppeal',
};
export const ADVISORY_LIST_ACTION_COMMANDS: { readonly [A in AdvisoryListAction]: CaseCommandType } = {
  ADD: 'AddToAdvisoryList',
  REMOVE: 'RemoveFromAdvisoryList',
};
