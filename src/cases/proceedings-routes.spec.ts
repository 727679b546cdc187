/**
 * Around the proceedings (proceedings-routes.rules.ts): the reg 10 pause and its end, joint
 * proceedings (reg 25), withdrawal (reg 27), and the Performance and Vetting routes that end in
 * dismissal, with the barred-list entry that follows them.
 */
import type { CaseEvent } from './case.events';
import { barredListReviewFrom } from './barred-list-review';
import { event } from './case.rules';
import { subjectStage } from './case.stage';
import { caseAtProceedings, caseToAnswer, concluded, investigatedCase, leftService, OFFICER, referral, STAFF, subjectAdded } from './testing/case-fixtures';
import { command, given, ruleTitle } from './testing/decider-spec';

const subjectId = OFFICER;
const atHearing = caseAtProceedings('MISCONDUCT_HEARING');
const paused = [...atHearing, event('ProceedingsPaused', { subjectId, on: '2021-10-05', reason: 'criminal trial pending' })];
const concludeCommand = command('ConcludeProceedings', {
  subjectId,
  on: '2021-11-01',
  findings: [{ standard: 'CONFIDENTIALITY', proven: true, level: 'GROSS_MISCONDUCT' }],
  outcome: 'DISMISSAL_WITHOUT_NOTICE',
  formerOfficer: false,
  chair: 'LEGALLY_QUALIFIED_CHAIR',
});
/** A case from after 28 May 2025 with an officer referred under the Vetting Regulations. */
const vettingReferred: CaseEvent[] = [
  referral({ receivedOn: '2025-06-02' }),
  subjectAdded(),
  event('ReferredToVettingRegulations', { subjectId, on: '2025-06-10' }),
];
const twoSubjectsWithCaseToAnswer = [
  ...investigatedCase(),
  subjectAdded(STAFF, { workforceType: 'POLICE_STAFF', rank: 'STAFF' }),
  caseToAnswer(OFFICER, 'CASE_TO_ANSWER_GROSS_MISCONDUCT'),
  caseToAnswer(STAFF, 'CASE_TO_ANSWER_GROSS_MISCONDUCT'),
];

describe('reg 10: proceedings paused while criminal proceedings could be prejudiced', () => {
  it('pauses and resumes, and keeps both days', () => {
    given(atHearing)
      .when(command('PauseProceedings', { subjectId, on: '2021-10-05', reason: 'criminal trial pending' }))
      .thenState((after) => expect(after.subjects[OFFICER].routes.pausedSince).toBe('2021-10-05'));
    given(paused)
      .when(command('ResumeProceedings', { subjectId, on: '2022-01-10' }))
      .then([event('ProceedingsResumed', { subjectId, on: '2022-01-10' })]);
  });

  it(ruleTitle('proceedingsPausedUnderReg10', 'refuses to conclude or schedule proceedings while they are paused'), () => {
    given(paused).when(concludeCommand).thenThrows('proceedingsPausedUnderReg10', { confidence: 'PARTLY_CONFIRMED' });
    given([
      ...investigatedCase(),
      caseToAnswer(OFFICER, 'CASE_TO_ANSWER_MISCONDUCT'),
      event('ProceedingsPaused', { subjectId, on: '2021-09-20', reason: 'trial' }),
    ])
      .when(command('ScheduleProceedings', { subjectId, kind: 'MISCONDUCT_MEETING', noticeServedOn: '2021-10-01', scheduledFor: '2021-10-20' }))
      .thenThrows('proceedingsPausedUnderReg10');
    const { type, caseId, ...concludedData } = concludeCommand;
    void type;
    void caseId;
    given([...paused, event('ProceedingsResumed', { subjectId, on: '2021-10-20' })])
      .when(concludeCommand)
      .then([event('ProceedingsConcluded', concludedData)]);
  });

  it(ruleTitle('pauseNeedsLiveMatter', 'refuses to pause a matter already concluded'), () => {
    given([...atHearing, concluded()])
      .when(command('PauseProceedings', { subjectId, on: '2021-11-05', reason: 'appeal' }))
      .thenThrows('pauseNeedsLiveMatter', { confidence: 'PARTLY_CONFIRMED' });
  });

  it(ruleTitle('proceedingsAlreadyPaused', 'refuses a second pause while one lasts'), () => {
    given(paused)
      .when(command('PauseProceedings', { subjectId, on: '2021-10-06', reason: 'again' }))
      .thenThrows('proceedingsAlreadyPaused');
  });

  it(ruleTitle('proceedingsNotPaused', 'refuses to resume proceedings that were not paused'), () => {
    given(atHearing)
      .when(command('ResumeProceedings', { subjectId, on: '2021-10-06' }))
      .thenThrows('proceedingsNotPaused');
  });
});

