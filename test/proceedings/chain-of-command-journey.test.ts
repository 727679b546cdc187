/**
 * Issue 16's first acceptance, as one case over real HTTP: a gross-misconduct case from its
 * allocation, through a report returned and then approved along the chain of command, a
 * case-to-answer decision and form of proceedings signed off, the reg 30 notice, a late reg 31
 * response (overdue, then met late), witness lists, the pre-hearing, the public notice, a
 * public hearing with an anonymity direction, the outcome, the officer's receipt of it and an
 * appeal in time. Its timeliness gives each clock its due day in working days over the
 * Christmas 2022 bank holidays; its history holds every step in order.
 */
import { randomUUID } from 'node:crypto';
import type { Role } from '../../src/http/roles';
import { referralBody, subjectBody } from '../cases/every-route';
import { post, serviceForThisFile } from '../cases/support';
import { clockOf, ProceedingsRecorder } from './support';

const FORCE = 'HAMPSHIRE';

describe('one gross-misconduct case along the chain of command, from allocation to an appeal in time', () => {
  const service = serviceForThisFile();
  let psd: ProceedingsRecorder;
  const caseId = randomUUID();
  const subjectId = randomUUID();
  const people = { investigator: randomUUID(), supervisor: randomUUID(), authority: randomUUID() };

  beforeAll(() => {
    psd = new ProceedingsRecorder(service.app, FORCE);
  });

  afterAll(() => jest.restoreAllMocks());

  /** POST as `role` (and `userId`); answered `expected`. */
  async function send(path: string, body: Record<string, unknown>, role: Role, userId?: string, expected = 201) {
    const response = await post(service.app, path, body, { role, userId, force: FORCE });
    expect({ path, status: response.status, body: response.body }).toMatchObject({ status: expected });
    if (response.status === 201) psd.position = String(response.headers['x-ledger-position']);
    return response;
  }
  const subject = (route: string) => `cases/${caseId}/subjects/${subjectId}/${route}`;

  it('records every step, refuses the ones out of turn naming their rule, and keeps every clock', async () => {
    await send('cases', referralBody(caseId, { force: FORCE, receivedOn: '2022-06-01' }), 'PSD_INVESTIGATOR');
    await send(`cases/${caseId}/subjects`, subjectBody(subjectId), 'PSD_INVESTIGATOR');
    await send(
      subject('severity-assessments'),
      { level: 'GROSS_MISCONDUCT', assessedBy: 'APPROPRIATE_AUTHORITY', rationale: 'Disclosure of logs.' },
      'PSD_INVESTIGATOR',
    );

    // Allocation: an investigator and a supervising officer, appointed by the authority.
    await send(`cases/${caseId}/appointments`, { investigatorId: people.investigator, role: 'INVESTIGATOR', on: '2022-06-02' }, 'APPROPRIATE_AUTHORITY');
    await send(`cases/${caseId}/appointments`, { investigatorId: people.supervisor, role: 'SUPERVISING_OFFICER', on: '2022-06-02' }, 'APPROPRIATE_AUTHORITY');
    await send(
      `cases/${caseId}/investigation`,
      { investigatorId: people.investigator, startedOn: '2022-06-03', termsOfReference: 'Audit and interviews.' },
      'PSD_INVESTIGATOR',
      people.investigator,
    );

    // The report returned with reasons, resubmitted, approved; only then does it go to the authority.
    const review = (on: string, result: string, reasons?: string) =>
      send(`cases/${caseId}/investigation-report/review`, { on, result, ...(reasons ? { reasons } : {}) }, 'PSD_INVESTIGATOR', people.supervisor);
    await send(`cases/${caseId}/investigation-report/review-submission`, { on: '2022-10-20' }, 'PSD_INVESTIGATOR', people.investigator);
    await review('2022-10-24', 'RETURNED', 'The interview of the second witness is missing.');
    const early = await send(`cases/${caseId}/investigation-report`, { on: '2022-10-25' }, 'PSD_INVESTIGATOR', people.investigator, 422);
    expect(early.body.rule).toBe('reportNeedsApproval');
    await send(`cases/${caseId}/investigation-report/review-submission`, { on: '2022-10-27' }, 'PSD_INVESTIGATOR', people.investigator);
    await review('2022-10-31', 'APPROVED');
    await send(`cases/${caseId}/investigation-report`, { on: '2022-11-01' }, 'PSD_INVESTIGATOR', people.investigator);

    // The case-to-answer decision and the form of proceedings, each signed off by a superintendent who did not investigate.
    await send(
      subject('case-to-answer'),
      { decision: 'CASE_TO_ANSWER_GROSS_MISCONDUCT', decidedBy: 'APPROPRIATE_AUTHORITY', on: '2022-11-15' },
      'APPROPRIATE_AUTHORITY',
    );
    const hearing = { kind: 'MISCONDUCT_HEARING', noticeServedOn: '2022-12-15', scheduledFor: '2023-02-20' };
    const unsigned = await send(subject('proceedings'), hearing, 'APPROPRIATE_AUTHORITY', undefined, 422);
    expect(unsigned.body.rule).toBe('proceedingsAwaitSignOff');
    const signOff = (decision: string, on: string, userId: string, expected = 201) =>
      send(subject('sign-off'), { decision, on, signerRank: 'SUPERINTENDENT' }, 'APPROPRIATE_AUTHORITY', userId, expected);
    expect((await signOff('CASE_TO_ANSWER', '2022-11-16', people.investigator, 422)).body.rule).toBe('signOffByInvestigator');
    await signOff('CASE_TO_ANSWER', '2022-11-16', people.authority);
    await send(subject('form-of-proceedings'), { form: 'MISCONDUCT_HEARING', on: '2022-11-17' }, 'APPROPRIATE_AUTHORITY');
    await signOff('FORM_OF_PROCEEDINGS', '2022-11-18', people.authority);

    // The proceedings, their reg 30 notice and a late reg 31 response.
    await send(subject('proceedings'), hearing, 'APPROPRIATE_AUTHORITY');
    await send(
      subject('referral-notice'),
      { on: '2022-12-15', documentsSuppliedOn: '2022-12-15', documents: ['NOTICE_OF_CONDUCT', 'OWN_STATEMENTS', 'INVESTIGATION_REPORT', 'RELEVANT_DOCUMENTS'] },
      'PSD_INVESTIGATOR',
    );
    // 15 working days from Thursday 15 December 2022 over Christmas, Boxing Day and New Year: Tuesday 10 January 2023.
    psd.today('2023-01-12');
    expect(clockOf(await psd.deadlines(caseId), 'officerResponse')).toMatchObject({ dueOn: '2023-01-10', metOn: null, overdue: true });
    await send(subject('response'), { on: '2023-01-13', position: 'DISPUTED' }, 'PSD_INVESTIGATOR');
    expect(clockOf(await psd.deadlines(caseId), 'officerResponse')).toMatchObject({
      dueOn: '2023-01-10',
      metOn: '2023-01-13',
      overdue: false,
      outOfTime: true,
    });

    for (const [route, body] of [
      ['witness-lists', { on: '2023-01-17', officerWitnesses: 2, authorityWitnesses: 4 }],
      ['documents-to-chair', { on: '2023-01-18' }],
      ['pre-hearing/date', { on: '2023-01-20', setFor: '2023-01-30' }],
      ['pre-hearing', { on: '2023-01-30' }],
      ['hearing/notice', { on: '2023-02-10', hearingOn: '2023-02-20' }],
      ['hearing/privacy', { on: '2023-02-10', inPublic: true }],
      ['hearing/directions', { on: '2023-02-20', direction: 'WITNESS_ANONYMITY', reason: 'The witness is a covert source.' }],
      [
        'outcome',
        {
          on: '2023-02-22',
          findings: [{ standard: 'CONFIDENTIALITY', proven: true, level: 'GROSS_MISCONDUCT' }],
          outcome: 'DISMISSAL_WITHOUT_NOTICE',
          formerOfficer: false,
          chair: 'LEGALLY_QUALIFIED_CHAIR',
        },
      ],
      ['written-outcome', { on: '2023-02-27' }],
      ['appeals', { action: 'LODGE', forum: 'POLICE_APPEALS_TRIBUNAL', on: '2023-03-08' }],
    ] as const)
      await send(subject(route), body, 'PSD_INVESTIGATOR');

    psd.today('2023-03-20');
    const deadlines = await psd.deadlines(caseId);
    const due = (rule: string) => {
      const { dueOn, metOn, outOfTime } = clockOf(deadlines, rule);
      return { dueOn, metOn, outOfTime };
    };
    expect(due('officerResponse')).toEqual({ dueOn: '2023-01-10', metOn: '2023-01-13', outOfTime: true });
    expect(due('witnessListExchange')).toEqual({ dueOn: '2023-01-18', metOn: '2023-01-17', outOfTime: false });
    expect(due('preHearingHeld')).toEqual({ dueOn: '2023-02-08', metOn: '2023-01-30', outOfTime: false });
    expect(due('hearingPublicNotice')).toEqual({ dueOn: '2023-02-13', metOn: '2023-02-10', outOfTime: false });
    expect(due('tribunalAppealWindow')).toEqual({ dueOn: '2023-03-13', metOn: '2023-03-08', outOfTime: false });

    expect(await psd.history(caseId)).toEqual([
      'ReferralReceived',
      'SubjectAdded',
      'SeverityAssessed',
      'InvestigatorAppointed',
      'InvestigatorAppointed',
      'InvestigationStarted',
      'InvestigationReportSubmittedForReview',
      'InvestigationReportReviewed',
      'InvestigationReportSubmittedForReview',
      'InvestigationReportReviewed',
      'InvestigationReportSubmitted',
      'CaseToAnswerDecided',
      'DecisionSignedOff',
      'FormOfProceedingsDecided',
      'DecisionSignedOff',
      'ProceedingsScheduled',
      'ReferralNoticeServed',
      'OfficerResponseGiven',
      'WitnessListsExchanged',
      'DocumentsSuppliedToChair',
      'PreHearingDateSet',
      'PreHearingHeld',
      'HearingNoticePublished',
      'HearingPrivacyDecided',
      'HearingDirectionGiven',
      'ProceedingsConcluded',
      'WrittenOutcomeReceived',
      'AppealLodged',
    ]);
  });
});
