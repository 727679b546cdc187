import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { PG_POOL } from '../../src/database/database.module';
import type { AlertKind } from '../../src/alerts/alert.events';
import { isNotBuiltYet } from '../runner/read-model-errors';
import { ALERT_THRESHOLD_CHANGES_TABLE, ALERTS_TABLE } from './alerts.projection';
import type { AlertItem } from './alerts.projection';

export interface AlertPage {
  items: AlertItem[];
  total: number;
}

/** A change to a force's thresholds: who set or removed which threshold, when. */
export interface AlertThresholdChange {
  thresholdId: string;
  change: 'SET' | 'REMOVED';
  changedBy: string;
  recordedAt: string;
  /** The event's fields (AlertThresholdSet or AlertThresholdRemoved). */
  data: Record<string, unknown>;
}

/** A threshold in force: the fields of its last AlertThresholdSet (docs/generated/event-catalogue.md). */
export interface AlertThresholdView {
  thresholdId: string;
  force: string;
  kind: AlertKind;
  count?: number;
  windowDays?: number;
  category?: string;
  standard?: string;
  corruptionCategory?: string;
  flag?: string;
  percentile?: number;
  personId?: string;
  setOn: string;
}

export interface AlertThresholds {
  force: string;
  /** The thresholds in force: the last change of each threshold, when it was a SET. */
  thresholds: AlertThresholdView[];
  /** Every change, oldest first. */
  history: AlertThresholdChange[];
}

export interface AlertFilter {
  /** The reader's own force, or null for a reader acting for all forces. */
  scope: string | null;
  force?: string;
  /** true: not yet dispositioned; false: dispositioned. */
  open?: boolean;
}

/** The page size of the lists: the newest 100 beside a total, as the DCC dashboard's lists. */
const LIST_LIMIT = 100;

@Injectable()
export class AlertsQueries {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async list(filter: AlertFilter): Promise<AlertPage> {
    const parameters: unknown[] = [];
    const where = ['true'];
    if (filter.scope !== null) where.push(`force = $${parameters.push(filter.scope)}`);
    if (filter.force !== undefined) where.push(`force = $${parameters.push(filter.force)}`);
    if (filter.open !== undefined) where.push(filter.open ? `status <> 'DISPOSITIONED'` : `status = 'DISPOSITIONED'`);
    return this.page(`WHERE ${where.join(' AND ')}`, parameters);
  }

  /** A person's alerts of the reader's force (`scope`; every force's for null): the caller has judged the reader may read the person. */
  ofPerson(personId: string, scope: string | null): Promise<AlertPage> {
    return scope === null ? this.page('WHERE person_id = $1', [personId]) : this.page('WHERE person_id = $1 AND force = $2', [personId, scope]);
  }

  /** The force of the person's first alert, for a person no workforce holds. */
  async forceOfPerson(personId: string): Promise<string | null> {
    const { items } = await this.page('WHERE person_id = $1', [personId]);
    return items.at(-1)?.force ?? null;
  }

  private async page(where: string, parameters: unknown[]): Promise<AlertPage> {
    try {
      const { rows } = await this.pool.query<{ item: AlertItem; total: string }>(
        `SELECT item, count(*) OVER () AS total FROM ${ALERTS_TABLE} ${where} ORDER BY item->>'raisedOn' DESC, alert_id LIMIT ${LIST_LIMIT}`,
        parameters,
      );
      return { items: rows.map((row) => row.item), total: rows.length === 0 ? 0 : Number(rows[0].total) };
    } catch (error) {
      if (isNotBuiltYet(error)) return { items: [], total: 0 };
      throw error;
    }
  }

  async thresholds(force: string): Promise<AlertThresholds> {
    try {
      const { rows } = await this.pool.query<{
        threshold_id: string;
        change: 'SET' | 'REMOVED';
        changed_by: string;
        recorded_at: string;
        data: Record<string, unknown>;
      }>(`SELECT threshold_id, change, changed_by, recorded_at, data FROM ${ALERT_THRESHOLD_CHANGES_TABLE} WHERE force = $1 ORDER BY position`, [force]);
      const history = rows.map((row) => ({
        thresholdId: row.threshold_id,
        change: row.change,
        changedBy: row.changed_by,
        recordedAt: row.recorded_at,
        data: row.data,
      }));
      const last = new Map(history.map((change) => [change.thresholdId, change]));
      const thresholds = [...last.values()].filter((change) => change.change === 'SET').map((change) => change.data as unknown as AlertThresholdView);
      return { force, thresholds, history };
    } catch (error) {
      if (isNotBuiltYet(error)) return { force, thresholds: [], history: [] };
      throw error;
    }
  }
}
