import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import type { CaseListScope } from '../../src/access/case-access-policy';
import type { LoadedCase } from '../../src/access/case-read-access';
import { PG_POOL } from '../../src/database/database.module';
import { CLOCK, Clock } from '../../src/common/clock';
import { accessFactsOf, CaseStatusItem } from '../common/case-status-item';
import { CASE_STATUS_COUNTS_TABLE, CASE_STATUS_TABLE } from '../common/case-status-views';
import { isNotBuiltYet } from '../runner/read-model-errors';
import { OPEN_DUTY, TIMELINESS_TABLES } from '../common/timeliness-views';
import { investigatedBy } from '../common/allocation-views';

/**
 * A case's next deadline and whether it is overdue are the timeliness read model's judgement:
 * the earliest statutory duty still owed (neither met nor lapsed), overdue once today (Europe/
 * London, from the clock) is past its due day, as GET /cases/{id}/timeliness judges each one.
 * Judged at read time, never stored, because "overdue" changes with the day, not with events.
 */
const DEADLINES = TIMELINESS_TABLES.deadlines;
const OPEN_DUTIES = `FROM ${DEADLINES} WHERE ${DEADLINES}.case_id = ${CASE_STATUS_TABLE}.case_id AND ${OPEN_DUTY}`;
/** The stored item with the deadline fields filled in; `$1` is today. */
const JUDGED_ITEM = `item || jsonb_build_object('nextDeadline', to_char(next_due, 'YYYY-MM-DD'), 'overdue', coalesce(next_due < $1::date, false))`;

/** A case row's earliest duty still owed, and whether one is overdue (`$1` is today). */
interface DeadlineSql {
  nextDue: string;
  overdueDuty: string;
}

const FROM_TIMELINESS: DeadlineSql = {
  nextDue: `(SELECT min(due_on) ${OPEN_DUTIES})`,
  overdueDuty: `EXISTS (SELECT 1 ${OPEN_DUTIES} AND due_on < $1::date)`,
};

/** Before the timeliness read model has made its first generation it has no views: no case has a deadline yet. */
const WITHOUT_TIMELINESS: DeadlineSql = { nextDue: 'NULL::date', overdueDuty: 'false' };

export interface CaseListFilter {
  force?: string;
  stage?: string;
  caseType?: string;
  category?: string;
  flag?: string;
  overdue?: boolean;
  subjectPersonId?: string;
  /** Cases the person investigates or supervises now (projections/common/allocation-views.ts). */
  investigator?: string;
  /** newest (default), oldest, or nextDeadline (soonest first, none last); ties newest first. */
  sort?: 'newest' | 'oldest' | 'nextDeadline';
  page: number;
  pageSize: number;
}

export interface CaseStatusPage {
  items: CaseStatusItem[];
  total: number;
}

/** Newest first: by the day the matter came to attention, then by when it was recorded. */
const NEWEST_FIRST = 'received_on DESC, opened_position DESC, case_id';

/** The list's orders (`sort`); each ends in the newest-first order so a page is always the same rows. */
const ORDERS: Record<NonNullable<CaseListFilter['sort']>, string> = {
  newest: NEWEST_FIRST,
  oldest: 'received_on ASC, opened_position ASC, case_id',
  nextDeadline: `next_due ASC NULLS LAST, ${NEWEST_FIRST}`,
};

/** Reads the case_status view (whichever generation the runner has swapped in). */
@Injectable()
export class CaseStatusQueries {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async find(caseId: string): Promise<LoadedCase<CaseStatusItem> | undefined> {
    const rows = await this.query<{ item: CaseStatusItem }>(
      (deadlines) => `SELECT ${JUDGED_ITEM} AS item FROM (SELECT item, ${deadlines.nextDue} AS next_due FROM ${CASE_STATUS_TABLE} WHERE case_id = $2) AS found`,
      [this.clock.today(), caseId],
    );
    if (rows.length === 0) return undefined;
    return { facts: accessFactsOf(rows[0].item), value: rows[0].item };
  }

  /** One page of the cases the scope admits that match the filter, and how many match in all. */
  async list(filter: CaseListFilter, scope: CaseListScope): Promise<CaseStatusPage> {
    const { where, counted, parameters } = conditions(filter, scope, this.clock.today());
    const limit = parameters.push(filter.pageSize);
    const offset = parameters.push((filter.page - 1) * filter.pageSize);
    const order = ORDERS[filter.sort ?? 'newest'];
    const rows = await this.query<{ total: string; items: CaseStatusItem[] }>((deadlines, counters) => {
      const matching = where.map((condition) => condition(deadlines)).join(' AND ');
      // Not a CTE used twice: PostgreSQL would materialise every matching row, items and all,
      // to count them. The page walks the index and stops (by deadline, every matching case's
      // next duty is judged first: that order is no index's).
      return `SELECT ${counters && counted !== undefined ? countedTotal(counted) : `(SELECT count(*) FROM ${CASE_STATUS_TABLE} WHERE ${matching})`} AS total,
              coalesce((SELECT jsonb_agg(${JUDGED_ITEM} ORDER BY ${order})
                          FROM (SELECT item, received_on, opened_position, case_id, ${deadlines.nextDue} AS next_due FROM ${CASE_STATUS_TABLE}
                                 WHERE ${matching}
                                 ORDER BY ${order} LIMIT $${limit} OFFSET $${offset}) AS page), '[]') AS items`;
    }, parameters);
    return { items: rows[0]?.items ?? [], total: Number(rows[0]?.total ?? 0) };
  }

