/**
 * decide for the complaint's commands (complaint.events.ts), and the mandatory referral check
 * the case's own steps share (closing, a local investigation). Pure; each rule is named in
 * complaint.rule-book.ts with its source.
 */
import { addDays, addMonths, format, isAfter, parseISO } from 'date-fns';
import type { CaseCommand } from './case.command-types';
import type { CaseEvent } from './case.events';
import { ensure, refuse } from './case.rule-book';
import { ensureNotBefore, event, payloadOf } from './case.rules';
import type { Case } from './case.state';
import { isBeforeDay } from './case.dates';
import type { ReferralCriterion } from './complaint.enums';
import { CASE_TYPE_PROFILES } from './case-types';
import type { ComplaintEventType } from './complaint.facts';
import type { ComplaintState } from './complaint.state';
import type { COMPLAINT_EVENTS } from './complaint.events';

type ComplaintCommandType = (typeof COMPLAINT_EVENTS)[ComplaintEventType]['command'];
export type ComplaintCommand = Extract<CaseCommand, { type: ComplaintCommandType }>;

/** C&M reg 33(2)(a): 28 days starting the day after the complainant was given the outcome. */
export const REVIEW_WINDOW_DAYS = 28;
/** C&M reg 6 (◐): a complaint made more than 12 months after the incident. */
export const EXCEPTION_AFTER_MONTHS = 12;

const day = (date: Date): string => format(date, 'yyyy-MM-dd');

/**
 * The mandatory referral criteria the matter meets: as assessed, and a DSI matter's own
 * (C&M reg 9: every DSI matter is referred).
 */
export function referralCriteriaMet(state: Case): ReferralCriterion[] {
  const criteria = new Set<ReferralCriterion>(state.referralCriteria);
  if (state.caseType === 'DEATH_OR_SERIOUS_INJURY') criteria.add('DSI_MATTER');
  return [...criteria];
}

/** A matter meeting a mandatory referral criterion is not closed, finalised or investigated locally until its referral is recorded. */
export function ensureReferralRecorded(state: Case): void {
  const criteria = referralCriteriaMet(state);
  if (criteria.length === 0 || state.iopcReferral !== null) return;
  refuse('mandatoryReferralNotRecorded', `criteria met: ${criteria.join(', ')}`);
}

/** A complaint is recorded under Schedule 3 before it is investigated. */
export function ensureComplaintInvestigable(state: Case): void {
  if (state.complaint === null) return;
  ensure(state.complaint.handling === 'RECORDED_UNDER_SCHEDULE_3', 'investigationNeedsRecordedComplaint');
}

function requireComplaint(state: Case): ComplaintState {
  ensure(state.caseType === 'COMPLAINT', 'complaintNeedsComplaintCase');
  if (state.complaint === null) return refuse('complaintMustBeLogged');
  return state.complaint;
}

function requireOpenComplaint(state: Case): ComplaintState {
  const complaint = requireComplaint(state);
  ensure(complaint.finalisedOn === null, 'complaintFinalised', `finalised on ${complaint.finalisedOn}`);
  return complaint;
}

function decideLogging(state: Case, command: Extract<ComplaintCommand, { type: 'LogComplaint' }>): CaseEvent[] {
  ensure(state.caseType === 'COMPLAINT', 'complaintNeedsComplaintCase');
  ensure(state.complaint === null, 'complaintAlreadyLogged');
  ensure(command.allegations.length > 0, 'complaintNeedsAllegation');
  ensure(command.anonymous === (command.complainantDetails === undefined), 'anonymousComplaintWithoutDetails');
  ensureNotBefore(command.loggedOn, state.receivedOn, 'the day the complaint was made');
  for (const allegation of command.allegations) {
    ensure(!isBeforeDay(state.receivedOn, allegation.incidentOn), 'incidentAfterComplaint', `${allegation.incidentOn} is after ${state.receivedOn}`);
  }
  return [event('ComplaintLogged', payloadOf(command))];
}

function decideHandling(state: Case, command: Extract<ComplaintCommand, { type: 'DecideComplaintHandling' }>): CaseEvent[] {
  const complaint = requireOpenComplaint(state);
  ensure(complaint.anonymous || complaint.contactedOn !== null, 'handlingNeedsComplainantContact');
  ensureNotBefore(command.on, complaint.contactedOn ?? complaint.loggedOn, complaint.contactedOn === null ? 'the logging' : 'the contact');
  if (command.handling === 'OUTSIDE_SCHEDULE_3') {
    ensure(complaint.handling !== 'RECORDED_UNDER_SCHEDULE_3', 'recordedComplaintStaysRecorded');
    ensure(!command.complainantWantsRecorded, 'mustRecordAtComplainantsWish');
    const grounds = [...command.schedule3Grounds, ...referralCriteriaMet(state)];
    ensure(grounds.length === 0, 'mustRecordOnSchedule3Grounds', grounds.join(', '));
  }
  return [event('ComplaintHandlingDecided', payloadOf(command))];
}

