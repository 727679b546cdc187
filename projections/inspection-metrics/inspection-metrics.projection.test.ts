import { event } from '../../src/cases/case.rules';
import { OFFICER, referral, referralData, subjectAdded } from '../../src/cases/testing/case-fixtures';
import { TEST_CASE_ID } from '../../src/cases/testing/decider-spec';
import { projectionSpec, SpecLedger } from '../runner/testing/projection-spec';
import { INSPECTION_METRIC } from './inspection-metric-names';
import { inspectionMetricsProjection } from './inspection-metrics.projection';

/** The counts that are not zero, as `day metric key n`. */
const COUNTS = `SELECT to_char(day, 'YYYY-MM-DD') || ' ' || metric || ' ' || key || ' ' || n AS count FROM inspection_counts WHERE n <> 0 ORDER BY 1`;

describe('the inspection-metrics projection', () => {
  const spec = projectionSpec(inspectionMetricsProjection);

  it('moves a complaint to the day a later batch corrects its referral to', async () => {
    const ledger = new SpecLedger();
    const complaint = { caseType: 'COMPLAINT' as const, corruptionCategories: [], receivedOn: '2021-03-01' };
    const given = ledger.caseEvents(TEST_CASE_ID, [referral(complaint), subjectAdded()]);
    const correction = event('RecordCorrected', {
      correctsEventId: given[0].eventId,
      reason: 'wrong day',
      replacement: referralData({ ...complaint, receivedOn: '2021-02-26' }),
    });
    await spec
      .given(given)
      .when(ledger.caseEvents(TEST_CASE_ID, [correction]))
      .then(async (tables) => {
        expect((await tables.rows<{ count: string }>(COUNTS)).map((row) => row.count)).toEqual([`2021-02-26 ${INSPECTION_METRIC.complaints}  1`]);
        expect(await tables.rows('SELECT case_id, subject_person_ids FROM inspection_case_log')).toEqual([
          { case_id: TEST_CASE_ID, subject_person_ids: [expect.any(String)] },
        ]);
      });
  });

  it('counts a barred-list entry of a later batch on its own day, and keeps no personal data', async () => {
    const ledger = new SpecLedger();
    await spec
      .given(
        ledger.caseEvents(TEST_CASE_ID, [referral({ corruptionCategories: [], receivedOn: '2021-03-01', summary: 'what the reporter said' }), subjectAdded()]),
      )
      .when(ledger.caseEvents(TEST_CASE_ID, [event('BarredListEntryMade', { subjectId: OFFICER, on: '2021-11-05', basis: 'DISMISSED' })]))
      .then(async (tables) => {
        expect((await tables.rows<{ count: string }>(COUNTS)).map((row) => row.count)).toEqual([
          `2021-03-01 ${INSPECTION_METRIC.conductCases}  1`,
          `2021-11-05 ${INSPECTION_METRIC.barredListEntries}  1`,
        ]);
        const kept = await tables.rows<{ envelope: string }>(
          'SELECT event::text AS envelope FROM inspection_case_events, json_array_elements(events) AS event',
        );
        expect(kept).toHaveLength(3);
        expect(kept.filter((row) => /summary|reporter/.test(row.envelope))).toEqual([]);
      });
  });
});
