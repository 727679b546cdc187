import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { PG_POOL } from '../../src/database/database.module';
import { FactScope, readCounts, viewReader } from '../common/dated-facts';
import { complaintStatistics, ComplaintStatistics } from './complaint-figures';
import { COMPLAINT_STATISTICS_CASE_LOG_TABLE, COMPLAINT_STATISTICS_COUNTS_TABLE } from './complaint-statistics.projection';

@Injectable()
export class ComplaintStatisticsQueries {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** The force's complaint figures over `[from, to]`, of the cases the reader may count (`scope`). */
  async statistics(force: string, from: string, to: string, scope: FactScope): Promise<ComplaintStatistics> {
    const views = { counts: COMPLAINT_STATISTICS_COUNTS_TABLE, caseLog: COMPLAINT_STATISTICS_CASE_LOG_TABLE };
    const counts = await readCounts(viewReader(this.pool, 'complaint statistics'), views, force, from, to, scope);
    return complaintStatistics(force, from, to, counts);
  }
}
