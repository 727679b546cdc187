import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { PG_POOL } from '../../src/database/database.module';
import { readCounts, viewReader } from '../inspection-metrics/dated-facts';
import { financialYear } from './financial-year';
import { MISCONDUCT_STATISTICS_COUNTS_TABLE } from './misconduct-statistics.projection';
import { misconductStatistics, MisconductStatistics } from './statistics-tables';

@Injectable()
export class MisconductStatisticsQueries {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async statistics(force: string, year: number): Promise<MisconductStatistics> {
    const period = financialYear(year);
    const counts = await readCounts(viewReader(this.pool), MISCONDUCT_STATISTICS_COUNTS_TABLE, force, period.from, period.to);
    return misconductStatistics(force, period, counts);
  }
}
