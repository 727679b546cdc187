import type { ProceedingsKind } from './case.enums';
import { event } from './case.rules';
import {
  caseAtProceedings,
  caseToAnswer,
  concluded,
  investigatedCase,
  leftService,
  OFFICER,
  referral,
  severityAssessed,
  subjectAdded,
} from './testing/case-fixtures';
import { command, given, ruleTitle } from './testing/decider-spec';

const schedule = (kind: ProceedingsKind) =>
  command('ScheduleProceedings', {
    subjectId: OFFICER,
    kind,
    noticeServedOn: '2021-10-01',
    scheduledFor: '2021-11-01',
  });
const scheduled = (kind: ProceedingsKind) => [
  event('ProceedingsScheduled', { subjectId: OFFICER, kind, noticeServedOn: '2021-10-01', scheduledFor: '2021-11-01' }),
];
const misconduct = [...investigatedCase(), caseToAnswer(OFFICER, 'CASE_TO_ANSWER_MISCONDUCT')];
const grossMisconduct = [...investigatedCase(), caseToAnswer(OFFICER, 'CASE_TO_ANSWER_GROSS_MISCONDUCT')];

describe('scheduling proceedings', () => {
  it(ruleTitle('proceedingsNeedCaseToAnswer', 'refuses a hearing without a case to answer'), () => {
    given(investigatedCase()).when(schedule('MISCONDUCT_HEARING')).thenThrows('proceedingsNeedCaseToAnswer');
    given([...investigatedCase(), caseToAnswer(OFFICER, 'NO_CASE_TO_ANSWER')])
      .when(schedule('MISCONDUCT_MEETING'))
      .thenThrows('proceedingsNeedCaseToAnswer');
  });

  it('schedules a meeting for misconduct, and a hearing for misconduct or gross misconduct', () => {
    given(misconduct).when(schedule('MISCONDUCT_MEETING')).then(scheduled('MISCONDUCT_MEETING'));
    given(misconduct).when(schedule('MISCONDUCT_HEARING')).then(scheduled('MISCONDUCT_HEARING'));
    given(grossMisconduct).when(schedule('MISCONDUCT_HEARING')).then(scheduled('MISCONDUCT_HEARING'));
  });

  it(ruleTitle('meetingOnlyForMisconduct', 'refuses a misconduct meeting for gross misconduct'), () => {
    given(grossMisconduct).when(schedule('MISCONDUCT_MEETING')).thenThrows('meetingOnlyForMisconduct', { confidence: 'PARTLY_CONFIRMED' });
  });

  it(ruleTitle('acceleratedHearingNeedsGrossMisconduct', 'refuses an accelerated hearing for misconduct'), () => {
    given(misconduct).when(schedule('ACCELERATED_HEARING')).thenThrows('acceleratedHearingNeedsGrossMisconduct');
    given([referral(), subjectAdded(), severityAssessed(OFFICER, 'MISCONDUCT')])
      .when(schedule('ACCELERATED_HEARING'))
      .thenThrows('acceleratedHearingNeedsGrossMisconduct');
  });

  it('goes straight from a criminal conviction to an accelerated hearing, with no report or case-to-answer decision', () => {
    const convicted = [
      referral(),
      subjectAdded(),
      severityAssessed(OFFICER, 'GROSS_MISCONDUCT'),
      event('CriminalOutcomeRecorded', {
        subjectId: OFFICER,
        outcome: 'CONVICTED',
        sentence: 'CUSTODIAL',
        on: '2021-06-01',
      }),
    ];
    given(convicted).when(schedule('ACCELERATED_HEARING')).then(scheduled('ACCELERATED_HEARING'));
  });

  it(ruleTitle('notForFormerOfficers', 'refuses a misconduct meeting for an officer who has left'), () => {
    given([...misconduct, leftService(OFFICER, 'RESIGNED', 'DECISION')])
      .when(schedule('MISCONDUCT_MEETING'))
      .thenThrows('notForFormerOfficers');
  });

  it(ruleTitle('formerOfficerProceedingsOnlyForGrossMisconduct', 'refuses a hearing for misconduct against a former officer'), () => {
    given([...misconduct, leftService(OFFICER, 'RESIGNED', 'DECISION')])
      .when(schedule('MISCONDUCT_HEARING'))
      .thenThrows('formerOfficerProceedingsOnlyForGrossMisconduct');
    given([...grossMisconduct, leftService(OFFICER, 'RESIGNED', 'DECISION')])
      .when(schedule('MISCONDUCT_HEARING'))
      .then(scheduled('MISCONDUCT_HEARING'));
  });

  it('reschedules proceedings that have not concluded (e.g. a meeting referred on to a hearing)', () => {
    given([...caseAtProceedings('MISCONDUCT_MEETING')])
      .when(schedule('MISCONDUCT_HEARING'))
      .then(scheduled('MISCONDUCT_HEARING'));
  });

  it(ruleTitle('proceedingsAlreadyConcluded', 'refuses new proceedings once they have concluded'), () => {
    given([...caseAtProceedings('MISCONDUCT_HEARING'), concluded()])
      .when(schedule('MISCONDUCT_HEARING'))
      .thenThrows('proceedingsAlreadyConcluded');
  });
});
