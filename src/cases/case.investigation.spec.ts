import { event } from './case.rules';
import {
  caseToAnswer,
  concluded,
  investigatedCase,
  investigationStarted,
  leftService,
  OFFICER,
  proceedingsScheduled,
  RECEIVED_2012_REGS,
  referral,
  severityAssessed,
  STAFF,
  subjectAdded,
} from './testing/case-fixtures';
import { command, given, ruleTitle } from './testing/decider-spec';

const opened = [referral(), subjectAdded()];
const referredToIopc = event('ReferredToIopc', {
  criteria: ['SERIOUS_CORRUPTION'],
  mandatory: true,
  referredOn: '2021-03-02',
});
const suspensionStep = { subjectId: OFFICER, on: '2021-04-01', reason: 'the investigation may be prejudiced' };
const startReflectivePractice = command('StartReflectivePractice', { subjectId: OFFICER, on: '2021-10-01' });

describe('referral to the IOPC and the investigation', () => {
  it(ruleTitle('iopcDecisionNeedsReferral', 'refuses an IOPC decision on a matter not referred to it'), () => {
    given(opened)
      .when(command('RecordIopcDecision', { mode: 'DIRECTED', decidedOn: '2021-03-05' }))
      .thenThrows('iopcDecisionNeedsReferral');
  });

  it('records the IOPC decision on a referred matter', () => {
    const decision = { mode: 'DIRECTED' as const, decidedOn: '2021-03-05' };
    given([...opened, referredToIopc])
      .when(command('RecordIopcDecision', decision))
      .then([event('IopcDecisionRecorded', decision)]);
  });

  it(ruleTitle('iopcModeNotAvailableUnderRegulations', 'refuses a supervised investigation for a matter received after 1 February 2020'), () => {
    given([...opened, referredToIopc])
      .when(command('RecordIopcDecision', { mode: 'SUPERVISED', decidedOn: '2021-03-05' }))
      .thenThrows('iopcModeNotAvailableUnderRegulations');
  });

  it('accepts a managed investigation for a matter received before 1 February 2020', () => {
    const decision = { mode: 'MANAGED' as const, decidedOn: '2019-06-10' };
    given([referral({ receivedOn: RECEIVED_2012_REGS }), subjectAdded(), referredToIopc])
      .when(command('RecordIopcDecision', decision))
      .then([event('IopcDecisionRecorded', decision)]);
  });

  it(ruleTitle('noticeNeedsInvestigation', 'refuses a notice of investigation before the investigation starts'), () => {
    given(opened)
      .when(command('ServeNoticeOfInvestigation', { subjectId: OFFICER, servedOn: '2021-03-12' }))
      .thenThrows('noticeNeedsInvestigation');
    given([...opened, investigationStarted()])
      .when(command('ServeNoticeOfInvestigation', { subjectId: OFFICER, servedOn: '2021-03-12' }))
      .then([event('NoticeOfInvestigationServed', { subjectId: OFFICER, servedOn: '2021-03-12' })]);
  });

  it(ruleTitle('investigationReportNeedsInvestigation', 'refuses a report with no investigation'), () => {
    given(opened)
      .when(command('SubmitInvestigationReport', { on: '2021-09-01' }))
      .thenThrows('investigationReportNeedsInvestigation');
  });

  it('accepts a step dated before the referral was received (back-recording is normal)', () => {
    given([...opened, investigationStarted('2020-12-01')])
      .when(command('SubmitInvestigationReport', { on: '2021-02-01' }))
      .then([event('InvestigationReportSubmitted', { on: '2021-02-01' })]);
  });
});

describe('suspension and restriction', () => {
  it(ruleTitle('suspensionReviewNeedsSuspension', 'refuses to review the suspension of a subject who is not suspended'), () => {
    given(opened).when(command('ReviewSuspension', suspensionStep)).thenThrows('suspensionReviewNeedsSuspension');
    given([...opened, event('SubjectRestricted', suspensionStep)])
      .when(command('ReviewSuspension', suspensionStep))
      .thenThrows('suspensionReviewNeedsSuspension');
  });

  it('reviews a suspension', () => {
    given([...opened, event('SubjectSuspended', suspensionStep)])
      .when(command('ReviewSuspension', { ...suspensionStep, on: '2021-04-29' }))
      .then([event('SuspensionReviewed', { ...suspensionStep, on: '2021-04-29' })]);
  });

  it(ruleTitle('liftNeedsSuspensionOrRestriction', 'refuses to lift what was never imposed'), () => {
    given(opened).when(command('LiftSuspension', suspensionStep)).thenThrows('liftNeedsSuspensionOrRestriction');
    given([...opened, event('SubjectRestricted', suspensionStep)])
      .when(command('LiftSuspension', suspensionStep))
      .then([event('SuspensionLifted', suspensionStep)]);
  });
});

