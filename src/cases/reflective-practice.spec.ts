/**
 * The reflective practice review process (Conduct Regs 2020 Part 6; reflective-practice.rules.ts):
 * from the referral through its stages to the performance and development review, and a
 * failure to engage that sends the matter back to the misconduct route.
 */
import type { CaseEvent } from './case.events';
import { event } from './case.rules';
import { subjectStage } from './case.stage';
import { caseToAnswer, concluded, investigatedCase, OFFICER, proceedingsScheduled, referral, severityAssessed, subjectAdded } from './testing/case-fixtures';
import { command, given, ruleTitle } from './testing/decider-spec';

const subjectId = OFFICER;
const referred: CaseEvent[] = [
  ...investigatedCase(),
  caseToAnswer(OFFICER, 'PRACTICE_REQUIRING_IMPROVEMENT'),
  event('ReflectivePracticeReviewStarted', { subjectId, on: '2021-10-01' }),
];
const noticed = [...referred, event('ReflectivePracticeNoticeGiven', { subjectId, on: '2021-10-04', reasons: 'reasons' })];
const accounted = [...noticed, event('ReflectiveAccountGiven', { subjectId, on: '2021-10-08' })];
const factsFound = [...accounted, event('ReflectiveFactFindingCompleted', { subjectId, on: '2021-10-20' })];
const discussed = [...factsFound, event('ReflectiveReviewDiscussionHeld', { subjectId, on: '2021-11-01', joint: false })];
const report = {
  subjectId,
  on: '2021-11-10',
  summary: 'summary',
  keyActions: 'actions',
  actionsDueOn: '2022-02-10',
  lessonsForOfficer: 'lessons',
  lessonsForForce: 'lessons for the force',
  reviewPeriodEndsOn: '2022-05-10',
};
const reported = [...discussed, event('ReflectiveReviewReportAgreed', report)];

describe('the reflective practice review process', () => {
  it('runs from the notice through the account, fact finding, discussion and report to the review of actions and the PDR', () => {
    given(referred)
      .when(command('GiveReflectivePracticeNotice', { subjectId, on: '2021-10-04', reasons: 'reasons' }))
      .then([event('ReflectivePracticeNoticeGiven', { subjectId, on: '2021-10-04', reasons: 'reasons' })]);
    given(discussed)
      .when(command('AgreeReflectiveReviewReport', report))
      .then([event('ReflectiveReviewReportAgreed', report)]);
    const completed = [...reported, event('ReflectivePracticeReviewCompleted', { subjectId, on: '2021-11-11' })];
    given(completed)
      .when(command('ReviewReflectiveActions', { subjectId, on: '2022-05-10', actionsCompleted: true }))
      .then([event('ReflectiveActionsReviewed', { subjectId, on: '2022-05-10', actionsCompleted: true })]);
    given(completed)
      .when(command('RecordReflectivePdrFollowUp', { subjectId, on: '2022-06-01' }))
      .thenState((after) => {
        expect(after.subjects[OFFICER].routes.reflectivePractice?.pdrFollowUpOn).toBe('2022-06-01');
        expect(after.subjects[OFFICER].routes.route).toBe('REFLECTIVE_PRACTICE');
      });
  });

  it('lets fact finding follow the notice when the participant gives no account', () => {
    given(noticed)
      .when(command('CompleteReflectiveFactFinding', { subjectId, on: '2021-10-20' }))
      .then([event('ReflectiveFactFindingCompleted', { subjectId, on: '2021-10-20' })]);
  });

  it(
    ruleTitle('reflectivePracticeNotForGrossMisconduct', 'refuses to refer a matter that stands as gross misconduct, even with no proceedings brought'),
    () => {
      const noProceedings = event('CaseToAnswerDecided', {
        subjectId,
        decision: 'CASE_TO_ANSWER_GROSS_MISCONDUCT',
        decidedBy: 'APPROPRIATE_AUTHORITY',
        on: '2021-09-15',
        proceedingsBrought: false,
      });
      given([...investigatedCase(), noProceedings])
        .when(command('StartReflectivePractice', { subjectId, on: '2021-10-01' }))
        .thenThrows('reflectivePracticeNotForGrossMisconduct');
    },
  );

  it('refers a gross misconduct matter that proceedings found neither misconduct nor gross misconduct (reg 42(1)(b))', () => {
    const directed = [
      ...investigatedCase(),
      caseToAnswer(OFFICER, 'CASE_TO_ANSWER_GROSS_MISCONDUCT'),
      proceedingsScheduled(OFFICER, 'MISCONDUCT_HEARING'),
      concluded({ findings: [], outcome: 'REFLECTIVE_PRACTICE_DIRECTED' }),
    ];
    given(directed)
      .when(command('StartReflectivePractice', { subjectId, on: '2021-11-05' }))
      .then([event('ReflectivePracticeReviewStarted', { subjectId, on: '2021-11-05' })]);
  });

  it(ruleTitle('reflectiveProcessNotOpen', 'refuses a stage before any referral, and after a failure to engage'), () => {
    given([...investigatedCase(), caseToAnswer(OFFICER, 'PRACTICE_REQUIRING_IMPROVEMENT')])
      .when(command('GiveReflectivePracticeNotice', { subjectId, on: '2021-10-04', reasons: 'reasons' }))
      .thenThrows('reflectiveProcessNotOpen');
    given([...noticed, event('ReflectivePracticeEngagementFailed', { subjectId, on: '2021-10-20', referredTo: 'MISCONDUCT' })])
      .when(command('CompleteReflectiveFactFinding', { subjectId, on: '2021-10-21' }))
      .thenThrows('reflectiveProcessNotOpen');
  });

  it(ruleTitle('reflectiveStageOutOfOrder', 'refuses a stage before the one it follows'), () => {
    given(referred)
      .when(command('RecordReflectiveAccount', { subjectId, on: '2021-10-05' }))
      .thenThrows('reflectiveStageOutOfOrder', { confidence: 'PARTLY_CONFIRMED' });
    given(accounted)
      .when(command('HoldReflectiveReviewDiscussion', { subjectId, on: '2021-10-10', joint: true }))
      .thenThrows('reflectiveStageOutOfOrder');
    given(factsFound).when(command('AgreeReflectiveReviewReport', report)).thenThrows('reflectiveStageOutOfOrder');
    given(discussed)
      .when(command('RecordReflectivePdrFollowUp', { subjectId, on: '2022-06-01' }))
      .thenThrows('reflectiveStageOutOfOrder');
  });

  it(ruleTitle('reflectiveStageAlreadyRecorded', 'refuses a stage recorded twice'), () => {
    given(noticed)
      .when(command('GiveReflectivePracticeNotice', { subjectId, on: '2021-10-05', reasons: 'again' }))
      .thenThrows('reflectiveStageAlreadyRecorded');
  });

  it(ruleTitle('dateBeforeEarlierStep', 'refuses an account dated before the notice'), () => {
    given(noticed)
      .when(command('RecordReflectiveAccount', { subjectId, on: '2021-10-01' }))
      .thenThrows('dateBeforeEarlierStep');
  });

  it(ruleTitle('reflectiveReportPeriodsAfterAgreement', "refuses a report whose actions' period or review period ends on or before its agreement"), () => {
    given(discussed)
      .when(command('AgreeReflectiveReviewReport', { ...report, actionsDueOn: '2021-11-10' }))
      .thenThrows('reflectiveReportPeriodsAfterAgreement');
    given(discussed)
      .when(command('AgreeReflectiveReviewReport', { ...report, reviewPeriodEndsOn: '2021-11-01' }))
      .thenThrows('reflectiveReportPeriodsAfterAgreement');
  });
});

