/**
 * Lists, IOPC modes, suspension and dates as the law allows them (issue 13, items 7-11).
 */
import { event } from './case.rules';
import {
  caseAtProceedings,
  caseToAnswer,
  concluded,
  dismissedOfficer,
  investigatedCase,
  investigationStarted,
  leftService,
  OFFICER,
  proceedingsScheduled,
  referral,
  reportSubmitted,
  resignedInPracticeMatter,
  RECEIVED_2012_REGS,
  severityAssessed,
  subjectAdded,
} from './testing/case-fixtures';
import { command, given, ruleTitle } from './testing/decider-spec';

const bar = (on = '2021-11-05') => command('AddToBarredList', { subjectId: OFFICER, on, basis: 'DISMISSED' });
const advisory = (on = '2021-10-18') => command('AddToAdvisoryList', { subjectId: OFFICER, on });
const suspend = (on = '2021-10-20') => command('SuspendSubject', { subjectId: OFFICER, on, reason: 'r' });

describe('the barred and advisory lists (issue 13, items 7-8)', () => {
  it(ruleTitle('barredListOnlyForHomeOfficeForces', 'refuses a barred- or advisory-list entry for a BTP or NCA case'), () => {
    const btp = [referral({ force: 'BRITISH_TRANSPORT_POLICE' }), ...dismissedOfficer().slice(1)];
    given(btp).when(bar()).thenThrows('barredListOnlyForHomeOfficeForces');
    const nca = [referral({ force: 'NCA' }), ...caseAtProceedings('MISCONDUCT_HEARING').slice(1), leftService(OFFICER)];
    given(nca).when(advisory()).thenThrows('barredListOnlyForHomeOfficeForces');
    given(dismissedOfficer())
      .when(bar())
      .then([event('BarredListEntryMade', { subjectId: OFFICER, on: '2021-11-05', basis: 'DISMISSED' })]);
  });

  it(ruleTitle('barredListWorkforceScope', 'refuses a barred-list entry for a contractor'), () => {
    const contractor = 'subject-contractor';
    given([
      referral(),
      subjectAdded(contractor, { workforceType: 'CONTRACTOR', rank: 'STAFF' }),
      investigationStarted(),
      reportSubmitted(),
      caseToAnswer(contractor, 'CASE_TO_ANSWER_GROSS_MISCONDUCT'),
      proceedingsScheduled(contractor, 'MISCONDUCT_HEARING'),
      concluded({ subjectId: contractor, chair: 'OTHER' }),
    ])
      .when(command('AddToBarredList', { subjectId: contractor, on: '2021-11-05', basis: 'DISMISSED' }))
      .thenThrows('barredListWorkforceScope');
  });

  it(ruleTitle('dateBeforeEarlierStep', 'refuses a barred-list entry dated before the dismissal'), () => {
    given(dismissedOfficer()).when(bar('2021-10-30')).thenThrows('dateBeforeEarlierStep');
  });

  it(ruleTitle('advisoryListNotInForce', 'refuses an advisory-list entry for a departure before 15 December 2017'), () => {
    const leftIn2017 = [
      referral({ receivedOn: '2017-06-01' }),
      subjectAdded(),
      investigationStarted('2017-07-01'),
      leftService(OFFICER, 'RESIGNED', 'INVESTIGATION', true, '2017-12-01'),
    ];
    given(leftIn2017).when(advisory('2017-12-20')).thenThrows('advisoryListNotInForce');
  });

  it(
    ruleTitle('advisoryListNeedsMatterThatCouldLeadToDismissal', 'refuses an advisory-list entry for a matter assessed as practice requiring improvement'),
    () => {
      given(resignedInPracticeMatter()).when(advisory()).thenThrows('advisoryListNeedsMatterThatCouldLeadToDismissal');
    },
  );

  it(ruleTitle('dateBeforeEarlierStep', 'refuses an advisory-list entry dated before the departure'), () => {
    given([...investigatedCase(), leftService(OFFICER, 'RESIGNED', 'INVESTIGATION')])
      .when(advisory('2021-10-01'))
      .thenThrows('dateBeforeEarlierStep');
  });
});

