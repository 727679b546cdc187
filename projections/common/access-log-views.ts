/**
 * What other read models may know of the access log read model (projections/access-log fills
 * it): its name (for read-your-writes) and its view, one row per recorded read (CaseAccessed,
 * PersonRecordAccessed, RecommendationAccessed) with `case_id`, `user_id`, `reader_force`, `force`, `at` and
 * `granted`. Here, not in projections/access-log, so the DCC dashboard's unusual-reading
 * signal depends on declarations, not on the projection's code.
 */
import type { Pool } from 'pg';
import { isNotBuiltYet } from '../runner/read-model-errors';

export const ACCESS_LOG_PROJECTION = 'access-log';
/** The view readers query. */
export const ACCESS_LOG_TABLE = 'access_log';

/** Reads the access log view; before the runner has made the first generation there is no view: nothing read yet. */
export async function queryAccessLog<T extends object>(pool: Pool, text: string, parameters: unknown[]): Promise<T[]> {
  try {
    return (await pool.query<T>(text, parameters)).rows;
  } catch (error) {
    if (isNotBuiltYet(error)) return [];
    throw error;
  }
}
