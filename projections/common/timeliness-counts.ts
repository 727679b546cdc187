/**
 * What the timeliness projection (projections/timeliness) counts per force and sensitivity,
 * so that the DCC's dashboard reads a handful of counters instead of counting a force's
 * every case and subject on each request: cases by stage, by rank the proven gross
 * misconduct and how much of it ended in dismissal (the Hampshire consistency check,
 * projections/dcc-oversight/sanction-consistency.ts), and the subjects suspended or
 * restricted and those whose departure awaits the DCC, and the duties still owed by the day
 * they fall due (so those overdue today are a sum).
 *
 * The counters move with the rows, in the batch's own transaction: the rows a batch deletes
 * or replaces are counted out, the rows it writes counted in (`countStatement`). Readers
 * take out what need-to-know hides from them case by case
 * (projections/dcc-oversight/dcc-oversight.queries.ts).
 */
import { DISMISSAL_OUTCOMES } from '../../src/cases/case.enums';
import { OPEN_DUTY } from './timeliness-views';

export const COUNTED = {
  /** Cases by stage (key: the stage). */
  stage: 'stage',
  /** Proven gross misconduct by rank (key: the rank). */
  proven: 'provenGrossMisconduct',
  /** ... of which ended in dismissal (key: the rank). */
  dismissed: 'dismissedForGrossMisconduct',
  /** Subjects suspended or restricted (key: SUSPENDED or RESTRICTED). */
  suspension: 'suspension',
  /** Subjects gone during proceedings whose departure awaits the DCC's decision (key: how they went). */
  awaitingDccDecision: 'awaitingDccDecision',
  /** Duties neither met nor lapsed (key: the day due, YYYY-MM-DD: overdue ones are those before today). */
  openDutyDue: 'openDutyDue',
} as const;

const DISMISSALS = DISMISSAL_OUTCOMES.map((outcome) => `'${outcome}'`).join(', ');
/** A subject row's proven gross misconduct, as the consistency check counts it. */
export const PROVEN = `gross_misconduct_proven AND outcome IS NOT NULL AND concluded_on IS NOT NULL`;
export const PROVEN_DISMISSED = `${PROVEN} AND outcome IN (${DISMISSALS})`;
export const PROVEN_NOT_DISMISSED = `${PROVEN} AND outcome NOT IN (${DISMISSALS})`;
/** A subject row whose departure awaits the DCC's decision (and says how and when they went). */
export const AWAITING_DCC = `awaiting_dcc_decision AND departure_how IS NOT NULL AND departed_on IS NOT NULL`;
/** The columns of a deadline row the counters read. */
export const COUNTED_DEADLINE_COLUMNS = 'force, sensitivity, due_on, met_on, lapsed_on, kind';
/** The columns of a subject row the counters read. */
export const COUNTED_SUBJECT_COLUMNS =
  'force, sensitivity, rank, gross_misconduct_proven, outcome, concluded_on, suspension, awaiting_dcc_decision, departure_how, departed_on';

/** The counted facts of case rows (force, sensitivity, stage), subject rows (COUNTED_SUBJECT_COLUMNS) and deadline rows (COUNTED_DEADLINE_COLUMNS). */
export function countedFacts(cases: string, subjects: string, deadlines: string): string {
  return `SELECT force, sensitivity, '${COUNTED.stage}' AS measure, stage AS key FROM ${cases}
           WHERE force IS NOT NULL AND sensitivity IS NOT NULL AND stage IS NOT NULL
          UNION ALL
          SELECT force, sensitivity, '${COUNTED.proven}', rank FROM ${subjects} WHERE ${PROVEN}
          UNION ALL
          SELECT force, sensitivity, '${COUNTED.dismissed}', rank FROM ${subjects} WHERE ${PROVEN_DISMISSED}
          UNION ALL
          SELECT force, sensitivity, '${COUNTED.suspension}', suspension FROM ${subjects} WHERE suspension <> 'NONE'
          UNION ALL
          SELECT force, sensitivity, '${COUNTED.awaitingDccDecision}', departure_how FROM ${subjects} WHERE ${AWAITING_DCC}
          UNION ALL
          SELECT force, sensitivity, '${COUNTED.openDutyDue}', to_char(due_on, 'YYYY-MM-DD') FROM ${deadlines} WHERE ${OPEN_DUTY}`;
}

/** Adds (`+`) or takes out (`-`) the facts to the counters in `table`. */
export function countStatement(table: string, facts: string, sign: '+' | '-'): string {
  return `INSERT INTO ${table} AS counter (force, sensitivity, measure, key, n)
          SELECT force, sensitivity, measure, key, ${sign}count(*)::int FROM (${facts}) AS fact
           GROUP BY force, sensitivity, measure, key
          ON CONFLICT (force, sensitivity, measure, key) DO UPDATE SET n = counter.n + EXCLUDED.n`;
}