describe('IOPC modes by date and body (issue 13, item 9)', () => {
  const referred = event('ReferredToIopc', { referredOn: '2021-03-02', mandatory: true, criteria: ['SERIOUS_CORRUPTION'] });

  it(
    ruleTitle(
      'iopcModeNotAvailableUnderRegulations',
      'refuses a directed investigation before 1 February 2020, and accepts a managed one after it for a non-Home-Office force',
    ),
    () => {
      given([referral({ receivedOn: RECEIVED_2012_REGS }), subjectAdded(), referred])
        .when(command('RecordIopcDecision', { mode: 'DIRECTED', decidedOn: '2019-06-10' }))
        .thenThrows('iopcModeNotAvailableUnderRegulations');
      const managed = { mode: 'MANAGED' as const, decidedOn: '2021-03-05' };
      given([referral({ force: 'MINISTRY_OF_DEFENCE_POLICE' }), subjectAdded(), referred])
        .when(command('RecordIopcDecision', managed))
        .then([event('IopcDecisionRecorded', managed)]);
      given([referral(), subjectAdded(), referred]).when(command('RecordIopcDecision', managed)).thenThrows('iopcModeNotAvailableUnderRegulations');
    },
  );
});

describe('suspension (issue 13, item 10)', () => {
  it('ends a suspension with a decision of no case to answer (reg 11)', () => {
    given([...investigatedCase(), event('SubjectSuspended', { subjectId: OFFICER, on: '2021-03-12', reason: 'r' })])
      .when(
        command('DecideCaseToAnswer', {
          subjectId: OFFICER,
          decision: 'NO_CASE_TO_ANSWER',
          decidedBy: 'APPROPRIATE_AUTHORITY',
          on: '2021-09-15',
        }),
      )
      .thenState((after) => expect(after.subjects[OFFICER].suspension).toBe('NONE'));
  });

  it(
    ruleTitle('suspensionNeedsServingSubjectBeforeOutcome', 'refuses to suspend a subject who has left, after the outcome, or after no case to answer'),
    () => {
      given([...investigatedCase(), leftService(OFFICER, 'RESIGNED', 'INVESTIGATION')])
        .when(suspend())
        .thenThrows('suspensionNeedsServingSubjectBeforeOutcome');
      given(dismissedOfficer()).when(suspend('2021-11-05')).thenThrows('suspensionNeedsServingSubjectBeforeOutcome');
      given([...investigatedCase(), caseToAnswer(OFFICER, 'NO_CASE_TO_ANSWER')])
        .when(command('RestrictSubject', { subjectId: OFFICER, on: '2021-10-20', reason: 'r' }))
        .thenThrows('suspensionNeedsServingSubjectBeforeOutcome');
      given(investigatedCase())
        .when(suspend())
        .then([event('SubjectSuspended', { subjectId: OFFICER, on: '2021-10-20', reason: 'r' })]);
    },
  );
});

describe('dates in order, and closing (issue 13, item 11)', () => {
  it(ruleTitle('dateBeforeEarlierStep', 'refuses an outcome before the referral and a hearing before its notice'), () => {
    given(caseAtProceedings('MISCONDUCT_HEARING'))
      .when(
        command('ConcludeProceedings', {
          subjectId: OFFICER,
          on: '2020-01-01',
          findings: [{ standard: 'CONFIDENTIALITY', proven: true, level: 'GROSS_MISCONDUCT' }],
          outcome: 'DISMISSAL_WITHOUT_NOTICE',
          formerOfficer: false,
          chair: 'LEGALLY_QUALIFIED_CHAIR',
        }),
      )
      .thenThrows('dateBeforeEarlierStep');
    given([...investigatedCase(), caseToAnswer(OFFICER, 'CASE_TO_ANSWER_GROSS_MISCONDUCT')])
      .when(
        command('ScheduleProceedings', {
          subjectId: OFFICER,
          kind: 'MISCONDUCT_HEARING',
          noticeServedOn: '2021-10-01',
          scheduledFor: '2021-09-20',
        }),
      )
      .thenThrows('dateBeforeEarlierStep');
  });

  it(ruleTitle('caseHasOpenMatters', 'refuses to close a case while a subject is suspended or has proceedings pending'), () => {
    const close = command('CloseCase', { on: '2022-01-10', reason: 'r' });
    given([...investigatedCase(), event('SubjectSuspended', { subjectId: OFFICER, on: '2021-03-12', reason: 'r' })])
      .when(close)
      .thenThrows('caseHasOpenMatters');
    given(caseAtProceedings('MISCONDUCT_HEARING')).when(close).thenThrows('caseHasOpenMatters');
    given(dismissedOfficer())
      .when(close)
      .then([event('CaseClosed', { on: '2022-01-10', reason: 'r' })]);
  });
});

describe('the written outcome (issue 13, item 23)', () => {
  const receipt = (on: string) => command('RecordWrittenOutcomeReceipt', { subjectId: OFFICER, on });

  it(ruleTitle('writtenOutcomeNeedsConclusion', 'refuses a receipt of the written outcome before the outcome'), () => {
    given(caseAtProceedings('MISCONDUCT_HEARING')).when(receipt('2021-11-05')).thenThrows('writtenOutcomeNeedsConclusion');
    given(dismissedOfficer()).when(receipt('2021-10-30')).thenThrows('dateBeforeEarlierStep');
    given(dismissedOfficer())
      .when(receipt('2021-11-05'))
      .thenState((after) => expect(after.subjects[OFFICER].conclusion?.writtenOutcomeReceivedOn).toBe('2021-11-05'));
  });
});

