import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { PG_POOL } from '../../src/database/database.module';
import { isNotBuiltYet } from '../runner/read-model-errors';
import { ERASURE_REQUESTS_TABLE } from './erasure-requests.projection';
import type { ErasureRequestItem, ErasureRequestState } from './erasure-requests.projection';

export interface ErasureRequestPage {
  items: ErasureRequestItem[];
  total: number;
}

/** The page size: the oldest 100 waiting (or the newest 100 closed) beside a total, as the other lists. */
const LIST_LIMIT = 100;

@Injectable()
export class ErasureRequestsQueries {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** The requests in `state` of the force `scope` (every force's for null): waiting ones the oldest first, closed ones the newest first. */
  async list(filter: { scope: string | null; state: ErasureRequestState }): Promise<ErasureRequestPage> {
    const parameters: unknown[] = [filter.state];
    const where = ['state = $1'];
    if (filter.scope !== null) where.push(`force = $${parameters.push(filter.scope)}`);
    const order = filter.state === 'WAITING' ? `item->>'requestedAt', person_id` : `item->>'closedAt' DESC, person_id`;
    try {
      const { rows } = await this.pool.query<{ item: ErasureRequestItem; total: string }>(
        `SELECT item, count(*) OVER () AS total FROM ${ERASURE_REQUESTS_TABLE} WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ${LIST_LIMIT}`,
        parameters,
      );
      return { items: rows.map((row) => row.item), total: rows.length === 0 ? 0 : Number(rows[0].total) };
    } catch (error) {
      if (isNotBuiltYet(error)) return { items: [], total: 0 };
      throw error;
    }
  }
}
