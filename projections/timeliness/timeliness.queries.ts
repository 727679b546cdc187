/**
 * Reads of the timeliness read model (through its views; the reading helpers other read
 * models share are in common/timeliness-views.ts). Dates come back as `YYYY-MM-DD` text,
 * never as JavaScript dates, so no time zone can shift them.
 */
import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { PG_POOL } from '../../src/database/database.module';
import type { LoadedCase } from '../../src/access/case-read-access';
import type { Sensitivity } from '../../src/cases/case.enums';
import type { StageReached } from '../common/deadlines/case-timeline';
import type { Deadline } from '../common/deadlines/deadlines';
import { DEADLINE_SELECT, dayText, readTimeliness, TIMELINESS_TABLES, toDeadline } from '../common/timeliness-views';
import type { DeadlineRow } from '../common/timeliness-views';

export interface StoredCaseTimeliness {
  caseId: string;
  force: string;
  stage: string;
  receivedOn: string;
  closedOn: string | null;
  stages: StageReached[];
  deadlines: Deadline[];
}

@Injectable()
export class TimelinessQueries {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /**
   * The case and its deadlines, with what the need-to-know policy judges it by, read in one
   * statement so all of it comes from the same commit.
   */
  async caseTimeliness(caseId: string): Promise<LoadedCase<StoredCaseTimeliness> | undefined> {
    return readTimeliness(async () => {
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
