/**
 * The enumerations of the subject's routes (reflective-practice.events.ts and
 * proceedings-routes.events.ts): which route a subject's matter is on, where a failure to engage
 * with reflective practice sends it, and the outcomes of the Performance and Vetting routes.
 */

/**
 * The route a subject's matter is on: the misconduct route of the Conduct Regulations, the
 * reflective practice review process (Part 6), the Performance Regulations 2020, or the
 * Vetting Regulations 2025. Each change is an event, so the route's history is the stream's.
 */
export const SUBJECT_ROUTES = ['MISCONDUCT', 'REFLECTIVE_PRACTICE', 'PERFORMANCE', 'VETTING'] as const;
export type SubjectRoute = (typeof SUBJECT_ROUTES)[number];

/**
 * Where a failure to engage with reflective practice sends the matter (◐: WMPF guide,
 * docs/domain/regulations.md §2.12): back to the misconduct route, or to the Performance
 * Regulations' unsatisfactory performance procedures.
 */
export const ENGAGEMENT_FAILURE_ROUTES = ['MISCONDUCT', 'PERFORMANCE'] as const satisfies readonly SubjectRoute[];
export type EngagementFailureRoute = (typeof ENGAGEMENT_FAILURE_ROUTES)[number];

/**
 * Outcomes under the Performance Regulations 2020, as the PAT Rules 2020 rule 5 lists those
 * appealable (✔): third-stage outcomes (dismissal with notice, reduction in rank,
 * redeployment) and, for gross incompetence, dismissal without notice, reduction in rank,
 * redeployment, a final written or a written improvement notice; NO_FURTHER_ACTION otherwise.
 */
export const PERFORMANCE_OUTCOMES = [
  'NO_FURTHER_ACTION',
  'WRITTEN_IMPROVEMENT_NOTICE',
  'FINAL_WRITTEN_IMPROVEMENT_NOTICE',
  'REDEPLOYMENT',
  'REDUCTION_IN_RANK',
  'DISMISSAL_WITH_NOTICE',
  'DISMISSAL_WITHOUT_NOTICE',
] as const;
export type PerformanceOutcome = (typeof PERFORMANCE_OUTCOMES)[number];

/** PAT Rules 2020 rule 5 (✔): the outcomes a gross incompetence meeting may impose. */
export const GROSS_INCOMPETENCE_OUTCOMES = [
  'NO_FURTHER_ACTION',
  'WRITTEN_IMPROVEMENT_NOTICE',
  'FINAL_WRITTEN_IMPROVEMENT_NOTICE',
  'REDEPLOYMENT',
  'REDUCTION_IN_RANK',
  'DISMISSAL_WITHOUT_NOTICE',
] as const satisfies readonly PerformanceOutcome[];

/** Dismissal without notice is for gross incompetence only (PAT Rules 2020 rule 5, ✔). */
export const UNSATISFACTORY_PERFORMANCE_OUTCOMES = [
  'NO_FURTHER_ACTION',
  'WRITTEN_IMPROVEMENT_NOTICE',
  'FINAL_WRITTEN_IMPROVEMENT_NOTICE',
  'REDEPLOYMENT',
  'REDUCTION_IN_RANK',
  'DISMISSAL_WITH_NOTICE',
] as const satisfies readonly PerformanceOutcome[];

/**
 * The Vetting Regulations 2025's withdrawal assessment (Part 3, ✔): clearance kept, or withdrawn
 * and the officer dismissed without notice.
 */
export const VETTING_OUTCOMES = ['CLEARANCE_KEPT', 'DISMISSAL_WITHOUT_NOTICE'] as const;
export type VettingOutcome = (typeof VETTING_OUTCOMES)[number];

export const ROUTE_DISMISSALS = ['DISMISSAL_WITH_NOTICE', 'DISMISSAL_WITHOUT_NOTICE'] as const;
