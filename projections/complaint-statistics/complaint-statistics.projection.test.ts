import { event } from '../../src/cases/case.rules';
import { referral } from '../../src/cases/testing/case-fixtures';
import { TEST_CASE_ID } from '../../src/cases/testing/decider-spec';
import { projectionSpec, SpecLedger } from '../runner/testing/projection-spec';
import { COMPLAINT_METRIC } from './complaint-facts';
import { complaintStatisticsProjection } from './complaint-statistics.projection';

const logging = {
  loggedOn: '2021-03-01',
  anonymous: true,
  allegations: [{ allegationId: 'a-1', category: 'INDIVIDUAL_BEHAVIOURS' as const, incidentOn: '2021-02-26' }],
};

describe('the complaint-statistics projection', () => {
  const spec = projectionSpec(complaintStatisticsProjection);
  const counts = (tables: { rows<T extends object>(sql: string, parameters?: unknown[]): Promise<T[]> }) =>
    tables
      .rows<{ count: string }>(
        `SELECT to_char(day, 'YYYY-MM-DD') || ' ' || metric || ' ' || key || ' ' || n AS count FROM complaint_statistics_counts WHERE n <> 0 ORDER BY 1`,
      )
      .then((rows) => rows.map((row) => row.count));

  it('counts a complaint finalised in a later batch by the route its earlier steps took, in working days from logging', async () => {
    const ledger = new SpecLedger();
    await spec
      .given(
        ledger.caseEvents(TEST_CASE_ID, [
          referral({ caseType: 'COMPLAINT', source: 'PUBLIC_COMPLAINT', receivedOn: '2021-03-01' }),
          event('ComplaintLogged', logging),
          event('ComplaintHandlingDecided', { on: '2021-03-02', handling: 'OUTSIDE_SCHEDULE_3', complainantWantsRecorded: false, schedule3Grounds: [] }),
        ]),
      )
      .when(
        ledger.caseEvents(TEST_CASE_ID, [
          event('ComplaintHandledOtherwise', { on: '2021-03-05', outcome: 'RESOLVED_TO_SATISFACTION' }),
          event('ComplaintOutcomeNotified', { on: '2021-03-08' }),
        ]),
      )
      .then(async (tables) => {
        expect(await counts(tables)).toEqual([
          `2021-03-01 ${COMPLAINT_METRIC.allegationsLogged} INDIVIDUAL_BEHAVIOURS 1`,
          `2021-03-01 ${COMPLAINT_METRIC.casesLogged}  1`,
          `2021-03-02 ${COMPLAINT_METRIC.handling} OUTSIDE_SCHEDULE_3 1`,
          `2021-03-05 ${COMPLAINT_METRIC.handlingOutcome} OUTSIDE_SCHEDULE_3|RESOLVED_TO_SATISFACTION 1`,
          `2021-03-08 ${COMPLAINT_METRIC.finalised} OUTSIDE_SCHEDULE_3|5 1`,
          `2021-03-08 ${COMPLAINT_METRIC.finalisedExcludingSuspension} OUTSIDE_SCHEDULE_3|5 1`,
        ]);
      });
  });

  it('moves the counts when the logging is corrected, and counts nothing of a conduct matter', async () => {
    const ledger = new SpecLedger();
    const given = ledger.caseEvents(TEST_CASE_ID, [
      referral({ caseType: 'COMPLAINT', source: 'PUBLIC_COMPLAINT', receivedOn: '2021-03-01' }),
      event('ComplaintLogged', logging),
    ]);
    const loggedId = given[1].eventId;
    await spec
      .given(given, ledger.caseEvents('conduct-matter', [referral({ caseId: 'conduct-matter' })]))
      .when(
        ledger.caseEvents(TEST_CASE_ID, [
          event('RecordCorrected', { correctsEventId: loggedId, reason: 'logged the next day', replacement: { ...logging, loggedOn: '2021-03-02' } }),
        ]),
      )
      .then(async (tables) => {
        expect(await counts(tables)).toEqual([
          `2021-03-02 ${COMPLAINT_METRIC.allegationsLogged} INDIVIDUAL_BEHAVIOURS 1`,
          `2021-03-02 ${COMPLAINT_METRIC.casesLogged}  1`,
        ]);
      });
  });
});