describe('case to answer and reflective practice', () => {
  it(ruleTitle('caseToAnswerNeedsInvestigationReport', 'refuses a case-to-answer decision before the report'), () => {
    const decision = {
      subjectId: OFFICER,
      decision: 'CASE_TO_ANSWER_MISCONDUCT' as const,
      decidedBy: 'APPROPRIATE_AUTHORITY' as const,
      on: '2021-09-15',
    };
    given([...opened, investigationStarted()])
      .when(command('DecideCaseToAnswer', decision))
      .thenThrows('caseToAnswerNeedsInvestigationReport');
    given(investigatedCase())
      .when(command('DecideCaseToAnswer', decision))
      .then([event('CaseToAnswerDecided', decision)]);
  });

  it('accepts a case-to-answer decision for a subject who has already left (case study 6, employee A)', () => {
    const decision = {
      subjectId: STAFF,
      decision: 'CASE_TO_ANSWER_GROSS_MISCONDUCT' as const,
      decidedBy: 'APPROPRIATE_AUTHORITY' as const,
      on: '2021-09-15',
    };
    given([...investigatedCase(STAFF), leftService(STAFF, 'RESIGNED', 'INVESTIGATION')])
      .when(command('DecideCaseToAnswer', decision))
      .then([event('CaseToAnswerDecided', decision)]);
  });

  it(ruleTitle('reflectivePracticeNeedsReferral', 'refuses reflective practice without practice requiring improvement'), () => {
    given([...opened, severityAssessed(OFFICER, 'MISCONDUCT')])
      .when(startReflectivePractice)
      .thenThrows('reflectivePracticeNeedsReferral');
  });

  it('starts reflective practice after an assessment of practice requiring improvement, or a direction at proceedings', () => {
    const started = [event('ReflectivePracticeReviewStarted', { subjectId: OFFICER, on: '2021-10-01' })];
    given([...opened, severityAssessed(OFFICER, 'PRACTICE_REQUIRING_IMPROVEMENT')])
      .when(startReflectivePractice)
      .then(started);
    given([...investigatedCase(), caseToAnswer(OFFICER, 'PRACTICE_REQUIRING_IMPROVEMENT')])
      .when(startReflectivePractice)
      .then(started);
    const directed = [
      ...investigatedCase(),
      caseToAnswer(OFFICER, 'CASE_TO_ANSWER_MISCONDUCT'),
      proceedingsScheduled(OFFICER, 'MISCONDUCT_MEETING'),
      concluded({ findings: [], outcome: 'REFLECTIVE_PRACTICE_DIRECTED' }),
    ];
    given(directed).when(startReflectivePractice).then(started);
  });

  it(ruleTitle('reflectivePracticeMustBeStarted', 'refuses to complete a review that never started'), () => {
    given([...opened, severityAssessed(OFFICER, 'PRACTICE_REQUIRING_IMPROVEMENT')])
      .when(command('CompleteReflectivePractice', { subjectId: OFFICER, on: '2021-12-01' }))
      .thenThrows('reflectivePracticeMustBeStarted');
  });

  it(ruleTitle('notForFormerOfficers', 'refuses reflective practice for an officer who has left'), () => {
    given([...opened, severityAssessed(OFFICER, 'PRACTICE_REQUIRING_IMPROVEMENT'), leftService(OFFICER, 'RETIRED', 'ASSESSMENT')])
      .when(startReflectivePractice)
      .thenThrows('notForFormerOfficers');
  });

  it('accepts reflective practice for an officer who transferred to another force (still serving)', () => {
    given([...opened, severityAssessed(OFFICER, 'PRACTICE_REQUIRING_IMPROVEMENT'), leftService(OFFICER, 'TRANSFERRED', 'ASSESSMENT')])
      .when(startReflectivePractice)
      .then([event('ReflectivePracticeReviewStarted', { subjectId: OFFICER, on: '2021-10-01' })]);
  });

  it('records management action for a matter under the 2012 regulations', () => {
    given([referral({ receivedOn: RECEIVED_2012_REGS }), subjectAdded()])
      .when(command('RecordManagementAction', { subjectId: OFFICER, on: '2019-07-01' }))
      .then([event('ManagementActionTaken', { subjectId: OFFICER, on: '2019-07-01' })]);
  });
});
