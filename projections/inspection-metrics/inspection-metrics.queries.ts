import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { PG_POOL } from '../../src/database/database.module';
import { FactScope, readCounts, viewReader } from '../common/dated-facts';
import { InspectionFigures, inspectionFigures } from './inspection-figures';
import { INSPECTION_CASE_LOG_TABLE, INSPECTION_COUNTS_TABLE, INSPECTION_WORKFORCE_TABLE } from './inspection-metrics.projection';
import { readWorkforce } from './workforce-returns';

/** Two queries: the counts of the force over the range that the reader may count, and its latest return. */
@Injectable()
export class InspectionMetricsQueries {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async figures(range: { force: string; from: string; to: string }, scope: FactScope): Promise<InspectionFigures> {
    const reader = viewReader(this.pool, 'inspection metrics');
    const [counts, workforce] = await Promise.all([
      readCounts(reader, { counts: INSPECTION_COUNTS_TABLE, caseLog: INSPECTION_CASE_LOG_TABLE }, range.force, range.from, range.to, scope),
      readWorkforce(reader, INSPECTION_WORKFORCE_TABLE, range.force, range.to),
    ]);
    return inspectionFigures(range, counts, workforce);
  }
}
