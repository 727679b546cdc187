/**
 * The backlog for the DCC (issue 18, point 5): the force's live cases, allocated or not, by
 * age, by the year they came to attention, by stage, type and investigator, and month by month
 * over the last year. Read from the case-status view (projections/common/case-status-views.ts)
 * with the case read rules (caseScopeCondition), so a reader's figures count only the cases
 * they could open.
 *
 * - Live: not closed (`closed_on` null: a reopened case is live again).
 * - Allocated: the case has an investigator (case-status `investigator_id`, from
 *   src/cases/allocation.facts.ts caseInvestigatorOf: the current holder of the whole case's
 *   investigator appointment, else the one who started the investigation, else one appointed to a
 *   subject), the same notion as the allocation read model's `allocated`. ALLOCATED is the one
 *   place in SQL that says so; the cases by investigator count each case under that one person.
 * - Age: calendar months from `received_on` (the day the matter came to attention) to today:
 *   under 3 months, 3 to 6, 6 to 12, over 12.
 * - The trend counts, for each of the last 12 months, the cases received in it, the closures in
 *   it, and the cases open at its end (received by then, and no closure standing then): a case
 *   closed and reopened counts as closed in the month of each closure and as not open in the
 *   months between (case-status `closures`, each with its reopening).
 */
import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import type { CaseListScope } from '../../src/access/case-access-policy';
import { PG_POOL } from '../../src/database/database.module';
import { CASE_STATUS_TABLE, caseScopeCondition } from '../common/case-status-views';
import { isNotBuiltYet } from '../runner/read-model-errors';

/** Whether a case is allocated, over the case-status row `c`. */
export const ALLOCATED = 'c.investigator_id IS NOT NULL';

