/**
 * What the timeliness projection counts per force and sensitivity, so that the DCC's
 * dashboard reads a handful of counters instead of counting a force's every case and
 * subject on each request: cases by stage, and by rank the proven gross misconduct and how
 * much of it ended in dismissal (the Hampshire consistency check, sanction-consistency.ts).
 *
 * The counters move with the rows, in the batch's own transaction: the rows a batch deletes
 * or replaces are counted out, the rows it writes counted in (`countStatement`). Readers
 * take out what need-to-know hides from them case by case (dcc-oversight.queries.ts).
 */
import { DISMISSAL_OUTCOMES } from '../../src/cases/case.enums';

export const COUNTED = {
  /** Cases by stage (key: the stage). */
  stage: 'stage',
  /** Proven gross misconduct by rank (key: the rank). */
  proven: 'provenGrossMisconduct',
  /** ... of which ended in dismissal (key: the rank). */
  dismissed: 'dismissedForGrossMisconduct',
} as const;

const DISMISSALS = DISMISSAL_OUTCOMES.map((outcome) => `'${outcome}'`).join(', ');
/** A subject row's proven gross misconduct, as the consistency check counts it. */
export const PROVEN = `gross_misconduct_proven AND outcome IS NOT NULL AND concluded_on IS NOT NULL`;
export const PROVEN_DISMISSED = `${PROVEN} AND outcome IN (${DISMISSALS})`;
export const PROVEN_NOT_DISMISSED = `${PROVEN} AND outcome NOT IN (${DISMISSALS})`;

/** The counted facts of case rows (force, sensitivity, stage) and subject rows (… rank, outcome …). */
export function countedFacts(cases: string, subjects: string): string {
  return `SELECT force, sensitivity, '${COUNTED.stage}' AS measure, stage AS key FROM ${cases}
           WHERE force IS NOT NULL AND sensitivity IS NOT NULL AND stage IS NOT NULL
          UNION ALL
          SELECT force, sensitivity, '${COUNTED.proven}', rank FROM ${subjects} WHERE ${PROVEN}
          UNION ALL
          SELECT force, sensitivity, '${COUNTED.dismissed}', rank FROM ${subjects} WHERE ${PROVEN_DISMISSED}`;
}

/** Adds (`+`) or takes out (`-`) the facts to the counters in `table`. */
export function countStatement(table: string, facts: string, sign: '+' | '-'): string {
  return `INSERT INTO ${table} AS counter (force, sensitivity, measure, key, n)
          SELECT force, sensitivity, measure, key, ${sign}count(*)::int FROM (${facts}) AS fact
           GROUP BY force, sensitivity, measure, key
          ON CONFLICT (force, sensitivity, measure, key) DO UPDATE SET n = counter.n + EXCLUDED.n`;
}
