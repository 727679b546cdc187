/**
 * The sanction history and the rules that read it (Conduct Regs 2020 reg 42(5)-(7); the form
 * of proceedings, docs/domain/regulations.md §2.6 and §2.9): given the person's history as the
 * write path reads it from the ledger (`priorSanctions`), when the outcome, then the event or
 * the refusal.
 */
import { event } from './case.rules';
import { isInForce, liveFinalWrittenWarning, sanctionsFromCase, WARNING_PERIODS } from './sanction-history';
import {
  caseToAnswer,
  conclusion,
  investigatedCase,
  OFFICER,
  proceedingsScheduled,
  proven,
  subjectAdded,
  referral,
  investigationStarted,
  reportSubmitted,
} from './testing/case-fixtures';
import { command, given, ruleTitle } from './testing/decider-spec';
import { finalWrittenWarningNotified } from './testing/sanction-fixtures';
import { foldCase } from './case.state';
import { withEventIds } from './testing/decider-spec';
import type { ProceedingsConcluded } from './case.events';

const misconductOnly = [proven('MISCONDUCT')];
/** A sergeant (who has a rank to lose) at a misconduct hearing on misconduct alone, concluded on 2021-11-01. */
const sergeantAtHearing = [
  referral(),
  subjectAdded(OFFICER, { rank: 'SERGEANT' }),
  investigationStarted(),
  reportSubmitted(),
  caseToAnswer(OFFICER, 'CASE_TO_ANSWER_MISCONDUCT'),
  proceedingsScheduled(OFFICER, 'MISCONDUCT_HEARING'),
];
const reduction = { findings: misconductOnly, outcome: 'REDUCTION_IN_RANK' as const };
const withHistory = (data: ProceedingsConcluded, ...history: ReturnType<typeof finalWrittenWarningNotified>[]) =>
  command('ConcludeProceedings', { ...data, priorSanctions: history });