function decideOutcome(state: Case, command: Extract<ComplaintCommand, { type: 'NotifyComplaintOutcome' }>): CaseEvent[] {
  const complaint = requireOpenComplaint(state);
  ensure(complaint.handling !== null, 'complaintHandlingMustBeDecided');
  ensure(!isSuspended(complaint), 'complaintSuspended');
  ensure(complaint.handledOtherwise !== null || state.investigationReportOn !== null || complaint.exceptionAppliedOn !== null, 'complaintOutcomeNeedsHandling');
  ensure((command.reviewBody !== undefined) === (complaint.handling === 'RECORDED_UNDER_SCHEDULE_3'), 'reviewBodyExactlyUnderSchedule3');
  ensureReferralRecorded(state);
  ensureNotBefore(command.on, complaint.handlingDecidedOn, 'the handling decision');
  return [event('ComplaintOutcomeNotified', payloadOf(command))];
}

const isSuspended = (complaint: ComplaintState): boolean => complaint.suspensions.some((suspension) => suspension.to === null);

function decideRecordCopy(state: Case, command: Extract<ComplaintCommand, { type: 'RecordComplaintRecordCopy' }>): CaseEvent[] {
  const complaint = requireComplaint(state);
  ensure(complaint.recordedOn !== null, 'recordCopyNeedsRecordedComplaint');
  if (command.to === 'PERSON_COMPLAINED_AGAINST') {
    ensure(command.subjectId !== undefined && Object.prototype.hasOwnProperty.call(state.subjects, command.subjectId), 'recordCopyRecipientMismatch');
  } else {
    ensure(command.subjectId === undefined, 'recordCopyRecipientMismatch');
    ensure(!complaint.anonymous || command.withheldUnder !== undefined, 'anonymousComplainantGetsNoCopy');
  }
  ensureNotBefore(command.on, complaint.recordedOn, 'the recording');
  return [event('ComplaintRecordCopied', payloadOf(command))];
}

/** The criteria the case's type admits (case-types.ts): refused naming the first that it does not. */
function ensureCriteriaForCaseType(state: Case, criteria: readonly ReferralCriterion[]): void {
  const admitted = CASE_TYPE_PROFILES[state.caseType].referralCriteria;
  const foreign = criteria.filter((criterion) => !admitted.includes(criterion));
  ensure(foreign.length === 0, 'referralCriterionNotForCaseType', `${foreign.join(', ')} for a case of type ${state.caseType}`);
}

function decideReviewApplication(state: Case, command: Extract<ComplaintCommand, { type: 'ApplyForComplaintReview' }>): CaseEvent[] {
  const complaint = requireComplaint(state);
  const outcome = complaint.outcomeNotified;
  if (outcome === null || outcome.reviewBody === null) return refuse('reviewNeedsOutcomeWithReviewBody');
  ensure(complaint.review === null || complaint.review.result !== null, 'reviewAlreadyPending');
  ensureNotBefore(command.on, outcome.on, 'the outcome');
  const lastDay = day(addDays(parseISO(outcome.on), REVIEW_WINDOW_DAYS + (command.daysInTransit ?? 0)));
  ensure(!isBeforeDay(lastDay, command.on), 'reviewApplicationOutOfTime', `the last day was ${lastDay}`);
  return [event('ComplaintReviewApplied', payloadOf(command))];
}