  /**
   * Before the runner has made the first generation of case-status there is no view: no cases
   * yet. Before timeliness has made its own, the cases are there without deadlines. While a
   * generation older than the counters is what readers see, totals are counted row by row.
   */
  private async query<T extends object>(text: (deadlines: DeadlineSql, counters: boolean) => string, parameters: unknown[]): Promise<T[]> {
    for (const deadlines of [FROM_TIMELINESS, WITHOUT_TIMELINESS]) {
      for (const counters of [true, false]) {
        try {
          return (await this.pool.query<T>(text(deadlines, counters), parameters)).rows;
        } catch (error) {
          if (!isNotBuiltYet(error)) throw error;
        }
      }
    }
    return [];
  }
}

/**
 * The total from the counters, for a filter on no more than the counted columns (force,
 * sensitivity, stage, type): their sum, less the matching cases need-to-know hides from the
 * reader (about them, or declared a conflict on: a few, found by index).
 */
function countedTotal(counted: CountedFilter): string {
  const keys = counted.keys.join(' AND ');
  return `((SELECT coalesce(sum(n), 0) FROM ${CASE_STATUS_COUNTS_TABLE} WHERE ${keys})
           - (SELECT count(*) FROM ${CASE_STATUS_TABLE} WHERE ${keys} AND (${counted.hidden})))`;
}

/** A filter the counters can total: conditions on their columns only, and which cases the scope hides. */
interface CountedFilter {
  keys: string[];
  hidden: string;
}

/** A WHERE condition, given how deadlines are judged (with the timeliness views, or before they exist). */
type Condition = (deadlines: DeadlineSql) => string;

/**
 * WHERE conditions for the access scope (src/access: the cases the reader may open) and the
 * filter; and, when the filter is on counted columns only, the same as counters read them.
 */
function conditions(
  filter: CaseListFilter,
  scope: CaseListScope,
  today: string,
): { where: Condition[]; counted: CountedFilter | undefined; parameters: unknown[] } {
  const parameters: unknown[] = [today];
  const parameter = (value: unknown): string => `$${parameters.push(value)}`;
  const plain =
    (condition: string): Condition =>
    () =>
      condition;
  // On columns the counters have.
  const keys = [`sensitivity = ANY(${parameter(scope.sensitivities)}::text[])`];
  if (scope.force !== null) keys.push(`force = ${parameter(scope.force)}`);
  if (filter.force !== undefined) keys.push(`force = ${parameter(filter.force)}`);
  if (filter.stage !== undefined) keys.push(`stage = ${parameter(filter.stage)}`);
  if (filter.caseType !== undefined) keys.push(`case_type = ${parameter(filter.caseType)}`);
  // The cases need-to-know hides from the reader.
  const hiding = [`subject_person_ids @> ARRAY[${parameter(scope.excludeSubjectPersonId)}::text]`];
  if (scope.excludeCaseIds.length > 0) hiding.push(`case_id = ANY(${parameter(scope.excludeCaseIds)}::text[])`);
  const others: Condition[] = [];
  if (filter.category !== undefined) others.push(plain(`corruption_categories @> ARRAY[${parameter(filter.category)}::text]`));
  if (filter.flag !== undefined) others.push(plain(`flags @> ARRAY[${parameter(filter.flag)}::text]`));
  if (filter.subjectPersonId !== undefined) others.push(plain(`subject_person_ids @> ARRAY[${parameter(filter.subjectPersonId)}::text]`));
  if (filter.investigator !== undefined) others.push(plain(investigatedBy(`${CASE_STATUS_TABLE}.case_id`, parameter(filter.investigator))));
  const { overdue } = filter;
  if (overdue !== undefined) others.push((deadlines) => (overdue ? deadlines.overdueDuty : `NOT ${deadlines.overdueDuty}`));
  return {
    where: [...keys.map(plain), ...hiding.map((condition) => plain(`NOT (${condition})`)), ...others],
    counted: others.length === 0 ? { keys, hidden: hiding.join(' OR ') } : undefined,
    parameters,
  };
}
