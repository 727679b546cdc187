import { command, given, ruleTitle, TEST_CASE_ID } from './testing/decider-spec';
import { OFFICER, referral, referralData, subjectAdded, subjectData } from './testing/case-fixtures';
import { event } from './case.rules';

const closed = [referral(), subjectAdded(), event('CaseClosed', { on: '2022-01-10', reason: 'finished' })];
const severity = command('AssessSeverity', {
  subjectId: OFFICER,
  level: 'MISCONDUCT',
  assessedBy: 'APPROPRIATE_AUTHORITY',
  rationale: 'why',
});

describe('the life of a case', () => {
  it('opens a case from a referral, with the caseId in the payload', () => {
    const data = {
      caseId: TEST_CASE_ID,
      force: 'TEST_FORCE',
      receivedOn: '2021-03-01',
      source: 'IOPC_REPORT_LINE' as const,
      caseType: 'CONDUCT_MATTER' as const,
      summary: 'a report',
      anonymousSource: true,
      sensitivity: 'RESTRICTED' as const,
      corruptionCategories: [],
      flags: { apsp: false, prejudicialImproperBehaviour: true, violenceAgainstWomenAndGirls: false },
    };
    given([])
      .when(command('ReceiveReferral', data))
      .then([event('ReferralReceived', data)]);
  });

  it(ruleTitle('caseAlreadyExists', 'refuses a second referral on the same case'), () => {
    given([referral()]).when(command('ReceiveReferral', referralData())).thenThrows('caseAlreadyExists');
  });

  it(ruleTitle('caseMustExist', 'refuses a step on a case that does not exist'), () => {
    given([]).when(severity).thenThrows('caseMustExist');
  });

  it(ruleTitle('caseMustExist', 'refuses to reopen a case that does not exist'), () => {
    given([])
      .when(command('ReopenCase', { on: '2022-01-11', reason: 'x' }))
      .thenThrows('caseMustExist');
  });

  it(ruleTitle('caseClosed', 'refuses any step after the case is closed'), () => {
    given(closed).when(severity).thenThrows('caseClosed');
  });

  it(ruleTitle('caseClosed', 'refuses to close a closed case again'), () => {
    given(closed)
      .when(command('CloseCase', { on: '2022-01-11', reason: 'again' }))
      .thenThrows('caseClosed');
  });

  it('reopens a closed case, after which steps are accepted again', () => {
    const reopened = { on: '2022-02-01', reason: 'new evidence' };
    given(closed)
      .when(command('ReopenCase', reopened))
      .then([event('CaseReopened', reopened)]);
    given([...closed, event('CaseReopened', reopened)])
      .when(severity)
      .then([
        event('SeverityAssessed', {
          subjectId: OFFICER,
          level: 'MISCONDUCT',
          assessedBy: 'APPROPRIATE_AUTHORITY',
          rationale: 'why',
        }),
      ]);
  });

  it(ruleTitle('caseNotClosed', 'refuses to reopen a case that is open'), () => {
    given([referral()])
      .when(command('ReopenCase', { on: '2022-01-11', reason: 'x' }))
      .thenThrows('caseNotClosed');
  });

  it(ruleTitle('subjectMustExist', 'refuses a subject step for a subject the case does not have'), () => {
    given([referral()]).when(severity).thenThrows('subjectMustExist');
  });

  it(ruleTitle('subjectAlreadyAdded', 'refuses a second subject with the same subjectId'), () => {
    given([referral(), subjectAdded()]).when(command('AddSubject', subjectData())).thenThrows('subjectAlreadyAdded');
  });

  it(ruleTitle('allegationAlreadyRecorded', 'refuses a second allegation with the same allegationId'), () => {
    const allegation = {
      allegationId: 'allegation-1',
      subjectId: OFFICER,
      summary: 'disclosed a log',
      standards: ['CONFIDENTIALITY' as const],
      corruptionCategory: 'UNAUTHORISED_DISCLOSURE' as const,
    };
    given([referral(), subjectAdded()])
      .when(command('RecordAllegation', allegation))
      .then([event('AllegationRecorded', allegation)]);
    given([referral(), subjectAdded(), event('AllegationRecorded', allegation)])
      .when(command('RecordAllegation', allegation))
      .thenThrows('allegationAlreadyRecorded');
  });
});
