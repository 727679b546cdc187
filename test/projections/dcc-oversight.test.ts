/**
 * `GET /api/v1/dashboards/dcc` over a force holding several seed stories (all retargeted to
 * HAMPSHIRE, the force of seed 004), with "today" fixed through the CLOCK provider.
 */
import { randomUUID } from 'node:crypto';
import type { CaseCommand } from '../../src/cases/case.command-types';
import { appCaseStudy } from '../../src/cases/seed-stories/app-case-study';
import { embassyCase } from '../../src/cases/seed-stories/embassy-case';
import { caseStudy2 } from '../../src/cases/seed-stories/learning-the-lessons-44/case-study-2';
import { caseStudy5 } from '../../src/cases/seed-stories/learning-the-lessons-44/case-study-5';
import { commandsFor, NO_FLAGS } from '../../src/cases/seed-stories/story-kit';
import { EventStore } from '../../src/event-store/event-store';
import { formatPosition } from '../../src/event-store/position';
import type { Role } from '../../src/http/roles';
import type { DccDashboard } from '../../projections/dcc-oversight/dcc-dashboard';
import { CLOCK } from '../../src/common/clock';
import type { Clock } from '../../src/common/clock';
import { bearer, PROBLEM_JSON, TEST_JWT_SECRET } from '../http/support';
import { startTestApp, TestApp } from '../support/app';
import { CaseRecorder, retarget } from './case-story-support';

const FORCE = 'HAMPSHIRE';
const TODAY = '2023-03-01';
/** The person the inspector kept on is (test 'leaves out ...' reads the dashboard as them). */
const INSPECTOR_PERSON = randomUUID();

/** An inspector found to have committed gross misconduct at a hearing who kept their job. */
function inspectorKeptOn(caseId: string, force = FORCE, personId = randomUUID()): CaseCommand[] {
  const on = commandsFor(caseId);
  const subjectId = randomUUID();
  return [
    on('ReceiveReferral', {
      caseId,
      force,
      receivedOn: '2021-05-04',
      source: 'INTERNAL_REPORT',
      caseType: 'CONDUCT_MATTER',
      summary: 'An inspector misused force systems.',
      anonymousSource: false,
      sensitivity: 'STANDARD',
      corruptionCategories: ['UNAUTHORISED_DISCLOSURE'],
      flags: NO_FLAGS,
    }),
    on('AddSubject', { subjectId, personId, workforceType: 'POLICE_OFFICER', rank: 'INSPECTOR', lengthOfServiceMonths: 240, unit: 'Custody' }),
    on('AssessSeverity', { subjectId, level: 'GROSS_MISCONDUCT', assessedBy: 'APPROPRIATE_AUTHORITY', rationale: 'Deliberate misuse.' }),
    on('StartInvestigation', { investigatorId: randomUUID(), startedOn: '2021-05-10', termsOfReference: 'Systems misuse.' }),
    on('SubmitInvestigationReport', { on: '2021-11-01' }),
    on('DecideCaseToAnswer', { subjectId, decision: 'CASE_TO_ANSWER_GROSS_MISCONDUCT', decidedBy: 'APPROPRIATE_AUTHORITY', on: '2021-11-15' }),
    on('ScheduleProceedings', { subjectId, kind: 'MISCONDUCT_HEARING', noticeServedOn: '2021-11-22', scheduledFor: '2022-02-07' }),
    on('ConcludeProceedings', {
      subjectId,
      on: '2022-02-09',
      findings: [{ standard: 'CONFIDENTIALITY', proven: true, level: 'GROSS_MISCONDUCT' }],
      outcome: 'FINAL_WRITTEN_WARNING',
      formerOfficer: false,
      chair: 'LEGALLY_QUALIFIED_CHAIR', // a hearing before 7 May 2024 (SI 2024/521)
    }),
  ];
}

