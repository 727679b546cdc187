/**
 * What other read APIs may know of the timeliness read model: its name (for read-your-writes)
 * and the views it keeps, and what a deadline row that is a duty still owed looks like. Here,
 * not in projections/timeliness, so a reader of its views (the case list's nextDeadline and
 * overdue, the DCC's dashboard) depends on declarations, not on the projection's code.
 */
export const TIMELINESS_PROJECTION = 'timeliness';

export const TIMELINESS_TABLES = {
  /** Each case's events as the projection folds them (case-event-log.ts). */
  events: 'timeliness_case_events',
  cases: 'timeliness_cases',
  subjects: 'timeliness_subjects',
  deadlines: 'timeliness_deadlines',
  counts: 'timeliness_counts',
} as const;

/** A deadline row that is a duty still owed. */
export const OPEN_DUTY = `met_on IS NULL AND lapsed_on IS NULL AND kind = 'DUTY'`;
