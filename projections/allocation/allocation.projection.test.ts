import { event } from '../../src/cases/case.rules';
import { investigationStarted, OFFICER, referral, subjectAdded } from '../../src/cases/testing/case-fixtures';
import { TEST_CASE_ID } from '../../src/cases/testing/decider-spec';
import { projectionSpec, SpecLedger } from '../runner/testing/projection-spec';
import { allocationProjection } from './allocation.projection';

const appointed = event('InvestigatorAppointed', { appointmentId: 'appointment-1', investigatorId: 'person-first', role: 'INVESTIGATOR', on: '2021-03-11' });
const reassigned = event('InvestigatorReassigned', {
  appointmentId: 'appointment-1',
  investigatorId: 'person-second',
  on: '2021-04-01',
  reason: 'Long-term absence.',
});
const submitted = event('InvestigationReportSubmittedForReview', { on: '2021-08-01', submittedBy: 'person-second' });
const returned = event('InvestigationReportReviewed', {
  on: '2021-08-05',
  reviewedBy: 'person-supervisor',
  result: 'RETURNED',
  reasons: 'Interview B is missing.',
});

describe('the allocation projection', () => {
  const spec = projectionSpec(allocationProjection);

  it('holds the case unallocated until an investigator is appointed, then their successor after a reassignment', async () => {
    const ledger = new SpecLedger();
    await spec
      .given(ledger.caseEvents(TEST_CASE_ID, [referral(), subjectAdded(OFFICER)]))
      .when([])
      .then(async (tables) => {
        expect(await tables.rows('SELECT live, allocated, investigator_ids FROM allocation_cases')).toEqual([
          { live: true, allocated: false, investigator_ids: [] },
        ]);
      });
    const reassignedLedger = new SpecLedger();
    await spec
      .given(reassignedLedger.caseEvents(TEST_CASE_ID, [referral(), subjectAdded(OFFICER), appointed]))
      .when(reassignedLedger.caseEvents(TEST_CASE_ID, [reassigned]))
      .then(async (tables) => {
        expect(await tables.rows(`SELECT allocated, investigator_ids, item->'assignments' AS assignments FROM allocation_cases`)).toEqual([
          {
            allocated: true,
            investigator_ids: ['person-second'],
            assignments: [{ investigatorId: 'person-second', role: 'INVESTIGATOR', subjectId: null, appointmentId: 'appointment-1', since: '2021-04-01' }],
          },
        ]);
      });
  });

  it('counts the investigator named when the investigation started as allocated, until one is appointed', async () => {
    const ledger = new SpecLedger();
    await spec
      .given(ledger.caseEvents(TEST_CASE_ID, [referral(), subjectAdded(OFFICER), investigationStarted()]))
      .when(ledger.caseEvents(TEST_CASE_ID, [appointed]))
      .then(async (tables) => {
        expect(await tables.rows('SELECT allocated, investigator_ids FROM allocation_cases')).toEqual([
          { allocated: true, investigator_ids: ['person-first'] },
        ]);
      });
  });

  it('lists the report while it waits for its review, and not once returned', async () => {
    const ledger = new SpecLedger();
    const opened = [referral(), subjectAdded(OFFICER), investigationStarted(), appointed];
    await spec
      .given(ledger.caseEvents(TEST_CASE_ID, [...opened, submitted]))
      .when([])
      .then(async (tables) => {
        expect(await tables.rows(`SELECT item, subject_id, to_char(waiting_since, 'YYYY-MM-DD') AS since FROM allocation_waiting`)).toEqual([
          { item: 'INVESTIGATION_REPORT', subject_id: '', since: '2021-08-01' },
        ]);
      });
    const returnedLedger = new SpecLedger();
    await spec
      .given(returnedLedger.caseEvents(TEST_CASE_ID, [...opened, submitted]))
      .when(returnedLedger.caseEvents(TEST_CASE_ID, [returned]))
      .then(async (tables) => {
        expect(await tables.rows('SELECT item FROM allocation_waiting')).toEqual([]);
        // The reasons stay in the vault: the projection keeps no personal data.
        const kept = await tables.rows<{ envelope: string }>(
          'SELECT event::text AS envelope FROM allocation_case_events, json_array_elements(events) AS event',
        );
        expect(kept.filter((row) => /Interview B|Long-term/.test(row.envelope))).toEqual([]);
      });
  });
});
