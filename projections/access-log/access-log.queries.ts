import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { PG_POOL } from '../../src/database/database.module';
import { ACCESS_LOG_TABLE } from './access-log.projection';
import { isNotBuiltYet } from '../runner/read-model-errors';

export interface AccessLogItem {
  /** Null for a read of a person's integrity record. */
  caseId: string | null;
  /** Set only for a read of a person's integrity record. */
  personId: string | null;
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
  /** Only reads of this force's cases (a DCC's own), or null for all. */
  force: string | null;
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
    const where = ['true'];
    if (filter.force !== null) where.push(`force = ${parameter(filter.force)}`);
    if (filter.caseId !== undefined) where.push(`case_id = ${parameter(filter.caseId)}`);
    if (filter.userId !== undefined) where.push(`user_id = ${parameter(filter.userId)}`);
    if (filter.from !== undefined) where.push(`at >= ${parameter(filter.from)}::timestamptz`);
    if (filter.to !== undefined) where.push(`at < ${parameter(filter.to)}::timestamptz`);
    const limit = parameter(filter.pageSize);
    const offset = parameter((filter.page - 1) * filter.pageSize);
    const rows = await this.query<Row>(
      `SELECT case_id, person_id, user_id, roles, purpose, at, granted, reason_if_refused, count(*) OVER () AS total
         FROM ${ACCESS_LOG_TABLE} WHERE ${where.join(' AND ')}
        ORDER BY at DESC, event_id LIMIT ${limit} OFFSET ${offset}`,
      parameters,
    );
    return {
      items: rows.map((row) => ({
        caseId: row.case_id,
        personId: row.person_id,
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

  async query<T extends object>(text: string, parameters: unknown[]): Promise<T[]> {
    try {
      return (await this.pool.query<T>(text, parameters)).rows;
    } catch (error) {
      // Before the runner has made the first generation there is no view: nothing read yet.
      if (isNotBuiltYet(error)) return [];
      throw error;
    }
  }
}
