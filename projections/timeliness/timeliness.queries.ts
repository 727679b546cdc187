/**
 * Reads of the timeliness read model (through its views). Dates come back as `YYYY-MM-DD`
 * text, never as JavaScript dates, so no time zone can shift them.
 */
import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { PG_POOL } from '../../src/database/database.module';
import type { LoadedCase } from '../../src/access/case-read-access';
import type { Sensitivity } from '../../src/cases/case.enums';
import { isNotBuiltYet, isOlderGeneration, readModelBehind } from '../runner/read-model-errors';
import type { StageReached } from './case-timeline';
import type { Deadline } from './deadlines';
import { DEADLINE_RULE_NAMES } from './deadline-rules';
import type { DeadlineRow } from './timeliness-rows';
import { TIMELINESS_TABLES } from '../common/timeliness-views';

export interface StoredCaseTimeliness {
  caseId: string;
  force: string;
  stage: string;
  receivedOn: string;
  closedOn: string | null;
  stages: StageReached[];
  deadlines: Deadline[];
}

/** A date column as `YYYY-MM-DD` text, named as the column (`d.due_on` → `due_on`). */
export const dayText = (column: string): string => `to_char(${column}, 'YYYY-MM-DD') AS ${column.replace(/^\w+\./, '')}`;

/** The columns of a deadline row, dates as text, for a query over `d` (timeliness_deadlines). */
export const DEADLINE_SELECT = [
  'd.case_id',
  'd.subject_id',
  'd.rule',
  'd.seq',
  'd.kind',
  dayText('d.starts_on'),
  dayText('d.due_on'),
  dayText('d.earliest_on'),
  dayText('d.met_on'),
  dayText('d.lapsed_on'),
].join(', ');

export function toDeadline(record: DeadlineRow): Deadline {
  const rule = DEADLINE_RULE_NAMES.find((name) => name === record.rule);
  if (rule === undefined) throw new Error(`the timeliness read model holds an unknown rule ${record.rule}`);
  return {
    rule,
    subjectId: record.subject_id === '' ? null : record.subject_id,
    seq: record.seq,
    kind: record.kind === 'WINDOW' ? 'WINDOW' : 'DUTY',
    startsOn: record.starts_on,
    dueOn: record.due_on,
    earliestOn: record.earliest_on,
    metOn: record.met_on,
    lapsedOn: record.lapsed_on,
  };
}

/**
 * Runs a read; before the projection has made its first tables, or while the active ones are
 * an older version's (without what this version reads), answers 503 (try again).
 */
export async function readModel<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isNotBuiltYet(error) || isOlderGeneration(error)) throw readModelBehind('timeliness');
    throw error;
  }
}

@Injectable()
export class TimelinessQueries {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /**
   * The case and its deadlines, with what the need-to-know policy judges it by, read in one
   * statement so all of it comes from the same commit.
   */
  async caseTimeliness(caseId: string): Promise<LoadedCase<StoredCaseTimeliness> | undefined> {
    return readModel(async () => {
      const { rows } = await this.pool.query<{
        force: string;
        sensitivity: Sensitivity;
        subject_person_ids: string[];
        stage: string;
        received_on: string;
        closed_on: string | null;
        stages: StageReached[];
        deadlines: DeadlineRow[];
      }>(
        `SELECT c.force, c.sensitivity, c.stage, ${dayText('c.received_on')}, ${dayText('c.closed_on')}, c.stages,
                (SELECT coalesce(array_agg(s.person_id), '{}') FROM ${TIMELINESS_TABLES.subjects} s WHERE s.case_id = c.case_id) AS subject_person_ids,
                (SELECT coalesce(json_agg(d ORDER BY d.due_on, d.rule, d.subject_id, d.seq), '[]'::json)
                   FROM (SELECT ${DEADLINE_SELECT} FROM ${TIMELINESS_TABLES.deadlines} d WHERE d.case_id = c.case_id) d) AS deadlines
           FROM ${TIMELINESS_TABLES.cases} c
          WHERE c.case_id = $1 AND c.force IS NOT NULL`,
        [caseId],
      );
      const found = rows[0];
      if (found === undefined) return undefined;
      return {
        facts: { force: found.force, sensitivity: found.sensitivity, subjectPersonIds: found.subject_person_ids },
        value: {
          caseId,
          force: found.force,
          stage: found.stage,
          receivedOn: found.received_on,
          closedOn: found.closed_on,
          stages: found.stages,
          deadlines: found.deadlines.map(toDeadline),
        },
      };
    });
  }
}