describe('failure to engage', () => {
  it('sends the matter back to the misconduct route, with its route history, to be decided again', () => {
    given(noticed)
      .when(command('RecordReflectiveEngagementFailure', { subjectId, on: '2021-10-20', referredTo: 'MISCONDUCT' }))
      .thenState((after) => {
        const subject = after.subjects[OFFICER];
        expect(subject.routes.route).toBe('MISCONDUCT');
        expect(subject.routes.history).toEqual([
          { route: 'REFLECTIVE_PRACTICE', from: '2021-10-01' },
          { route: 'MISCONDUCT', from: '2021-10-20' },
        ]);
        expect(subject.caseToAnswer).toBeNull();
        expect(subject.reflectivePractice).toBe('NONE');
        expect(subjectStage(after, after.subjects[OFFICER])).toBe('DECISION');
      });
    const failed = [...noticed, event('ReflectivePracticeEngagementFailed', { subjectId, on: '2021-10-20', referredTo: 'MISCONDUCT' })];
    given([...failed, caseToAnswer(OFFICER, 'CASE_TO_ANSWER_MISCONDUCT', '2021-10-25')])
      .when(command('ScheduleProceedings', { subjectId, kind: 'MISCONDUCT_MEETING', noticeServedOn: '2021-10-26', scheduledFor: '2021-11-20' }))
      .then([event('ProceedingsScheduled', { subjectId, kind: 'MISCONDUCT_MEETING', noticeServedOn: '2021-10-26', scheduledFor: '2021-11-20' })]);
  });

  it('sends a matter referred at its assessment back to be assessed again', () => {
    const atAssessment = [
      referral(),
      subjectAdded(),
      severityAssessed(OFFICER, 'PRACTICE_REQUIRING_IMPROVEMENT'),
      event('ReflectivePracticeReviewStarted', { subjectId, on: '2021-03-05' }),
    ];
    given(atAssessment)
      .when(command('RecordReflectiveEngagementFailure', { subjectId, on: '2021-03-20', referredTo: 'MISCONDUCT' }))
      .thenState((after) => {
        expect(after.subjects[OFFICER].severity).toBeNull();
        expect(subjectStage(after, after.subjects[OFFICER])).toBe('ASSESSMENT');
      });
  });

  it('may send the matter to the Performance Regulations instead', () => {
    given(noticed)
      .when(command('RecordReflectiveEngagementFailure', { subjectId, on: '2021-10-20', referredTo: 'PERFORMANCE' }))
      .thenState((after) => {
        expect(after.subjects[OFFICER].routes.route).toBe('PERFORMANCE');
        expect(after.subjects[OFFICER].routes.performance).toEqual({ referredOn: '2021-10-20', grossIncompetence: false });
      });
  });

  it(ruleTitle('misconductRouteClosedAfterFinding', 'refuses to send back to misconduct a process directed at proceedings'), () => {
    const directed = [
      ...investigatedCase(),
      caseToAnswer(OFFICER, 'CASE_TO_ANSWER_MISCONDUCT'),
      proceedingsScheduled(OFFICER, 'MISCONDUCT_MEETING'),
      concluded({ findings: [], outcome: 'REFLECTIVE_PRACTICE_DIRECTED' }),
      event('ReflectivePracticeReviewStarted', { subjectId, on: '2021-11-05' }),
    ];
    given(directed)
      .when(command('RecordReflectiveEngagementFailure', { subjectId, on: '2021-12-01', referredTo: 'MISCONDUCT' }))
      .thenThrows('misconductRouteClosedAfterFinding', { confidence: 'PARTLY_CONFIRMED' });
  });
});
