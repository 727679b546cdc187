import type { CaseEvent, CaseEventEnvelope } from '../../src/cases/case.events';
import { event } from '../../src/cases/case.rules';
import { investigatedCase, OFFICER, referral, referralData, subjectAdded } from '../../src/cases/testing/case-fixtures';
import { TEST_CASE_ID } from '../../src/cases/testing/decider-spec';
import type { RecordedEvent } from '../../src/event-store/event-store';
import { projectionSpec, SpecLedger } from '../runner/testing/projection-spec';
import { caseTimeline } from '../common/deadlines/case-timeline';
import { timelinessProjection } from './timeliness.projection';
import { timelinessRows } from './timeliness-rows';

const envelopes = (recorded: readonly RecordedEvent[], events: readonly CaseEvent[]): CaseEventEnvelope[] =>
  events.map((one, index) => ({ ...one, eventId: recorded[index].eventId }));

/** The deadline rows as the table holds them, in key order. */
const DEADLINES = `SELECT case_id, subject_id, rule, seq, kind, to_char(starts_on, 'YYYY-MM-DD') AS starts_on, to_char(due_on, 'YYYY-MM-DD') AS due_on,
                          to_char(earliest_on, 'YYYY-MM-DD') AS earliest_on, to_char(met_on, 'YYYY-MM-DD') AS met_on, to_char(lapsed_on, 'YYYY-MM-DD') AS lapsed_on, assumption, exemption
                     FROM timeliness_deadlines ORDER BY rule, subject_id, seq`;

const byKey = <T extends { rule: string; subject_id: string; seq: number }>(rows: T[]): T[] =>
  [...rows].sort((a, b) => (a.rule + a.subject_id).localeCompare(b.rule + b.subject_id) || a.seq - b.seq);

describe('the timeliness projection', () => {
  const spec = projectionSpec(timelinessProjection);

  it("writes the case's deadlines as its timeline makes them, across two batches", async () => {
    const ledger = new SpecLedger();
    const events = [...investigatedCase(), event('SubjectSuspended', { subjectId: OFFICER, on: '2021-03-15', reason: 'pending the investigation' })];
    const recorded = ledger.caseEvents(TEST_CASE_ID, events);
    await spec
      .given(recorded.slice(0, 2))
      .when(recorded.slice(2))
      .then(async (tables) => {
        const expected = timelinessRows(TEST_CASE_ID, caseTimeline(envelopes(recorded, events)));
        expect(expected.deadlines.length).toBeGreaterThan(0);
        expect(await tables.rows(DEADLINES)).toEqual(byKey(expected.deadlines));
        expect(await tables.rows('SELECT subject_id, suspension FROM timeliness_subjects')).toEqual([{ subject_id: OFFICER, suspension: 'SUSPENDED' }]);
      });
  });

  it('moves the deadlines when a later batch corrects the day the matter came to attention', async () => {
    const ledger = new SpecLedger();
    const given = ledger.caseEvents(TEST_CASE_ID, [referral({ receivedOn: '2021-03-01' }), subjectAdded()]);
    const correction = event('RecordCorrected', {
      correctsEventId: given[0].eventId,
      reason: 'wrong day',
      replacement: referralData({ receivedOn: '2021-02-01' }),
    });
    const when = ledger.caseEvents(TEST_CASE_ID, [correction]);
    await spec
      .given(given)
      .when(when)
      .then(async (tables) => {
        const all = [...given, ...when];
        const expected = timelinessRows(TEST_CASE_ID, caseTimeline(envelopes(all, [referral({ receivedOn: '2021-03-01' }), subjectAdded(), correction])));
        expect(expected.case.received_on).toBe('2021-02-01');
        expect(await tables.rows(`SELECT to_char(received_on, 'YYYY-MM-DD') AS received_on FROM timeliness_cases`)).toEqual([{ received_on: '2021-02-01' }]);
        expect(await tables.rows(DEADLINES)).toEqual(byKey(expected.deadlines));
      });
  });

  it('keeps no personal data among the events it folds, sealed or not', async () => {
    const ledger = new SpecLedger();
    const sealed = { $vault: 'v1', personId: `case-${TEST_CASE_ID}`, iv: 'i', ciphertext: 'c', tag: 't' } as unknown as string;
    await spec
      .given(ledger.caseEvents(TEST_CASE_ID, [referral({ summary: sealed }), subjectAdded()]))
      .when(ledger.caseEvents(TEST_CASE_ID, [event('InvestigationStarted', { investigatorId: 'i1', startedOn: '2021-03-10', termsOfReference: sealed })]))
      .then(async (tables) => {
        const kept = await tables.rows<{ envelope: string }>(
          'SELECT event::text AS envelope FROM timeliness_case_events, json_array_elements(events) AS event',
        );
        expect(kept).toHaveLength(3);
        expect(kept.filter((row) => /summary|termsOfReference|\$vault/.test(row.envelope))).toEqual([]);
      });
  });
});
