/**
 * What other read models may know of the case-status read model (projections/case-status
 * fills it): its name (for read-your-writes) and the view of one row per case, keyed by
 * `case_id`, with the case's `force` and its `item` (case-status-item.ts). Here, not in
 * projections/case-status, so a reader of the view (the access log joins it for a case's
 * force; history and export decide access from its row) depends on declarations, not on the
 * projection's code.
 */
export const CASE_STATUS_PROJECTION = 'case-status';
/** The view readers query. */
export const CASE_STATUS_TABLE = 'case_status';