describe('a case to answer, but no proceedings (issue 13, item 12)', () => {
  const noProceedings = [
    ...investigatedCase(),
    event('SubjectSuspended', { subjectId: OFFICER, on: '2021-03-12', reason: 'r' }),
    event('CaseToAnswerDecided', {
      subjectId: OFFICER,
      decision: 'CASE_TO_ANSWER_MISCONDUCT',
      decidedBy: 'APPROPRIATE_AUTHORITY',
      on: '2021-09-15',
      proceedingsBrought: false,
    }),
  ];

  it(ruleTitle('proceedingsDecidedAgainst', 'refuses proceedings after a decision not to bring them (reg 23(1)(b))'), () => {
    given(noProceedings)
      .when(
        command('ScheduleProceedings', {
          subjectId: OFFICER,
          kind: 'MISCONDUCT_MEETING',
          noticeServedOn: '2021-10-01',
          scheduledFor: '2021-11-01',
        }),
      )
      .thenThrows('proceedingsDecidedAgainst');
  });

  it('ends the suspension, allows reflective practice, and concludes with no further action without proceedings', () => {
    const { state } = given(noProceedings);
    expect(state?.subjects[OFFICER].suspension).toBe('NONE');
    given(noProceedings)
      .when(command('StartReflectivePractice', { subjectId: OFFICER, on: '2021-09-20' }))
      .then([event('ReflectivePracticeReviewStarted', { subjectId: OFFICER, on: '2021-09-20' })]);
    const nothing = {
      subjectId: OFFICER,
      on: '2021-09-20',
      findings: [],
      outcome: 'NO_FURTHER_ACTION' as const,
      formerOfficer: false,
      chair: 'OTHER' as const,
    };
    given(noProceedings)
      .when(command('ConcludeProceedings', nothing))
      .then([event('ProceedingsConcluded', nothing)]);
    given(noProceedings)
      .when(command('CloseCase', { on: '2021-10-01', reason: 'r' }))
      .then([event('CaseClosed', { on: '2021-10-01', reason: 'r' })]);
  });
});

describe('the process continues after a return or a remittal (issue 13, item 14)', () => {
  it(ruleTitle('returnNeedsAcceleratedHearing', 'returns only an accelerated hearing to the authority, which may then hold a hearing'), () => {
    const returnIt = command('ReturnToAppropriateAuthority', { subjectId: OFFICER, on: '2021-10-10' });
    given(caseAtProceedings('MISCONDUCT_HEARING')).when(returnIt).thenThrows('returnNeedsAcceleratedHearing');
    const returned = [...caseAtProceedings('ACCELERATED_HEARING'), event('ReturnedToAppropriateAuthority', { subjectId: OFFICER, on: '2021-10-10' })];
    given(caseAtProceedings('ACCELERATED_HEARING'))
      .when(returnIt)
      .then([event('ReturnedToAppropriateAuthority', { subjectId: OFFICER, on: '2021-10-10' })]);
    const hearing = { subjectId: OFFICER, kind: 'MISCONDUCT_HEARING' as const, noticeServedOn: '2021-10-12', scheduledFor: '2021-11-20' };
    given(returned)
      .when(command('ScheduleProceedings', hearing))
      .then([event('ProceedingsScheduled', hearing)]);
  });

  it('lets a remitted case be heard again after a successful appeal', () => {
    const remitted = [
      ...dismissedOfficer(),
      event('AppealLodged', { subjectId: OFFICER, forum: 'POLICE_APPEALS_TRIBUNAL', on: '2021-11-10' }),
      event('AppealDetermined', { subjectId: OFFICER, forum: 'POLICE_APPEALS_TRIBUNAL', on: '2022-02-10', result: 'REMITTED' }),
    ];
    const hearing = { subjectId: OFFICER, kind: 'MISCONDUCT_HEARING' as const, noticeServedOn: '2022-02-20', scheduledFor: '2022-03-20' };
    given(remitted)
      .when(command('ScheduleProceedings', hearing))
      .then([event('ProceedingsScheduled', hearing)]);
  });
});

