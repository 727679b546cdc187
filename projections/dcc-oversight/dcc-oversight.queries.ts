/**
 * The DCC's dashboard reads the timeliness read model (its cases, subjects and deadlines):
 * three statements in one read-only, repeatable-read transaction, so every part of the
 * dashboard describes the same moment of the ledger.
 */
import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { PG_POOL } from '../../src/database/database.module';
import type { CaseListScope } from '../../src/access/case-access-policy';
import type { CaseStage, DepartureKind, Outcome, Rank, WorkforceType } from '../../src/cases/case.enums';
import type { Deadline } from '../timeliness/deadlines';
import { DEADLINE_SELECT, dayText, readModel, toDeadline } from '../timeliness/timeliness.queries';
import type { DeadlineRow } from '../timeliness/timeliness-rows';
import { TIMELINESS_TABLES } from '../timeliness/timeliness.tables';

/** A subject the DCC watches: suspended or restricted, gone without approval, or found to have committed gross misconduct. */
export interface WatchedSubject {
  case_id: string;
  subject_id: string;
  rank: Rank;
  workforce_type: WorkforceType;
  suspension: 'NONE' | 'SUSPENDED' | 'RESTRICTED';
  suspended_since: string | null;
  last_reviewed_on: string | null;
  departure_how: DepartureKind | null;
  departed_on: string | null;
  stage_at_departure: CaseStage | null;
  awaiting_dcc_decision: boolean;
  outcome: Outcome | null;
  concluded_on: string | null;
  former_officer: boolean;
  gross_misconduct_proven: boolean;
}

export type CaseDeadline = Deadline & { caseId: string };

export interface DccOversightData {
  liveByStage: { stage: string; count: number }[];
  subjects: WatchedSubject[];
  /** Duties and windows neither met nor lapsed, soonest due first. */
  openDeadlines: CaseDeadline[];
}

const { cases, subjects, deadlines } = TIMELINESS_TABLES;
/** The force's cases the reader may see: their sensitivity allows it, and none is about the reader. */
const IN_FORCE = `c.force = $1 AND c.sensitivity = ANY($2::text[])
  AND NOT EXISTS (SELECT 1 FROM ${subjects} own WHERE own.case_id = c.case_id AND own.person_id = $3)`;

@Injectable()
export class DccOversightQueries {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async forForce(force: string, scope: CaseListScope): Promise<DccOversightData> {
    return readModel(async () => {
      const client = await this.pool.connect();
      const parameters = [force, scope.sensitivities, scope.excludeSubjectPersonId];
      try {
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        const live = await client.query<{ stage: string; count: number }>(
          `SELECT c.stage, count(*)::int AS count FROM ${cases} c
            WHERE ${IN_FORCE} AND c.stage NOT IN ('CONCLUDED', 'CLOSED') GROUP BY c.stage ORDER BY c.stage`,
          parameters,
        );
        const watched = await client.query<WatchedSubject>(
          `SELECT s.case_id, s.subject_id, s.rank, s.workforce_type, s.suspension, ${dayText('s.suspended_since')}, ${dayText('s.last_reviewed_on')},
                  s.departure_how, ${dayText('s.departed_on')}, s.stage_at_departure, s.awaiting_dcc_decision,
                  s.outcome, ${dayText('s.concluded_on')}, s.former_officer, s.gross_misconduct_proven
             FROM ${subjects} s JOIN ${cases} c ON c.case_id = s.case_id
            WHERE ${IN_FORCE} AND (s.suspension <> 'NONE' OR s.awaiting_dcc_decision OR s.gross_misconduct_proven)
            ORDER BY s.case_id, s.subject_id`,
          parameters,
        );
        const open = await client.query<DeadlineRow>(
          `SELECT ${DEADLINE_SELECT} FROM ${deadlines} d JOIN ${cases} c ON c.case_id = d.case_id
            WHERE ${IN_FORCE} AND d.met_on IS NULL AND d.lapsed_on IS NULL
            ORDER BY d.due_on, d.case_id, d.rule, d.subject_id, d.seq`,
          parameters,
        );
        await client.query('COMMIT');
        return { liveByStage: live.rows, subjects: watched.rows, openDeadlines: open.rows.map((row) => ({ caseId: row.case_id, ...toDeadline(row) })) };
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    });
  }
}
