/**
 * The DCC's dashboard reads the timeliness read model (its cases, subjects, deadlines and
 * counters): a few statements in one read-only, repeatable-read transaction, so every part
 * of the dashboard describes the same moment of the ledger.
 *
 * Its cost must not grow with the force (measured at a million events: counting a force's
 * every case and finding on each request was most of the time). So the figures come from the
 * projection's counters (common/timeliness-counts.ts), less what need-to-know hides from this reader
 * case by case (cases about them, cases they declared a conflict on: a few, found by index);
 * and every list shows at most LISTED entries, the most pressing first, beside the total.
 * Overdue is judged against `today` in SQL, as isOverdue does; day counts are date
 * arithmetic (`today - due_on`), as calendarDaysBetween counts them.
 */
import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { PG_POOL } from '../../src/database/database.module';
import type { CaseListScope } from '../../src/access/case-access-policy';
import type { CaseStage, DepartureKind, Rank, WorkforceType } from '../../src/cases/case.enums';
import type { Deadline } from '../common/deadlines/deadlines';
import { DEADLINE_SELECT, dayText, OPEN_DUTY, readTimeliness, TIMELINESS_TABLES, toDeadline } from '../common/timeliness-views';
import type { DeadlineRow } from '../common/timeliness-views';
import { AWAITING_DCC, COUNTED, countedFacts, PROVEN_NOT_DISMISSED } from '../common/timeliness-counts';
import type { ProvenGrossMisconduct } from './sanction-consistency';

/** Entries each list of the dashboard shows at most; a total beside each counts them all. */
export const LISTED = 100;
/** A subject the DCC watches: suspended or restricted, or gone without approval. */
export interface WatchedSubject {
  case_id: string;
  subject_id: string;
  rank: Rank;
  workforce_type: WorkforceType;
  suspension: 'NONE' | 'SUSPENDED' | 'RESTRICTED';
  suspended_since: string | null;
  days_suspended: number | null;
  last_reviewed_on: string | null;
  /** The soonest open suspensionReview duty of this subject, if any. */
  next_review_on: string | null;
  review_overdue: boolean;
  departure_how: DepartureKind | null;
  departed_on: string | null;
  days_waiting: number | null;
  stage_at_departure: CaseStage | null;
  awaiting_dcc_decision: boolean;
}

export type CaseDeadline = Deadline & { caseId: string };
export type OverdueCaseDeadline = CaseDeadline & { daysOverdue: number };

/** Proven gross misconduct of one rank: how many, how many dismissed. */
export interface RankCount {
  rank: Rank;
  proven: number;
  dismissed: number;
}

export interface DccOversightData {
  liveByStage: { stage: string; count: number }[];
  /** Suspended or restricted: reviews overdue first, then the longest suspended. */
  suspended: Listed<WatchedSubject>;
  /** Gone without the DCC's decision: the longest waiting first. */
  departed: Listed<WatchedSubject>;
  /** Duties neither met nor lapsed whose due day is before today: the most overdue first. */
  overdueDeadlines: Listed<OverdueCaseDeadline>;
  grossMisconductByRank: RankCount[];
  /** Proven gross misconduct that did not end in dismissal, the latest first (their number is proven − dismissed). */
  notDismissed: ProvenGrossMisconduct[];
}

/** At most LISTED entries, and how many there are in all. */
export interface Listed<T> {
  entries: T[];
  total: number;
}

const { cases, subjects, deadlines, counts } = TIMELINESS_TABLES;
const LIVE = (stage: string): boolean => stage !== 'CONCLUDED' && stage !== 'CLOSED';
/**
 * The force's rows (of cases, subjects or deadlines: each carries its case's force and
 * sensitivity) the reader may see: their sensitivity allows it, and the case is not about
 * the reader nor one they declared a conflict on.
 */
const visible = (row: string): string => `${row}.force = $1 AND ${row}.sensitivity = ANY($2::text[])
  AND NOT EXISTS (SELECT 1 FROM ${subjects} own WHERE own.case_id = ${row}.case_id AND own.person_id = $3)
  AND NOT (${row}.case_id::text = ANY($4::text[]))`;
/**
 * The force's cases of a sensitivity the reader may see that need-to-know hides all the same:
 * found from the reader's side (the cases about them, their conflicts), a few rows by index.
 */
const HIDDEN = `SELECT c.case_id FROM ${cases} c
  WHERE c.case_id IN (SELECT own.case_id FROM ${subjects} own WHERE own.person_id = $3 UNION SELECT unnest($4::text[]))
    AND c.force = $1 AND c.sensitivity = ANY($2::text[])`;
const WATCHED = `s.case_id, s.subject_id, s.rank, s.workforce_type, s.suspension, ${dayText('s.suspended_since')},
  ($5::date - s.suspended_since) AS days_suspended, ${dayText('s.last_reviewed_on')},
  s.departure_how, ${dayText('s.departed_on')}, ($5::date - s.departed_on) AS days_waiting,
  s.stage_at_departure, s.awaiting_dcc_decision`;

type Counted = { measure: string; key: string; n: number };

