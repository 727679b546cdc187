/**
 * What the IOPC complaints statistics count for one complaint (docs/domain/regulations.md §8.2),
 * as dated facts (common/dated-facts.ts). Pure. A measure in working days is a fact whose key
 * holds the number of days, so a period's average is the sum of key × count over the count:
 * the counts table keeps every average exact, whatever the range read.
 *
 * - logged, and its allegations by IOPC category: on the day it was logged;
 * - working days from logging to contacting the complainant: on the day it was logged;
 * - the handling (outside Schedule 3 or recorded under it, as it stands): on the day decided;
 * - finalised (its first outcome given: re-handling after an upheld review is the same case),
 *   by route, with the working days from logging, including and excluding the days its handling
 *   was suspended: on the day the outcome was given;
 * - the outcomes of handling without investigation, withdrawals, exceptions: on their days;
 * - each review applied for and decided, by review body (and result): on its day.
 */
import type { Case } from '../../src/cases/case.state';
import type { CaseStep } from '../common/case-event-log';
import { DatedFact, datedFact } from '../common/dated-facts';
import { workingDaysBetween } from '../common/deadlines/working-days';

export const COMPLAINT_METRIC = {
  casesLogged: 'casesLogged',
  /** Key: IOPC category. */
  allegationsLogged: 'allegationsLogged',
  /** Key: working days from logging to contact. */
  contactWorkingDays: 'contactWorkingDays',
  /** Key: handling. */
  handling: 'handling',
  /** Key: `route|working days from logging to the outcome`. */
  finalised: 'finalised',
  /** Key: `route|those working days less the working days the handling was suspended`. */
  finalisedExcludingSuspension: 'finalisedExcludingSuspension',
  /** Key: `handling|outcome`. */
  handlingOutcome: 'handlingOutcome',
  withdrawn: 'withdrawn',
  exceptionApplied: 'exceptionApplied',
  /** Key: review body. */
  reviewApplied: 'reviewApplied',
  /** Key: `review body|result`. */
  reviewDecided: 'reviewDecided',
} as const;

/**
 * How a finalised complaint was handled: informally (outside Schedule 3), or under it by a
 * local investigation, an IOPC (directed or independent) one, or otherwise than by investigation.
 */
export const FINALISATION_ROUTES = ['OUTSIDE_SCHEDULE_3', 'LOCAL_INVESTIGATION', 'IOPC_INVESTIGATION', 'OTHERWISE_THAN_BY_INVESTIGATION'] as const;
export type FinalisationRoute = (typeof FINALISATION_ROUTES)[number];

const IOPC_INVESTIGATIONS: readonly string[] = ['DIRECTED', 'INDEPENDENT'];

export const keyOf = (...parts: (string | number)[]): string => parts.join('|');

function routeOf(state: Case): FinalisationRoute {
  if (state.complaint?.handling === 'OUTSIDE_SCHEDULE_3') return 'OUTSIDE_SCHEDULE_3';
  if (state.investigationStartedOn === null) return 'OTHERWISE_THAN_BY_INVESTIGATION';
  return state.iopcMode !== null && IOPC_INVESTIGATIONS.includes(state.iopcMode) ? 'IOPC_INVESTIGATION' : 'LOCAL_INVESTIGATION';
}

/**
 * The working days of [loggedOn, outcomeOn] the handling was suspended (ComplaintSuspended to
 * ComplaintResumed; a suspension still running at the outcome counts to the outcome).
 */
export function suspendedWorkingDays(suspensions: NonNullable<Case['complaint']>['suspensions'], outcomeOn: string): number {
  let days = 0;
  for (const suspension of suspensions) {
    if (suspension.from >= outcomeOn) continue;
    const end = suspension.to === null || suspension.to > outcomeOn ? outcomeOn : suspension.to;
    days += workingDaysBetween(suspension.from, end);
  }
  return days;
}

export function complaintCaseFacts(steps: readonly CaseStep[], final: Case): DatedFact[] {
  const complaint = final.complaint;
  if (final.caseType !== 'COMPLAINT' || complaint === null) return [];
  const facts: DatedFact[] = [];
  const fact = (day: string, metric: string, ...key: (string | number)[]): void => {
    facts.push(datedFact(final.force, day, metric, keyOf(...key)));
  };
  const { loggedOn } = complaint;
  fact(loggedOn, COMPLAINT_METRIC.casesLogged);
  for (const allegation of Object.values(complaint.allegations)) fact(loggedOn, COMPLAINT_METRIC.allegationsLogged, allegation.category);
  if (complaint.contactedOn !== null) fact(loggedOn, COMPLAINT_METRIC.contactWorkingDays, workingDaysBetween(loggedOn, complaint.contactedOn));
  if (complaint.handling !== null && complaint.handlingDecidedOn !== null) fact(complaint.handlingDecidedOn, COMPLAINT_METRIC.handling, complaint.handling);
  if (complaint.withdrawnOn !== null) fact(complaint.withdrawnOn, COMPLAINT_METRIC.withdrawn);
  if (complaint.exceptionAppliedOn !== null) fact(complaint.exceptionAppliedOn, COMPLAINT_METRIC.exceptionApplied);
  let finalised = false;
  for (const { event, after } of steps) {
    // Finalised once, by its first outcome: re-handling after an upheld review is the same case.
    if (event.type === 'ComplaintOutcomeNotified' && !finalised) {
      finalised = true;
      const days = workingDaysBetween(loggedOn, event.data.on);
      const suspended = suspendedWorkingDays(after.complaint?.suspensions ?? [], event.data.on);
      fact(event.data.on, COMPLAINT_METRIC.finalised, routeOf(after), days);
      fact(event.data.on, COMPLAINT_METRIC.finalisedExcludingSuspension, routeOf(after), Math.max(0, days - suspended));
    }
    const handling = after.complaint?.handling;
    if (event.type === 'ComplaintHandledOtherwise' && handling) fact(event.data.on, COMPLAINT_METRIC.handlingOutcome, handling, event.data.outcome);
    const review = after.complaint?.review;
    if (review === null || review === undefined || review.reviewBody === null) continue;
    if (event.type === 'ComplaintReviewApplied') fact(event.data.on, COMPLAINT_METRIC.reviewApplied, review.reviewBody);
    if (event.type === 'ComplaintReviewDecided') fact(event.data.on, COMPLAINT_METRIC.reviewDecided, review.reviewBody, event.data.result);
  }
  return facts;
}
