import type { AppealForum, AppealResult, Outcome } from './case.enums';
import { event } from './case.rules';
import { caseAtProceedings, concluded, dismissedOfficer, formerOfficerWouldHaveBeenDismissed, OFFICER, proven, STAFF } from './testing/case-fixtures';
import { command, given, ruleTitle } from './testing/decider-spec';

const PAT: AppealForum = 'POLICE_APPEALS_TRIBUNAL';
const lodge = (forum: AppealForum = PAT, subjectId = OFFICER) => command('LodgeAppeal', { subjectId, forum, on: '2021-11-10' });
const lodged = (forum: AppealForum = PAT, subjectId = OFFICER) => event('AppealLodged', { subjectId, forum, on: '2021-11-10' });
const determine = (result: AppealResult, variedOutcome?: Outcome, forum: AppealForum = PAT) =>
  command('DetermineAppeal', {
    subjectId: OFFICER,
    forum,
    on: '2022-02-10',
    result,
    ...(variedOutcome ? { variedOutcome } : {}),
  });
const warnedAtMeeting = [...caseAtProceedings('MISCONDUCT_MEETING'), concluded({ findings: [proven('MISCONDUCT')], outcome: 'FINAL_WRITTEN_WARNING' })];

describe('appeals', () => {
  it(ruleTitle('appealNeedsConcludedProceedings', 'refuses an appeal before proceedings conclude'), () => {
    given(caseAtProceedings('MISCONDUCT_HEARING')).when(lodge()).thenThrows('appealNeedsConcludedProceedings');
  });

  it('lodges an appeal to the tribunal against a hearing, and to the force against a meeting', () => {
    given(dismissedOfficer()).when(lodge()).then([lodged()]);
    given(warnedAtMeeting)
      .when(lodge('INTERNAL'))
      .then([lodged('INTERNAL')]);
  });

  it(ruleTitle('appealForumMustMatchProceedings', "refuses an internal appeal against a hearing's outcome, and a tribunal one against a meeting's"), () => {
    given(dismissedOfficer()).when(lodge('INTERNAL')).thenThrows('appealForumMustMatchProceedings');
    given(warnedAtMeeting).when(lodge(PAT)).thenThrows('appealForumMustMatchProceedings');
  });

  it('accepts either forum for police staff, who appeal under force procedures', () => {
    const staffDismissed = [...caseAtProceedings('MISCONDUCT_HEARING', { subjectId: STAFF }), concluded({ subjectId: STAFF })];
    given(staffDismissed)
      .when(lodge('INTERNAL', STAFF))
      .then([lodged('INTERNAL', STAFF)]);
  });

  it(ruleTitle('appealAlreadyPending', 'refuses a second appeal while one awaits determination'), () => {
    given([...dismissedOfficer(), lodged()])
      .when(lodge())
      .thenThrows('appealAlreadyPending');
  });

  it(ruleTitle('appealMustBeLodged', 'refuses to determine an appeal that was never lodged'), () => {
    given(dismissedOfficer()).when(determine('DISMISSED')).thenThrows('appealMustBeLodged');
  });

  it(ruleTitle('variedOutcomeRequired', 'refuses a variation that does not say the new outcome'), () => {
    given([...dismissedOfficer(), lodged()])
      .when(determine('OUTCOME_VARIED'))
      .thenThrows('variedOutcomeRequired');
  });

  it(ruleTitle('variedOutcomeOnlyWhenVaried', 'refuses a varied outcome on an appeal that was dismissed'), () => {
    given([...dismissedOfficer(), lodged()])
      .when(determine('DISMISSED', 'FINAL_WRITTEN_WARNING'))
      .thenThrows('variedOutcomeOnlyWhenVaried');
  });

  it('varies a dismissal to a final written warning', () => {
    given([...dismissedOfficer(), lodged()])
      .when(determine('OUTCOME_VARIED', 'FINAL_WRITTEN_WARNING'))
      .thenState((after) => expect(after.subjects[OFFICER].outcome).toBe('FINAL_WRITTEN_WARNING'));
  });

  it(ruleTitle('outcomeBeyondMeetingPowers', "refuses an appeal against a meeting's outcome that varies it to dismissal"), () => {
    given([...warnedAtMeeting, lodged('INTERNAL')])
      .when(determine('OUTCOME_VARIED', 'DISMISSAL_WITHOUT_NOTICE', 'INTERNAL'))
      .thenThrows('outcomeBeyondMeetingPowers');
  });

  it(ruleTitle('formerOfficerOutcomeLimited', "refuses to vary a former officer's outcome to a warning"), () => {
    given([...formerOfficerWouldHaveBeenDismissed(), lodged()])
      .when(determine('OUTCOME_VARIED', 'FINAL_WRITTEN_WARNING'))
      .thenThrows('formerOfficerOutcomeLimited');
    given([...formerOfficerWouldHaveBeenDismissed(), lodged()])
      .when(determine('OUTCOME_VARIED', 'NO_FURTHER_ACTION'))
      .thenState((after) => expect(after.subjects[OFFICER].outcome).toBe('NO_FURTHER_ACTION'));
  });
});