describe('joint proceedings and withdrawal (regs 25 and 27)', () => {
  const joint = { on: '2021-09-20', subjects: [{ subjectId: OFFICER }, { subjectId: STAFF }] };

  it('directs joint proceedings for two subjects with a case to answer', () => {
    given(twoSubjectsWithCaseToAnswer)
      .when(command('DirectJointProceedings', joint))
      .then([event('JointProceedingsDirected', joint)]);
  });

  it(ruleTitle('jointProceedingsNeedSubjectsWithCaseToAnswer', 'refuses joint proceedings for one subject, or one without a case to answer'), () => {
    given(twoSubjectsWithCaseToAnswer)
      .when(command('DirectJointProceedings', { on: '2021-09-20', subjects: [{ subjectId: OFFICER }, { subjectId: OFFICER }] }))
      .thenThrows('jointProceedingsNeedSubjectsWithCaseToAnswer');
    given([...investigatedCase(), subjectAdded(STAFF), caseToAnswer(OFFICER, 'CASE_TO_ANSWER_MISCONDUCT')])
      .when(command('DirectJointProceedings', joint))
      .thenThrows('jointProceedingsNeedSubjectsWithCaseToAnswer');
  });

  it('withdraws proceedings: the subject is concluded and the case can close', () => {
    given(atHearing)
      .when(command('WithdrawProceedings', { subjectId, on: '2021-10-10', reason: 'evidence withdrawn' }))
      .thenState((after) => expect(subjectStage(after, after.subjects[OFFICER])).toBe('CONCLUDED'));
    given([...atHearing, event('ProceedingsWithdrawn', { subjectId, on: '2021-10-10', reason: 'evidence withdrawn' })])
      .when(command('CloseCase', { on: '2021-10-11', reason: 'withdrawn' }))
      .then([event('CaseClosed', { on: '2021-10-11', reason: 'withdrawn' })]);
  });

  it(ruleTitle('suspensionNeedsServingSubjectBeforeOutcome', 'refuses to suspend a subject whose proceedings were withdrawn'), () => {
    given([...atHearing, event('ProceedingsWithdrawn', { subjectId, on: '2021-10-10', reason: 'evidence withdrawn' })])
      .when(command('SuspendSubject', { subjectId, on: '2021-10-12', reason: 'risk' }))
      .thenThrows('suspensionNeedsServingSubjectBeforeOutcome');
  });

  it(ruleTitle('withdrawalNeedsProceedings', 'refuses to withdraw proceedings never brought, or already concluded'), () => {
    given(investigatedCase())
      .when(command('WithdrawProceedings', { subjectId, on: '2021-10-10', reason: 'none' }))
      .thenThrows('withdrawalNeedsProceedings');
    given([...atHearing, concluded()])
      .when(command('WithdrawProceedings', { subjectId, on: '2021-11-10', reason: 'late' }))
      .thenThrows('withdrawalNeedsProceedings');
  });
});

