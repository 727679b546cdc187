/**
 * When the yearly reviews fall due (docs/domain/reference.md, "Time limits": business interest renewal
 * and notifiable association update, 12 months, force policy (Hampshire); the annual
 * integrity and vetting review, Vetting Code of Practice 2023). Null when nothing is due:
 * the interest is not approved, the association has ended, the vetting was withdrawn.
 */
import { addYearsToDay } from '../common/days';
import type { AssociationState, BusinessInterestState, VettingState } from './registers.state';

export const REVIEW_INTERVAL_YEARS = 1;

/** A year after the approval or the last review. */
export function businessInterestReviewDue(interest: BusinessInterestState): string | null {
  const approved = interest.status === 'APPROVED' || interest.status === 'APPROVED_WITH_CONDITIONS';
  if (!approved || interest.decidedOn === null) return null;
  return addYearsToDay(interest.lastReviewedOn ?? interest.decidedOn, REVIEW_INTERVAL_YEARS);
}

/** A year after the declaration or the last review. */
export function associationReviewDue(association: AssociationState): string | null {
  if (association.endedOn !== null) return null;
  return addYearsToDay(association.lastReviewedOn ?? association.declaredOn, REVIEW_INTERVAL_YEARS);
}

/** A year after the grant or the last review. */
export function vettingReviewDue(vetting: VettingState): string | null {
  if (vetting.withdrawnOn !== null) return null;
  return addYearsToDay(vetting.lastReviewedOn ?? vetting.grantedOn, REVIEW_INTERVAL_YEARS);
}
