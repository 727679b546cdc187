/**
 * The timeliness read model end to end: case commands recorded into the store, the
 * projection run by the service, and `GET /api/v1/cases/{caseId}/timeliness` read over HTTP
 * with "today" fixed through the CLOCK provider.
 */
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import type { CaseCommand } from '../../src/cases/case.command-types';
import { embassyCase } from '../../src/cases/seed-stories/embassy-case';
import { SEED_STORIES } from '../../src/cases/seed-stories';
import { EventStore } from '../../src/event-store/event-store';
import { formatPosition } from '../../src/event-store/position';
import type { Role } from '../../src/http/roles';
import { CLOCK } from '../../src/common/clock';
import type { Clock } from '../../src/common/clock';
import { timelinessProjection } from '../../projections/timeliness/timeliness.projection';
import type { DeadlineView } from '../../projections/common/deadlines/deadline-view';
import type { CaseTimelinessView } from '../../projections/timeliness/timeliness-view';
import { WRITTEN_OUTCOME_ASSUMED } from '../../projections/common/deadlines/subject-deadlines';
import { REPORT_WITHHELD } from '../../projections/common/deadlines/investigation-deadlines';
import { ProjectionRunner } from '../../projections/runner/projection-runner';
import { bearer, PROBLEM_JSON, TEST_JWT_SECRET } from '../http/support';
import { startTestApp, TestApp } from '../support/app';
import { CaseRecorder, retarget } from './case-story-support';

const MET = 'METROPOLITAN_POLICE';
const PURPOSE = 'DCC weekly review of timeliness';

/**
 * The embassy case (seed 003) up to, and from, its 12-month progress report, as a force's own
 * investigation: the story's investigation was directed by the IOPC, whose Director General
 * then owes the reg 13 reports, not the force (C&M Regs 2020 reg 13), so the referral to
 * the IOPC is left out where the force's reports are the point.
 */
function embassyIn(caseId: string): { beforeReport: CaseCommand[]; rest: CaseCommand[] } {
  const commands = retarget(embassyCase(), caseId).filter((command) => command.type !== 'ReferToIopc' && command.type !== 'RecordIopcDecision');
  const report = commands.findIndex((command) => command.type === 'SendProgressReport');
  return { beforeReport: commands.slice(0, report), rest: commands.slice(report) };
}

const brief = (deadlines: DeadlineView[]) => deadlines.map(({ rule, dueOn, metOn, lapsedOn, overdue }) => ({ rule, dueOn, metOn, lapsedOn, overdue }));