describe('the Performance and Vetting routes, and the barred list after them', () => {
  it('dismisses under the Vetting Regulations, then adds the subject to the barred list on that basis', () => {
    const dismissed = [...vettingReferred, event('VettingOutcomeRecorded', { subjectId, on: '2025-07-01', outcome: 'DISMISSAL_WITHOUT_NOTICE' })];
    given(vettingReferred)
      .when(command('RecordVettingOutcome', { subjectId, on: '2025-07-01', outcome: 'DISMISSAL_WITHOUT_NOTICE' }))
      .thenState((after) => expect(subjectStage(after, after.subjects[OFFICER])).toBe('CONCLUDED'));
    given(dismissed)
      .when(command('AddToBarredList', { subjectId, on: '2025-07-03', basis: 'DISMISSED_VETTING' }))
      .then([event('BarredListEntryMade', { subjectId, on: '2025-07-03', basis: 'DISMISSED_VETTING' })]);
    given(dismissed)
      .when(command('AddToBarredList', { subjectId, on: '2025-07-03', basis: 'DISMISSED' }))
      .thenThrows('barredListBasisMustMatch');
  });

  it('dismisses for gross incompetence under the Performance Regulations, then bars on that basis', () => {
    const referredForGrossIncompetence = [
      referral(),
      subjectAdded(),
      event('ReferredToPerformanceRegulations', { subjectId, on: '2021-04-01', grossIncompetence: true }),
    ];
    given([...referredForGrossIncompetence, event('PerformanceOutcomeRecorded', { subjectId, on: '2021-06-01', outcome: 'DISMISSAL_WITHOUT_NOTICE' })])
      .when(command('AddToBarredList', { subjectId, on: '2021-06-02', basis: 'DISMISSED_PERFORMANCE' }))
      .then([event('BarredListEntryMade', { subjectId, on: '2021-06-02', basis: 'DISMISSED_PERFORMANCE' })]);
  });

  it(
    ruleTitle('performanceOutcomeForProcedure', 'refuses dismissal without notice for unsatisfactory performance, and with notice for gross incompetence'),
    () => {
      const unsatisfactory = [referral(), subjectAdded(), event('ReferredToPerformanceRegulations', { subjectId, on: '2021-04-01', grossIncompetence: false })];
      given(unsatisfactory)
        .when(command('RecordPerformanceOutcome', { subjectId, on: '2021-06-01', outcome: 'DISMISSAL_WITHOUT_NOTICE' }))
        .thenThrows('performanceOutcomeForProcedure');
      const gross = [referral(), subjectAdded(), event('ReferredToPerformanceRegulations', { subjectId, on: '2021-04-01', grossIncompetence: true })];
      given(gross)
        .when(command('RecordPerformanceOutcome', { subjectId, on: '2021-06-01', outcome: 'DISMISSAL_WITH_NOTICE' }))
        .thenThrows('performanceOutcomeForProcedure');
    },
  );

  it(ruleTitle('routeOutcomeNeedsReferral', 'refuses an outcome on a route the matter was never referred to'), () => {
    given([referral(), subjectAdded()])
      .when(command('RecordVettingOutcome', { subjectId, on: '2025-07-01', outcome: 'CLEARANCE_KEPT' }))
      .thenThrows('routeOutcomeNeedsReferral');
    given([referral(), subjectAdded()])
      .when(command('RecordPerformanceOutcome', { subjectId, on: '2021-07-01', outcome: 'REDEPLOYMENT' }))
      .thenThrows('routeOutcomeNeedsReferral');
  });

  it(ruleTitle('vettingReferralNotInForce', 'refuses a referral under the Vetting Regulations before 28 May 2025'), () => {
    given([referral(), subjectAdded()])
      .when(command('ReferToVettingRegulations', { subjectId, on: '2025-05-27' }))
      .thenThrows('vettingReferralNotInForce');
  });

  it(ruleTitle('routeNeedsServingSubject', 'refuses to refer a subject who has left'), () => {
    given([referral(), subjectAdded(), leftService(OFFICER, 'RESIGNED', 'ASSESSMENT', true, '2021-03-05')])
      .when(command('ReferToPerformanceRegulations', { subjectId, on: '2021-04-01', grossIncompetence: false }))
      .thenThrows('routeNeedsServingSubject');
  });

  it(ruleTitle('routeMatterConcluded', 'refuses to refer a subject whose matter has concluded'), () => {
    given([...atHearing, concluded()])
      .when(command('ReferToPerformanceRegulations', { subjectId, on: '2021-12-01', grossIncompetence: false }))
      .thenThrows('routeMatterConcluded');
  });
});

describe('the review period of a barred-list entry, by its basis', () => {
  it('is 5 years after a conduct dismissal and 3 after a Performance one (✔), 5 assumed after a Vetting one (✖)', () => {
    expect(barredListReviewFrom('DISMISSED', '2021-06-02')).toMatchObject({ on: '2026-06-02', confidence: 'CONFIRMED' });
    expect(barredListReviewFrom('DISMISSED_PERFORMANCE', '2021-06-02')).toMatchObject({ on: '2024-06-02', confidence: 'CONFIRMED' });
    expect(barredListReviewFrom('DISMISSED_VETTING', '2025-07-03')).toMatchObject({ on: '2030-07-03', confidence: 'UNCONFIRMED' });
  });
});
