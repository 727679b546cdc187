import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { PG_POOL } from '../../src/database/database.module';
import { FactScope, readCounts, viewReader } from '../common/dated-facts';
import { financialYear } from './financial-year';
import { MISCONDUCT_STATISTICS_CASE_LOG_TABLE, MISCONDUCT_STATISTICS_COUNTS_TABLE } from './misconduct-statistics.projection';
import { misconductStatistics, MisconductStatistics } from './statistics-tables';

@Injectable()
export class MisconductStatisticsQueries {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** The force's tables for the financial year, of the cases the reader may count (`scope`). */
  async statistics(force: string, year: number, scope: FactScope): Promise<MisconductStatistics> {
    const period = financialYear(year);
    const views = { counts: MISCONDUCT_STATISTICS_COUNTS_TABLE, caseLog: MISCONDUCT_STATISTICS_CASE_LOG_TABLE };
    const counts = await readCounts(viewReader(this.pool, 'misconduct statistics'), views, force, period.from, period.to, scope);
    return misconductStatistics(force, period, counts);
  }
}
