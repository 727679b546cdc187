import type { CaseEvent, CaseEventEnvelope } from '../../src/cases/case.events';
import { event } from '../../src/cases/case.rules';
import { foldCase } from '../../src/cases/case.state';
import { investigatedCase, OFFICER, referral, referralData, severityAssessed, subjectAdded } from '../../src/cases/testing/case-fixtures';
import { TEST_CASE_ID } from '../../src/cases/testing/decider-spec';
import type { RecordedEvent } from '../../src/event-store/event-store';
import { projectionSpec, SpecLedger } from '../runner/testing/projection-spec';
import { toCaseStatusItem } from '../common/case-status-item';
import { caseStatusProjection } from './case-status.projection';

/** The events as the domain folds them, with the ids the ledger gave them. */
const envelopes = (recorded: readonly RecordedEvent[], events: readonly CaseEvent[]): CaseEventEnvelope[] =>
  events.map((one, index) => ({ ...one, eventId: recorded[index].eventId }));

describe('the case-status projection', () => {
  const spec = projectionSpec(caseStatusProjection);

  it("writes the case's item as the domain folds it, across two batches", async () => {
    const ledger = new SpecLedger();
    const first = investigatedCase();
    const second = [severityAssessed(OFFICER, 'GROSS_MISCONDUCT')];
    const recorded = [...ledger.caseEvents(TEST_CASE_ID, first), ...ledger.caseEvents(TEST_CASE_ID, second)];
    await spec
      .given(recorded.slice(0, first.length))
      .when(recorded.slice(first.length))
      .then(async (tables) => {
        const state = foldCase(envelopes(recorded, [...first, ...second]));
        if (state === null) throw new Error('no case');
        expect(await tables.rows('SELECT case_id, stage, revision::int AS revision, item FROM case_status')).toEqual([
          { case_id: TEST_CASE_ID, stage: toCaseStatusItem(state).stage, revision: recorded.length - 1, item: toCaseStatusItem(state) },
        ]);
      });
  });

  it('applies a correction of an event of an earlier batch', async () => {
    const ledger = new SpecLedger();
    const given = ledger.caseEvents(TEST_CASE_ID, [referral({ receivedOn: '2021-03-01' }), subjectAdded()]);
    const correction = event('RecordCorrected', {
      correctsEventId: given[0].eventId,
      reason: 'wrong day',
      replacement: referralData({ receivedOn: '2021-02-26' }),
    });
    await spec
      .given(given)
      .when(ledger.caseEvents(TEST_CASE_ID, [correction]))
      .then(async (tables) => {
        expect(await tables.rows(`SELECT to_char(received_on, 'YYYY-MM-DD') AS received_on, item->>'openedOn' AS opened_on FROM case_status`)).toEqual([
          { received_on: '2021-02-26', opened_on: '2021-02-26' },
        ]);
      });
  });

  it('keeps no personal data among the events it folds, sealed or not', async () => {
    const ledger = new SpecLedger();
    const sealed = { $vault: 'v1', personId: `case-${TEST_CASE_ID}`, iv: 'i', ciphertext: 'c', tag: 't' } as unknown as string;
    await spec
      .given(ledger.caseEvents(TEST_CASE_ID, [referral({ summary: sealed })]))
      .when(
        ledger.caseEvents(TEST_CASE_ID, [
          event('AllegationRecorded', { allegationId: 'a1', subjectId: OFFICER, summary: 'what the complainant said', standards: ['CONFIDENTIALITY'] }),
        ]),
      )
      .then(async (tables) => {
        const kept = await tables.rows<{ envelope: string }>('SELECT event::text AS envelope FROM case_status_events, json_array_elements(events) AS event');
        expect(kept).toHaveLength(2);
        expect(kept.filter((row) => /summary|\$vault|complainant/.test(row.envelope))).toEqual([]);
      });
  });

  it('moves its counters with the rows: a stage reached, a referral corrected, a case opened', async () => {
    const ledger = new SpecLedger();
    const [moved, corrected, opened] = ['case-moved', 'case-corrected', 'case-opened'];
    const referrals = [
      ...ledger.caseEvents(moved, [referral({ caseId: moved })]),
      ...ledger.caseEvents(corrected, [referral({ caseId: corrected, force: 'FORCE_A' })]),
    ];
    const correction = event('RecordCorrected', {
      correctsEventId: referrals[1].eventId,
      reason: 'recorded against the wrong force, type and sensitivity',
      replacement: referralData({ caseId: corrected, force: 'FORCE_B', caseType: 'COMPLAINT', sensitivity: 'RESTRICTED' }),
    });
    await spec
      .given(referrals)
      .when([
        ...ledger.caseEvents(moved, investigatedCase().slice(1)),
        ...ledger.caseEvents(corrected, [correction]),
        ...ledger.caseEvents(opened, [referral({ caseId: opened, force: 'FORCE_A' })]),
      ])
      .then(async (tables) => {
        const byRows = await tables.rows(
          'SELECT force, sensitivity, stage, case_type, count(*)::int AS n FROM case_status GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4',
        );
        // Exactly: no counter left at 0 (a rebuild would not make one).
        expect(await tables.rows('SELECT force, sensitivity, stage, case_type, n FROM case_status_counts ORDER BY 1, 2, 3, 4')).toEqual(byRows);
        expect(byRows.map((row) => row.force)).toEqual(['FORCE_A', 'FORCE_B', 'TEST_FORCE']);
        expect(byRows.find((row) => row.force === 'TEST_FORCE')?.stage).not.toBe('ASSESSMENT');
      });
  });
});