describe('GET /dashboards/dcc', () => {
  let service: TestApp;
  let recorder: CaseRecorder;
  const cases = {
    app: randomUUID(),
    embassy: randomUUID(),
    fiveOfficers: randomUUID(),
    chiefSuperintendent: randomUUID(),
    inspector: randomUUID(),
    kent: randomUUID(),
  };

  beforeAll(async () => {
    service = await startTestApp({ LEDGER_JWT_SECRET: TEST_JWT_SECRET });
    recorder = new CaseRecorder(service.app.get(EventStore));
    jest.spyOn(service.app.get<Clock>(CLOCK, { strict: false }), 'today').mockReturnValue(TODAY);
    const embassy = retarget(embassyCase(), cases.embassy, { force: FORCE });
    await recorder.recordAll([
      // Resigned after interview; the departure awaits the DCC's decision (COVERT).
      { commands: retarget(appCaseStudy(), cases.app, { force: FORCE }) },
      // Still under investigation and suspended since March 2020, never reviewed (RESTRICTED).
      {
        commands: embassy.slice(
          0,
          embassy.findIndex((command) => command.type === 'SendProgressReport'),
        ),
      },
      { commands: retarget(caseStudy5(), cases.fiveOfficers, { force: FORCE }) },
      { commands: retarget(caseStudy2(), cases.chiefSuperintendent, { force: FORCE }) },
      { commands: inspectorKeptOn(cases.inspector, FORCE, INSPECTOR_PERSON) },
      { commands: retarget(appCaseStudy(), cases.kent, { force: 'KENT' }) },
    ]);
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await service.close();
  });

  type Reader = { roles?: Role[]; force?: string; query?: string; userId?: string };

  function get(options: Reader = {}) {
    return service
      .http()
      .get(`/api/v1/dashboards/dcc${options.query ?? `?force=${FORCE}`}`)
      .set('Authorization', bearer(service.config, { roles: options.roles ?? ['DCC'], force: options.force ?? FORCE, userId: options.userId }))
      .set('X-Wait-For-Position', formatPosition(recorder.lastPosition));
  }

  async function dashboard(options: Reader = {}): Promise<DccDashboard> {
    const response = await get(options);
    expect(response.status).toBe(200);
    return response.body as DccDashboard;
  }

  it('shows the live investigations by stage, and the suspended subjects with their next review', async () => {
    const seen = await dashboard();
    expect(seen).toMatchObject({ force: FORCE, today: TODAY, liveInvestigations: { total: 2, byStage: { INVESTIGATION: 2 } } });
    expect(seen.suspensions).toEqual([
      expect.objectContaining({
        caseId: cases.embassy,
        rank: 'CONSTABLE',
        status: 'SUSPENDED',
        since: '2020-03-09',
        daysSuspended: 1087,
        lastReviewedOn: null,
        nextReviewOn: '2020-04-06',
        reviewOverdue: true,
      }),
    ]);
  });

  it('lists the overdue deadlines of the force, and nothing of another force', async () => {
    const seen = await dashboard();
    const overdue = seen.overdueDeadlines.map(
      ({ caseId, rule, dueOn }) => `${caseId === cases.app ? 'app' : caseId === cases.embassy ? 'embassy' : caseId} ${rule} ${dueOn}`,
    );
    expect(overdue).toEqual([
      'embassy suspensionReview 2020-04-06',
      // The embassy investigation is directed by the IOPC: its Director General owes the reg 13 reports.
      // Resigned on Thursday 2 December 2021 while under investigation, never reported.
      'app advisoryListReport 2021-12-08',
      'app twelveMonthReport 2022-10-04',
    ]);
    expect(seen.overdueDeadlines[0]).toMatchObject({ daysOverdue: 1059, overdue: true, confidence: 'PARTLY_CONFIRMED' });
    // Fewer than the cap here, so the list is complete and the total counts it.
    expect(seen.overdueDeadlinesTotal).toBe(seen.overdueDeadlines.length);
    expect(JSON.stringify(seen)).not.toContain(cases.kent);
  });

  it('flags the ranks where proven gross misconduct did not end in dismissal', async () => {
    const seen = await dashboard();
    expect(seen.grossMisconductOutcomesByRank.map(({ rank, proven, dismissed, consistent }) => ({ rank, proven, dismissed, consistent }))).toEqual([
      { rank: 'CONSTABLE', proven: 1, dismissed: 1, consistent: true },
      { rank: 'SERGEANT', proven: 1, dismissed: 1, consistent: true },
      { rank: 'INSPECTOR', proven: 1, dismissed: 0, consistent: false },
      // Retired during the process: would have been dismissed.
      { rank: 'CHIEF_SUPERINTENDENT', proven: 1, dismissed: 1, consistent: true },
    ]);
    expect(seen.inconsistentRanks).toEqual(['INSPECTOR']);
    expect(seen.grossMisconductOutcomesByRank[2].notDismissed).toEqual([
      expect.objectContaining({ caseId: cases.inspector, outcome: 'FINAL_WRITTEN_WARNING', concludedOn: '2022-02-09' }),
    ]);
  });

  it('shows only what need-to-know lets an inspector see, and refuses other roles and forces', async () => {
    const inspector = await dashboard({ roles: ['INSPECTOR'] });
    // The covert and restricted cases are not an inspector's to see.
    expect(inspector.liveInvestigations.total).toBe(0);
    expect(inspector.departuresAwaitingApproval).toEqual([]);
    expect(inspector.suspensions).toEqual([]);
    expect(inspector.inconsistentRanks).toEqual(['INSPECTOR']);
    expect((await dashboard({ roles: ['AUDITOR'], force: '*' })).liveInvestigations.total).toBe(2);

    expect((await get({ roles: ['PSD_INVESTIGATOR'] })).status).toBe(403);
    expect((await get({ force: 'KENT' })).status).toBe(403);
    const unnamed = await get({ roles: ['AUDITOR'], force: '*', query: '' });
    expect(unnamed.status).toBe(400);
    expect(unnamed.headers['content-type']).toMatch(PROBLEM_JSON);
    expect((await get({ query: '?force=hampshire' })).status).toBe(400);
    expect((await dashboard({ query: '' })).force).toBe(FORCE);
  });

  it('leaves out of every figure and list the cases about the reader and those they declared a conflict on', async () => {
    // A DCC who is the inspector kept on: that finding is not theirs to see, so no rank is inconsistent.
    const subject = await dashboard({ userId: INSPECTOR_PERSON });
    expect(subject.grossMisconductOutcomesByRank.map(({ rank }) => rank)).toEqual(['CONSTABLE', 'SERGEANT', 'CHIEF_SUPERINTENDENT']);
    expect(subject.inconsistentRanks).toEqual([]);
    expect(JSON.stringify(subject)).not.toContain(cases.inspector);

    // A DCC who declared a conflict on the embassy case: one live investigation, no suspension.
    const conflicted = 'dcc-conflicted';
    await service
      .http()
      .post(`/api/v1/cases/${cases.embassy}/conflicts`)
      .set('Authorization', bearer(service.config, { roles: ['DCC'], force: FORCE, userId: conflicted }))
      .send({ nature: 'RELATIVE' })
      .expect(201);
    const seen = await dashboard({ userId: conflicted });
    expect(seen.liveInvestigations).toEqual({ total: 1, byStage: { INVESTIGATION: 1 } });
    expect(seen).toMatchObject({ suspensions: [], suspensionsTotal: 0 });
    expect(seen.overdueDeadlinesTotal).toBe(2);
    expect(JSON.stringify(seen)).not.toContain(cases.embassy);
    // The embassy case is still under investigation: it adds no finding to hide.
    expect(seen.grossMisconductOutcomesByRank).toEqual((await dashboard()).grossMisconductOutcomesByRank);
  });

  it('shows the 100 most pressing entries of a long list and counts them all', async () => {
    // 101 officers of one DORSET case suspended on successive days: the list keeps the 100 longest suspended.
    const caseId = randomUUID();
    const on = commandsFor(caseId);
    const subjects = Array.from({ length: 101 }, () => randomUUID());
    const firstDay = new Date('2022-01-01T00:00:00Z').getTime();
    const day = (index: number) => new Date(firstDay + index * 86_400_000).toISOString().slice(0, 10);
    await recorder.recordAll([
      {
        commands: [
          ...retarget(appCaseStudy(), caseId, { force: 'DORSET' }).slice(0, 1),
          ...subjects.map((subjectId) =>
            on('AddSubject', {
              subjectId,
              personId: randomUUID(),
              workforceType: 'POLICE_OFFICER',
              rank: 'CONSTABLE',
              lengthOfServiceMonths: 12,
              unit: 'Response',
            }),
          ),
          ...subjects.map((subjectId, index) => on('SuspendSubject', { subjectId, on: day(index), reason: 'Suspended pending investigation.' })),
        ],
      },
    ]);
    const seen = await dashboard({ force: 'DORSET', query: '?force=DORSET' });
    expect(seen.suspensionsTotal).toBe(101);
    expect(seen.suspensions).toHaveLength(100);
    expect(seen.suspensions[0]).toMatchObject({ since: day(0), reviewOverdue: true });
    expect(seen.suspensions.map(({ since }) => since)).not.toContain(day(100));
    expect(seen.overdueDeadlinesTotal).toBeGreaterThan(100);
    expect(seen.overdueDeadlines).toHaveLength(100);
  });

  it('lists a departure awaiting the DCC’s approval until the DCC decides it', async () => {
    const before = await dashboard();
    expect(before.departuresAwaitingApproval).toEqual([
      expect.objectContaining({ caseId: cases.app, rank: 'CONSTABLE', how: 'RESIGNED', on: '2021-12-02', stageAtDeparture: 'INVESTIGATION', daysWaiting: 454 }),
    ]);
    const [{ subjectId }] = before.departuresAwaitingApproval;
    await recorder.record({ type: 'RecordDepartureDecision', caseId: cases.app, subjectId, approved: true, on: '2023-03-01' });
    expect((await dashboard()).departuresAwaitingApproval).toEqual([]);
  });
});
