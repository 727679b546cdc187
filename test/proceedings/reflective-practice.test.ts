/**
 * Reflective practice and the steps around the proceedings over real HTTP (issue 16, points 6
 * and 7): a reflective practice review runs from the referral to its performance and development
 * review follow-up, with its clocks on the timeliness read and the DCC's dashboard; a failure to
 * engage sends the matter back to the misconduct route; a reg 10 pause holds the proceedings and
 * their clock until it ends; and a dismissal under the Vetting Regulations is followed by a
 * barred-list entry.
 */
import { randomUUID } from 'node:crypto';
import type { TestApp } from '../support/app';
import { startCasesApp } from '../cases/support';
import { referralBody, subjectBody } from '../cases/every-route';
import { ComplaintRecorder as Recorder } from '../complaints/support';

interface DeadlineRead {
  rule: string;
  subjectId?: string;
  dueOn: string;
  metOn: string | null;
  overdue: boolean;
  outOfTime: boolean;
  confidence: string;
  source: string;
  assumption?: string;
}

const FORCE = 'HAMPSHIRE';

describe('reflective practice and the proceedings over HTTP', () => {
  let app: TestApp;
  let psd: Recorder;

  beforeAll(async () => {
    app = await startCasesApp();
    psd = new Recorder(app, FORCE);
  });

  afterAll(async () => {
    await app.close();
  });

  /** A case received on `receivedOn` with one constable; returns the case and subject ids. */
  async function openCase(receivedOn = '2021-03-01'): Promise<{ caseId: string; subjectId: string }> {
    const caseId = randomUUID();
    const subjectId = randomUUID();
    await psd.step(caseId, '', referralBody(caseId, { force: FORCE, receivedOn, corruptionCategories: [] }));
    await psd.step(caseId, 'subjects', subjectBody(subjectId));
    return { caseId, subjectId };
  }

  /** Investigated, reported, and decided as `decision` on 15 September 2021. */
  async function decided(decision: string): Promise<{ caseId: string; subjectId: string; subject: string }> {
    const { caseId, subjectId } = await openCase();
    await psd.step(caseId, 'investigation', { investigatorId: randomUUID(), startedOn: '2021-03-10', termsOfReference: 'Interviews.' });
    await psd.step(caseId, 'investigation-report', { on: '2021-09-01' });
    const subject = `subjects/${subjectId}`;
    await psd.step(caseId, `${subject}/case-to-answer`, { decision, decidedBy: 'APPROPRIATE_AUTHORITY', on: '2021-09-15' }, 201, 'APPROPRIATE_AUTHORITY');
    return { caseId, subjectId, subject };
  }

  async function historyOf(caseId: string): Promise<string[]> {
    const response = await psd.read(`cases/${caseId}/history`);
    expect(response.status).toBe(200);
    return (response.body.events as { type: string }[]).map((event) => event.type);
  }

  async function deadlinesOf(caseId: string, rule: string): Promise<DeadlineRead[]> {
    const response = await psd.read(`cases/${caseId}/timeliness`);
    expect(response.status).toBe(200);
    return (response.body.deadlines as DeadlineRead[]).filter((deadline) => deadline.rule === rule);
  }

  async function subjectStatusOf(caseId: string): Promise<Record<string, unknown>> {
    const response = await psd.read(`cases/${caseId}`);
    expect(response.status).toBe(200);
    return (response.body.subjects as Record<string, unknown>[])[0];
  }

  async function stageOf(caseId: string): Promise<string> {
    const response = await psd.read(`cases/${caseId}`);
    expect(response.status).toBe(200);
    return response.body.stage as string;
  }

  it('runs a reflective practice review to its PDR follow-up, with its clocks, and the overdue PDR on the DCC dashboard', async () => {
    const { caseId, subject } = await decided('PRACTICE_REQUIRING_IMPROVEMENT');
    await psd.step(caseId, `${subject}/reflective-practice`, { action: 'START', on: '2021-10-01' });
    // Monday 4 October: the account is believed due within 5 working days, by Monday 11 October (◐).
    await psd.step(caseId, `${subject}/reflective-practice/notice`, { on: '2021-10-04', reasons: 'A disclosure made late.' });
    // The report cannot come before the review discussion.
    const report = {
      on: '2021-11-10',
      summary: 'A disclosure made late, discussed openly.',
      keyActions: 'Complete the disclosure course.',
      actionsDueOn: '2022-02-10',
      lessonsForOfficer: 'Disclose on the day.',
      lessonsForForce: 'Remind teams of the disclosure duty.',
      reviewPeriodEndsOn: '2022-05-10',
    };
    const early = await psd.step(caseId, `${subject}/reflective-practice/report`, report, 422);
    expect(early.body).toMatchObject({ rule: 'reflectiveStageOutOfOrder', confidence: 'PARTLY_CONFIRMED' });
    await psd.step(caseId, `${subject}/reflective-practice/account`, { on: '2021-10-08' });
    await psd.step(caseId, `${subject}/reflective-practice/fact-finding`, { on: '2021-10-20' });
    await psd.step(caseId, `${subject}/reflective-practice/discussion`, { on: '2021-11-01', joint: false });
    await psd.step(caseId, `${subject}/reflective-practice/report`, report);
    await psd.step(caseId, `${subject}/reflective-practice`, { action: 'COMPLETE', on: '2021-11-11' });
    expect(await stageOf(caseId)).toBe('CONCLUDED');

    // The PDR follow-up, due within 12 months of the report (reg 70), is overdue until recorded.
    const [pdrOwed] = await deadlinesOf(caseId, 'reflectivePdrFollowUp');
    expect(pdrOwed).toMatchObject({ dueOn: '2022-11-10', metOn: null, overdue: true, confidence: 'CONFIRMED' });
    const dashboard = await psd.read(`dashboards/dcc?force=${FORCE}`);
    expect(dashboard.status).toBe(200);
    const overdueHere = (dashboard.body.overdueDeadlines as { caseId: string; rule: string }[]).filter((deadline) => deadline.caseId === caseId);
    expect(overdueHere.map((deadline) => deadline.rule).sort()).toEqual(['reflectiveActionsReview', 'reflectivePdrFollowUp']);

    await psd.step(caseId, `${subject}/reflective-practice/actions-review`, { on: '2022-05-10', actionsCompleted: true });
    await psd.step(caseId, `${subject}/reflective-practice/pdr-follow-up`, { on: '2022-06-01' });
    expect(await deadlinesOf(caseId, 'reflectiveAccount')).toEqual([
      expect.objectContaining({ dueOn: '2021-10-11', metOn: '2021-10-08', outOfTime: false, confidence: 'PARTLY_CONFIRMED' }),
    ]);
    expect(await deadlinesOf(caseId, 'reflectiveActionsReview')).toEqual([
      expect.objectContaining({ dueOn: '2022-05-10', metOn: '2022-05-10', overdue: false }),
    ]);
    expect(await deadlinesOf(caseId, 'reflectivePdrFollowUp')).toEqual([expect.objectContaining({ dueOn: '2022-11-10', metOn: '2022-06-01', overdue: false })]);
    expect((await historyOf(caseId)).slice(-9)).toEqual([
      'ReflectivePracticeReviewStarted',
      'ReflectivePracticeNoticeGiven',
      'ReflectiveAccountGiven',
      'ReflectiveFactFindingCompleted',
      'ReflectiveReviewDiscussionHeld',
      'ReflectiveReviewReportAgreed',
      'ReflectivePracticeReviewCompleted',
      'ReflectiveActionsReviewed',
      'ReflectivePdrFollowUpHeld',
    ]);
  });

  it('sends a matter whose participant fails to engage back to the misconduct route, to be decided and heard', async () => {
    const { caseId, subject } = await decided('PRACTICE_REQUIRING_IMPROVEMENT');
    await psd.step(caseId, `${subject}/reflective-practice`, { action: 'START', on: '2021-10-01' });
    await psd.step(caseId, `${subject}/reflective-practice/notice`, { on: '2021-10-04', reasons: 'A disclosure made late.' });
    // Before the failure, a misconduct meeting is refused: the decision was practice requiring improvement.
    const meeting = { kind: 'MISCONDUCT_MEETING', noticeServedOn: '2021-11-01', scheduledFor: '2021-11-22' };
    expect((await psd.step(caseId, `${subject}/proceedings`, meeting, 422)).body.rule).toBe('proceedingsNeedCaseToAnswer');
    expect(await subjectStatusOf(caseId)).toMatchObject({ route: 'REFLECTIVE_PRACTICE', caseToAnswer: 'PRACTICE_REQUIRING_IMPROVEMENT' });
    await psd.step(caseId, `${subject}/reflective-practice/engagement-failure`, { on: '2021-10-20', referredTo: 'MISCONDUCT' });
    expect(await stageOf(caseId)).toBe('DECISION');
    expect(await subjectStatusOf(caseId)).toMatchObject({ route: 'MISCONDUCT', caseToAnswer: null });
    // The process has ended: no further stage of it.
    expect((await psd.step(caseId, `${subject}/reflective-practice/fact-finding`, { on: '2021-10-21' }, 422)).body.rule).toBe('reflectiveProcessNotOpen');
    // No account came within the window; it lapsed with the failure to engage.
    expect(await deadlinesOf(caseId, 'reflectiveAccount')).toEqual([
      expect.objectContaining({ dueOn: '2021-10-11', metOn: null, lapsedOn: '2021-10-20', overdue: false, confidence: 'PARTLY_CONFIRMED' }),
    ]);
    await psd.step(
      caseId,
      `${subject}/case-to-answer`,
      { decision: 'CASE_TO_ANSWER_MISCONDUCT', decidedBy: 'APPROPRIATE_AUTHORITY', on: '2021-10-25' },
      201,
      'APPROPRIATE_AUTHORITY',
    );
    await psd.step(caseId, `${subject}/proceedings`, meeting);
    expect(await stageOf(caseId)).toBe('PROCEEDINGS');
    expect((await historyOf(caseId)).slice(-5)).toEqual([
      'ReflectivePracticeReviewStarted',
      'ReflectivePracticeNoticeGiven',
      'ReflectivePracticeEngagementFailed',
      'CaseToAnswerDecided',
      'ProceedingsScheduled',
    ]);
  });

  it('pauses proceedings under reg 10, refusing their conclusion and holding their clock, until the pause ends', async () => {
    const { caseId, subject } = await decided('CASE_TO_ANSWER_MISCONDUCT');
    // Friday 1 October: a meeting believed due within 20 working days, by 29 October (✖).
    await psd.step(caseId, `${subject}/proceedings`, { kind: 'MISCONDUCT_MEETING', noticeServedOn: '2021-10-01', scheduledFor: '2021-11-15' });
    await psd.step(caseId, `${subject}/proceedings/pause`, { on: '2021-10-05', reason: 'A criminal trial is pending.' });
    expect(await subjectStatusOf(caseId)).toMatchObject({ pausedSince: '2021-10-05' });
    const outcome = {
      on: '2021-11-15',
      findings: [{ standard: 'CONFIDENTIALITY', proven: true, level: 'MISCONDUCT' }],
      outcome: 'WRITTEN_WARNING',
      formerOfficer: false,
      chair: 'SENIOR_OFFICER',
    };
    const refused = await psd.step(caseId, `${subject}/outcome`, outcome, 422);
    expect(refused.body).toMatchObject({ rule: 'proceedingsPausedUnderReg10', confidence: 'PARTLY_CONFIRMED' });
    expect(await deadlinesOf(caseId, 'misconductMeetingHeld')).toEqual([]);

    await psd.step(caseId, `${subject}/proceedings/resumption`, { on: '2021-10-15' });
    const [held] = await deadlinesOf(caseId, 'misconductMeetingHeld');
    expect(held).toMatchObject({ dueOn: '2021-11-08', confidence: 'UNCONFIRMED' });
    expect(held.assumption).toMatch(/paused under reg 10/);
    await psd.step(caseId, `${subject}/outcome`, outcome);
    expect((await historyOf(caseId)).slice(-4)).toEqual(['ProceedingsScheduled', 'ProceedingsPaused', 'ProceedingsResumed', 'ProceedingsConcluded']);
  });

  it('follows a dismissal under the Vetting Regulations with a barred-list entry on its own basis', async () => {
    const { caseId, subjectId } = await openCase('2025-06-02');
    const subject = `subjects/${subjectId}`;
    expect((await psd.step(caseId, `${subject}/vetting-referral`, { on: '2025-05-27' }, 422)).body.rule).toBe('vettingReferralNotInForce');
    await psd.step(caseId, `${subject}/vetting-referral`, { on: '2025-06-10' });
    expect((await psd.step(caseId, `${subject}/barred-list`, { on: '2025-06-11', basis: 'DISMISSED_VETTING' }, 422)).body.rule).toBe(
      'barredListNeedsDismissal',
    );
    // Tuesday 1 July 2025: the report is owed within 5 working days beginning with it, by Monday 7 July.
    await psd.step(caseId, `${subject}/vetting-outcome`, { on: '2025-07-01', outcome: 'DISMISSAL_WITHOUT_NOTICE' });
    expect(await stageOf(caseId)).toBe('CONCLUDED');
    expect((await psd.step(caseId, `${subject}/barred-list`, { on: '2025-07-03', basis: 'DISMISSED' }, 422)).body.rule).toBe('barredListBasisMustMatch');
    await psd.step(caseId, `${subject}/barred-list`, { on: '2025-07-03', basis: 'DISMISSED_VETTING' });
    // A review of the entry: no period found for a vetting dismissal, the conduct one's 5 years assumed (✖).
    expect(await subjectStatusOf(caseId)).toMatchObject({
      route: 'VETTING',
      barredList: true,
      barredListReviewFrom: expect.objectContaining({ on: '2030-07-03', confidence: 'UNCONFIRMED' }),
    });
    const [report] = await deadlinesOf(caseId, 'vettingBarredListReport');
    expect(report).toMatchObject({ dueOn: '2025-07-07', metOn: '2025-07-03', outOfTime: false, confidence: 'UNCONFIRMED' });
    expect(await historyOf(caseId)).toEqual([
      'ReferralReceived',
      'SubjectAdded',
      'ReferredToVettingRegulations',
      'VettingOutcomeRecorded',
      'BarredListEntryMade',
    ]);
  });
});
