/**
 * The DCC dashboard's signal for unusual reading, from the access log: in one UTC day, one
 * user who
 * - read more than MANY_CASES_A_DAY distinct cases of the force (someone browsing), or
 * - was refused more than MANY_REFUSALS_A_DAY reads of the force's cases (someone probing for
 *   cases they may not see: covert ones, other forces', their own).
 * `outsideOwnForce` says the reader is not of the force (nor national). A third signal, repeated
 * reads of one case by a user with no part in it, needs the case's actors and is not here yet.
 * Only reads of the cases the dashboard's reader could open are counted (the case read rules,
 * as `GET /access-log` applies them): an inspector is not told of refused reads of a covert
 * case, nor a DCC of the reads of a covert case about them.
 */
import { Inject, Injectable } from '@nestjs/common';
import { addDays } from 'date-fns';
import { Pool } from 'pg';
import type { CaseListScope } from '../../src/access/case-access-policy';
import { PG_POOL } from '../../src/database/database.module';
import { ACCESS_LOG_TABLE, queryAccessLog } from '../common/access-log-views';
import { CASE_STATUS_TABLE, caseScopeCondition } from '../common/case-status-views';

export const MANY_CASES_A_DAY = 20;
export const MANY_REFUSALS_A_DAY = 5;
/** Days looked back, today included. */
export const UNUSUAL_READING_DAYS = 7;

export type UnusualReadingReason = 'manyCases' | 'manyRefusals';

export interface UnusualReading {
  userId: string;
  day: string;
  distinctCases: number;
  reads: number;
  refusedReads: number;
  outsideOwnForce: boolean;
  reasons: UnusualReadingReason[];
}

interface Row {
  user_id: string;
  day: string;
  distinct_cases: number;
  reads: number;
  refused_reads: number;
  outside_own_force: boolean;
}

@Injectable()
export class UnusualReadingQueries {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** `today` is `YYYY-MM-DD`; days are UTC, as the access streams are. `scope`: the dashboard reader's need-to-know. */
  async forForce(force: string, today: string, scope: CaseListScope): Promise<UnusualReading[]> {
    const since = addDays(new Date(`${today}T00:00:00Z`), 1 - UNUSUAL_READING_DAYS).toISOString();
    const parameters: unknown[] = [force, since, MANY_CASES_A_DAY, MANY_REFUSALS_A_DAY];
    const parameter = (value: unknown): string => `$${parameters.push(value)}`;
    const rows = await queryAccessLog<Row>(
      this.pool,
      `SELECT log.user_id, to_char(log.at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
              count(DISTINCT log.case_id)::int AS distinct_cases, count(*)::int AS reads,
              count(*) FILTER (WHERE NOT log.granted)::int AS refused_reads,
              bool_or(log.reader_force <> $1 AND log.reader_force <> '*') AS outside_own_force
         FROM ${ACCESS_LOG_TABLE} AS log JOIN ${CASE_STATUS_TABLE} AS c ON c.case_id = log.case_id
        WHERE c.force = $1 AND log.at >= $2::timestamptz AND ${caseScopeCondition(scope, parameter)}
        GROUP BY log.user_id, day
       HAVING count(DISTINCT log.case_id) > $3 OR count(*) FILTER (WHERE NOT log.granted) > $4
        ORDER BY day DESC, log.user_id`,
      parameters,
    );
    return rows.map((row) => ({
      userId: row.user_id,
      day: row.day,
      distinctCases: row.distinct_cases,
      reads: row.reads,
      refusedReads: row.refused_reads,
      outsideOwnForce: row.outside_own_force,
      reasons: reasonsOf(row),
    }));
  }
}

function reasonsOf(row: Row): UnusualReadingReason[] {
  const reasons: UnusualReadingReason[] = [];
  if (row.distinct_cases > MANY_CASES_A_DAY) reasons.push('manyCases');
  if (row.refused_reads > MANY_REFUSALS_A_DAY) reasons.push('manyRefusals');
  return reasons;
}
