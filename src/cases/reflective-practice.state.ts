/**
 * What decide and the read models know of a subject's reflective practice process and of its
 * route (reflective-practice.events.ts, proceedings-routes.events.ts). Built by
 * reflective-practice.facts.ts.
 */
import type { EngagementFailureRoute, PerformanceOutcome, SubjectRoute, VettingOutcome } from './reflective-practice.enums';

/** The reg 70 report, as far as the clocks and the rules need it (its text stays in the event, sealed). */
export interface ReflectiveReport {
  agreedOn: string;
  actionsDueOn: string;
  reviewPeriodEndsOn: string;
}

/** One run of the reflective practice review process, from the referral (ReflectivePracticeReviewStarted). */
export interface ReflectivePracticeProcess {
  referredOn: string;
  noticeOn: string | null;
  accountOn: string | null;
  factFindingOn: string | null;
  discussionOn: string | null;
  report: ReflectiveReport | null;
  actionsReviewedOn: string | null;
  pdrFollowUpOn: string | null;
  /** The day the participant was found not to engage, and where the matter went. */
  engagementFailed: { on: string; referredTo: EngagementFailureRoute } | null;
}

export interface RouteChange {
  route: SubjectRoute;
  from: string;
}

/** A route other than misconduct that ends in an outcome of its own. */
export type RouteOutcome = { route: 'PERFORMANCE'; outcome: PerformanceOutcome; on: string } | { route: 'VETTING'; outcome: VettingOutcome; on: string };

export interface SubjectRoutes {
  /** The route the matter is on now. */
  route: SubjectRoute;
  /** Every change of route, oldest first (empty while the matter stays on the misconduct route it began on). */
  history: readonly RouteChange[];
  /** reg 10: paused since this day, while criminal proceedings could be prejudiced; null when not paused. */
  pausedSince: string | null;
  /** reg 27: the day the proceedings were withdrawn, if they were. */
  withdrawnOn: string | null;
  /** Performance Regulations: referred, and whether for gross incompetence. */
  performance: { referredOn: string; grossIncompetence: boolean } | null;
  vettingReferredOn: string | null;
  /** The Performance or Vetting route's outcome, once recorded. */
  outcome: RouteOutcome | null;
  /** The latest reflective practice process, once referred. */
  reflectivePractice: ReflectivePracticeProcess | null;
  /** The day of the barred-list entry, from which its review period runs (barred-list-review.ts). */
  barredListedOn: string | null;
}

export const initialSubjectRoutes: SubjectRoutes = {
  route: 'MISCONDUCT',
  history: [],
  pausedSince: null,
  withdrawnOn: null,
  performance: null,
  vettingReferredOn: null,
  outcome: null,
  reflectivePractice: null,
  barredListedOn: null,
};

/** A dismissal on the Performance or Vetting route, with the barred-list basis it gives and its day; null otherwise. */
export function routeDismissalOf(routes: SubjectRoutes): { basis: 'DISMISSED_PERFORMANCE' | 'DISMISSED_VETTING'; on: string } | null {
  const outcome = routes.outcome;
  if (outcome === null) return null;
  if (outcome.route === 'PERFORMANCE') {
    const dismissed = outcome.outcome === 'DISMISSAL_WITH_NOTICE' || outcome.outcome === 'DISMISSAL_WITHOUT_NOTICE';
    return dismissed ? { basis: 'DISMISSED_PERFORMANCE', on: outcome.on } : null;
  }
  return outcome.outcome === 'DISMISSAL_WITHOUT_NOTICE' ? { basis: 'DISMISSED_VETTING', on: outcome.on } : null;
}
