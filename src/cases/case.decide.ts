/**
 * decide(command, state) → the events to append, or a DomainError naming the rule that
 * refused. Pure: no clock, no I/O. The rules live in case.rules.ts and the *-rules.ts
 * files beside it, each named in case.rule-book.ts with its source.
 */
import type { CaseCommand } from './case.command-types';
import type { CaseEvent } from './case.events';
import { decideCorrection } from './case.correction-rules';
import {
  decideAddToAdvisoryList,
  decideBarredListEntry,
  decideDeparture,
  decideDepartureDecision,
  decideDetermineAppeal,
  decideLodgeAppeal,
  decideRemoveFromAdvisoryList,
} from './case.list-rules';
import { decideConcludeProceedings, decideConditionCDetermination, decideDismissalTakingEffect, decideScheduleProceedings } from './case.proceedings-rules';
import { IOPC_REPORTS_FOR_MODES, iopcModesFor, regimeOf } from './case.regulations';
import { ensure } from './case.rule-book';
import {
  ensureNotBefore,
  event,
  isFormerOfficerUnderSchedule1,
  isGovernedByConductRegulations,
  isWithinSuspensionWindow,
  payloadOf,
  requireCase,
  requireOpenCase,
  requireSubject,
} from './case.rules';
import type { Case, CaseState } from './case.state';
import { decideDocument } from './document.rules';
import { decideComplaint, ensureComplaintInvestigable, ensureReferralRecorded } from './complaint.rules';
import { decidePreHearing } from './pre-hearing.rules';
import { decideAllocation, ensureProceedingsSignedOff, ensureReportApproved } from './allocation.rules';
import { decideProceedingsRoute, ensureNotPaused } from './proceedings-routes.rules';
import { decideReflectivePractice, ensureNotGrossMisconduct } from './reflective-practice.rules';
import { UNRESTRICTED_WRITER } from './case.writer';
import type { CaseWriter } from './case.writer';

/** Practice requiring improvement exists only where the regime has reflective practice (from 1 February 2020). */
function ensureReflectivePracticeExists(state: Case, level: string): void {
  if (level !== 'PRACTICE_REQUIRING_IMPROVEMENT') return;
  ensure(regimeOf(state.regulations).reflectivePractice, 'reflectivePracticeNotUnderRegulations');
}

/**
 * reg 19; C&M reg 13: the force owes the 12-month and 6-month reports on a running investigation
 * under the 2020 regulations, unless the IOPC directs or conducts it (the Director General reports).
 */
function owesStatutoryReports(state: Case): boolean {
  const iopcReports = state.iopcMode !== null && IOPC_REPORTS_FOR_MODES.includes(state.iopcMode);
  return state.regulations === '2020' && state.investigationStartedOn !== null && state.investigationReportOn === null && !iopcReports;
}

