/**
 * Issue 16, points 3 and 4, over real HTTP: a gross-misconduct case from the case-to-answer
 * decision through the reg 30 notice, a late reg 31 response (overdue, then met late), witness
 * lists, the pre-hearing, the public notice and a public hearing with an anonymity direction, to
 * the outcome, the officer's receipt of it and an appeal in time. Its timeliness lists each clock
 * with its due day, counted in working days over the Christmas 2022 bank holidays, and its
 * history every step.
 */
import { serviceForThisFile } from '../cases/support';
import { clockOf, ProceedingsRecorder } from './support';

describe('the steps before a hearing, and the hearing in public', () => {
  const service = serviceForThisFile();
  let psd: ProceedingsRecorder;

  beforeAll(() => {
    psd = new ProceedingsRecorder(service.app);
  });

  it('runs a gross-misconduct case from the notice of referral to an appeal in time, with every clock', async () => {
    const { caseId, subjectId } = await psd.caseToAnswer({
      level: 'GROSS_MISCONDUCT',
      receivedOn: '2022-06-01',
      reportOn: '2022-11-01',
      decidedOn: '2022-11-15',
    });
    const step = (route: string, body: Record<string, unknown>, expected = 201) => psd.subjectStep(caseId, subjectId, route, body, expected);

    // A response before any notice is refused, naming the rule.
    const early = await step('response', { on: '2022-12-01', position: 'DISPUTED' }, 422);
    expect(early.body.rule).toBe('responseNeedsReferralNotice');

    await step('proceedings', { kind: 'MISCONDUCT_HEARING', noticeServedOn: '2022-12-15', scheduledFor: '2023-02-20' });
    await step('referral-notice', {
      on: '2022-12-15',
      documentsSuppliedOn: '2022-12-15',
      documents: ['NOTICE_OF_CONDUCT', 'OWN_STATEMENTS', 'INVESTIGATION_REPORT', 'RELEVANT_DOCUMENTS'],
    });

    // 15 working days from Thursday 15 December 2022, over Christmas (Monday 26th), Boxing Day
    // (Tuesday 27th) and New Year (Monday 2 January): due Tuesday 10 January 2023.
    psd.today('2023-01-12');
    const waiting = clockOf(await psd.deadlines(caseId), 'officerResponse');
    expect(waiting).toMatchObject({ startsOn: '2022-12-15', dueOn: '2023-01-10', metOn: null, overdue: true, outOfTime: false, confidence: 'CONFIRMED' });
    expect(waiting.source).toMatch(/reg 31\(1\)/);
    expect(waiting.unconfirmed).toBeUndefined();

    await step('response', { on: '2023-01-13', position: 'DISPUTED' });
    expect(clockOf(await psd.deadlines(caseId), 'officerResponse')).toMatchObject({
      dueOn: '2023-01-10',
      metOn: '2023-01-13',
      overdue: false,
      outOfTime: true,
    });

    await step('witness-lists', { on: '2023-01-17', officerWitnesses: 2, authorityWitnesses: 4 });
    await step('documents-to-chair', { on: '2023-01-18' });
    await step('pre-hearing/date', { on: '2023-01-20', setFor: '2023-01-30' });
    await step('pre-hearing', { on: '2023-01-30' });
    await step('hearing/notice', { on: '2023-02-10', hearingOn: '2023-02-20' });
    await step('hearing/privacy', { on: '2023-02-10', inPublic: true });
    await step('hearing/directions', { on: '2023-02-20', direction: 'WITNESS_ANONYMITY', reason: 'The witness is a covert source.' });
    await step('hearing/attendance', { on: '2023-02-20', attendee: 'COMPLAINANT', attendees: 1 });
    await step('outcome', {
      on: '2023-02-22',
      findings: [{ standard: 'CONFIDENTIALITY', proven: true, level: 'GROSS_MISCONDUCT' }],
      outcome: 'DISMISSAL_WITHOUT_NOTICE',
      formerOfficer: false,
      chair: 'LEGALLY_QUALIFIED_CHAIR',
    });
    await step('hearing/outcome-publication', { on: '2023-02-24' });
    await step('hearing/verbatim-record', { on: '2023-02-24', documentReference: 'TRANSCRIPT-2023-0042' });
    await step('written-outcome', { on: '2023-02-27' });
    await step('appeals', { action: 'LODGE', forum: 'POLICE_APPEALS_TRIBUNAL', on: '2023-03-08' });

    psd.today('2023-03-20');
    const deadlines = await psd.deadlines(caseId);
    const read = (rule: string) => {
      const { startsOn, dueOn, metOn, overdue, outOfTime, confidence } = clockOf(deadlines, rule);
      return { startsOn, dueOn, metOn, overdue, outOfTime, confidence };
    };
    expect(read('officerResponse')).toEqual({
      startsOn: '2022-12-15',
      dueOn: '2023-01-10',
      metOn: '2023-01-13',
      overdue: false,
      outOfTime: true,
      confidence: 'CONFIRMED',
    });
    // reg 31(4): 3 working days from Friday 13 January.
    expect(read('witnessListExchange')).toEqual({
      startsOn: '2023-01-13',
      dueOn: '2023-01-18',
      metOn: '2023-01-17',
      overdue: false,
      outOfTime: false,
      confidence: 'CONFIRMED',
    });
    // reg 33(1): 15 working days from the documents to the chair.
    expect(read('preHearingHeld')).toEqual({
      startsOn: '2023-01-18',
      dueOn: '2023-02-08',
      metOn: '2023-01-30',
      overdue: false,
      outOfTime: false,
      confidence: 'CONFIRMED',
    });
    // reg 36 (✖): believed at least 5 working days before the hearing of Monday 20 February.
    expect(read('hearingPublicNotice')).toEqual({
      startsOn: '2022-12-15',
      dueOn: '2023-02-13',
      metOn: '2023-02-10',
      overdue: false,
      outOfTime: false,
      confidence: 'UNCONFIRMED',
    });
    expect(clockOf(deadlines, 'hearingPublicNotice').unconfirmed).toMatch(/unconfirmed/);
    // The tribunal appeal window (✖ 10 working days) runs from the officer's receipt of the written outcome.
    expect(read('tribunalAppealWindow')).toEqual({
      startsOn: '2023-02-27',
      dueOn: '2023-03-13',
      metOn: '2023-03-08',
      overdue: false,
      outOfTime: false,
      confidence: 'UNCONFIRMED',
    });
    expect(clockOf(deadlines, 'tribunalAppealWindow').unconfirmed).toMatch(/unconfirmed/);

    expect(await psd.history(caseId)).toEqual([
      'ReferralReceived',
      'SubjectAdded',
      'SeverityAssessed',
      'InvestigationStarted',
      'InvestigationReportSubmitted',
      'CaseToAnswerDecided',
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
      'HearingAttendanceRecorded',
      'ProceedingsConcluded',
      'HearingOutcomePublished',
      'VerbatimRecordKept',
      'WrittenOutcomeReceived',
      'AppealLodged',
    ]);
  });

  it('records an extension, an adjournment, and an objection upheld with the accelerated hearing re-dated 10 to 15 working days on', async () => {
    const { caseId, subjectId } = await psd.caseToAnswer({
      level: 'GROSS_MISCONDUCT',
      receivedOn: '2021-06-01',
      reportOn: '2021-09-01',
      decidedOn: '2021-09-15',
    });
    const step = (route: string, body: Record<string, unknown>, expected = 201) => psd.subjectStep(caseId, subjectId, route, body, expected);
    await step('special-conditions', { on: '2021-09-20' });
    await step('proceedings', { kind: 'ACCELERATED_HEARING', noticeServedOn: '2021-09-22', scheduledFor: '2021-10-08' });
    await step('accelerated-response', { on: '2021-09-28', acceptsGrossMisconduct: false });
    // A private hearing without its reason is refused.
    expect((await step('hearing/privacy', { on: '2021-09-28', inPublic: false }, 422)).body.rule).toBe('privateHearingNeedsReason');
    await step('panel-objections', { on: '2021-09-29', member: 'CHAIR' });
    await step('panel-objections/determination', { on: '2021-09-30', member: 'CHAIR', upheld: true });
    await step('panel-objections/replacement', { on: '2021-10-04', member: 'CHAIR', hearingOn: '2021-10-20' });
    await step('proceedings/adjournments', { on: '2021-10-20', adjournedTo: '2021-10-22', reason: 'The officer is unwell.' });

    psd.today('2021-10-05');
    const deadlines = await psd.deadlines(caseId);
    expect(clockOf(deadlines, 'acceleratedHearingRedated')).toMatchObject({
      startsOn: '2021-10-04',
      earliestOn: '2021-10-18',
      dueOn: '2021-10-25',
      metOn: '2021-10-20',
    });
    expect(clockOf(deadlines, 'acceleratedResponse')).toMatchObject({
      startsOn: '2021-09-22',
      dueOn: '2021-10-01',
      metOn: '2021-09-28',
      confidence: 'UNCONFIRMED',
    });
    expect(await psd.history(caseId)).toEqual(
      expect.arrayContaining([
        'SpecialConditionsCertified',
        'AcceleratedResponseGiven',
        'PanelObjectionMade',
        'PanelObjectionDetermined',
        'PanelMemberReplaced',
        'ProceedingsAdjourned',
      ]),
    );
  });
});
