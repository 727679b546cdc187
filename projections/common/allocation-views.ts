/**
 * What other read models may know of the allocation read model (projections/allocation fills
 * it): its name (for read-your-writes) and its views, one row per case (who investigates it)
 * and one per item waiting for review or sign-off. Here, not in projections/allocation, so a
 * reader of the views (the case list's `investigator` filter, the DCC's dashboard) depends on
 * declarations, not on the projection's code. Both views carry the columns need-to-know reads
 * (`case_id`, `force`, `sensitivity`, `subject_person_ids`: case-status-views.ts's
 * caseScopeCondition applies to them as they are).
 */
import { readBuilt } from '../runner/read-model-errors';

export const ALLOCATION_PROJECTION = 'allocation';

export const ALLOCATION_TABLES = {
  /** Each case's events as the projection folds them (case-event-log.ts). */
  events: 'allocation_case_events',
  cases: 'allocation_cases',
  waiting: 'allocation_waiting',
} as const;

/** What waits: the report for its review, a decision for its sign-off. */
export const WAITING_ITEMS = ['INVESTIGATION_REPORT', 'CASE_TO_ANSWER', 'FORM_OF_PROCEEDINGS'] as const;
export type WaitingItem = (typeof WAITING_ITEMS)[number];

/** The cases whose current investigators (any role) include the person in `parameter`, as SQL over the case id column `caseId`. */
export function investigatedBy(caseIdColumn: string, parameter: string): string {
  return `${caseIdColumn} IN (SELECT a.case_id FROM ${ALLOCATION_TABLES.cases} a WHERE a.investigator_ids @> ARRAY[${parameter}::text])`;
}

/** One row of allocation_waiting as read back. */
export interface WaitingRow {
  case_id: string;
  subject_id: string;
  item: WaitingItem;
  waiting_since: string;
  days_waiting: number;
}

/** Runs a read; before the projection has made its first tables, or while they are an older version's, answers 503 (try again). */
export function readAllocation<T>(work: () => Promise<T>): Promise<T> {
  return readBuilt('allocation', work);
}
