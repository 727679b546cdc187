/**
 * How each case event changes the state. One exhaustive switch: adding an event to
 * CaseEventDataMap fails compilation here until it is handled.
 */
import { isOneOf, DISMISSAL_OUTCOMES } from './case.enums';
import type { Outcome } from './case.enums';
import type { CaseEvent, ReferralReceived, SubjectAdded } from './case.events';
import { regulationsFor } from './case.regulations';
import { UNDER_INVESTIGATION_STAGES } from './case.stage';
import type { Case, CaseState, SubjectState } from './case.state';
import { applyComplaintFact } from './complaint.facts';
import { applyPreHearingFact } from './pre-hearing.facts';
import { NO_PRE_HEARING_STEPS } from './pre-hearing.state';
import { applyAllocationFact, investigationStartedBy } from './allocation.facts';
import { NO_ALLOCATION } from './allocation.state';
import { applySubjectRouteFact, reflectivePracticeReferred } from './reflective-practice.facts';
import { initialSubjectRoutes } from './reflective-practice.state';

function openCase(data: ReferralReceived): Case {
  return {
    caseId: data.caseId,
    force: data.force,
    receivedOn: data.receivedOn,
    source: data.source,
    caseType: data.caseType,
    sensitivity: data.sensitivity,
    anonymousSource: data.anonymousSource,
    corruptionCategories: [...data.corruptionCategories],
    flags: { ...data.flags },
    regulations: regulationsFor(data.receivedOn),
    allegations: {},
    subjects: {},
    iopcReferral: null,
    iopcMode: null,
    investigationStartedOn: null,
    investigationReportOn: null,
    closedOn: null,
    referralCriteria: [],
    conductMatterRecordedOn: null,
    complaint: null,
    allocation: NO_ALLOCATION,
    jointProceedings: [],
    log: [],
    corrections: {},
  };
}

function newSubject(data: SubjectAdded): SubjectState {
  return {
    subjectId: data.subjectId,
    personId: data.personId,
    workforceType: data.workforceType,
    rank: data.rank,
    severity: null,
    noticeServedOn: null,
    suspension: 'NONE',
    suspendedSince: null,
    arrested: false,
    referredToCps: false,
    criminalOutcome: null,
    caseToAnswer: null,
    noProceedings: false,
    reflectivePractice: 'NONE',
    managementActionOn: null,
    proceedings: null,
    departure: null,
    conclusion: null,
    outcome: null,
    appeal: null,
    barredList: false,
    barredListBasis: null,
    advisoryList: false,
    conditionCDeterminedOn: null,
    preHearing: NO_PRE_HEARING_STEPS,
    routes: initialSubjectRoutes,
  };
}

/** The case with one subject changed; unchanged when the subject is unknown (evolve never throws). */
function withSubject(state: Case, subjectId: string, change: (subject: SubjectState) => Partial<SubjectState>): Case {
  if (!Object.prototype.hasOwnProperty.call(state.subjects, subjectId)) return state;
  const subject = state.subjects[subjectId];
  return { ...state, subjects: { ...state.subjects, [subjectId]: { ...subject, ...change(subject) } } };
}

const notSuspended = { suspension: 'NONE', suspendedSince: null } as const;

function isDismissal(outcome: Outcome | null): boolean {
  return outcome !== null && isOneOf(DISMISSAL_OUTCOMES, outcome);
}

const isCaseToAnswer = (decision: string): boolean => decision === 'CASE_TO_ANSWER_MISCONDUCT' || decision === 'CASE_TO_ANSWER_GROSS_MISCONDUCT';

