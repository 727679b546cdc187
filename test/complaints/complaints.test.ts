/**
 * Complaints under Schedule 3 over HTTP (issue 15): four complaints from logging to their end,
 * with their history and clocks; then a set of complaints for one force whose IOPC figures are
 * worked out by hand below and read back from `GET /statistics/complaints`, JSON and CSV.
 */
import { randomUUID } from 'node:crypto';
import type { TestApp } from '../support/app';
import { startCasesApp } from '../cases/support';
import { referralBody, subjectBody } from '../cases/every-route';
import { ComplaintRecorder } from './support';

interface DeadlineRead {
  rule: string;
  dueOn: string;
  metOn: string | null;
  source: string;
  confidence: string;
}

describe('complaints over HTTP', () => {
  let app: TestApp;
  let hampshire: ComplaintRecorder;

  beforeAll(async () => {
    app = await startCasesApp();
    hampshire = new ComplaintRecorder(app, 'HAMPSHIRE');
  });

  afterAll(async () => {
    await app.close();
  });

  async function historyOf(caseId: string): Promise<string[]> {
    const response = await hampshire.read(`cases/${caseId}/history`);
    expect(response.status).toBe(200);
    return (response.body.events as { type: string }[]).map((event) => event.type);
  }

  async function deadlinesOf(caseId: string): Promise<DeadlineRead[]> {
    const response = await hampshire.read(`cases/${caseId}/timeliness`);
    expect(response.status).toBe(200);
    return response.body.deadlines as DeadlineRead[];
  }

  const clock = (deadlines: DeadlineRead[], rule: string) =>
    deadlines.filter((deadline) => deadline.rule === rule).map(({ dueOn, metOn, confidence }) => ({ dueOn, metOn, confidence }));

  it('runs a complaint handled outside Schedule 3 from logging to finalisation', async () => {
    const caseId = await hampshire.logged('2021-03-01', [{ category: 'DELIVERY_OF_DUTIES_AND_SERVICE', incidentOn: '2021-02-25' }]);
    await hampshire.contacted(caseId, '2021-03-03');
    await hampshire.handled(caseId, '2021-03-04', 'OUTSIDE_SCHEDULE_3');
    await hampshire.handledOtherwise(caseId, '2021-03-10', 'RESOLVED_TO_SATISFACTION');
    // Outside Schedule 3 there is no review: naming a review body is refused.
    const withReview = await hampshire.step(caseId, 'complaint/outcome', { on: '2021-03-11', reviewBody: 'IOPC' }, 422);
    expect(withReview.body.rule).toBe('reviewBodyExactlyUnderSchedule3');
    await hampshire.outcome(caseId, '2021-03-11');
    expect((await hampshire.read(`cases/${caseId}`)).body.stage).toBe('CONCLUDED');
    await hampshire.step(caseId, 'close', { on: '2021-03-12', reason: 'Resolved.' });

    expect(await historyOf(caseId)).toEqual([
      'ReferralReceived',
      'ComplaintLogged',
      'ComplainantContacted',
      'ComplaintHandlingDecided',
      'ComplaintHandledOtherwise',
      'ComplaintOutcomeNotified',
      'CaseClosed',
    ]);
    const deadlines = await deadlinesOf(caseId);
    expect(clock(deadlines, 'complainantContact')).toEqual([{ dueOn: '2021-03-15', metOn: '2021-03-03', confidence: 'UNCONFIRMED' }]);
    expect(clock(deadlines, 'complaintHandlingDecision')).toEqual([{ dueOn: '2021-03-15', metOn: '2021-03-04', confidence: 'UNCONFIRMED' }]);
    expect(clock(deadlines, 'complaintReviewWindow')).toEqual([]);
    expect(deadlines.find((deadline) => deadline.rule === 'complainantContact')?.source).toMatch(/Sch 3 para 2\(6\)/);
  });

  it('refuses protected characteristics that are not the coded ones (400), so every one given can be counted', async () => {
    const caseId = randomUUID();
    await hampshire.step(caseId, '', referralBody(caseId, { caseType: 'COMPLAINT', source: 'PUBLIC_COMPLAINT' }));
    const allegations = [{ allegationId: randomUUID(), category: 'OTHER', incidentOn: '2021-02-25' }];
    const body = { loggedOn: '2021-03-01', anonymous: false, complainantDetails: 'D. Etails', allegations };
    await hampshire.step(caseId, 'complaint', { ...body, protectedCharacteristics: 'a woman in her thirties' }, 400);
    await hampshire.step(caseId, 'complaint', { ...body, protectedCharacteristics: JSON.stringify({ gender: 'FEMALE', shoeSize: '6' }) }, 400);
    await hampshire.step(caseId, 'complaint', { ...body, protectedCharacteristics: JSON.stringify({ gender: 'FEMALE' }) });
  });

  it('runs a recorded complaint through investigation, a misconduct meeting for one subject and an outcome, to an IOPC review upheld', async () => {
    const caseId = await hampshire.logged('2021-03-01', [{ category: 'USE_OF_FORCE', incidentOn: '2021-02-27' }]);
    const subjectId = randomUUID();
    await hampshire.contacted(caseId, '2021-03-02');
    // Investigating a complaint not recorded under Schedule 3 is refused.
    const early = await hampshire.step(
      caseId,
      'investigation',
      { investigatorId: randomUUID(), startedOn: '2021-03-05', termsOfReference: 'Review footage.' },
      422,
    );
    expect(early.body.rule).toBe('investigationNeedsRecordedComplaint');
    await hampshire.handled(caseId, '2021-03-03', 'RECORDED_UNDER_SCHEDULE_3');
    await hampshire.step(caseId, 'subjects', subjectBody(subjectId));
    const subject = `subjects/${subjectId}`;
    await hampshire.step(caseId, `${subject}/severity-assessments`, {
      level: 'MISCONDUCT',
      assessedBy: 'APPROPRIATE_AUTHORITY',
      rationale: 'Force used on arrest.',
    });
    await hampshire.step(caseId, 'investigation', { investigatorId: randomUUID(), startedOn: '2021-03-08', termsOfReference: 'Review footage.' });
    await hampshire.step(caseId, `${subject}/notices`, { servedOn: '2021-03-10' });
    await hampshire.step(caseId, 'investigation-report', { on: '2021-06-01' });
    await hampshire.step(caseId, `${subject}/case-to-answer`, { decision: 'CASE_TO_ANSWER_MISCONDUCT', decidedBy: 'APPROPRIATE_AUTHORITY', on: '2021-06-10' });
    await hampshire.step(caseId, `${subject}/proceedings`, { kind: 'MISCONDUCT_MEETING', noticeServedOn: '2021-06-15', scheduledFor: '2021-07-01' });
    await hampshire.step(caseId, `${subject}/outcome`, {
      on: '2021-07-01',
      findings: [{ standard: 'USE_OF_FORCE', proven: true, level: 'MISCONDUCT' }],
      outcome: 'WRITTEN_WARNING',
      formerOfficer: false,
      chair: 'SENIOR_OFFICER',
    });
    await hampshire.outcome(caseId, '2021-07-05', 'IOPC');
    await hampshire.reviewed(caseId, '2021-07-20', '2021-08-30', 'UPHELD');

    const history = await historyOf(caseId);
    expect(history.slice(-6)).toEqual([
      'CaseToAnswerDecided',
      'ProceedingsScheduled',
      'ProceedingsConcluded',
      'ComplaintOutcomeNotified',
      'ComplaintReviewApplied',
      'ComplaintReviewDecided',
    ]);
    const deadlines = await deadlinesOf(caseId);
    // 28 days starting the day after the outcome (5 July): 6 July to 2 August.
    expect(clock(deadlines, 'complaintReviewWindow')).toEqual([{ dueOn: '2021-08-02', metOn: '2021-07-20', confidence: 'CONFIRMED' }]);
    const status = await hampshire.read(`cases/${caseId}`);
    expect({ status: status.status, stage: status.body.stage }).toEqual({ status: 200, stage: 'CONCLUDED' });
  });

  it('takes the withdrawal of a complaint, after which its outcome can no longer be given', async () => {
    const caseId = await hampshire.logged('2021-04-01', [{ category: 'INDIVIDUAL_BEHAVIOURS', incidentOn: '2021-03-30' }]);
    await hampshire.contacted(caseId, '2021-04-06');
    await hampshire.handled(caseId, '2021-04-07', 'RECORDED_UNDER_SCHEDULE_3');
    await hampshire.step(caseId, 'complaint/withdrawal', { on: '2021-04-09', directorGeneralNotified: false });
    const after = await hampshire.step(caseId, 'complaint/handled-otherwise', { on: '2021-04-12', outcome: 'NO_FURTHER_ACTION' }, 422);
    expect(after.body.rule).toBe('complaintFinalised');
    await hampshire.step(caseId, 'close', { on: '2021-04-12', reason: 'Withdrawn.' });
    expect(await historyOf(caseId)).toEqual(expect.arrayContaining(['ComplaintWithdrawn', 'CaseClosed']));
  });

  it('refuses closing a complaint that must be referred, naming the criterion, until its referral is recorded', async () => {
    const caseId = await hampshire.logged('2021-05-04', [{ category: 'USE_OF_FORCE', incidentOn: '2021-05-01' }]);
    await hampshire.step(caseId, 'referral-criteria', { on: '2021-05-04', criteria: ['SERIOUS_ASSAULT'] });
    await hampshire.contacted(caseId, '2021-05-05');
    const informally = await hampshire.handled(caseId, '2021-05-06', 'OUTSIDE_SCHEDULE_3', 422);
    expect(informally.body.rule).toBe('mustRecordOnSchedule3Grounds');
    await hampshire.handled(caseId, '2021-05-06', 'RECORDED_UNDER_SCHEDULE_3');
    const closing = { on: '2021-05-07', reason: 'No further action.' };
    const refused = await hampshire.step(caseId, 'close', closing, 422);
    expect(refused.body).toMatchObject({ rule: 'mandatoryReferralNotRecorded' });
    expect(refused.body.detail).toMatch(/SERIOUS_ASSAULT/);
    const handledRefused = await hampshire.handledOtherwise(caseId, '2021-05-07', 'NO_FURTHER_ACTION', 422);
    expect(handledRefused.body.rule).toBe('mandatoryReferralNotRecorded');

    await hampshire.step(caseId, 'iopc-referral', { criteria: ['SERIOUS_ASSAULT'], mandatory: true, referredOn: '2021-05-07' });
    await hampshire.step(caseId, 'iopc-decision', { mode: 'RETURNED_TO_FORCE', decidedOn: '2021-05-20' });
    await hampshire.handledOtherwise(caseId, '2021-05-24', 'EXPLANATION_OR_APOLOGY');
    await hampshire.outcome(caseId, '2021-05-25', 'LOCAL_POLICING_BODY');
    await hampshire.step(caseId, 'close', { on: '2021-05-26', reason: 'Finalised.' });
    expect((await historyOf(caseId)).slice(-5)).toEqual([
      'ReferredToIopc',
      'IopcDecisionRecorded',
      'ComplaintHandledOtherwise',
      'ComplaintOutcomeNotified',
      'CaseClosed',
    ]);
  });

  it('records a conduct matter under Schedule 3 and a complaint that revealed it, each a step in its history, and owes the recordable matter C&M reg 13 reports to the LPB and the Director General', async () => {
    const complaintId = await hampshire.logged('2021-06-01', [{ category: 'DISCREDITABLE_CONDUCT', incidentOn: '2021-05-28' }]);
    const conductId = randomUUID();
    await hampshire.step(conductId, '', referralBody(conductId, { force: 'HAMPSHIRE', receivedOn: '2021-06-03' }));
    await hampshire.step(complaintId, 'complaint/revealed-conduct-matters', { on: '2021-06-03', conductMatterCaseId: conductId });
    const self = await hampshire.step(complaintId, 'complaint/revealed-conduct-matters', { on: '2021-06-03', conductMatterCaseId: complaintId }, 422);
    expect(self.body.rule).toBe('conductMatterIsAnotherCase');
    const onComplaint = await hampshire.step(complaintId, 'conduct-matter/recording', { on: '2021-06-04', grounds: [] }, 422);
    expect(onComplaint.body.rule).toBe('recordingNeedsConductMatter');

    await hampshire.step(conductId, 'conduct-matter/recording', { on: '2021-06-04', grounds: ['SERIOUS_CORRUPTION'] });
    const twice = await hampshire.step(conductId, 'conduct-matter/recording', { on: '2021-06-05', grounds: [] }, 409);
    expect(twice.body.rule).toBe('conductMatterAlreadyRecorded');
    await hampshire.step(conductId, 'iopc-referral', { criteria: ['SERIOUS_CORRUPTION'], mandatory: true, referredOn: '2021-06-05' });
    await hampshire.step(conductId, 'iopc-decision', { mode: 'RETURNED_TO_FORCE', decidedOn: '2021-06-10' });
    await hampshire.step(conductId, 'investigation', { investigatorId: randomUUID(), startedOn: '2021-06-14', termsOfReference: 'Interviews.' });
    await hampshire.step(conductId, 'progress-reports', { to: 'LOCAL_POLICING_BODY', on: '2022-06-03', kind: 'TWELVE_MONTH' });
    // Only the LPB has had it: C&M reg 13 owes it to the Director General as well.
    expect(clock(await deadlinesOf(conductId), 'twelveMonthReport')).toEqual([{ dueOn: '2022-06-03', metOn: null, confidence: 'CONFIRMED' }]);
    await hampshire.step(conductId, 'progress-reports', { to: 'IOPC', on: '2022-06-06', kind: 'TWELVE_MONTH' });
    expect(clock(await deadlinesOf(conductId), 'twelveMonthReport')).toEqual([{ dueOn: '2022-06-03', metOn: '2022-06-06', confidence: 'CONFIRMED' }]);
    expect(await historyOf(conductId)).toEqual(
      expect.arrayContaining(['ReferralReceived', 'ConductMatterRecorded', 'ReferredToIopc', 'InvestigationStarted', 'ProgressReportSent']),
    );
    expect(await historyOf(complaintId)).toContain('ConductMatterRevealed');
  });

  describe('the IOPC complaints statistics of one force', () => {
    const FORCE = 'DORSET';
    let dorset: ComplaintRecorder;

    beforeAll(async () => {
      dorset = new ComplaintRecorder(app, FORCE);
      // 1. Informal: logged Mon 3 Oct 2022, two allegations; contacted in 2 working days; outcome 14 Oct (9 working days).
      const one = await dorset.logged(
        '2022-10-03',
        [
          { category: 'DELIVERY_OF_DUTIES_AND_SERVICE', incidentOn: '2022-09-30' },
          { category: 'DELIVERY_OF_DUTIES_AND_SERVICE', incidentOn: '2022-09-30' },
        ],
        { characteristics: { gender: 'FEMALE', ageBand: '25_34', ethnicity: 'WHITE', disability: 'NOT_DISABLED' } },
      );
      await dorset.contacted(one, '2022-10-05');
      await dorset.handled(one, '2022-10-06', 'OUTSIDE_SCHEDULE_3');
      await dorset.handledOtherwise(one, '2022-10-10', 'RESOLVED_TO_SATISFACTION');
      await dorset.outcome(one, '2022-10-14');
      // 2. Informal: logged Tue 4 Oct; contacted Mon 10 Oct (4 working days); outcome Mon 24 Oct (14 working days).
      const two = await dorset.logged('2022-10-04', [{ category: 'INDIVIDUAL_BEHAVIOURS', incidentOn: '2022-10-01' }]);
      await dorset.contacted(two, '2022-10-10');
      await dorset.handled(two, '2022-10-11', 'OUTSIDE_SCHEDULE_3');
      await dorset.handledOtherwise(two, '2022-10-17', 'EXPLANATION_OR_APOLOGY');
      await dorset.outcome(two, '2022-10-24');
      // 3. Recorded, otherwise than by investigation: contacted in 3 working days; outcome Mon 31 Oct
      //    (20 working days) naming the LPB, whose review is not upheld.
      const three = await dorset.logged('2022-10-03', [
        { category: 'POLICE_POWERS_POLICIES_AND_PROCEDURES', incidentOn: '2022-09-29' },
        { category: 'DISCRIMINATORY_BEHAVIOURS', incidentOn: '2022-09-29' },
      ]);
      await dorset.contacted(three, '2022-10-06');
      await dorset.handled(three, '2022-10-07', 'RECORDED_UNDER_SCHEDULE_3');
      await dorset.handledOtherwise(three, '2022-10-20', 'LEARNING');
      await dorset.outcome(three, '2022-10-31', 'LOCAL_POLICING_BODY');
      await dorset.reviewed(three, '2022-11-07', '2022-11-21', 'NOT_UPHELD');
      // 4. Recorded, local investigation: contacted in 1 working day; outcome Thu 1 Dec (43 working
      //    days: 4 in the week of 3 October, 16 more in October, 22 in November, 1 December) naming
      //    the IOPC, whose review is upheld (the complaint stays finalised once, on 1 December).
      const four = await dorset.logged('2022-10-03', [
        { category: 'USE_OF_FORCE', incidentOn: '2022-10-02' },
        { category: 'POLICE_POWERS_POLICIES_AND_PROCEDURES', incidentOn: '2022-10-02' },
      ]);
      await dorset.contacted(four, '2022-10-04');
      await dorset.handled(four, '2022-10-05', 'RECORDED_UNDER_SCHEDULE_3');
      await dorset.step(four, 'investigation', { investigatorId: randomUUID(), startedOn: '2022-10-10', termsOfReference: 'Interviews.' });
      // Its handling suspended Mon 7 to Mon 14 November: 5 working days (8-11 and 14 November).
      await dorset.step(four, 'complaint/suspension', { on: '2022-11-07' });
      await dorset.step(four, 'complaint/resumption', { on: '2022-11-14' });
      await dorset.step(four, 'investigation-report', { on: '2022-11-30' });
      await dorset.outcome(four, '2022-12-01', 'IOPC');
      await dorset.reviewed(four, '2022-12-05', '2023-01-16', 'UPHELD');
      // 5. Recorded, then withdrawn: contacted in 1 working day.
      const five = await dorset.logged('2022-10-04', [{ category: 'DISCREDITABLE_CONDUCT', incidentOn: '2022-10-03' }]);
      await dorset.contacted(five, '2022-10-05');
      await dorset.handled(five, '2022-10-06', 'RECORDED_UNDER_SCHEDULE_3');
      await dorset.step(five, 'complaint/withdrawal', { on: '2022-10-12', directorGeneralNotified: false });
      // 6. Anonymous: no contact; handled outside Schedule 3, not yet finalised.
      const six = await dorset.logged('2022-10-05', [{ category: 'DELIVERY_OF_DUTIES_AND_SERVICE', incidentOn: '2022-10-04' }], { anonymous: true });
      await dorset.handled(six, '2022-10-06', 'OUTSIDE_SCHEDULE_3');
      // Outside the period (all before 1 April 2022), and a conduct matter: not counted.
      const before = await dorset.logged('2022-03-28', [{ category: 'OTHER', incidentOn: '2022-03-25' }]);
      await dorset.contacted(before, '2022-03-29');
      await dorset.handled(before, '2022-03-30', 'OUTSIDE_SCHEDULE_3');
      await dorset.handledOtherwise(before, '2022-03-30', 'NO_FURTHER_ACTION');
      await dorset.outcome(before, '2022-03-31');
      const conduct = randomUUID();
      await dorset.step(conduct, '', referralBody(conduct, { force: FORCE, receivedOn: '2022-10-03' }));
      // Who was complained about: one subject on each of cases 1-5, male and 35-44, three white and
      // two Asian; case 6's subject gave none; the conduct matter's subject is not a complaint's.
      const subjectOf = (caseId: string, characteristics?: Record<string, string>) =>
        dorset.step(
          caseId,
          'subjects',
          subjectBody(randomUUID(), characteristics === undefined ? {} : { protectedCharacteristics: JSON.stringify(characteristics) }),
        );
      for (const [caseId, ethnicity] of [
        [one, 'WHITE'],
        [two, 'WHITE'],
        [three, 'WHITE'],
        [four, 'ASIAN'],
        [five, 'ASIAN'],
      ])
        await subjectOf(caseId, { gender: 'MALE', ageBand: '35_44', ethnicity });
      await subjectOf(six);
      await subjectOf(conduct, { gender: 'FEMALE' });
    });

    // By hand, 1 April 2022 to 31 March 2023:
    // logged: cases 1-6 = 6; allegations 2+1+2+2+1+1 = 9.
    // contact: cases 1-5 (6 is anonymous): 2, 4, 3, 1, 1 working days = 11 / 5 = 2.2.
    // handling: recorded 3, 4, 5 = 3; outside 1, 2, 6 = 3.
    // finalised: 1 (informal, 9), 2 (informal, 14), 3 (otherwise, 20), 4 (local investigation, 43):
    //   4 cases, 86 / 4 = 21.5; informally 2, 23 / 2 = 11.5; formally 2, 63 / 2 = 31.5.
    //   Excluding case 4's 5 suspended working days (43 - 5 = 38): 81 / 4 = 20.25, to one place 20.3;
    //   informally 11.5 (no suspension); formally 58 / 2 = 29; local investigation 38.
    // categories of 9: delivery 3 (33.3%), powers 2 (22.2%), individual, discriminatory, use of force,
    //   discreditable 1 each (11.1%).
    // reviews: applied 2, decided 2, upheld 1 = 50%; LPB 1 decided, 0 upheld; IOPC 1 decided, 1 upheld.
    // complainants: 1-5 gave their characteristics (6 is anonymous): 1 female, white; 2-5 male, black;
    //   all 25-34 and not disabled. Counts of 1 to 4 are withheld (null): 5 of 25-34 and not disabled show.
    // subjects: 5 gave theirs (6's did not): 5 male and 35-44 show; 3 white and 2 Asian are withheld.
    const expected = {
      force: FORCE,
      from: '2022-04-01',
      to: '2023-03-31',
      casesLogged: 6,
      allegationsLogged: 9,
      contact: { cases: 5, averageWorkingDays: 2.2 },
      handling: { recordedUnderSchedule3: 3, handledOutsideSchedule3: 3 },
      finalised: {
        total: { cases: 4, averageWorkingDays: 21.5, averageWorkingDaysExcludingSuspension: 20.3 },
        informally: { cases: 2, averageWorkingDays: 11.5, averageWorkingDaysExcludingSuspension: 11.5 },
        formally: { cases: 2, averageWorkingDays: 31.5, averageWorkingDaysExcludingSuspension: 29 },
        byRoute: {
          OUTSIDE_SCHEDULE_3: { cases: 2, averageWorkingDays: 11.5, averageWorkingDaysExcludingSuspension: 11.5 },
          LOCAL_INVESTIGATION: { cases: 1, averageWorkingDays: 43, averageWorkingDaysExcludingSuspension: 38 },
          IOPC_INVESTIGATION: { cases: 0, averageWorkingDays: null, averageWorkingDaysExcludingSuspension: null },
          OTHERWISE_THAN_BY_INVESTIGATION: { cases: 1, averageWorkingDays: 20, averageWorkingDaysExcludingSuspension: 20 },
        },
      },
      allegationCategories: {
        DELIVERY_OF_DUTIES_AND_SERVICE: { allegations: 3, percent: 33.3, confidence: 'CONFIRMED' },
        POLICE_POWERS_POLICIES_AND_PROCEDURES: { allegations: 2, percent: 22.2, confidence: 'CONFIRMED' },
        INDIVIDUAL_BEHAVIOURS: { allegations: 1, percent: 11.1, confidence: 'CONFIRMED' },
        DISCRIMINATORY_BEHAVIOURS: { allegations: 1, percent: 11.1, confidence: 'CONFIRMED' },
        DISCREDITABLE_CONDUCT: { allegations: 1, percent: 11.1, confidence: 'CONFIRMED' },
        ABUSE_OF_POSITION_CORRUPTION: { allegations: 0, percent: 0, confidence: 'UNCONFIRMED' },
        SEXUAL_CONDUCT: { allegations: 0, percent: 0, confidence: 'UNCONFIRMED' },
        ACCESS_AND_DISCLOSURE_OF_INFORMATION: { allegations: 0, percent: 0, confidence: 'UNCONFIRMED' },
        HANDLING_OF_PROPERTY: { allegations: 0, percent: 0, confidence: 'UNCONFIRMED' },
        USE_OF_FORCE: { allegations: 1, percent: 11.1, confidence: 'UNCONFIRMED' },
        OTHER: { allegations: 0, percent: 0, confidence: 'UNCONFIRMED' },
      },
      handlingOutcomes: {
        OUTSIDE_SCHEDULE_3: {
          RESOLVED_TO_SATISFACTION: 1,
          EXPLANATION_OR_APOLOGY: 1,
          LEARNING: 0,
          REFLECTIVE_PRACTICE: 0,
          SERVICE_RECOVERY: 0,
          NO_FURTHER_ACTION: 0,
        },
        RECORDED_UNDER_SCHEDULE_3: {
          RESOLVED_TO_SATISFACTION: 0,
          EXPLANATION_OR_APOLOGY: 0,
          LEARNING: 1,
          REFLECTIVE_PRACTICE: 0,
          SERVICE_RECOVERY: 0,
          NO_FURTHER_ACTION: 0,
        },
      },
      withdrawn: 1,
      exceptionsApplied: 0,
      reviews: {
        applied: 2,
        decided: 2,
        upheld: 1,
        upheldPercent: 50,
        byReviewBody: {
          LOCAL_POLICING_BODY: { applied: 1, decided: 1, upheld: 0, upheldPercent: 0 },
          IOPC: { applied: 1, decided: 1, upheld: 1, upheldPercent: 100 },
        },
      },
      complainants: {
        suppressedBelow: 5,
        confidence: 'UNCONFIRMED',
        given: 5,
        notGiven: 1,
        gender: { FEMALE: null, MALE: null, OTHER: 0 },
        ageBand: { UNDER_18: 0, '18_24': 0, '25_34': 5, '35_44': 0, '45_54': 0, '55_64': 0, '65_AND_OVER': 0 },
        ethnicity: { ASIAN: 0, BLACK: null, MIXED: 0, WHITE: null, OTHER: 0 },
        disability: { DISABLED: 0, NOT_DISABLED: 5 },
      },
      subjects: {
        suppressedBelow: 5,
        confidence: 'UNCONFIRMED',
        given: 5,
        notGiven: 1,
        gender: { FEMALE: 0, MALE: 5, OTHER: 0 },
        ageBand: { UNDER_18: 0, '18_24': 0, '25_34': 0, '35_44': 5, '45_54': 0, '55_64': 0, '65_AND_OVER': 0 },
        ethnicity: { ASIAN: null, BLACK: 0, MIXED: 0, WHITE: null, OTHER: 0 },
        disability: { DISABLED: 0, NOT_DISABLED: 0 },
      },
    };

    it('reproduces the figures worked out by hand, in JSON', async () => {
      const response = await dorset.read(`statistics/complaints?force=${FORCE}&from=2022-04-01&to=2023-03-31`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual(expected);
    });

    it('reproduces them in CSV, one metric a line', async () => {
      const response = await dorset.read(`statistics/complaints?force=${FORCE}&from=2022-04-01&to=2023-03-31`, { accept: 'text/csv' });
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      const lines = response.text.trim().split('\r\n');
      expect(lines[0]).toBe('metric,value');
      expect(lines).toEqual(
        expect.arrayContaining([
          'casesLogged,6',
          'allegationsLogged,9',
          'contact.averageWorkingDays,2.2',
          'handling.recordedUnderSchedule3,3',
          'handling.handledOutsideSchedule3,3',
          'finalised.total.cases,4',
          'finalised.total.averageWorkingDays,21.5',
          'finalised.informally.averageWorkingDays,11.5',
          'finalised.formally.averageWorkingDays,31.5',
          'finalised.byRoute.LOCAL_INVESTIGATION.averageWorkingDays,43',
          'finalised.byRoute.LOCAL_INVESTIGATION.averageWorkingDaysExcludingSuspension,38',
          'finalised.formally.averageWorkingDaysExcludingSuspension,29',
          'finalised.byRoute.IOPC_INVESTIGATION.averageWorkingDays,',
          'allegationCategories.DELIVERY_OF_DUTIES_AND_SERVICE.percent,33.3',
          'withdrawn,1',
          'reviews.upheldPercent,50',
          'reviews.byReviewBody.IOPC.upheld,1',
          'complainants.gender.MALE,',
          'complainants.ageBand.25_34,5',
          'subjects.gender.MALE,5',
          'subjects.ethnicity.WHITE,',
        ]),
      );
    });

    it('counts a period by the day each fact happened: October 2022 alone has the logging but not the reviews decided later', async () => {
      const response = await dorset.read(`statistics/complaints?force=${FORCE}&from=2022-10-01&to=2022-10-31`);
      expect(response.body).toMatchObject({
        casesLogged: 6,
        finalised: { total: { cases: 3, averageWorkingDays: 14.3 } },
        reviews: { applied: 0, decided: 0, upheldPercent: null },
      });
    });

    it("refuses another force's figures to a reader of one force", async () => {
      const response = await hampshire.read(`statistics/complaints?force=${FORCE}&from=2022-04-01&to=2023-03-31`);
      expect(response.status).toBe(403);
    });
  });
});