describe('GET /cases/{caseId}/timeliness', () => {
  let service: TestApp;
  let recorder: CaseRecorder;
  let clock: Clock;

  beforeAll(async () => {
    service = await startTestApp({ LEDGER_JWT_SECRET: TEST_JWT_SECRET });
    recorder = new CaseRecorder(service.app.get(EventStore));
    clock = service.app.get<Clock>(CLOCK, { strict: false });
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await service.close();
  });

  async function recordAll(commands: readonly CaseCommand[]): Promise<void> {
    for (const command of commands) await recorder.record(command);
  }

  function get(caseId: string, options: { today?: string; roles?: Role[]; force?: string; purpose?: string | null } = {}) {
    jest.spyOn(clock, 'today').mockReturnValue(options.today ?? '2021-03-01');
    const request = service
      .http()
      .get(`/api/v1/cases/${caseId}/timeliness`)
      .set('Authorization', bearer(service.config, { roles: options.roles ?? ['PSD_INVESTIGATOR'], force: options.force ?? MET }))
      .set('X-Wait-For-Position', formatPosition(recorder.lastPosition));
    return options.purpose === null ? request : request.set('X-Access-Purpose', options.purpose ?? PURPOSE);
  }

  async function timeliness(caseId: string, today: string): Promise<CaseTimelinessView> {
    const response = await get(caseId, { today });
    expect(response.status).toBe(200);
    return response.body as CaseTimelinessView;
  }

  const rule = (view: CaseTimelinessView, name: string) => brief(view.deadlines.filter((deadline) => deadline.rule === name));

  it('shows the embassy case’s 12-month report overdue until it is recorded, then the 6-month follow-up', async () => {
    const caseId = randomUUID();
    const { beforeReport, rest } = embassyIn(caseId);
    await recordAll(beforeReport);

    // Investigation from February 2020 (came to attention 3 February 2020), no report by March 2021.
    const early = await timeliness(caseId, '2021-03-01');
    expect(early).toMatchObject({ caseId, force: MET, stage: 'INVESTIGATION', receivedOn: '2020-02-03', daysOpen: 392, today: '2021-03-01' });
    expect(rule(early, 'twelveMonthReport')).toEqual([{ rule: 'twelveMonthReport', dueOn: '2021-02-03', metOn: null, lapsedOn: null, overdue: true }]);
    expect(rule(early, 'sixMonthFollowUp')).toEqual([{ rule: 'sixMonthFollowUp', dueOn: '2021-08-03', metOn: null, lapsedOn: null, overdue: false }]);
    // Suspended in March 2020 and never reviewed since.
    expect(rule(early, 'suspensionReview')).toEqual([{ rule: 'suspensionReview', dueOn: '2020-04-06', metOn: null, lapsedOn: null, overdue: true }]);

    await recorder.record(rest[0]); // the 12-month report, sent on 8 February 2021
    const reported = await timeliness(caseId, '2021-03-01');
    expect(rule(reported, 'twelveMonthReport')).toEqual([
      { rule: 'twelveMonthReport', dueOn: '2021-02-03', metOn: '2021-02-08', lapsedOn: null, overdue: false },
    ]);
    const twelve = reported.deadlines.find((deadline) => deadline.rule === 'twelveMonthReport');
    expect(twelve).toMatchObject({ kind: 'DUTY', outOfTime: true, confidence: 'CONFIRMED', source: expect.stringContaining('reg 19') });

    const autumn = await timeliness(caseId, '2021-09-01');
    expect(rule(autumn, 'sixMonthFollowUp')).toEqual([{ rule: 'sixMonthFollowUp', dueOn: '2021-08-03', metOn: null, lapsedOn: null, overdue: true }]);

    // The investigation report of 14 June 2021 came before the follow-up was due.
    await recorder.record(rest[1]);
    expect(rule(await timeliness(caseId, '2021-09-01'), 'sixMonthFollowUp')).toEqual([]);
  });

  it('gives the whole embassy story its deadlines, days open and time between stages', async () => {
    const caseId = randomUUID();
    await recordAll(retarget(embassyCase(), caseId));
    const view = await timeliness(caseId, '2026-11-24');
    expect(view).toMatchObject({ stage: 'CLOSED', closedOn: '2022-02-25', daysOpen: 753 });
    expect(brief(view.deadlines)).toEqual([
      { rule: 'suspensionReview', dueOn: '2020-04-06', metOn: null, lapsedOn: '2022-01-21', overdue: false },
      // reg 36 (✖): no public notice of the hearing is recorded; the duty lapsed unmet with the outcome.
      { rule: 'hearingPublicNotice', dueOn: '2022-01-10', metOn: null, lapsedOn: '2022-01-21', overdue: false },
      // Directed by the IOPC: its Director General reports on timeliness, the force owes no reg 13 report.
      // Dismissed on Friday 21 January 2022: 5 working days beginning with that day.
      { rule: 'barredListReport', dueOn: '2022-01-27', metOn: '2022-01-26', lapsedOn: null, overdue: false },
      { rule: 'tribunalAppealWindow', dueOn: '2022-02-04', metOn: null, lapsedOn: null, overdue: false },
    ]);
    expect(view.betweenStages.map(({ from, to, fromOn, toOn }) => `${from} ${fromOn} → ${to} ${toOn}`)).toEqual([
      'RECEIVED 2020-02-03 → ASSESSMENT 2020-02-03',
      'ASSESSMENT 2020-02-03 → INVESTIGATION 2020-02-17',
      'INVESTIGATION 2020-02-17 → DECISION 2021-06-14',
      'DECISION 2021-06-14 → PROCEEDINGS 2021-07-12',
      'PROCEEDINGS 2021-07-12 → CONCLUDED 2022-01-21',
      'CONCLUDED 2022-01-21 → CLOSED 2022-02-25',
    ]);
    expect(view.betweenStages[2]).toMatchObject({ days: 483 });
  });

  it('says an appeal window counted from the outcome day is an assumption until the written outcome is received (reg 43)', async () => {
    const caseId = randomUUID();
    const story = retarget(embassyCase(), caseId);
    const concluded = story.findIndex((command) => command.type === 'ConcludeProceedings');
    const conclusion = story[concluded];
    if (conclusion.type !== 'ConcludeProceedings') throw new Error('the story concludes proceedings');
    await recordAll(story.slice(0, concluded + 1));
    const window = async () => (await timeliness(caseId, '2022-01-24')).deadlines.find((deadline) => deadline.rule === 'tribunalAppealWindow');
    expect(await window()).toMatchObject({ startsOn: '2022-01-21', dueOn: '2022-02-04', assumption: WRITTEN_OUTCOME_ASSUMED, confidence: 'UNCONFIRMED' });
    // Received on Monday 24 January 2022: 10 working days from then, and nothing assumed.
    await recorder.record({ type: 'RecordWrittenOutcomeReceipt', caseId, subjectId: conclusion.subjectId, on: '2022-01-24' });
    const received = await window();
    expect(received).toMatchObject({ startsOn: '2022-01-24', dueOn: '2022-02-07' });
    expect(received).not.toHaveProperty('assumption');
  });

  it('gives history recorded late, out of order, the same deadlines as history recorded on the day', async () => {
    const onTheDay = randomUUID();
    const late = randomUUID();
    await recordAll(embassyIn(onTheDay).beforeReport.concat(embassyIn(onTheDay).rest.slice(0, 1)));
    const { beforeReport, rest } = embassyIn(late);
    const started = beforeReport.findIndex((command) => command.type === 'StartInvestigation') + 1;
    // The suspension, the notice and the systems audit are recorded after the 12-month report.
    await recordAll([...beforeReport.slice(0, started), rest[0], ...beforeReport.slice(started)]);
    const comparable = (view: CaseTimelinessView) =>
      view.deadlines.map(({ rule, subjectId, dueOn, metOn, lapsedOn, overdue }) => ({ rule, subjectId, dueOn, metOn, lapsedOn, overdue }));
    expect(comparable(await timeliness(late, '2021-09-01'))).toEqual(comparable(await timeliness(onTheDay, '2021-09-01')));
  });

  it('follows a correction of the day the matter came to attention', async () => {
    const caseId = randomUUID();
    const { beforeReport } = embassyIn(caseId);
    await recordAll(beforeReport);
    const [referralStep] = recorder.steps(caseId);
    const referral = beforeReport[0];
    if (referral.type !== 'ReceiveReferral') throw new Error('the story starts with its referral');
    const { type, ...replacement } = referral;
    void type;
    // The release also says the matters "came to light in March 2020".
    await recorder.record({
      type: 'CorrectRecord',
      caseId,
      correctsEventId: referralStep.eventId,
      reason: 'came to light when he was suspended',
      replacement: { ...replacement, receivedOn: '2020-03-09' },
    });
    const view = await timeliness(caseId, '2021-03-01');
    expect(rule(view, 'twelveMonthReport')).toEqual([{ rule: 'twelveMonthReport', dueOn: '2021-03-09', metOn: null, lapsedOn: null, overdue: false }]);
  });

  it('lists the reg 19 reports of a referral on 31 August every 6 months from the first period, never drifting to the 28th', async () => {
    const caseId = randomUUID();
    const { beforeReport } = embassyIn(caseId);
    const opening = beforeReport[0];
    if (opening.type !== 'ReceiveReferral') throw new Error('the story starts with its referral');
    const started = beforeReport.find((command) => command.type === 'StartInvestigation');
    if (started === undefined || started.type !== 'StartInvestigation') throw new Error('the story starts an investigation');
    const report = (on: string, kind: 'TWELVE_MONTH' | 'SIX_MONTH_FOLLOW_UP'): CaseCommand => ({
      type: 'SendProgressReport',
      caseId,
      to: 'LOCAL_POLICING_BODY',
      on,
      kind,
    });
    await recordAll([
      { ...opening, receivedOn: '2020-08-31' },
      { ...started, startedOn: '2020-09-14' },
      report('2021-08-31', 'TWELVE_MONTH'),
      report('2022-02-28', 'SIX_MONTH_FOLLOW_UP'),
      report('2022-08-31', 'SIX_MONTH_FOLLOW_UP'),
      report('2023-02-28', 'SIX_MONTH_FOLLOW_UP'),
      report('2023-08-31', 'SIX_MONTH_FOLLOW_UP'),
      { type: 'SubmitInvestigationReport', caseId, on: '2023-10-02' },
    ]);
    const view = await timeliness(caseId, '2023-10-02');
    const reports = view.deadlines.filter((deadline) => deadline.rule === 'twelveMonthReport' || deadline.rule === 'sixMonthFollowUp');
    expect(reports.map(({ dueOn, metOn }) => ({ dueOn, metOn }))).toEqual(
      ['2021-08-31', '2022-02-28', '2022-08-31', '2023-02-28', '2023-08-31'].map((day) => ({ dueOn: day, metOn: day })),
    );
    expect(reports.every((deadline) => !deadline.outOfTime)).toBe(true);
  });

  it('shows a 12-month report withheld as it might prejudice the investigation as met by that exemption (reg 19)', async () => {
    const caseId = randomUUID();
    const { beforeReport } = embassyIn(caseId);
    await recordAll([...beforeReport, { type: 'WithholdProgressReport', caseId, on: '2021-02-01', kind: 'TWELVE_MONTH' }]);
    const [twelve] = (await timeliness(caseId, '2021-03-01')).deadlines.filter((deadline) => deadline.rule === 'twelveMonthReport');
    expect(twelve).toMatchObject({ dueOn: '2021-02-03', metOn: '2021-02-01', overdue: false, outOfTime: false, exemption: REPORT_WITHHELD });
  });

  it('needs a stated purpose, and hides a case from another force', async () => {
    const caseId = randomUUID();
    await recordAll(embassyIn(caseId).beforeReport);
    const missing = await get(caseId, { purpose: null });
    expect(missing.status).toBe(400);
    expect(missing.headers['content-type']).toMatch(PROBLEM_JSON);
    expect((await get(caseId, { purpose: 'because' })).status).toBe(400);
    expect((await get(caseId, { force: 'KENT' })).status).toBe(404);
    expect((await get(caseId, { force: '*', roles: ['AUDITOR'] })).status).toBe(200);
    // The embassy case is RESTRICTED: not for inspectors until released for inspection.
    expect((await get(caseId, { roles: ['INSPECTOR'] })).status).toBe(403);
    expect((await get(caseId, { roles: ['ADMIN'] })).status).toBe(403);
    expect((await get(randomUUID())).status).toBe(404);
    expect((await get('not-a-case-id')).status).toBe(400);
  });

  it('rebuilds to the same rows from the first event', async () => {
    await recorder.recordAll(SEED_STORIES.map((story) => ({ commands: retarget(story, randomUUID()) })));
    const caseId = randomUUID();
    await recordAll(retarget(embassyCase(), caseId));
    await timeliness(caseId, '2026-11-24'); // waits until the service's runner has it all
    const pool = new Pool({ connectionString: service.database.url });
    try {
      const snapshot = async () =>
        (
          await pool.query(
            `SELECT case_id, rule, subject_id, seq, kind, starts_on::text, due_on::text, earliest_on::text, met_on::text, lapsed_on::text
               FROM timeliness_deadlines ORDER BY case_id, rule, subject_id, seq`,
          )
        ).rows;
      const before = await snapshot();
      expect(before.length).toBeGreaterThan(SEED_STORIES.length);
      const rebuilt = await new ProjectionRunner(service.app.get(EventStore), pool, timelinessProjection, { rebuildBatchSize: 7 }).rebuild({ fresh: true });
      expect(rebuilt.status).toBe('ACTIVE');
      expect(await snapshot()).toEqual(before);
    } finally {
      await pool.end();
    }
  });
});