export function decideComplaint(state: Case, command: ComplaintCommand): CaseEvent[] {
  switch (command.type) {
    case 'LogComplaint':
      return decideLogging(state, command);
    case 'RecordComplainantContact': {
      const complaint = requireOpenComplaint(state);
      ensureNotBefore(command.on, complaint.loggedOn, 'the logging');
      return [event('ComplainantContacted', payloadOf(command))];
    }
    case 'AssessReferralCriteria':
      ensureCriteriaForCaseType(state, command.criteria);
      ensureNotBefore(command.on, state.receivedOn, 'the referral');
      return [event('ReferralCriteriaAssessed', payloadOf(command))];
    case 'RecordConductMatter':
      ensure(CASE_TYPE_PROFILES[state.caseType].homeOfficeCaseType === 'CONDUCT_MATTER', 'recordingNeedsConductMatter');
      ensure(state.conductMatterRecordedOn === null, 'conductMatterAlreadyRecorded', `recorded on ${state.conductMatterRecordedOn}`);
      ensureCriteriaForCaseType(state, command.grounds);
      ensureNotBefore(command.on, state.receivedOn, 'the day the matter came to attention');
      return [event('ConductMatterRecorded', payloadOf(command))];
    case 'RecordRevealedConductMatter': {
      const complaint = requireComplaint(state);
      ensure(command.conductMatterCaseId !== state.caseId, 'conductMatterIsAnotherCase');
      ensureNotBefore(command.on, complaint.loggedOn, 'the logging');
      return [event('ConductMatterRevealed', payloadOf(command))];
    }
    case 'RecordComplaintRecordCopy':
      return decideRecordCopy(state, command);
    case 'SuspendComplaint': {
      const complaint = requireOpenComplaint(state);
      ensure(!isSuspended(complaint), 'complaintAlreadySuspended');
      const lastResumed = complaint.suspensions
        .map((suspension) => suspension.to)
        .filter((on): on is string => on !== null)
        .sort()
        .at(-1);
      ensureNotBefore(command.on, lastResumed ?? complaint.loggedOn, lastResumed === undefined ? 'the logging' : 'the last resumption');
      return [event('ComplaintSuspended', payloadOf(command))];
    }
    case 'ResumeComplaint': {
      const complaint = requireOpenComplaint(state);
      const open = complaint.suspensions.find((suspension) => suspension.to === null);
      if (open === undefined) return refuse('complaintNotSuspended');
      ensureNotBefore(command.on, open.from, 'the suspension');
      return [event('ComplaintResumed', payloadOf(command))];
    }
    case 'DecideComplaintHandling':
      return decideHandling(state, command);
    case 'HandleComplaintOtherwise': {
      const complaint = requireOpenComplaint(state);
      ensure(complaint.handling !== null, 'complaintHandlingMustBeDecided');
      ensure(state.investigationStartedOn === null, 'complaintUnderInvestigation');
      ensureReferralRecorded(state);
      ensureNotBefore(command.on, complaint.handlingDecidedOn, 'the handling decision');
      return [event('ComplaintHandledOtherwise', payloadOf(command))];
    }
    case 'ApplyComplaintException': {
      const complaint = requireOpenComplaint(state);
      const recent = Object.values(complaint.allegations).filter(
        (allegation) => !isAfter(parseISO(state.receivedOn), addMonths(parseISO(allegation.incidentOn), EXCEPTION_AFTER_MONTHS)),
      );
      ensure(recent.length === 0, 'exceptionNeedsComplaintOverTwelveMonths', recent.map((allegation) => `incident on ${allegation.incidentOn}`).join(', '));
      ensureNotBefore(command.on, complaint.loggedOn, 'the logging');
      return [event('ComplaintExceptionApplied', payloadOf(command))];
    }
    case 'NotifyComplaintOutcome':
      return decideOutcome(state, command);
    case 'WithdrawComplaint': {
      const complaint = requireOpenComplaint(state);
      ensure(state.iopcReferral === null || command.directorGeneralNotified, 'withdrawalOfReferredComplaintNotifiesDirectorGeneral');
      ensureNotBefore(command.on, complaint.loggedOn, 'the logging');
      return [event('ComplaintWithdrawn', payloadOf(command))];
    }
    case 'RecordWithdrawalDecision': {
      const complaint = requireComplaint(state);
      ensure(complaint.withdrawnOn !== null && state.iopcReferral !== null, 'withdrawalDecisionNeedsReferredWithdrawal');
      ensure(complaint.withdrawalDecision === null, 'withdrawalDecisionAlreadyRecorded');
      ensure(command.treatAsConductMatter || command.conductMatterCaseId === undefined, 'conductMatterCaseOnlyWhenTreated');
      ensure(command.conductMatterCaseId !== state.caseId, 'conductMatterIsAnotherCase');
      ensureNotBefore(command.on, complaint.withdrawnOn, 'the withdrawal');
      return [event('WithdrawalDecisionRecorded', payloadOf(command))];
    }
    case 'ApplyForComplaintReview':
      return decideReviewApplication(state, command);
    case 'DecideComplaintReview': {
      const review = requireComplaint(state).review;
      if (review === null || review.result !== null) return refuse('reviewMustBeApplied');
      ensure(!command.recommendationsMade || command.result === 'UPHELD', 'recommendationsOnlyWhenUpheld');
      ensureNotBefore(command.on, review.appliedOn, 'the application');
      return [event('ComplaintReviewDecided', payloadOf(command))];
    }
    default: {
      const unhandled: never = command;
      throw new Error(`unknown complaint command ${JSON.stringify(unhandled)}`);
    }
  }
}