export const AGE_BANDS = ['UNDER_3_MONTHS', 'FROM_3_TO_6_MONTHS', 'FROM_6_TO_12_MONTHS', 'OVER_12_MONTHS'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
/** Months the trend covers, this one included. */
export const TREND_MONTHS = 12;
/** Investigators listed at most, the busiest first (the unallocated row always). */
export const INVESTIGATORS_LISTED = 100;

export interface Backlog {
  force: string;
  today: string;
  live: { total: number; allocated: number; unallocated: number };
  ageing: { band: AgeBand; total: number; allocated: number; unallocated: number }[];
  /** Live cases that came to attention in an earlier calendar year than today's, by that year. */
  openSinceEarlierYears: { year: number; count: number }[];
  byStage: { stage: string; count: number }[];
  byCaseType: { caseType: string; count: number }[];
  /** null: not allocated. */
  byInvestigator: { investigatorId: string | null; count: number }[];
  trend: { month: string; received: number; closed: number; openAtEnd: number }[];
}

const BAND_OF = `CASE
  WHEN c.received_on > $2::date - interval '3 months' THEN 'UNDER_3_MONTHS'
  WHEN c.received_on > $2::date - interval '6 months' THEN 'FROM_3_TO_6_MONTHS'
  WHEN c.received_on > $2::date - interval '12 months' THEN 'FROM_6_TO_12_MONTHS'
  ELSE 'OVER_12_MONTHS' END`;

@Injectable()
export class BacklogQueries {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async forForce(force: string, scope: CaseListScope, today: string): Promise<Backlog> {
    const parameters: unknown[] = [force, today];
    const parameter = (value: unknown): string => `$${parameters.push(value)}`;
    const visible = `c.force = $1 AND ${caseScopeCondition(scope, parameter)}`;
    const live = `${visible} AND c.closed_on IS NULL`;
    const text = `
      SELECT
        (SELECT coalesce(jsonb_agg(row_to_json(b)), '[]') FROM (
           SELECT ${BAND_OF} AS band, count(*)::int AS total, count(*) FILTER (WHERE ${ALLOCATED})::int AS allocated
             FROM ${CASE_STATUS_TABLE} c WHERE ${live} GROUP BY 1) b) AS bands,
        (SELECT coalesce(jsonb_agg(row_to_json(y) ORDER BY y.year), '[]') FROM (
           SELECT extract(year FROM c.received_on)::int AS year, count(*)::int AS count
             FROM ${CASE_STATUS_TABLE} c WHERE ${live} AND c.received_on < date_trunc('year', $2::date) GROUP BY 1) y) AS years,
        (SELECT coalesce(jsonb_agg(row_to_json(s) ORDER BY s.count DESC, s.stage), '[]') FROM (
           SELECT c.stage, count(*)::int AS count FROM ${CASE_STATUS_TABLE} c WHERE ${live} GROUP BY 1) s) AS stages,
        (SELECT coalesce(jsonb_agg(row_to_json(t) ORDER BY t.count DESC, t."caseType"), '[]') FROM (
           SELECT c.case_type AS "caseType", count(*)::int AS count FROM ${CASE_STATUS_TABLE} c WHERE ${live} GROUP BY 1) t) AS types,
        (SELECT coalesce(jsonb_agg(row_to_json(i) ORDER BY i."investigatorId" IS NOT NULL, i.count DESC, i."investigatorId"), '[]') FROM (
           (SELECT NULL::text AS "investigatorId", count(*)::int AS count FROM ${CASE_STATUS_TABLE} c WHERE ${live} AND NOT (${ALLOCATED}) HAVING count(*) > 0)
           UNION ALL
           (SELECT c.investigator_id, count(*)::int FROM ${CASE_STATUS_TABLE} c WHERE ${live} AND ${ALLOCATED}
             GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${INVESTIGATORS_LISTED})) i) AS investigators,
        (SELECT jsonb_agg(jsonb_build_object(
                  'month', to_char(m.start, 'YYYY-MM'),
                  'received', (SELECT count(*) FROM ${CASE_STATUS_TABLE} c WHERE ${visible} AND c.received_on >= m.start AND c.received_on < m.start + interval '1 month'),
                  'closed', (SELECT count(*) FROM ${CASE_STATUS_TABLE} c, jsonb_array_elements(c.closures) k WHERE ${visible}
                               AND (k->>'closedOn')::date >= m.start AND (k->>'closedOn')::date < m.start + interval '1 month'),
                  'openAtEnd', (SELECT count(*) FROM ${CASE_STATUS_TABLE} c WHERE ${visible}
                                  AND c.received_on < least(m.start + interval '1 month', $2::date + 1)
                                  AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(c.closures) k
                                                   WHERE (k->>'closedOn')::date < least(m.start + interval '1 month', $2::date + 1)
                                                     AND (k->>'reopenedOn' IS NULL OR (k->>'reopenedOn')::date >= least(m.start + interval '1 month', $2::date + 1))))
                ) ORDER BY m.start)
           FROM generate_series(date_trunc('month', $2::date) - interval '${TREND_MONTHS - 1} months', date_trunc('month', $2::date), interval '1 month') AS m(start)) AS trend`;
    let row: Row | undefined;
    try {
      row = (await this.pool.query<Row>(text, parameters)).rows[0];
    } catch (error) {
      // Before the case-status read model has made its first generation there are no cases yet.
      if (!isNotBuiltYet(error)) throw error;
    }
    return backlogOf(force, today, row);
  }
}

interface Row {
  bands: { band: AgeBand; total: number; allocated: number }[];
  years: { year: number; count: number }[];
  stages: { stage: string; count: number }[];
  types: { caseType: string; count: number }[];
  investigators: { investigatorId: string | null; count: number }[];
  trend: { month: string; received: number; closed: number; openAtEnd: number }[];
}

/** Every band, empty ones included, and the totals they add up to. */
function backlogOf(force: string, today: string, row: Row | undefined): Backlog {
  const ageing = AGE_BANDS.map((band) => {
    const found = row?.bands.find((candidate) => candidate.band === band);
    const total = found?.total ?? 0;
    const allocated = found?.allocated ?? 0;
    return { band, total, allocated, unallocated: total - allocated };
  });
  const sum = (pick: (band: (typeof ageing)[number]) => number) => ageing.reduce((total, band) => total + pick(band), 0);
  return {
    force,
    today,
    live: { total: sum((band) => band.total), allocated: sum((band) => band.allocated), unallocated: sum((band) => band.unallocated) },
    ageing,
    openSinceEarlierYears: row?.years ?? [],
    byStage: row?.stages ?? [],
    byCaseType: row?.types ?? [],
    byInvestigator: row?.investigators ?? [],
    trend: (row?.trend ?? []).map((month) => ({
      ...month,
      received: Number(month.received),
      closed: Number(month.closed),
      openAtEnd: Number(month.openAtEnd),
    })),
  };
}
