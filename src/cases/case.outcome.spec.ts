import { event } from './case.rules';
import {
  caseAtProceedings,
  caseToAnswer,
  conclusion,
  concluded,
  investigatedCase,
  leftService,
  notProven,
  OFFICER,
  proven,
  RECEIVED_2012_REGS,
  referral,
  severityAssessed,
  STAFF,
  subjectAdded,
} from './testing/case-fixtures';
import { command, given, ruleTitle } from './testing/decider-spec';
import type { ProceedingsConcluded } from './case.events';

const conclude = (overrides: Partial<ProceedingsConcluded> = {}) => command('ConcludeProceedings', conclusion(overrides));
const concludedAs = (overrides: Partial<ProceedingsConcluded> = {}) => [event('ProceedingsConcluded', conclusion(overrides))];
const warning = { findings: [proven('MISCONDUCT')], outcome: 'WRITTEN_WARNING' as const };
const atMeeting = caseAtProceedings('MISCONDUCT_MEETING');
const atHearing = caseAtProceedings('MISCONDUCT_HEARING');
const atAccelerated = caseAtProceedings('ACCELERATED_HEARING');
const resignedAtHearing = [...atHearing, leftService(OFFICER)];

describe('the outcome of proceedings', () => {
  it(ruleTitle('outcomeNeedsProceedings', 'refuses an outcome when no proceedings were scheduled for the subject'), () => {
    given([...investigatedCase(), caseToAnswer(OFFICER, 'CASE_TO_ANSWER_MISCONDUCT')])
      .when(conclude(warning))
      .thenThrows('outcomeNeedsProceedings');
  });

  it(ruleTitle('outcomeNeedsProceedings', 'refuses anything but no further action on the no-case-to-answer path'), () => {
    const noCase = [...investigatedCase(), caseToAnswer(OFFICER, 'NO_CASE_TO_ANSWER')];
    given(noCase).when(conclude(warning)).thenThrows('outcomeNeedsProceedings');
    const nothing = { findings: [], outcome: 'NO_FURTHER_ACTION' as const, chair: 'OTHER' as const };
    given(noCase).when(conclude(nothing)).then(concludedAs(nothing));
    given([referral(), subjectAdded(), severityAssessed(OFFICER, 'NO_CASE_TO_ANSWER')])
      .when(conclude(nothing))
      .then(concludedAs(nothing));
  });

  it(ruleTitle('proceedingsAlreadyConcluded', 'refuses a second outcome'), () => {
    given([...atHearing, concluded()])
      .when(conclude())
      .thenThrows('proceedingsAlreadyConcluded');
  });

  it(ruleTitle('formerOfficerMustMatchDeparture', 'refuses formerOfficer for a serving subject, and its absence for one who left'), () => {
    given(atHearing)
      .when(conclude({ formerOfficer: true }))
      .thenThrows('formerOfficerMustMatchDeparture');
    given(resignedAtHearing)
      .when(conclude({ formerOfficer: false }))
      .thenThrows('formerOfficerMustMatchDeparture');
    given(resignedAtHearing)
      .when(conclude({ formerOfficer: true }))
      .then(concludedAs({ formerOfficer: true }));
  });

  it('treats a subject who transferred to another force as still serving', () => {
    given([...atHearing, leftService(OFFICER, 'TRANSFERRED')])
      .when(conclude({ formerOfficer: true }))
      .thenThrows('formerOfficerMustMatchDeparture');
    given([...atHearing, leftService(OFFICER, 'TRANSFERRED')])
      .when(conclude())
      .then(concludedAs());
  });

  it(ruleTitle('outcomeNotAvailableUnderRegulations', 'refuses management advice and dismissal with notice under the 2020 regulations'), () => {
    given(atMeeting)
      .when(conclude({ ...warning, outcome: 'MANAGEMENT_ADVICE' }))
      .thenThrows('outcomeNotAvailableUnderRegulations');
    given(atHearing)
      .when(conclude({ outcome: 'DISMISSAL_WITH_NOTICE' }))
      .thenThrows('outcomeNotAvailableUnderRegulations');
  });

  it(ruleTitle('outcomeNotAvailableUnderRegulations', 'refuses reduction in rank under the 2012 regulations, and accepts their own outcomes'), () => {
    const legacyHearing = caseAtProceedings('MISCONDUCT_HEARING', { receivedOn: RECEIVED_2012_REGS });
    given(legacyHearing)
      .when(conclude({ outcome: 'REDUCTION_IN_RANK' }))
      .thenThrows('outcomeNotAvailableUnderRegulations');
    given(legacyHearing)
      .when(conclude({ outcome: 'DISMISSAL_WITH_NOTICE' }))
      .then(concludedAs({ outcome: 'DISMISSAL_WITH_NOTICE' }));
    const legacyMeeting = caseAtProceedings('MISCONDUCT_MEETING', { receivedOn: RECEIVED_2012_REGS });
    const advice = { ...warning, outcome: 'MANAGEMENT_ADVICE' as const };
    given(legacyMeeting).when(conclude(advice)).then(concludedAs(advice));
  });

  it(ruleTitle('grossMisconductNeedsHearing', 'refuses a proven finding of gross misconduct at a misconduct meeting'), () => {
    given(atMeeting)
      .when(conclude({ findings: [proven('GROSS_MISCONDUCT')], outcome: 'FINAL_WRITTEN_WARNING' }))
      .thenThrows('grossMisconductNeedsHearing');
  });

  it(ruleTitle('outcomeBeyondMeetingPowers', 'refuses reduction in rank or dismissal at a misconduct meeting'), () => {
    given(atMeeting)
      .when(conclude({ ...warning, outcome: 'DISMISSAL_WITHOUT_NOTICE' }))
      .thenThrows('outcomeBeyondMeetingPowers');
    given(atMeeting)
      .when(conclude({ ...warning, outcome: 'REDUCTION_IN_RANK' }))
      .thenThrows('outcomeBeyondMeetingPowers');
    given(atMeeting).when(conclude(warning)).then(concludedAs(warning));
    const finalWarning = { ...warning, outcome: 'FINAL_WRITTEN_WARNING' as const };
    given(atMeeting).when(conclude(finalWarning)).then(concludedAs(finalWarning));
  });

  it(ruleTitle('outcomeBeyondAcceleratedHearingPowers', 'refuses a written warning at an accelerated hearing'), () => {
    given(atAccelerated).when(conclude(warning)).thenThrows('outcomeBeyondAcceleratedHearingPowers');
    given(atAccelerated).when(conclude()).then(concludedAs());
  });

  it(ruleTitle('disciplinaryActionNeedsProvenFinding', 'refuses a warning when nothing was proven'), () => {
    given(atHearing)
      .when(conclude({ findings: [notProven('MISCONDUCT')], outcome: 'WRITTEN_WARNING' }))
      .thenThrows('disciplinaryActionNeedsProvenFinding');
    const cleared = { findings: [notProven('GROSS_MISCONDUCT')], outcome: 'NO_FURTHER_ACTION' as const };
    given(atHearing).when(conclude(cleared)).then(concludedAs(cleared));
  });

  it(ruleTitle('provenGrossMisconductNeedsSeriousOutcome', 'refuses a written warning for proven gross misconduct'), () => {
    given(atHearing)
      .when(conclude({ findings: [proven('GROSS_MISCONDUCT')], outcome: 'WRITTEN_WARNING' }))
      .thenThrows('provenGrossMisconductNeedsSeriousOutcome');
    const finalWarning = { outcome: 'FINAL_WRITTEN_WARNING' as const };
    given(atHearing).when(conclude(finalWarning)).then(concludedAs(finalWarning));
  });

  it(ruleTitle('formerOfficerOutcomeLimited', 'refuses a final written warning for a former officer'), () => {
    given(resignedAtHearing)
      .when(conclude({ formerOfficer: true, outcome: 'FINAL_WRITTEN_WARNING' }))
      .thenThrows('formerOfficerOutcomeLimited');
    const nothing = {
      formerOfficer: true,
      findings: [notProven('GROSS_MISCONDUCT')],
      outcome: 'NO_FURTHER_ACTION' as const,
    };
    given(resignedAtHearing).when(conclude(nothing)).then(concludedAs(nothing));
  });

  it(ruleTitle('notForFormerOfficers', 'refuses to conclude a misconduct meeting for an officer who has left since'), () => {
    given([...atMeeting, leftService(OFFICER)])
      .when(conclude({ ...warning, formerOfficer: true }))
      .thenThrows('notForFormerOfficers');
  });

  it('records what a former member of staff would have received at a meeting (case study 6, employee C)', () => {
    const staffMeeting = [...caseAtProceedings('MISCONDUCT_MEETING', { subjectId: STAFF }), leftService(STAFF)];
    const wouldHaveBeenWarned = { ...warning, subjectId: STAFF, formerOfficer: true, chair: 'OTHER' as const };
    given(staffMeeting).when(conclude(wouldHaveBeenWarned)).then(concludedAs(wouldHaveBeenWarned));
  });

  it('removes the subject from the advisory list alongside the conclusion', () => {
    const onAdvisoryList = [...resignedAtHearing, event('AdvisoryListEntryMade', { subjectId: OFFICER, on: '2021-10-18' })];
    given(onAdvisoryList)
      .when(conclude({ formerOfficer: true }))
      .then([...concludedAs({ formerOfficer: true }), event('AdvisoryListEntryRemoved', { subjectId: OFFICER, on: '2021-11-01' })]);
  });
});
