/**
 * The DCC dashboard's figure for the chain of command (issue 16 point 2): how long each item
 * waits for review or sign-off (the investigator's report for its review; a case-to-answer
 * decision and a form of proceedings for their sign-off), from the allocation read model's
 * waiting rows; the longest waiting first, at most LISTED, beside the total, the longest and the
 * mean wait in days. Only the items of cases the reader could open are counted (the case read
 * rules over the rows' own columns, as the access log applies them).
 */
import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import type { CaseListScope } from '../../src/access/case-access-policy';
import { PG_POOL } from '../../src/database/database.module';
import { ALLOCATION_TABLES, readAllocation } from '../common/allocation-views';
import type { WaitingItem } from '../common/allocation-views';
import { caseScopeCondition } from '../common/case-status-views';
import { LISTED } from './dcc-oversight.queries';

export interface AwaitingReviewItem {
  caseId: string;
  /** Null for the case's report. */
  subjectId: string | null;
  item: WaitingItem;
  waitingSince: string;
  daysWaiting: number;
}

export interface AwaitingReview {
  items: AwaitingReviewItem[];
  total: number;
  longestDaysWaiting: number | null;
  meanDaysWaiting: number | null;
}

interface Row {
  case_id: string;
  subject_id: string;
  item: WaitingItem;
  waiting_since: string;
  days_waiting: number;
  total: string;
  longest: number | null;
  mean: string | null;
}

@Injectable()
export class AwaitingReviewQueries {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async forForce(force: string, today: string, scope: CaseListScope): Promise<AwaitingReview> {
    const parameters: unknown[] = [force, today];
    const parameter = (value: unknown): string => `$${parameters.push(value)}`;
    const { rows } = await readAllocation(() =>
      this.pool.query<Row>(
        `SELECT c.case_id, c.subject_id, c.item, to_char(c.waiting_since, 'YYYY-MM-DD') AS waiting_since,
                ($2::date - c.waiting_since) AS days_waiting, count(*) OVER () AS total,
                max($2::date - c.waiting_since) OVER () AS longest, round(avg($2::date - c.waiting_since) OVER (), 1) AS mean
           FROM ${ALLOCATION_TABLES.waiting} c
          WHERE c.force = $1 AND ${caseScopeCondition(scope, parameter)}
          ORDER BY c.waiting_since, c.case_id, c.item, c.subject_id
          LIMIT ${LISTED}`,
        parameters,
      ),
    );
    return {
      items: rows.map((row) => ({
        caseId: row.case_id,
        subjectId: row.subject_id === '' ? null : row.subject_id,
        item: row.item,
        waitingSince: row.waiting_since,
        daysWaiting: row.days_waiting,
      })),
      total: Number(rows[0]?.total ?? 0),
      longestDaysWaiting: rows[0]?.longest ?? null,
      meanDaysWaiting: rows[0]?.mean === undefined || rows[0].mean === null ? null : Number(rows[0].mean),
    };
  }
}