@Injectable()
export class DccOversightQueries {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async forForce(force: string, scope: CaseListScope, today: string): Promise<DccOversightData> {
    return readTimeliness(async () => {
      const client = await this.pool.connect();
      const parameters = [force, scope.sensitivities, scope.excludeSubjectPersonId, scope.excludeCaseIds];
      const withToday = [...parameters, today];
      try {
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        // The counters of the sensitivities the reader sees, less the hidden cases' share;
        // of the duties owed, those due before today, summed (they are counted by due day).
        const ofHidden = (table: string): string => `(SELECT * FROM ${table} WHERE case_id IN (SELECT case_id FROM hidden))`;
        const counted = await client.query<Counted>(
          `WITH hidden AS (${HIDDEN})
           SELECT measure, CASE WHEN measure = '${COUNTED.openDutyDue}' THEN '' ELSE key END AS key, sum(n)::int AS n FROM (
             SELECT measure, key, n FROM ${counts} WHERE force = $1 AND sensitivity = ANY($2::text[])
             UNION ALL
             SELECT measure, key, -1 FROM (${countedFacts(`${ofHidden(cases)} AS hidden_case`, `${ofHidden(subjects)} AS hidden_subject`, `${ofHidden(deadlines)} AS hidden_deadline`)}) AS hidden_fact
           ) AS fact
           WHERE NOT (measure = '${COUNTED.openDutyDue}' AND key >= $5)
           GROUP BY 1, 2 HAVING sum(n) <> 0 ORDER BY 1, 2`,
          withToday,
        );
        // Reviews overdue first: judged against today, so sorted here (a force suspends few).
        const suspended = await client.query<WatchedSubject>(
          `SELECT ${WATCHED}, to_char(r.due_on, 'YYYY-MM-DD') AS next_review_on,
                  coalesce(r.kind = 'DUTY' AND $5::date > r.due_on, false) AS review_overdue
             FROM ${subjects} s
             LEFT JOIN LATERAL (
               SELECT d.due_on, d.kind FROM ${deadlines} d
                WHERE d.case_id = s.case_id AND d.rule = 'suspensionReview' AND d.subject_id = s.subject_id
                  AND d.met_on IS NULL AND d.lapsed_on IS NULL
                ORDER BY d.due_on, d.seq LIMIT 1
             ) r ON true
            WHERE ${visible('s')} AND s.suspension <> 'NONE'
            ORDER BY review_overdue DESC, s.suspended_since, s.case_id, s.subject_id
            LIMIT ${LISTED}`,
          withToday,
        );
        const departed = await client.query<WatchedSubject>(
          `SELECT ${WATCHED}, NULL AS next_review_on, false AS review_overdue
             FROM ${subjects} s
            WHERE ${visible('s')} AND ${AWAITING_DCC /* unqualified: the columns of s */}
            ORDER BY s.departed_on, s.case_id, s.subject_id
            LIMIT ${LISTED}`,
          withToday,
        );
        const overdue = await client.query<DeadlineRow & { days_overdue: number }>(
          `SELECT ${DEADLINE_SELECT}, ($5::date - d.due_on) AS days_overdue
             FROM ${deadlines} d
            WHERE ${visible('d')} AND ${OPEN_DUTY /* unqualified: the columns of d */} AND d.due_on < $5::date
            ORDER BY d.due_on, d.case_id, d.rule, d.subject_id, d.seq
            LIMIT ${LISTED}`,
          withToday,
        );
        const notDismissed = await client.query<ProvenGrossMisconduct>(
          `SELECT s.case_id AS "caseId", s.subject_id AS "subjectId", s.rank, s.outcome,
                  to_char(s.concluded_on, 'YYYY-MM-DD') AS "concludedOn", s.former_officer AS "formerOfficer"
             FROM ${subjects} s
            WHERE ${visible('s')} AND ${PROVEN_NOT_DISMISSED /* unqualified: the columns of s */}
            ORDER BY s.concluded_on DESC, s.case_id, s.subject_id
            LIMIT ${LISTED}`,
          parameters,
        );
        await client.query('COMMIT');
        const measured = (measure: string): Counted[] => counted.rows.filter((row) => row.measure === measure);
        const byRank = (measure: string, rank: string): number => measured(measure).find((row) => row.key === rank)?.n ?? 0;
        const total = (measure: string): number => measured(measure).reduce((sum, row) => sum + row.n, 0);
        return {
          liveByStage: measured(COUNTED.stage)
            .filter((row) => LIVE(row.key))
            .map((row) => ({ stage: row.key, count: row.n })),
          suspended: { entries: suspended.rows, total: total(COUNTED.suspension) },
          departed: { entries: departed.rows, total: total(COUNTED.awaitingDccDecision) },
          overdueDeadlines: {
            entries: overdue.rows.map((row) => ({ caseId: row.case_id, ...toDeadline(row), daysOverdue: row.days_overdue })),
            total: total(COUNTED.openDutyDue),
          },
          grossMisconductByRank: measured(COUNTED.proven).map((row) => ({
            rank: row.key as Rank,
            proven: row.n,
            dismissed: byRank(COUNTED.dismissed, row.key),
          })),
          notDismissed: notDismissed.rows,
        };
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    });
  }
}