describe('sanction history (reg 42)', () => {
  it('counts a final written warning for 2 years from the day it was notified, marked partly confirmed', () => {
    const warning = finalWrittenWarningNotified('2020-03-02');
    expect(warning.expiresOn).toBe('2022-03-02');
    expect(warning.expiry?.confidence).toBe('PARTLY_CONFIRMED');
    expect(isInForce(warning, '2022-03-01')).toBe(true);
    expect(isInForce(warning, '2022-03-02')).toBe(false);
    expect(WARNING_PERIODS.WRITTEN_WARNING.confidence).toBe('UNCONFIRMED');
  });

  it("takes a case's warning from the day the written outcome was received, and its finding from the outcome's day", () => {
    const events = [
      ...investigatedCase(),
      caseToAnswer(OFFICER, 'CASE_TO_ANSWER_MISCONDUCT'),
      proceedingsScheduled(OFFICER, 'MISCONDUCT_MEETING'),
      event('ProceedingsConcluded', conclusion({ findings: misconductOnly, outcome: 'FINAL_WRITTEN_WARNING', chair: 'SENIOR_OFFICER' })),
      event('WrittenOutcomeReceived', { subjectId: OFFICER, on: '2021-11-04' }),
    ];
    const state = foldCase(withEventIds(events));
    if (state === null) throw new Error('no case');
    const history = sanctionsFromCase(state, state.subjects[OFFICER].personId);
    expect(history.map(({ kind, notifiedOn, expiresOn }) => ({ kind, notifiedOn, expiresOn }))).toEqual([
      { kind: 'MISCONDUCT_FINDING', notifiedOn: '2021-11-01', expiresOn: null },
      { kind: 'FINAL_WRITTEN_WARNING', notifiedOn: '2021-11-04', expiresOn: '2023-11-04' },
    ]);
    expect(liveFinalWrittenWarning(history, '2023-11-03')?.caseId).toBe(state.caseId);
    expect(liveFinalWrittenWarning(history, '2023-11-04')).toBeUndefined();
  });

  it('drops a warning an appeal overturned, and counts the varied outcome instead', () => {
    const atMeeting = [
      ...investigatedCase(),
      caseToAnswer(OFFICER, 'CASE_TO_ANSWER_MISCONDUCT'),
      proceedingsScheduled(OFFICER, 'MISCONDUCT_MEETING'),
      event('ProceedingsConcluded', conclusion({ findings: misconductOnly, outcome: 'FINAL_WRITTEN_WARNING', chair: 'SENIOR_OFFICER' })),
      event('AppealLodged', { subjectId: OFFICER, forum: 'INTERNAL', on: '2021-11-05' }),
    ];
    const kinds = (determined: ReturnType<typeof event>) => {
      const state = foldCase(withEventIds([...atMeeting, determined]));
      if (state === null) throw new Error('no case');
      return sanctionsFromCase(state, state.subjects[OFFICER].personId).map((sanction) => sanction.kind);
    };
    expect(kinds(event('AppealDetermined', { subjectId: OFFICER, forum: 'INTERNAL', on: '2021-12-01', result: 'ALLOWED' }))).toEqual(['MISCONDUCT_FINDING']);
    expect(
      kinds(event('AppealDetermined', { subjectId: OFFICER, forum: 'INTERNAL', on: '2021-12-01', result: 'OUTCOME_VARIED', variedOutcome: 'WRITTEN_WARNING' })),
    ).toEqual(['MISCONDUCT_FINDING', 'WRITTEN_WARNING']);
  });

  it(
    ruleTitle(
      'seriousOutcomeOnMisconductNeedsCondition',
      'allows reduction in rank on misconduct alone while a final written warning is in force, and records why',
    ),
    () => {
      given(sergeantAtHearing)
        .when(withHistory(conclusion(reduction), finalWrittenWarningNotified('2020-06-01')))
        .then([event('ProceedingsConcluded', conclusion({ ...reduction, sanctionBasis: 'LIVE_FINAL_WRITTEN_WARNING' }))]);
      // Expired on 2022-06-01, before the finding of 2022-07-01.
      given(sergeantAtHearing)
        .when(withHistory(conclusion({ ...reduction, on: '2022-07-01' }), finalWrittenWarningNotified('2020-06-01')))
        .thenThrows('seriousOutcomeOnMisconductNeedsCondition');
    },
  );

  it(ruleTitle('liveFinalWrittenWarningNotOnRecord', 'refuses a declared live final written warning the history does not hold'), () => {
    given(sergeantAtHearing)
      .when(withHistory(conclusion({ ...reduction, sanctionBasis: 'LIVE_FINAL_WRITTEN_WARNING' })))
      .thenThrows('liveFinalWrittenWarningNotOnRecord');
  });

  it(ruleTitle('noSecondFinalWrittenWarning', 'refuses a final written warning while one in the history is in force'), () => {
    const warning = { findings: misconductOnly, outcome: 'FINAL_WRITTEN_WARNING' as const };
    given(sergeantAtHearing)
      .when(withHistory(conclusion(warning), finalWrittenWarningNotified('2020-06-01')))
      .thenThrows('noSecondFinalWrittenWarning');
    given(sergeantAtHearing)
      .when(withHistory(conclusion(warning), finalWrittenWarningNotified('2019-06-01')))
      .then([event('ProceedingsConcluded', conclusion(warning))]);
  });

  it(ruleTitle('liveFinalWrittenWarningNeedsHearing', 'refuses a misconduct meeting for someone with a final written warning in force'), () => {
    const atDecision = [...investigatedCase(), caseToAnswer(OFFICER, 'CASE_TO_ANSWER_MISCONDUCT')];
    const meeting = { subjectId: OFFICER, kind: 'MISCONDUCT_MEETING' as const, noticeServedOn: '2021-10-01', scheduledFor: '2021-11-01' };
    given(atDecision)
      .when(command('ScheduleProceedings', { ...meeting, priorSanctions: [finalWrittenWarningNotified('2020-06-01')] }))
      .thenThrows('liveFinalWrittenWarningNeedsHearing');
    given(atDecision)
      .when(command('ScheduleProceedings', { ...meeting, kind: 'MISCONDUCT_HEARING', priorSanctions: [finalWrittenWarningNotified('2020-06-01')] }))
      .then([event('ProceedingsScheduled', { ...meeting, kind: 'MISCONDUCT_HEARING' })]);
  });
});
