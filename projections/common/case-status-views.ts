/**
 * What other read models may know of the case-status read model (projections/case-status
 * fills it): its name (for read-your-writes) and the view of one row per case, keyed by
 * `case_id`, with the columns need-to-know reads (`force`, `sensitivity`,
 * `subject_person_ids`) and the case's `item` (case-status-item.ts). Here, not in
 * projections/case-status, so a reader of the view (the access log and the DCC's unusual
 * reading judge a logged read by its case's row; history and export decide access from it)
 * depends on declarations, not on the projection's code.
 */
import type { CaseListScope } from '../../src/access/case-access-policy';

export const CASE_STATUS_PROJECTION = 'case-status';
/** The view readers query. */
export const CASE_STATUS_TABLE = 'case_status';
/** Its counters: how many cases of each force, sensitivity, stage and type (`n`). */
export const CASE_STATUS_COUNTS_TABLE = 'case_status_counts';

/**
 * The case read rules (src/access/case-access-policy.ts, listScope) as SQL over the case's
 * current case-status row, aliased `c`: the same rules a read of the case applies, so the
 * access log (`GET /access-log`, the DCC's unusual reading) shows no read of a case its
 * reader could not open (a covert case about them, one they declared a conflict on). A read recorded against a force but of a case the read model does
 * not have yet is left out until it has it: nothing is shown that could not be judged.
 */
export function caseScopeCondition(scope: CaseListScope, parameter: (value: unknown) => string): string {
  const conditions = [
    `c.sensitivity = ANY(${parameter(scope.sensitivities)}::text[])`,
    `NOT (c.subject_person_ids @> ARRAY[${parameter(scope.excludeSubjectPersonId)}::text])`,
    `NOT (c.case_id = ANY(${parameter(scope.excludeCaseIds)}::text[]))`,
  ];
  if (scope.force !== null) conditions.push(`c.force = ${parameter(scope.force)}`);
  return `(${conditions.join(' AND ')})`;
}
