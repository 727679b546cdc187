import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import type { CaseListScope } from '../../src/access/case-access-policy';
import { PG_POOL } from '../../src/database/database.module';
import { ACCESS_LOG_TABLE, queryAccessLog } from '../common/access-log-views';
import { CASE_STATUS_TABLE, caseScopeCondition } from '../common/case-status-views';

export interface AccessLogItem {
  /** Null for a read of a person's integrity record. */
  caseId: string | null;
  /** Set only for a read of a person's integrity record. */
  personId: string | null;
  /** Set only for a read of a recommendation (one a search returned). */
  recommendationId: string | null;
  userId: string;
  role: string[];
  purpose: string;
  at: string;
  granted: boolean;
  reasonIfRefused: string | null;
}

export interface AccessLogPage {
  items: AccessLogItem[];
  page: number;
  pageSize: number;
  total: number;
}

export interface AccessLogFilter {
  /**
   * Reads of people's records and of ids that are no case: only this force's (a DCC's own),
   * or null for all. Reads of a case: only of the cases `scope` admits.
   */
  force: string | null;
  /** The reader's need-to-know (src/access): the cases whose reads they may see. */
  scope: CaseListScope;
  caseId?: string;
  userId?: string;
  /** Inclusive instant. */
  from?: string;
  /** Exclusive instant. */
  to?: string;
  page: number;
  pageSize: number;
}

interface Row {
  case_id: string | null;
  person_id: string | null;
  recommendation_id: string | null;
  user_id: string;
  roles: string[];
  purpose: string;
  at: Date;
  granted: boolean;
  reason_if_refused: string | null;
  total: string;
}

/** Reads the access log view, newest first. */
@Injectable()
export class AccessLogQueries {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async list(filter: AccessLogFilter): Promise<AccessLogPage> {
    const parameters: unknown[] = [];
    const parameter = (value: unknown): string => `$${parameters.push(value)}`;
    const force = filter.force === null ? 'true' : `log.force = ${parameter(filter.force)}`;
    const where = [
      // A read of a case shows only where the case read rules let the reader see the case; a
      // read of a person's record, or of an id that is no case, by the force it was recorded against.
      `CASE WHEN log.case_id IS NULL THEN ${force}
            WHEN c.case_id IS NULL THEN log.force IS NULL AND ${force}
            ELSE ${caseScopeCondition(filter.scope, parameter)} END`,
    ];
    if (filter.caseId !== undefined) where.push(`log.case_id = ${parameter(filter.caseId)}`);
    if (filter.userId !== undefined) where.push(`log.user_id = ${parameter(filter.userId)}`);
    if (filter.from !== undefined) where.push(`log.at >= ${parameter(filter.from)}::timestamptz`);
    if (filter.to !== undefined) where.push(`log.at < ${parameter(filter.to)}::timestamptz`);
    const limit = parameter(filter.pageSize);
    const offset = parameter((filter.page - 1) * filter.pageSize);
    const rows = await queryAccessLog<Row>(
      this.pool,
      `SELECT log.case_id, log.person_id, log.recommendation_id, log.user_id, log.roles, log.purpose, log.at, log.granted, log.reason_if_refused, count(*) OVER () AS total
         FROM ${ACCESS_LOG_TABLE} AS log LEFT JOIN ${CASE_STATUS_TABLE} AS c ON c.case_id = log.case_id
        WHERE ${where.join(' AND ')}
        ORDER BY log.at DESC, log.event_id LIMIT ${limit} OFFSET ${offset}`,
      parameters,
    );
    return {
      items: rows.map((row) => ({
        caseId: row.case_id,
        personId: row.person_id,
        recommendationId: row.recommendation_id,
        userId: row.user_id,
        role: row.roles,
        purpose: row.purpose,
        at: row.at.toISOString(),
        granted: row.granted,
        reasonIfRefused: row.reason_if_refused,
      })),
      page: filter.page,
      pageSize: filter.pageSize,
      total: rows.length > 0 ? Number(rows[0].total) : 0,
    };
  }
}
