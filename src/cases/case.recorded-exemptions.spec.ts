/**
 * Steps the law makes recordable so the rules and clocks can follow them (issue 13, items 17,
 * 20 and 21): the Director General's Condition C determination for a former officer, the end
 * of a 2012 dismissal's notice, and a reg 19 report withheld as it might prejudice an
 * investigation.
 */
import { event } from './case.rules';
import {
  caseAtProceedings,
  caseToAnswer,
  concluded,
  dismissedOfficer,
  investigationStarted,
  leftService,
  OFFICER,
  RECEIVED_2012_REGS,
  referral,
  reportSubmitted,
  subjectAdded,
} from './testing/case-fixtures';
import { command, given, ruleTitle } from './testing/decider-spec';

describe("a former officer's proceedings need a Schedule 1 condition (issue 13, item 17)", () => {
  /** Retired on `leftOn`; the matter came to attention on 1 March 2021 and has a case to answer for gross misconduct. */
  const retiredBefore = (leftOn: string, receivedOn = '2021-03-01') => [
    referral({ receivedOn }),
    subjectAdded(),
    leftService(OFFICER, 'RETIRED', 'ASSESSMENT', true, leftOn),
    investigationStarted(),
    reportSubmitted(),
    caseToAnswer(OFFICER, 'CASE_TO_ANSWER_GROSS_MISCONDUCT'),
  ];
  const schedule = command('ScheduleProceedings', {
    subjectId: OFFICER,
    kind: 'MISCONDUCT_HEARING',
    noticeServedOn: '2021-10-01',
    scheduledFor: '2021-11-01',
  });
  const scheduled = event('ProceedingsScheduled', { subjectId: OFFICER, kind: 'MISCONDUCT_HEARING', noticeServedOn: '2021-10-01', scheduledFor: '2021-11-01' });
  const determine = (on = '2021-09-20') => command('RecordConditionCDetermination', { subjectId: OFFICER, on });

  it(
    ruleTitle(
      'formerOfficerProceedingsNeedScheduleOneCondition',
      'refuses proceedings against an officer who left more than 12 months before the matter came to attention, until condition C is determined',
    ),
    () => {
      // Condition B: it came to attention 9 months after they retired.
      given(retiredBefore('2020-06-01')).when(schedule).then([scheduled]);
      // Condition A: they retired after it came to attention.
      const retiredDuring = [
        referral(),
        subjectAdded(),
        investigationStarted(),
        leftService(OFFICER, 'RETIRED', 'INVESTIGATION', true, '2021-06-01'),
        reportSubmitted(),
        caseToAnswer(OFFICER, 'CASE_TO_ANSWER_GROSS_MISCONDUCT'),
      ];
      given(retiredDuring).when(schedule).then([scheduled]);
      // 15 months: neither A nor B; the Director General's determination (condition C) opens the way.
      given(retiredBefore('2019-12-01')).when(schedule).thenThrows('formerOfficerProceedingsNeedScheduleOneCondition', { confidence: 'CONFIRMED' });
      given([...retiredBefore('2019-12-01'), event('ConditionCDeterminationMade', { subjectId: OFFICER, on: '2021-09-20' })])
        .when(schedule)
        .then([scheduled]);
    },
  );

  it(ruleTitle('formerOfficerProceedingsNeedScheduleOneCondition', 'says the conditions are unconfirmed for a matter under the 2012 regulations'), () => {
    given(retiredBefore('2018-01-15', RECEIVED_2012_REGS))
      .when(schedule)
      .thenThrows('formerOfficerProceedingsNeedScheduleOneCondition', { confidence: 'UNCONFIRMED' });
  });

  it(
    ruleTitle(
      'conditionCDeterminationNeedsLateAllegation',
      'records a Condition C determination only for a former officer who left more than 12 months before',
    ),
    () => {
      given(retiredBefore('2019-12-01'))
        .when(determine())
        .then([event('ConditionCDeterminationMade', { subjectId: OFFICER, on: '2021-09-20' })]);
      given(retiredBefore('2020-06-01')).when(determine()).thenThrows('conditionCDeterminationNeedsLateAllegation');
      given(caseAtProceedings()).when(determine()).thenThrows('conditionCDeterminationNeedsLateAllegation');
      given(retiredBefore('2019-12-01')).when(determine('2021-02-01')).thenThrows('dateBeforeEarlierStep');
    },
  );
});