/** `writer`: whose rights a correction of the opening event is held to. */
export function decide(command: CaseCommand, state: CaseState, writer: CaseWriter = UNRESTRICTED_WRITER): CaseEvent[] {
  if (command.type === 'ReceiveReferral') {
    ensure(state === null, 'caseAlreadyExists');
    const { type, ...referral } = command;
    void type;
    return [event('ReferralReceived', referral)];
  }
  if (command.type === 'ReopenCase') {
    ensure(requireCase(state).closedOn !== null, 'caseNotClosed');
    return [event('CaseReopened', payloadOf(command))];
  }
  const current = requireOpenCase(state);

  switch (command.type) {
    case 'AddSubject':
      ensure(!Object.prototype.hasOwnProperty.call(current.subjects, command.subjectId), 'subjectAlreadyAdded');
      return [event('SubjectAdded', payloadOf(command))];
    case 'RecordAllegation':
      requireSubject(current, command.subjectId);
      ensure(!Object.prototype.hasOwnProperty.call(current.allegations, command.allegationId), 'allegationAlreadyRecorded');
      return [event('AllegationRecorded', payloadOf(command))];
    case 'AssessSeverity':
      requireSubject(current, command.subjectId);
      ensureReflectivePracticeExists(current, command.level);
      return [event('SeverityAssessed', payloadOf(command))];
    case 'ReferToIopc':
      return [event('ReferredToIopc', payloadOf(command))];
    case 'RecordIopcDecision':
      // PRA 2002 Sch 3 para 15: the IOPC decides the mode of a matter referred to it; supervised
      // and managed modes ended on 1 February 2020 (CONDUCT_REGIMES).
      ensure(current.iopcReferral !== null, 'iopcDecisionNeedsReferral');
      ensure(iopcModesFor(current.regulations, current.force).includes(command.mode), 'iopcModeNotAvailableUnderRegulations', command.mode);
      return [event('IopcDecisionRecorded', payloadOf(command))];
    case 'StartInvestigation':
      // A matter meeting a mandatory referral criterion is investigated locally only once referred (complaint.rules.ts).
      ensureReferralRecorded(current);
      ensureComplaintInvestigable(current);
      return [event('InvestigationStarted', payloadOf(command))];
    case 'ServeNoticeOfInvestigation':
      // Conduct Regs 2020 reg 17: the investigator, once appointed (reg 15), gives the notice.
      requireSubject(current, command.subjectId);
      ensure(current.investigationStartedOn !== null, 'noticeNeedsInvestigation');
      return [event('NoticeOfInvestigationServed', payloadOf(command))];
    case 'SuspendSubject':
      ensure(isWithinSuspensionWindow(requireSubject(current, command.subjectId)), 'suspensionNeedsServingSubjectBeforeOutcome');
      return [event('SubjectSuspended', payloadOf(command))];
    case 'RestrictSubject':
      ensure(isWithinSuspensionWindow(requireSubject(current, command.subjectId)), 'suspensionNeedsServingSubjectBeforeOutcome');
      return [event('SubjectRestricted', payloadOf(command))];
    case 'ReviewSuspension':
      // Conduct Regs 2020 reg 11: a suspension is kept under review; restriction is its alternative.
      ensure(requireSubject(current, command.subjectId).suspension === 'SUSPENDED', 'suspensionReviewNeedsSuspension');
      return [event('SuspensionReviewed', payloadOf(command))];
    case 'LiftSuspension':
      ensure(requireSubject(current, command.subjectId).suspension !== 'NONE', 'liftNeedsSuspensionOrRestriction');
      return [event('SuspensionLifted', payloadOf(command))];
    case 'RecordArrest':
      requireSubject(current, command.subjectId);
      return [event('SubjectArrested', payloadOf(command))];
    case 'RecordInvestigativeAction':
      requireSubject(current, command.subjectId);
      return [event('InvestigativeActionRecorded', payloadOf(command))];
    case 'ReferToCps':
      requireSubject(current, command.subjectId);
      return [event('ReferredToCps', payloadOf(command))];
    case 'RecordCriminalOutcome':
      requireSubject(current, command.subjectId);
      return [event('CriminalOutcomeRecorded', payloadOf(command))];
    case 'SendProgressReport':
      return [event('ProgressReportSent', payloadOf(command))];
    case 'WithholdProgressReport':
      // reg 19; C&M reg 13: a report that might prejudice an investigation is not made.
      ensure(owesStatutoryReports(current) && command.kind !== 'UPDATE', 'progressReportExemptionNeedsReportingInvestigation', command.kind);
      ensureNotBefore(command.on, current.investigationStartedOn, 'the start of the investigation');
      return [event('ProgressReportWithheld', payloadOf(command))];
    case 'SubmitInvestigationReport':
      // Conduct Regs 2020 reg 21: the investigator's report ends an investigation.
      ensure(current.investigationStartedOn !== null, 'investigationReportNeedsInvestigation');
      ensureReportApproved(current);
      return [event('InvestigationReportSubmitted', payloadOf(command))];
    case 'DecideCaseToAnswer':
      // Conduct Regs 2020 reg 23(1): decided on receiving the report. A subject who has left may
      // still be found to have a case to answer (case study 6, employee A).
      requireSubject(current, command.subjectId);
      ensure(current.investigationReportOn !== null, 'caseToAnswerNeedsInvestigationReport');
      ensureReflectivePracticeExists(current, command.decision);
      return [event('CaseToAnswerDecided', payloadOf(command))];
    case 'StartReflectivePractice': {
      // Part 6 (RPRP): referred from an assessment or decision of practice requiring improvement
      // (regs 14, 23) or directed at proceedings (reg 42); not for former officers (Sch 1).
      const subject = requireSubject(current, command.subjectId);
      ensure(regimeOf(current.regulations).reflectivePractice, 'reflectivePracticeNotUnderRegulations');
      ensure(!isFormerOfficerUnderSchedule1(subject), 'notForFormerOfficers');
      ensure(
        subject.severity === 'PRACTICE_REQUIRING_IMPROVEMENT' ||
          subject.caseToAnswer === 'PRACTICE_REQUIRING_IMPROVEMENT' ||
          // reg 23: after a decision of no case to answer or not to bring proceedings, the
          // appropriate authority considers reflective practice (◐).
          subject.caseToAnswer === 'NO_CASE_TO_ANSWER' ||
          subject.noProceedings ||
          subject.outcome === 'REFLECTIVE_PRACTICE_DIRECTED',
        'reflectivePracticeNeedsReferral',
      );
      ensureNotGrossMisconduct(subject);
      return [event('ReflectivePracticeReviewStarted', payloadOf(command))];
    }
    case 'CompleteReflectivePractice':
      ensure(requireSubject(current, command.subjectId).reflectivePractice === 'STARTED', 'reflectivePracticeMustBeStarted');
      return [event('ReflectivePracticeReviewCompleted', payloadOf(command))];
    case 'RecordManagementAction': {
      // Management action for officers ended with the 2012 regulations (CONDUCT_REGIMES); staff
      // answer to their force's procedures.
      const subject = requireSubject(current, command.subjectId);
      ensure(regimeOf(current.regulations).managementAction || !isGovernedByConductRegulations(subject), 'managementActionNotUnderRegulations');
      return [event('ManagementActionTaken', payloadOf(command))];
    }
    case 'RecordWrittenOutcomeReceipt': {
      // reg 43: the written outcome follows the conclusion; an appeal window runs from its receipt.
      const subject = requireSubject(current, command.subjectId);
      ensure(subject.conclusion !== null, 'writtenOutcomeNeedsConclusion');
      ensureNotBefore(command.on, subject.conclusion.on, 'the outcome');
      return [event('WrittenOutcomeReceived', payloadOf(command))];
    }
    case 'RecordConditionCDetermination':
      return decideConditionCDetermination(current, payloadOf(command));
    case 'RecordDismissalTakingEffect':
      return decideDismissalTakingEffect(current, payloadOf(command));
    case 'ReturnToAppropriateAuthority': {
      // reg 62 and Sch 1: only an accelerated hearing, before its conclusion, returns the case.
      const subject = requireSubject(current, command.subjectId);
      ensure(subject.proceedings?.kind === 'ACCELERATED_HEARING' && subject.conclusion === null, 'returnNeedsAcceleratedHearing');
      ensureNotBefore(command.on, subject.proceedings.noticeServedOn, 'the notice of the proceedings');
      return [event('ReturnedToAppropriateAuthority', payloadOf(command))];
    }
    case 'ScheduleProceedings': {
      // reg 10: not while the proceedings are paused (reflective-practice.rules.ts).
      ensureNotPaused(requireSubject(current, command.subjectId));
      const { priorSanctions = [], ...data } = payloadOf(command);
      const scheduled = decideScheduleProceedings(current, data, priorSanctions);
      // The form decided and, along the chain of command, the decisions signed off (allocation.rules.ts).
      ensureProceedingsSignedOff(current, requireSubject(current, command.subjectId), command.kind);
      return scheduled;
    }
    case 'RecordDeparture':
      return decideDeparture(current, payloadOf(command));
    case 'RecordDepartureDecision':
      return decideDepartureDecision(current, payloadOf(command));
    case 'ConcludeProceedings': {
      ensureNotPaused(requireSubject(current, command.subjectId));
      const { priorSanctions = [], ...data } = payloadOf(command);
      return decideConcludeProceedings(current, data, priorSanctions);
    }
    case 'LodgeAppeal':
      return decideLodgeAppeal(current, payloadOf(command));
    case 'DetermineAppeal': {
      const { priorSanctions = [], ...data } = payloadOf(command);
      return decideDetermineAppeal(current, data, priorSanctions);
    }
    case 'AddToBarredList':
      return decideBarredListEntry(current, payloadOf(command));
    case 'AddToAdvisoryList':
      return decideAddToAdvisoryList(current, payloadOf(command));
    case 'RemoveFromAdvisoryList':
      return decideRemoveFromAdvisoryList(current, payloadOf(command));
    case 'RecordLearning':
      return [event('LearningRecorded', payloadOf(command))];
    case 'CorrectRecord':
      return decideCorrection(current, payloadOf(command), writer);
    case 'CloseCase':
      // A suspension ends, and proceedings conclude, before the case can (reg 11, reg 23).
      ensure(
        Object.values(current.subjects).every(
          (subject) => subject.suspension === 'NONE' && (subject.proceedings === null || subject.conclusion !== null || subject.routes.withdrawnOn !== null),
        ),
        'caseHasOpenMatters',
      );
      ensureNotBefore(command.on, current.receivedOn, 'the referral');
      ensureReferralRecorded(current);
      return [event('CaseClosed', payloadOf(command))];
    // The complaint's steps (complaint.rules.ts)
    case 'LogComplaint':
    case 'RecordComplainantContact':
    case 'AssessReferralCriteria':
    case 'DecideComplaintHandling':
    case 'HandleComplaintOtherwise':
    case 'ApplyComplaintException':
    case 'NotifyComplaintOutcome':
    case 'WithdrawComplaint':
    case 'ApplyForComplaintReview':
    case 'DecideComplaintReview':
    case 'RecordComplaintRecordCopy':
    case 'SuspendComplaint':
    case 'ResumeComplaint':
    case 'RecordConductMatter':
    case 'RecordRevealedConductMatter':
    case 'RecordWithdrawalDecision':
      return decideComplaint(current, command);
    // The steps before the proceedings and the hearing in public (pre-hearing.rules.ts)
    case 'ServeReferralNotice':
    case 'RecordOfficerResponse':
    case 'ExchangeWitnessLists':
    case 'SupplyDocumentsToChair':
    case 'SetPreHearingDate':
    case 'ProposeAlternativePreHearingDate':
    case 'HoldPreHearing':
    case 'ChangePeriod':
    case 'AdjournProceedings':
    case 'ObjectToPanelMember':
    case 'DeterminePanelObjection':
    case 'ReplacePanelMember':
    case 'CertifySpecialConditions':
    case 'RecordAcceleratedResponse':
    case 'PublishHearingNotice':
    case 'DecideHearingPrivacy':
    case 'GiveHearingDirection':
    case 'RecordHearingAttendance':
    case 'PublishHearingOutcome':
    case 'KeepVerbatimRecord':
      return decidePreHearing(current, command);
    // The chain of command: allocation, review and sign-off (allocation.rules.ts)
    case 'AppointInvestigator':
    case 'ReassignInvestigator':
    case 'RecordSubjectLineManager':
    case 'SubmitReportForReview':
    case 'ReviewInvestigationReport':
    case 'DecideFormOfProceedings':
    case 'SignOffDecision':
      return decideAllocation(current, command);
    // Documents and exhibits (document.rules.ts)
    case 'AttachDocument':
    case 'SupersedeDocument':
      return decideDocument(current, command);
    // Reflective practice as a process (reflective-practice.rules.ts)
    case 'GiveReflectivePracticeNotice':
    case 'RecordReflectiveAccount':
    case 'CompleteReflectiveFactFinding':
    case 'HoldReflectiveReviewDiscussion':
    case 'AgreeReflectiveReviewReport':
    case 'ReviewReflectiveActions':
    case 'RecordReflectivePdrFollowUp':
    case 'RecordReflectiveEngagementFailure':
      return decideReflectivePractice(current, command);
    // Around the proceedings; the Performance and Vetting routes (proceedings-routes.rules.ts)
    case 'PauseProceedings':
    case 'ResumeProceedings':
    case 'DirectJointProceedings':
    case 'WithdrawProceedings':
    case 'ReferToPerformanceRegulations':
    case 'RecordPerformanceOutcome':
    case 'ReferToVettingRegulations':
    case 'RecordVettingOutcome':
      return decideProceedingsRoute(current, command);
    default: {
      // Only a programming error gets here (the compiler sees every command above).
      const unhandled: never = command;
      throw new Error(`unknown case command ${JSON.stringify(unhandled)}`);
    }
  }
}