/** The state after one event; RecordCorrected is applied by evolve, which re-folds. */
export function applyFact(state: CaseState, event: CaseEvent): CaseState {
  if (event.type === 'ReferralReceived') return state ?? openCase(event.data);
  if (state === null) return null;

  switch (event.type) {
    case 'SubjectAdded': {
      const { subjectId } = event.data;
      if (Object.prototype.hasOwnProperty.call(state.subjects, subjectId)) return state;
      return { ...state, subjects: { ...state.subjects, [subjectId]: newSubject(event.data) } };
    }
    case 'AllegationRecorded': {
      const { allegationId, subjectId, standards, corruptionCategory } = event.data;
      const allegation = { subjectId, standards: [...standards], corruptionCategory: corruptionCategory ?? null };
      return { ...state, allegations: { ...state.allegations, [allegationId]: allegation } };
    }
    case 'SeverityAssessed':
      // A later assessment supersedes an earlier one (reg 14; re-assessment is normal).
      return withSubject(state, event.data.subjectId, () => ({ severity: event.data.level }));
    case 'ReferredToIopc': {
      const { referredOn, mandatory, criteria } = event.data;
      return { ...state, iopcReferral: { referredOn, mandatory, criteria: [...criteria] } };
    }
    case 'IopcDecisionRecorded':
      return { ...state, iopcMode: event.data.mode };
    case 'InvestigationStarted':
      return investigationStartedBy({ ...state, investigationStartedOn: event.data.startedOn }, event.data.investigatorId);
    case 'NoticeOfInvestigationServed':
      return withSubject(state, event.data.subjectId, () => ({ noticeServedOn: event.data.servedOn }));
    case 'SubjectSuspended':
      return withSubject(state, event.data.subjectId, () => ({
        suspension: 'SUSPENDED',
        suspendedSince: event.data.on,
      }));
    case 'SubjectRestricted':
      return withSubject(state, event.data.subjectId, () => ({
        suspension: 'RESTRICTED',
        suspendedSince: event.data.on,
      }));
    case 'SuspensionLifted':
      return withSubject(state, event.data.subjectId, () => notSuspended);
    case 'SubjectArrested':
      return withSubject(state, event.data.subjectId, () => ({ arrested: true }));
    case 'ReferredToCps':
      return withSubject(state, event.data.subjectId, () => ({ referredToCps: true }));
    case 'CriminalOutcomeRecorded':
      return withSubject(state, event.data.subjectId, () => ({ criminalOutcome: event.data.outcome }));
    case 'InvestigationReportSubmitted':
      return { ...state, investigationReportOn: event.data.on };
    case 'CaseToAnswerDecided': {
      // reg 11: a suspension lasts until a decision that no proceedings follow.
      const { decision, proceedingsBrought } = event.data;
      const noProceedings = isCaseToAnswer(decision) && proceedingsBrought === false;
      const ends = noProceedings || !isCaseToAnswer(decision);
      return withSubject(state, event.data.subjectId, () => ({
        caseToAnswer: decision,
        noProceedings,
        ...(ends ? notSuspended : {}),
      }));
    }
    case 'ReflectivePracticeReviewStarted':
      return withSubject(state, event.data.subjectId, (subject) => ({
        reflectivePractice: 'STARTED',
        routes: reflectivePracticeReferred(subject.routes, event.data.on),
      }));
    case 'ReflectivePracticeReviewCompleted':
      return withSubject(state, event.data.subjectId, () => ({ reflectivePractice: 'COMPLETED' }));
    case 'ReturnedToAppropriateAuthority':
      // The accelerated hearing ends without an outcome; new proceedings may follow.
      return withSubject(state, event.data.subjectId, () => ({ proceedings: null }));
    case 'WrittenOutcomeReceived':
      return withSubject(state, event.data.subjectId, (subject) => ({
        conclusion: subject.conclusion && { ...subject.conclusion, writtenOutcomeReceivedOn: event.data.on },
      }));
    case 'DismissalTookEffect':
      return withSubject(state, event.data.subjectId, (subject) => ({
        conclusion: subject.conclusion && { ...subject.conclusion, dismissalEffectiveOn: event.data.on },
      }));
    case 'ConditionCDeterminationMade':
      return withSubject(state, event.data.subjectId, () => ({ conditionCDeterminedOn: event.data.on }));
    case 'ManagementActionTaken':
      return withSubject(state, event.data.subjectId, () => ({ managementActionOn: event.data.on }));
    case 'ProceedingsScheduled': {
      const { kind, noticeServedOn, scheduledFor, shortenedByAgreement } = event.data;
      const agreed = shortenedByAgreement === true ? { shortenedByAgreement } : {};
      return withSubject(state, event.data.subjectId, () => ({
        proceedings: { kind, noticeServedOn, scheduledFor, ...agreed },
      }));
    }
    case 'SubjectLeftService': {
      const { how, on, approvedByDcc, stageAtDeparture } = event.data;
      return withSubject(state, event.data.subjectId, (subject) => ({
        ...notSuspended, // a suspension ends with membership of the force
        departure: {
          how,
          on,
          approvedByDcc,
          stageAtDeparture,
          awaitingDccDecision: !approvedByDcc && isOneOf(UNDER_INVESTIGATION_STAGES, stageAtDeparture),
          afterConclusion: subject.conclusion !== null,
        },
      }));
    }
    case 'DepartureDecisionRecorded':
      return withSubject(state, event.data.subjectId, (subject) => ({
        departure: subject.departure && {
          ...subject.departure,
          approvedByDcc: event.data.approved,
          awaitingDccDecision: false,
        },
      }));
    case 'ProceedingsConcluded': {
      const { on, findings, outcome, formerOfficer, chair, sanctionBasis } = event.data;
      return withSubject(state, event.data.subjectId, (subject) => ({
        // reg 11: a suspension lasts until the proceedings conclude.
        ...notSuspended,
        outcome,
        conclusion: {
          on,
          findings: findings.map((finding) => ({ ...finding })),
          outcome,
          formerOfficer,
          chair,
          withoutProceedings: subject.proceedings === null,
          ...(sanctionBasis === undefined ? {} : { sanctionBasis }),
        },
      }));
    }
    case 'AppealLodged':
      return withSubject(state, event.data.subjectId, () => ({
        appeal: { forum: event.data.forum, lodgedOn: event.data.on, determinedOn: null, result: null },
      }));
    case 'AppealDetermined':
      return withSubject(state, event.data.subjectId, (subject) => {
        const { result, variedOutcome, on, forum } = event.data;
        const appeal = { forum, lodgedOn: subject.appeal?.lodgedOn ?? on, determinedOn: on, result };
        const outcome = result === 'ALLOWED' ? null : result === 'OUTCOME_VARIED' ? (variedOutcome ?? subject.outcome) : subject.outcome;
        // Barred List Regs 2017: an entry stands unless the dismissal is overturned on appeal.
        const stillBarred = subject.barredList && isDismissal(outcome);
        // A remittal sends the case back for new proceedings: the subject's process continues.
        const remitted = result === 'REMITTED' ? { proceedings: null, conclusion: null, outcome: null } : {};
        return {
          appeal,
          outcome: result === 'REMITTED' ? null : outcome,
          barredList: result === 'REMITTED' ? false : stillBarred,
          barredListBasis: result === 'REMITTED' || !stillBarred ? null : subject.barredListBasis,
          ...remitted,
        };
      });
    case 'BarredListEntryMade':
      return withSubject(state, event.data.subjectId, (subject) => ({
        barredList: true,
        barredListBasis: event.data.basis,
        routes: { ...subject.routes, barredListedOn: event.data.on },
      }));
    case 'AdvisoryListEntryMade':
      return withSubject(state, event.data.subjectId, () => ({ advisoryList: true }));
    case 'AdvisoryListEntryRemoved':
      return withSubject(state, event.data.subjectId, () => ({ advisoryList: false }));
    case 'CaseClosed':
      return { ...state, closedOn: event.data.on };
    case 'CaseReopened':
      return { ...state, closedOn: null };
    // The complaint's steps (complaint.facts.ts)
    case 'ComplaintLogged':
    case 'ComplainantContacted':
    case 'ReferralCriteriaAssessed':
    case 'ComplaintHandlingDecided':
    case 'ComplaintHandledOtherwise':
    case 'ComplaintExceptionApplied':
    case 'ComplaintOutcomeNotified':
    case 'ComplaintWithdrawn':
    case 'ComplaintReviewApplied':
    case 'ComplaintReviewDecided':
    case 'ComplaintRecordCopied':
    case 'ComplaintSuspended':
    case 'ComplaintResumed':
    case 'ConductMatterRecorded':
    case 'ConductMatterRevealed':
    case 'WithdrawalDecisionRecorded':
      return applyComplaintFact(state, event);
    // The steps before the proceedings and the hearing in public (pre-hearing.facts.ts)
    case 'ReferralNoticeServed':
    case 'OfficerResponseGiven':
    case 'WitnessListsExchanged':
    case 'DocumentsSuppliedToChair':
    case 'PreHearingDateSet':
    case 'AlternativePreHearingDateProposed':
    case 'PreHearingHeld':
    case 'PeriodChanged':
    case 'ProceedingsAdjourned':
    case 'PanelObjectionMade':
    case 'PanelObjectionDetermined':
    case 'PanelMemberReplaced':
    case 'SpecialConditionsCertified':
    case 'AcceleratedResponseGiven':
    case 'HearingNoticePublished':
    case 'HearingPrivacyDecided':
    case 'HearingDirectionGiven':
    case 'HearingAttendanceRecorded':
    case 'HearingOutcomePublished':
    case 'VerbatimRecordKept':
      return applyPreHearingFact(state, event);
    // The chain of command (allocation.facts.ts)
    case 'InvestigatorAppointed':
    case 'InvestigatorReassigned':
    case 'SubjectLineManagerRecorded':
    case 'InvestigationReportSubmittedForReview':
    case 'InvestigationReportReviewed':
    case 'FormOfProceedingsDecided':
    case 'DecisionSignedOff':
      return applyAllocationFact(state, event);
    // A case's documents are read from its history (document.rules.ts, documentsOf): no state of their own.
    case 'DocumentAttached':
    case 'DocumentSuperseded':
      return state;
    // Reflective practice, the pause, withdrawal and the other routes (reflective-practice.facts.ts)
    case 'ReflectivePracticeNoticeGiven':
    case 'ReflectiveAccountGiven':
    case 'ReflectiveFactFindingCompleted':
    case 'ReflectiveReviewDiscussionHeld':
    case 'ReflectiveReviewReportAgreed':
    case 'ReflectiveActionsReviewed':
    case 'ReflectivePdrFollowUpHeld':
    case 'ReflectivePracticeEngagementFailed':
    case 'ProceedingsPaused':
    case 'ProceedingsResumed':
    case 'JointProceedingsDirected':
    case 'ProceedingsWithdrawn':
    case 'ReferredToPerformanceRegulations':
    case 'PerformanceOutcomeRecorded':
    case 'ReferredToVettingRegulations':
    case 'VettingOutcomeRecorded':
      return applySubjectRouteFact(state, event, withSubject);
    // Facts kept by the stream and the read models; decide needs nothing from them. A
    // RecordCorrected is applied by evolve, which re-folds history with the correction.
    case 'SuspensionReviewed':
    case 'InvestigativeActionRecorded':
    case 'ProgressReportSent':
    case 'ProgressReportWithheld':
    case 'LearningRecorded':
    case 'RecordCorrected':
      return state;
    default: {
      // An event type this code does not know (a newer version) leaves the state as it was.
      const unhandled: never = event;
      void unhandled;
      return state;
    }
  }
}