describe('a withdrawn designation (issue 13, item 13)', () => {
  it(
    ruleTitle(
      'advisoryListNeedsDepartureUnderInvestigation',
      "accepts a designated volunteer's withdrawn designation as a departure for the advisory list, and refuses it for others",
    ),
    () => {
      const volunteer = 'subject-volunteer';
      const withdrawn = (workforceType: 'VOLUNTEER' | 'CONTRACTOR') => [
        referral(),
        subjectAdded(volunteer, { workforceType, rank: 'STAFF' }),
        investigationStarted(),
        event('SubjectLeftService', {
          subjectId: volunteer,
          how: 'DESIGNATION_WITHDRAWN',
          on: '2021-10-15',
          approvedByDcc: true,
          stageAtDeparture: 'INVESTIGATION',
        }),
      ];
      const add = command('AddToAdvisoryList', { subjectId: volunteer, on: '2021-10-18' });
      given(withdrawn('VOLUNTEER'))
        .when(add)
        .then([event('AdvisoryListEntryMade', { subjectId: volunteer, on: '2021-10-18' })]);
      given(withdrawn('CONTRACTOR')).when(add).thenThrows('advisoryListNeedsDepartureUnderInvestigation');
    },
  );
});

describe('the regime by date (issue 13, item 18)', () => {
  const legacy = [referral({ receivedOn: RECEIVED_2012_REGS }), subjectAdded()];

  it(
    ruleTitle('reflectivePracticeNotUnderRegulations', 'refuses practice requiring improvement and reflective practice for a matter before 1 February 2020'),
    () => {
      given(legacy)
        .when(
          command('AssessSeverity', {
            subjectId: OFFICER,
            level: 'PRACTICE_REQUIRING_IMPROVEMENT',
            assessedBy: 'APPROPRIATE_AUTHORITY',
            rationale: 'r',
          }),
        )
        .thenThrows('reflectivePracticeNotUnderRegulations');
      given([...legacy, severityAssessed(OFFICER, 'MISCONDUCT')])
        .when(command('StartReflectivePractice', { subjectId: OFFICER, on: '2019-07-01' }))
        .thenThrows('reflectivePracticeNotUnderRegulations');
    },
  );

  it(ruleTitle('managementActionNotUnderRegulations', "refuses management action for an officer's matter from 1 February 2020"), () => {
    given([referral(), subjectAdded()])
      .when(command('RecordManagementAction', { subjectId: OFFICER, on: '2021-05-01' }))
      .thenThrows('managementActionNotUnderRegulations');
  });
});

describe('former-officer proceedings by date (issue 13, item 17)', () => {
  it(ruleTitle('formerOfficerProceedingsNotInForce', 'refuses proceedings against an officer who left before 15 December 2017'), () => {
    const leftIn2016 = [
      referral({ receivedOn: '2016-03-01' }),
      subjectAdded(),
      investigationStarted('2016-03-10'),
      leftService(OFFICER, 'RESIGNED', 'INVESTIGATION', true, '2016-06-01'),
      reportSubmitted('2018-03-01'),
      caseToAnswer(OFFICER, 'CASE_TO_ANSWER_GROSS_MISCONDUCT', '2018-03-15'),
    ];
    given(leftIn2016)
      .when(
        command('ScheduleProceedings', {
          subjectId: OFFICER,
          kind: 'MISCONDUCT_HEARING',
          noticeServedOn: '2018-04-01',
          scheduledFor: '2018-05-01',
        }),
      )
      .thenThrows('formerOfficerProceedingsNotInForce');
  });
});

describe('reg 10A by date (issue 13, item 16)', () => {
  const grossMisconductIn2016 = [
    referral({ receivedOn: '2016-03-01' }),
    subjectAdded(),
    severityAssessed(OFFICER, 'GROSS_MISCONDUCT'),
    investigationStarted('2016-03-10'),
  ];
  const resign = (on: string, approvedByDcc: boolean) => command('RecordDeparture', { subjectId: OFFICER, how: 'RESIGNED', on, approvedByDcc });

  it(
    ruleTitle(
      'departureNeedsConsentUnderReg10A',
      'refuses a resignation without consent during gross-misconduct proceedings from 12 January 2015 to 14 December 2017, and not after',
    ),
    () => {
      given(grossMisconductIn2016).when(resign('2016-06-01', false)).thenThrows('departureNeedsConsentUnderReg10A');
      given(grossMisconductIn2016)
        .when(resign('2016-06-01', true))
        .then([
          event('SubjectLeftService', {
            subjectId: OFFICER,
            how: 'RESIGNED',
            on: '2016-06-01',
            approvedByDcc: true,
            stageAtDeparture: 'INVESTIGATION',
          }),
        ]);
      // From 15 December 2017 the DCC's approval is force practice: the departure awaits it.
      given(grossMisconductIn2016)
        .when(resign('2018-01-10', false))
        .then([
          event('SubjectLeftService', {
            subjectId: OFFICER,
            how: 'RESIGNED',
            on: '2018-01-10',
            approvedByDcc: false,
            stageAtDeparture: 'INVESTIGATION',
          }),
        ]);
    },
  );
});