describe('a 2012 dismissal with notice takes effect when the notice ends (issue 13, item 20)', () => {
  const dismissedWithNotice = [...caseAtProceedings('MISCONDUCT_HEARING', { receivedOn: RECEIVED_2012_REGS }), concluded({ outcome: 'DISMISSAL_WITH_NOTICE' })];
  const takesEffect = (on: string) => command('RecordDismissalTakingEffect', { subjectId: OFFICER, on });
  const bar = (on: string) => command('AddToBarredList', { subjectId: OFFICER, on, basis: 'DISMISSED' });
  const tookEffect = event('DismissalTookEffect', { subjectId: OFFICER, on: '2021-11-29' });

  it(ruleTitle('dismissalEffectNeedsDismissalWithNotice', 'records the end of the notice only for a dismissal with notice'), () => {
    given(dismissedOfficer()).when(takesEffect('2021-11-29')).thenThrows('dismissalEffectNeedsDismissalWithNotice');
    given(dismissedWithNotice).when(takesEffect('2021-11-29')).then([tookEffect]);
  });

  it(ruleTitle('dismissalNoticeAtLeast28Days', 'refuses an end of notice less than 28 days after the outcome'), () => {
    // Concluded on 1 November 2021: the notice ends on 29 November at the earliest.
    given(dismissedWithNotice).when(takesEffect('2021-11-28')).thenThrows('dismissalNoticeAtLeast28Days');
  });

  it(ruleTitle('barredListAfterDismissalTakesEffect', 'enters a dismissal with notice on the barred list only once the notice has ended'), () => {
    given(dismissedWithNotice).when(bar('2021-11-05')).thenThrows('barredListAfterDismissalTakesEffect');
    given([...dismissedWithNotice, tookEffect])
      .when(bar('2021-11-26'))
      .thenThrows('dateBeforeEarlierStep');
    given([...dismissedWithNotice, tookEffect])
      .when(bar('2021-11-30'))
      .then([event('BarredListEntryMade', { subjectId: OFFICER, on: '2021-11-30', basis: 'DISMISSED' })]);
  });
});

describe('a reg 19 report withheld as it might prejudice an investigation (issue 13, item 21)', () => {
  const running = [referral(), subjectAdded(), investigationStarted()];
  const withhold = (kind: 'TWELVE_MONTH' | 'UPDATE' = 'TWELVE_MONTH') => command('WithholdProgressReport', { on: '2022-03-01', kind });

  it(
    ruleTitle(
      'progressReportExemptionNeedsReportingInvestigation',
      'records a withheld report only for a running force investigation under the 2020 regulations, and only a statutory one',
    ),
    () => {
      given(running)
        .when(withhold())
        .then([event('ProgressReportWithheld', { on: '2022-03-01', kind: 'TWELVE_MONTH' })]);
      given(running).when(withhold('UPDATE')).thenThrows('progressReportExemptionNeedsReportingInvestigation');
      given([...running, reportSubmitted()])
        .when(withhold())
        .thenThrows('progressReportExemptionNeedsReportingInvestigation');
      given([referral({ receivedOn: RECEIVED_2012_REGS }), subjectAdded(), investigationStarted()])
        .when(withhold())
        .thenThrows('progressReportExemptionNeedsReportingInvestigation');
      const directed = [
        ...running,
        event('ReferredToIopc', { criteria: ['SERIOUS_CORRUPTION'], mandatory: true, referredOn: '2021-03-05' }),
        event('IopcDecisionRecorded', { mode: 'DIRECTED', decidedOn: '2021-03-19' }),
      ];
      given(directed).when(withhold()).thenThrows('progressReportExemptionNeedsReportingInvestigation');
    },
  );
});
