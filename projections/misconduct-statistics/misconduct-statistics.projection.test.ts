import { caseAtProceedings, concluded, proven } from '../../src/cases/testing/case-fixtures';
import { TEST_CASE_ID } from '../../src/cases/testing/decider-spec';
import { projectionSpec, SpecLedger } from '../runner/testing/projection-spec';
import { misconductStatisticsProjection } from './misconduct-statistics.projection';
import { STATISTICS_METRIC } from './statistics-facts';

describe('the misconduct-statistics projection', () => {
  const spec = projectionSpec(misconductStatisticsProjection);

  it('counts proceedings that conclude in a later batch by the kind scheduled in an earlier one', async () => {
    const ledger = new SpecLedger();
    await spec
      .given(ledger.caseEvents(TEST_CASE_ID, caseAtProceedings('MISCONDUCT_MEETING')))
      .when(ledger.caseEvents(TEST_CASE_ID, [concluded({ outcome: 'WRITTEN_WARNING', findings: [proven('MISCONDUCT')] })]))
      .then(async (tables) => {
        const counts = await tables.rows<{ count: string }>(
          `SELECT to_char(day, 'YYYY-MM-DD') || ' ' || metric || ' ' || key || ' ' || n AS count FROM misconduct_statistics_counts
            WHERE metric IN ($1, $2) AND n <> 0 ORDER BY 1`,
          [STATISTICS_METRIC.proceedings, STATISTICS_METRIC.outcomeByType],
        );
        expect(counts.map((row) => row.count)).toEqual([
          `2021-11-01 ${STATISTICS_METRIC.outcomeByType} MISCONDUCT_MEETING|WRITTEN_WARNING 1`,
          `2021-11-01 ${STATISTICS_METRIC.proceedings} MISCONDUCT_MEETING 1`,
        ]);
      });
  });
});
