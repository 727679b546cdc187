/**
 * Reads of the allocation read model: an investigator's caseload (their live cases, their part
 * in each, the subjects it covers and the overdue steps, from the timeliness views) and the
 * unallocated cases, each list showing only what need-to-know lets the reader open.
 */
import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { PG_POOL } from '../../src/database/database.module';
import type { CaseListScope } from '../../src/access/case-access-policy';
import { caseScopeCondition } from '../common/case-status-views';
import { ALLOCATION_TABLES, readAllocation } from '../common/allocation-views';
import { OPEN_DUTY, readTimeliness, TIMELINESS_TABLES } from '../common/timeliness-views';
import type { Assignment } from '../../src/cases/allocation.facts';
import type { AllocationItem } from './allocation-rows';

/** Entries each list shows at most; the total beside it counts them all. */
export const LISTED = 100;

export interface OverdueStep {
  rule: string;
  subjectId: string | null;
  dueOn: string;
  daysOverdue: number;
}

export interface CaseloadEntry {
  caseId: string;
  stage: string;
  receivedOn: string;
  /** The reader's investigator's part in the case. */
  assignments: Omit<Assignment, 'investigatorId'>[];
  /** The subjects their assignments cover. */
  subjectIds: string[];
  overdueSteps: OverdueStep[];
}

export interface Caseload {
  investigatorId: string;
  today: string;
  cases: CaseloadEntry[];
  total: number;
  overdueStepsTotal: number;
}

export interface UnallocatedCase {
  caseId: string;
  force: string;
  stage: string;
  receivedOn: string;
  daysSinceReceived: number;
}

export interface UnallocatedCases {
  today: string;
  cases: UnallocatedCase[];
  total: number;
}

@Injectable()
export class AllocationQueries {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async caseload(investigatorId: string, scope: CaseListScope, today: string): Promise<Caseload> {
    const parameters: unknown[] = [investigatorId];
    const parameter = (value: unknown): string => `$${parameters.push(value)}`;
    const where = `c.live AND c.investigator_ids @> ARRAY[$1::text] AND ${caseScopeCondition(scope, parameter)}`;
    const rows = await readAllocation(() =>
      this.pool.query<{ item: AllocationItem; total: string }>(
        `SELECT c.item, count(*) OVER () AS total FROM ${ALLOCATION_TABLES.cases} c WHERE ${where} ORDER BY c.received_on, c.case_id LIMIT ${LISTED}`,
        parameters,
      ),
    );
    const items = rows.rows.map((row) => row.item);
    const overdue = await this.overdueSteps(
      items.map((item) => item.caseId),
      today,
    );
    const cases = items.map((item): CaseloadEntry => {
      const mine = item.assignments.filter((assignment) => assignment.investigatorId === investigatorId);
      const subjectIds = mine.some((assignment) => assignment.subjectId === null)
        ? item.subjectIds
        : item.subjectIds.filter((subjectId) => mine.some((assignment) => assignment.subjectId === subjectId));
      const steps = (overdue.get(item.caseId) ?? []).filter((step) => step.subjectId === null || subjectIds.includes(step.subjectId));
      return {
        caseId: item.caseId,
        stage: item.stage,
        receivedOn: item.receivedOn,
        assignments: mine.map(({ investigatorId: _holder, ...assignment }) => assignment),
        subjectIds,
        overdueSteps: steps,
      };
    });
    return {
      investigatorId,
      today,
      cases,
      total: Number(rows.rows[0]?.total ?? 0),
      overdueStepsTotal: cases.reduce((sum, entry) => sum + entry.overdueSteps.length, 0),
    };
  }

  async unallocated(force: string | undefined, scope: CaseListScope, today: string): Promise<UnallocatedCases> {
    const parameters: unknown[] = [today];
    const parameter = (value: unknown): string => `$${parameters.push(value)}`;
    const byForce = force === undefined ? '' : ` AND c.force = ${parameter(force)}`;
    const rows = await readAllocation(() =>
      this.pool.query<UnallocatedCase & { total: string }>(
        `SELECT c.case_id AS "caseId", c.force, c.item->>'stage' AS stage, to_char(c.received_on, 'YYYY-MM-DD') AS "receivedOn",
                ($1::date - c.received_on) AS "daysSinceReceived", count(*) OVER () AS total
           FROM ${ALLOCATION_TABLES.cases} c
          WHERE c.live AND NOT c.allocated${byForce} AND ${caseScopeCondition(scope, parameter)}
          ORDER BY c.received_on, c.case_id LIMIT ${LISTED}`,
        parameters,
      ),
    );
    return { today, cases: rows.rows.map(({ total: _total, ...entry }) => entry), total: Number(rows.rows[0]?.total ?? 0) };
  }

  /** The duties still owed and past their due day, per case. */
  private async overdueSteps(caseIds: string[], today: string): Promise<Map<string, OverdueStep[]>> {
    const steps = new Map<string, OverdueStep[]>();
    if (caseIds.length === 0) return steps;
    const { rows } = await readTimeliness(() =>
      this.pool.query<{ case_id: string; subject_id: string; rule: string; due_on: string; days_overdue: number }>(
        `SELECT case_id, subject_id, rule, to_char(due_on, 'YYYY-MM-DD') AS due_on, ($2::date - due_on) AS days_overdue
           FROM ${TIMELINESS_TABLES.deadlines}
          WHERE case_id = ANY($1::text[]) AND ${OPEN_DUTY} AND due_on < $2::date
          ORDER BY due_on, case_id, rule, subject_id, seq`,
        [caseIds, today],
      ),
    );
    for (const row of rows) {
      const step = { rule: row.rule, subjectId: row.subject_id === '' ? null : row.subject_id, dueOn: row.due_on, daysOverdue: row.days_overdue };
      steps.set(row.case_id, [...(steps.get(row.case_id) ?? []), step]);
    }
    return steps;
  }
}
