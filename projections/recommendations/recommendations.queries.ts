import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { PG_POOL } from '../../src/database/database.module';
import type { Recommendation } from '../../src/recommendations/recommendation.state';
import { RECOMMENDATIONS_TABLE } from './recommendations.projection';
import { isNotBuiltYet } from '../runner/read-model-errors';

export interface RecommendationItem extends Recommendation {
  overdue: boolean;
}

export interface RecommendationPage {
  items: RecommendationItem[];
  total: number;
}

export interface RecommendationFilter {
  /** The reader's own force, or null for a reader acting for all forces. */
  scope: string | null;
  force?: string;
  overdue?: boolean;
  today: string;
}

/** Outstanding: neither completed nor declined (isOverdue in recommendation.state.ts says the same). */
const OVERDUE = `status IN ('OPEN', 'ACCEPTED') AND due_on < $1::date`;

/** Reads the recommendations view, soonest due first. */
@Injectable()
export class RecommendationsQueries {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async list(filter: RecommendationFilter): Promise<RecommendationPage> {
    const parameters: unknown[] = [filter.today];
    const where = ['true'];
    if (filter.scope !== null) where.push(`force = $${parameters.push(filter.scope)}`);
    if (filter.force !== undefined) where.push(`force = $${parameters.push(filter.force)}`);
    if (filter.overdue !== undefined) where.push(filter.overdue ? `(${OVERDUE})` : `NOT (${OVERDUE})`);
    try {
      const { rows } = await this.pool.query<{ item: Recommendation; overdue: boolean }>(
        `SELECT item, (${OVERDUE}) AS overdue FROM ${RECOMMENDATIONS_TABLE} WHERE ${where.join(' AND ')} ORDER BY due_on, recommendation_id`,
        parameters,
      );
      return { items: rows.map((row) => ({ ...row.item, overdue: row.overdue })), total: rows.length };
    } catch (error) {
      // Before the runner has made the first generation there is no view: no recommendations yet.
      if (isNotBuiltYet(error)) return { items: [], total: 0 };
      throw error;
    }
  }
}
