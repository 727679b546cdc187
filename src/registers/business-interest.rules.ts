/**
 * Business interests and secondary employment: applied for, decided (approved, approved with
 * conditions, declined), reviewed every year, rescinded or withdrawn, and checked for
 * compliance (HMIC, Hampshire 2014). Each function refuses under a named rule or returns.
 */
import type {
  BusinessInterestApplied,
  BusinessInterestComplianceChecked,
  BusinessInterestDecided,
  BusinessInterestRescinded,
  BusinessInterestReviewed,
  BusinessInterestWithdrawn,
} from './registers.events';
import { ensure, ensureNotBefore, refuse } from './registers.rule-book';
import type { RegisterRuleName } from './registers.rule-book';
import { businessInterestOf } from './registers.state';
import type { BusinessInterestState, PersonRegisters } from './registers.state';

const isApproved = (interest: BusinessInterestState): boolean => interest.status === 'APPROVED' || interest.status === 'APPROVED_WITH_CONDITIONS';

const isClosed = (interest: BusinessInterestState): boolean => interest.status === 'RESCINDED' || interest.status === 'WITHDRAWN';

/** The interest, open (not rescinded or withdrawn); `missing` names the rule when there is none. */
function openInterest(state: PersonRegisters, id: string, missing: RegisterRuleName): BusinessInterestState {
  const interest = businessInterestOf(state, id);
  if (interest === null) return refuse(missing, id);
  ensure(!isClosed(interest), 'businessInterestClosed');
  return interest;
}

/** The date decided on (decide only asks after checking it was decided). */
const decisionDay = (interest: BusinessInterestState): string => interest.decidedOn ?? interest.appliedOn;

export function checkApplication(state: PersonRegisters, data: BusinessInterestApplied): void {
  ensure(businessInterestOf(state, data.businessInterestId) === null, 'businessInterestAlreadyApplied');
}

export function checkDecision(state: PersonRegisters, data: BusinessInterestDecided): void {
  const interest = openInterest(state, data.businessInterestId, 'decisionNeedsApplication');
  ensure(interest.status === 'APPLIED', 'businessInterestAlreadyDecided');
  ensure((data.decision === 'APPROVED_WITH_CONDITIONS') === (data.conditions !== undefined), 'conditionsMatchDecision');
  ensureNotBefore(data.decidedOn, interest.appliedOn, 'the application');
}

/** The annual review of an approval: due a year after the approval or the last review. */
export function checkReview(state: PersonRegisters, data: BusinessInterestReviewed): void {
  const interest = openInterest(state, data.businessInterestId, 'reviewNeedsApproval');
  ensure(isApproved(interest), 'reviewNeedsApproval');
  ensureNotBefore(data.reviewedOn, decisionDay(interest), 'the approval');
}

export function checkRescission(state: PersonRegisters, data: BusinessInterestRescinded): void {
  const interest = openInterest(state, data.businessInterestId, 'rescindNeedsApproval');
  ensure(interest.status !== 'DECLINED', 'cannotRescindDeclined');
  ensure(isApproved(interest), 'rescindNeedsApproval');
  ensureNotBefore(data.rescindedOn, decisionDay(interest), 'the approval');
}

/** The applicant gives up an application or an approval. */
export function checkWithdrawal(state: PersonRegisters, data: BusinessInterestWithdrawn): void {
  const interest = openInterest(state, data.businessInterestId, 'nothingToWithdraw');
  ensure(interest.status !== 'DECLINED', 'nothingToWithdraw');
  ensureNotBefore(data.withdrawnOn, interest.appliedOn, 'the application');
}

/**
 * A check of a decided interest, open or not: dip sampling looks for declined, rescinded
 * and withdrawn interests that carry on, and for approvals whose conditions are broken.
 */
export function checkComplianceCheck(state: PersonRegisters, data: BusinessInterestComplianceChecked): void {
  const interest = businessInterestOf(state, data.businessInterestId);
  if (interest === null || interest.status === 'APPLIED') return refuse('complianceCheckNeedsDecision', data.businessInterestId);
  if (data.result === 'DECLINED_INTEREST_CONTINUING') ensure(!isApproved(interest), 'continuingNeedsDeclinedInterest');
  if (data.result === 'CONDITIONS_BREACHED') ensure(interest.decision === 'APPROVED_WITH_CONDITIONS', 'conditionsBreachedNeedsConditions');
  ensureNotBefore(data.checkedOn, interest.appliedOn, 'the application');
}
