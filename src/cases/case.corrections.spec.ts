import { event } from './case.rules';
import type { CaseEventEnvelope, CorrectableEventData } from './case.events';
import { conclusion, dismissedOfficer, OFFICER, referral, referralData, STAFF, subjectAdded, subjectData } from './testing/case-fixtures';
import { command, given, ruleTitle, withEventIds } from './testing/decider-spec';

/** The dismissed officer's history with ids event-1..event-7; event-7 is the conclusion. */
const history = withEventIds(dismissedOfficer());
const eventId = (type: CaseEventEnvelope['type']) => history.find((candidate) => candidate.type === type)?.eventId ?? 'missing';
const correct = (correctsEventId: string, replacement: CorrectableEventData) =>
  command('CorrectRecord', { correctsEventId, reason: 'typed in error', replacement });

describe('corrections', () => {
  it('corrects an event of the case with a full payload of its type', () => {
    const replacement = conclusion({ on: '2021-11-02' });
    given(history)
      .when(correct(eventId('ProceedingsConcluded'), replacement))
      .then([
        event('RecordCorrected', {
          correctsEventId: eventId('ProceedingsConcluded'),
          reason: 'typed in error',
          replacement,
        }),
      ]);
  });

  it(ruleTitle('correctionMustTargetThisCase', 'refuses to correct an event that is not in this case'), () => {
    given(history).when(correct('event-of-another-case', conclusion())).thenThrows('correctionMustTargetThisCase');
  });

  it(ruleTitle('cannotCorrectACorrection', 'refuses to correct a correction'), () => {
    const corrected = [
      ...history,
      {
        ...event('RecordCorrected', {
          correctsEventId: eventId('ProceedingsConcluded'),
          reason: 'x',
          replacement: conclusion(),
        }),
        eventId: 'correction-1',
      },
    ];
    given(corrected).when(correct('correction-1', conclusion())).thenThrows('cannotCorrectACorrection');
  });

  it(ruleTitle('identifiersCannotBeCorrected', "refuses to change a referral's caseId or a subject's subjectId"), () => {
    given(history)
      .when(correct(eventId('ReferralReceived'), referralData({ caseId: 'another-case' })))
      .thenThrows('identifiersCannotBeCorrected');
    given(history)
      .when(correct(eventId('SubjectAdded'), subjectData('another-subject')))
      .thenThrows('identifiersCannotBeCorrected');
    given(history)
      .when(correct(eventId('ReferralReceived'), referralData({ force: 'ANOTHER_FORCE' })))
      .then([
        event('RecordCorrected', {
          correctsEventId: eventId('ReferralReceived'),
          reason: 'typed in error',
          replacement: referralData({ force: 'ANOTHER_FORCE' }),
        }),
      ]);
  });

  it(ruleTitle('replacementMustMatchEventType', 'refuses a payload of another type, an unknown field or a missing one'), () => {
    const conclusionId = eventId('ProceedingsConcluded');
    given(history)
      .when(correct(conclusionId, { on: '2021-11-02' }))
      .thenThrows('replacementMustMatchEventType');
    given(history)
      .when(correct(conclusionId, { ...conclusion(), colour: 'blue' } as CorrectableEventData))
      .thenThrows('replacementMustMatchEventType');
    given(history)
      .when(correct(conclusionId, { ...conclusion(), on: '2021-02-30' }))
      .thenThrows('replacementMustMatchEventType');
  });

  it(ruleTitle('subjectMustExist', 'refuses to move a step to a subject the case does not have'), () => {
    given(history)
      .when(
        correct(eventId('CaseToAnswerDecided'), {
          subjectId: STAFF,
          decision: 'CASE_TO_ANSWER_GROSS_MISCONDUCT',
          decidedBy: 'IOPC',
          on: '2021-09-15',
        }),
      )
      .thenThrows('subjectMustExist');
  });

  it(ruleTitle('correctionBreaksRules', 'refuses a correction that would leave a barred subject without a dismissal, or a dismissal at a meeting'), () => {
    const barred = [
      ...history,
      {
        ...event('BarredListEntryMade', { subjectId: OFFICER, on: '2021-11-05', basis: 'DISMISSED' as const }),
        eventId: 'barred',
      },
    ];
    given(barred)
      .when(correct(eventId('ProceedingsConcluded'), conclusion({ outcome: 'FINAL_WRITTEN_WARNING' })))
      .thenThrows('correctionBreaksRules');
    given(barred)
      .when(
        correct(eventId('ProceedingsScheduled'), {
          subjectId: OFFICER,
          kind: 'MISCONDUCT_MEETING',
          noticeServedOn: '2021-10-01',
          scheduledFor: '2021-11-01',
        }),
      )
      .thenThrows('correctionBreaksRules');
  });

  it(ruleTitle('caseClosed', 'refuses a correction on a closed case'), () => {
    const closed = [referral(), subjectAdded(), event('CaseClosed', { on: '2022-01-10', reason: 'done' })];
    given(closed).when(correct('event-2', subjectData())).thenThrows('caseClosed');
  });
});
