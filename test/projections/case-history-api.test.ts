import { randomUUID } from 'node:crypto';
import { EventStore } from '../../src/event-store/event-store';
import { SEED_STORIES } from '../../src/cases/seed-stories';
import type { CaseHistory, HistoryEntry } from '../../projections/case-history/case-history';
import { bearer, PROBLEM_JSON, TEST_JWT_SECRET } from '../http/support';
import { startTestApp, TestApp } from '../support/app';
import { backdateRecordedAt, CaseRecorder, RECORDING_ACTOR } from './case-story-support';

const PURPOSE = 'Inspection of the handling of this case';

/**
 * Learning the Lessons 44, case study 1, recorded as it happened: each event on its own
 * day (the story's dates; the magazine gives none, so they are the story's assumptions).
 */
const STORY = SEED_STORIES[0];
const OFFICER = STORY.commands.find((command) => command.type === 'AddSubject');

describe('GET /cases/{caseId}/history', () => {
  let service: TestApp;
  let recorder: CaseRecorder;
  let inspector: string;

  beforeAll(async () => {
    service = await startTestApp({ LEDGER_JWT_SECRET: TEST_JWT_SECRET });
    recorder = new CaseRecorder(service.app.get(EventStore));
    await recorder.recordAll([STORY]);
    await backdateRecordedAt(
      service.database.url,
      STORY.caseId,
      recorder.steps(STORY.caseId).map((step) => step.day),
    );
    // A national inspector: the story's force is not named, and its case is RESTRICTED.
    inspector = bearer(service.config, { roles: ['AUDITOR'], force: '*' });
  });

  afterAll(() => service.close());

  const history = (caseId: string, query = '') =>
    service.http().get(`/api/v1/cases/${caseId}/history${query}`).set('Authorization', inspector).set('X-Access-Purpose', PURPOSE);

  it('shows every event in order, with its place in the ledger and who recorded it', async () => {
    const { body } = await history(STORY.caseId).expect(200);
    const steps = recorder.steps(STORY.caseId);
    expect(body.asOf).toBeNull();
    expect(body.statusAsOf).toBeUndefined();
    expect(body.events.map((entry: HistoryEntry) => [entry.eventId, entry.type, entry.revision])).toEqual(
      steps.map((step, revision) => [step.eventId, step.type, revision]),
    );
    const [first] = body.events as HistoryEntry[];
    expect(first).toMatchObject({
      occurredAt: '2021-05-10T00:00:00.000Z',
      recordedAt: '2021-05-10T12:00:00.000Z',
      actor: RECORDING_ACTOR,
      data: { caseId: STORY.caseId, force: 'NOT_NAMED', receivedOn: '2021-05-10' },
      correctedBy: [],
    });
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    const positions = (body.events as HistoryEntry[]).map((entry) => BigInt(entry.position));
    expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('shows nothing as of the day before the referral was recorded', async () => {
    const { body } = await history(STORY.caseId, '?asOf=2021-05-09').expect(200);
    expect(body).toEqual({ caseId: STORY.caseId, asOf: '2021-05-09T22:59:59.999Z', events: [], statusAsOf: null });
  });

  it('as of 30 June 2021: under directed investigation, the officer suspended', async () => {
    const { body } = await history(STORY.caseId, '?asOf=2021-06-30').expect(200);
    expect(body.events.at(-1).type).toBe('InvestigativeActionRecorded'); // the financial investigation of 15 June
    expect(body.statusAsOf).toMatchObject({ stage: 'INVESTIGATION', iopcMode: 'DIRECTED', closedOn: null });
    expect(body.statusAsOf.subjects[0]).toMatchObject({ severity: 'GROSS_MISCONDUCT', suspended: true, caseToAnswer: null, outcome: null });
  });

  it('as of 31 January 2022: a case to answer for gross misconduct, no hearing scheduled yet', async () => {
    const { body } = await history(STORY.caseId, '?asOf=2022-01-31').expect(200);
    expect(body.statusAsOf).toMatchObject({ stage: 'DECISION', closedOn: null });
    expect(body.statusAsOf.subjects[0]).toMatchObject({ caseToAnswer: 'CASE_TO_ANSWER_GROSS_MISCONDUCT', suspended: true, leftService: null, outcome: null });
  });

  it('as of 31 March 2022: resigned, would have been dismissed, barred; the case not yet closed', async () => {
    const { body } = await history(STORY.caseId, '?asOf=2022-03-31').expect(200);
    expect(body.statusAsOf).toMatchObject({ stage: 'CONCLUDED', closedOn: null });
    expect(body.statusAsOf.subjects[0]).toMatchObject({
      subjectId: OFFICER?.type === 'AddSubject' ? OFFICER.subjectId : 'missing',
      leftService: 'RESIGNED',
      outcome: 'DISMISSAL_WITHOUT_NOTICE',
      formerOfficer: true,
      barredList: true,
      suspended: false,
    });
    const now = await history(STORY.caseId, '?asOf=2030-01-01').expect(200);
    expect(now.body.statusAsOf).toMatchObject({ stage: 'CLOSED', closedOn: '2022-04-29' });
  });

  it('takes an instant: only what was recorded by that moment', async () => {
    const before = await history(STORY.caseId, '?asOf=2021-05-10T11:59:59Z').expect(200);
    expect(before.body.events).toEqual([]);
    const at = await history(STORY.caseId, '?asOf=2021-05-10T13:00:00%2B01:00').expect(200);
    expect(at.body.events.map((entry: HistoryEntry) => entry.type)).toEqual([
      'ReferralReceived',
      'SubjectAdded',
      'AllegationRecorded',
      'AllegationRecorded',
      'SeverityAssessed',
    ]);
  });

  it('shows a correction beside what it corrects, and only once it had been recorded', async () => {
    const caseId = randomUUID();
    const referral = { ...STORY.commands[0], caseId } as const;
    if (referral.type !== 'ReceiveReferral' || OFFICER?.type !== 'AddSubject') throw new Error('unexpected story shape');
    await recorder.record({ ...referral, receivedOn: '2023-01-02' });
    await recorder.record({ ...OFFICER, caseId });
    const assessment = { subjectId: OFFICER.subjectId, level: 'MISCONDUCT', assessedBy: 'APPROPRIATE_AUTHORITY', rationale: 'First view.' } as const;
    await recorder.record({ type: 'AssessSeverity', caseId, ...assessment });
    const assessed = recorder.steps(caseId)[2];
    const reason = 'The assessment signed off was for gross misconduct.';
    const replacement = { ...assessment, level: 'GROSS_MISCONDUCT' } as const;
    await recorder.record({ type: 'CorrectRecord', caseId, correctsEventId: assessed.eventId, reason, replacement });
    const correction = recorder.steps(caseId)[3];
    await backdateRecordedAt(service.database.url, caseId, ['2023-01-02', '2023-01-02', '2023-01-03', '2023-02-01']);

    const whole = (await history(caseId).expect(200)).body as CaseHistory;
    expect(whole.events.map((entry) => entry.type)).toEqual(['ReferralReceived', 'SubjectAdded', 'SeverityAssessed', 'RecordCorrected']);
    expect(whole.events[2].data).toMatchObject({ level: 'MISCONDUCT' }); // history keeps what was recorded
    expect(whole.events[2].correctedBy).toEqual([{ eventId: correction.eventId, reason, replacement }]);
    expect(whole.events[3].data).toMatchObject({ correctsEventId: assessed.eventId });

    const january = (await history(caseId, '?asOf=2023-01-31').expect(200)).body as CaseHistory;
    expect(january.events[2].correctedBy).toEqual([]);
    expect(january.statusAsOf?.subjects[0].severity).toBe('MISCONDUCT');
    const february = (await history(caseId, '?asOf=2023-02-01').expect(200)).body as CaseHistory;
    expect(february.statusAsOf?.subjects[0].severity).toBe('GROSS_MISCONDUCT');
  });

  it.each(['yesterday', '2021-02-30', '2021-06-30T12:00:00'])('refuses asOf=%s (400)', async (asOf) => {
    const response = await history(STORY.caseId, `?asOf=${asOf}`).expect(400).expect('Content-Type', PROBLEM_JSON);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain('asOf');
  });

  it('answers 404 for a case that does not exist', async () => {
    await history(randomUUID()).expect(404).expect('Content-Type', PROBLEM_JSON);
  });
});
