/**
 * The DCC's dashboard reads the timeliness read model (its cases, subjects and deadlines):
 * four statements in one read-only, repeatable-read transaction, so every part of the
 * dashboard describes the same moment of the ledger.
 *
 * Each statement returns only what the dashboard shows (measured: reading every open
 * deadline and every proven gross misconduct of a force and sorting them out in Node was
 * most of the time): the overdue duties (judged against `today` in SQL, as isOverdue does),
 * the subjects suspended or awaiting approval with their next suspension review, and for
 * proven gross misconduct the counts by rank plus the few findings that did not end in
 * dismissal. Day counts are date arithmetic in SQL (`today - due_on`), as
 * calendarDaysBetween counts them.
 */
import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { PG_POOL } from '../../src/database/database.module';
import type { CaseListScope } from '../../src/access/case-access-policy';
import { DISMISSAL_OUTCOMES } from '../../src/cases/case.enums';
import type { CaseStage, DepartureKind, Outcome, Rank, WorkforceType } from '../../src/cases/case.enums';
import type { Deadline } from '../timeliness/deadlines';
import { DEADLINE_SELECT, dayText, readModel, toDeadline } from '../timeliness/timeliness.queries';
import type { DeadlineRow } from '../timeliness/timeliness-rows';
import { TIMELINESS_TABLES } from '../timeliness/timeliness.tables';
import type { ProvenGrossMisconduct } from './sanction-consistency';


/** Overdue deadlines listed on the dashboard; `overdueDeadlinesTotal` counts them all. */
export const OVERDUE_DEADLINES_SHOWN = 100;
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
  subjects: WatchedSubject[];
  /** Duties neither met nor lapsed whose due day is before today, soonest due first. */
  /** The most overdue first, at most OVERDUE_DEADLINES_SHOWN. */
  overdueDeadlines: OverdueCaseDeadline[];
  overdueDeadlinesTotal: number;
  grossMisconductByRank: RankCount[];
  /** Proven gross misconduct that did not end in dismissal, by case and subject. */
  notDismissed: ProvenGrossMisconduct[];
}

const { cases, subjects, deadlines } = TIMELINESS_TABLES;
/**
 * The force's rows (of cases, subjects or deadlines: each carries its case's force and
 * sensitivity) the reader may see: their sensitivity allows it, and the case is not about
 * the reader nor one they declared a conflict on.
 */
const visible = (row: string): string => `${row}.force = $1 AND ${row}.sensitivity = ANY($2::text[])
  AND NOT EXISTS (SELECT 1 FROM ${subjects} own WHERE own.case_id = ${row}.case_id AND own.person_id = $3)
  AND NOT (${row}.case_id::text = ANY($4::text[]))`;
/** Proven gross misconduct the consistency check counts (sanction-consistency.ts). */
const PROVEN = `s.gross_misconduct_proven AND s.outcome IS NOT NULL AND s.concluded_on IS NOT NULL`;

@Injectable()
export class DccOversightQueries {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async forForce(force: string, scope: CaseListScope, today: string): Promise<DccOversightData> {
    return readModel(async () => {
      const client = await this.pool.connect();
      const parameters = [force, scope.sensitivities, scope.excludeSubjectPersonId, scope.excludeCaseIds];
      const withToday = [...parameters, today];
      try {
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        const live = await client.query<{ stage: string; count: number }>(
          `SELECT c.stage, count(*)::int AS count FROM ${cases} c
            WHERE ${visible('c')} AND c.stage NOT IN ('CONCLUDED', 'CLOSED') GROUP BY c.stage ORDER BY c.stage`,
          parameters,
        );
        const watched = await client.query<WatchedSubject>(
          `SELECT s.case_id, s.subject_id, s.rank, s.workforce_type, s.suspension, ${dayText('s.suspended_since')},
                  ($5::date - s.suspended_since) AS days_suspended, ${dayText('s.last_reviewed_on')},
                  to_char(r.due_on, 'YYYY-MM-DD') AS next_review_on, coalesce(r.kind = 'DUTY' AND $5::date > r.due_on, false) AS review_overdue,
                  s.departure_how, ${dayText('s.departed_on')}, ($5::date - s.departed_on) AS days_waiting,
                  s.stage_at_departure, s.awaiting_dcc_decision
             FROM ${subjects} s
             LEFT JOIN LATERAL (
               SELECT d.due_on, d.kind FROM ${deadlines} d
                WHERE d.case_id = s.case_id AND d.rule = 'suspensionReview' AND d.subject_id = s.subject_id
                  AND d.met_on IS NULL AND d.lapsed_on IS NULL
                ORDER BY d.due_on, d.seq LIMIT 1
             ) r ON s.suspension <> 'NONE'
            WHERE ${visible('s')} AND (s.suspension <> 'NONE' OR s.awaiting_dcc_decision)
            ORDER BY s.case_id, s.subject_id`,
          withToday,
        );
        const overdue = await client.query<DeadlineRow & { days_overdue: number }>(
          `SELECT ${DEADLINE_SELECT}, ($5::date - d.due_on) AS days_overdue
             FROM ${deadlines} d
            WHERE ${visible('d')} AND d.met_on IS NULL AND d.lapsed_on IS NULL AND d.due_on < $5::date AND d.kind = 'DUTY'
            ORDER BY d.due_on, d.case_id, d.rule, d.subject_id, d.seq
            LIMIT ${OVERDUE_DEADLINES_SHOWN}`,
          withToday,
        );
        // The list shows the most overdue; the total says how many there are in all, so the
        // dashboard stays the same size however many cases a force holds.
        const overdueTotal = await client.query<{ total: number }>(
          `SELECT count(*)::int AS total FROM ${deadlines} d
            WHERE ${visible('d')} AND d.met_on IS NULL AND d.lapsed_on IS NULL AND d.due_on < $5::date AND d.kind = 'DUTY'`,
          withToday,
        );
        // One pass: per rank, the count and the findings that did not end in dismissal.
        const proven = await client.query<RankCount & { not_dismissed: ProvenGrossMisconduct[] | null }>(
          `SELECT s.rank, count(*)::int AS proven, count(*) FILTER (WHERE s.outcome = ANY($5::text[]))::int AS dismissed,
                  json_agg(json_build_object('caseId', s.case_id, 'subjectId', s.subject_id, 'rank', s.rank, 'outcome', s.outcome,
                                             'concludedOn', to_char(s.concluded_on, 'YYYY-MM-DD'), 'formerOfficer', s.former_officer)
                           ORDER BY s.case_id, s.subject_id) FILTER (WHERE NOT (s.outcome = ANY($5::text[]))) AS not_dismissed
             FROM ${subjects} s
            WHERE ${visible('s')} AND ${PROVEN}
            GROUP BY s.rank`,
          [...parameters, [...DISMISSAL_OUTCOMES]],
        );
        await client.query('COMMIT');
        return {
          liveByStage: live.rows,
          subjects: watched.rows,
          overdueDeadlines: overdue.rows.map((row) => ({ caseId: row.case_id, ...toDeadline(row), daysOverdue: row.days_overdue })),
          overdueDeadlinesTotal: overdueTotal.rows[0]?.total ?? 0,
          grossMisconductByRank: proven.rows.map(({ rank, proven: count, dismissed }) => ({ rank, proven: count, dismissed })),
          notDismissed: proven.rows.flatMap((row) => row.not_dismissed ?? []),
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
