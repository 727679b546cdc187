/**
 * Outcomes the regulations do not allow (issue 13, items 1-6): each rule refuses the
 * unlawful outcome and accepts the lawful one beside it.
 */
import { event } from './case.rules';
import {
  caseAtProceedings,
  conclusion,
  caseToAnswer,
  concluded,
  investigatedCase,
  leftService,
  OFFICER,
  proceedingsScheduled,
  proven,
  RECEIVED_2012_REGS,
  referral,
  reportSubmitted,
  investigationStarted,
  STAFF,
  subjectAdded,
} from './testing/case-fixtures';
import { command, given, ruleTitle } from './testing/decider-spec';
import type { ProceedingsConcluded } from './case.events';
import { finalWrittenWarningNotified } from './testing/sanction-fixtures';

const conclude = (overrides: Partial<ProceedingsConcluded> = {}) => command('ConcludeProceedings', conclusion(overrides));
const concludedAs = (overrides: Partial<ProceedingsConcluded> = {}) => [event('ProceedingsConcluded', conclusion(overrides))];
const misconductOnly = [proven('MISCONDUCT')];
const atHearing = caseAtProceedings('MISCONDUCT_HEARING');
const atAccelerated = caseAtProceedings('ACCELERATED_HEARING');

describe('outcomes the law allows (issue 13)', () => {
  it(ruleTitle('formerOfficerDismissalNeedsGrossMisconduct', 'refuses "would have been dismissed" for a former officer on misconduct only'), () => {
    const resigned = [...atHearing, leftService(OFFICER)];
    given(resigned)
      .when(conclude({ formerOfficer: true, findings: misconductOnly }))
      .thenThrows('formerOfficerDismissalNeedsGrossMisconduct');
    const recorded = { formerOfficer: true, findings: misconductOnly, outcome: 'NO_FURTHER_ACTION' as const };
    given(resigned).when(conclude(recorded)).then(concludedAs(recorded));
    given(resigned)
      .when(conclude({ formerOfficer: true }))
      .then(concludedAs({ formerOfficer: true }));
  });

  it(
    ruleTitle(
      'acceleratedHearingSanctionNeedsGrossMisconduct',
      'refuses a final written warning, reduction in rank or dismissal at an accelerated hearing without gross misconduct found',
    ),
    () => {
      for (const outcome of ['FINAL_WRITTEN_WARNING', 'DISMISSAL_WITHOUT_NOTICE'] as const) {
        given(atAccelerated)
          .when(conclude({ findings: misconductOnly, outcome, subjectId: OFFICER }))
          .thenThrows('acceleratedHearingSanctionNeedsGrossMisconduct');
      }
      given(atAccelerated).when(conclude()).then(concludedAs());
    },
  );

  it(
    ruleTitle(
      'seriousOutcomeOnMisconductNeedsCondition',
      'refuses reduction in rank or dismissal on misconduct only unless a reg 42(5)/(6) condition is recorded',
    ),
    () => {
      const sergeant = [...investigatedCase(), caseToAnswer(OFFICER, 'CASE_TO_ANSWER_MISCONDUCT'), proceedingsScheduled(OFFICER, 'MISCONDUCT_HEARING')];
      given(sergeant)
        .when(conclude({ findings: misconductOnly }))
        .thenThrows('seriousOutcomeOnMisconductNeedsCondition');
      // reg 42(5) rests on the person's history (sanction-history.spec.ts): a warning in force on the day.
      const live = { findings: misconductOnly, sanctionBasis: 'LIVE_FINAL_WRITTEN_WARNING' as const };
      given(sergeant)
        .when(command('ConcludeProceedings', { ...conclusion(live), priorSanctions: [finalWrittenWarningNotified('2020-06-01')] }))
        .then(concludedAs(live));
      const several = { findings: misconductOnly, sanctionBasis: 'MORE_THAN_ONE_UNCONNECTED_MATTER' as const };
      given(sergeant).when(conclude(several)).then(concludedAs(several));
    },
  );

  it(ruleTitle('noSecondFinalWrittenWarning', 'refuses a final written warning on top of one live at the assessment'), () => {
    given(atHearing)
      .when(
        command('ConcludeProceedings', {
          ...conclusion({ findings: misconductOnly, outcome: 'FINAL_WRITTEN_WARNING', sanctionBasis: 'LIVE_FINAL_WRITTEN_WARNING' }),
          priorSanctions: [finalWrittenWarningNotified('2020-06-01')],
        }),
      )
      .thenThrows('noSecondFinalWrittenWarning');
  });

  it(ruleTitle('reductionInRankNeedsRankAboveConstable', 'refuses reduction in rank for a constable, police staff or a contractor'), () => {
    given(atHearing)
      .when(conclude({ outcome: 'REDUCTION_IN_RANK' }))
      .thenThrows('reductionInRankNeedsRankAboveConstable');
    given(caseAtProceedings('MISCONDUCT_HEARING', { subjectId: STAFF }))
      .when(conclude({ subjectId: STAFF, outcome: 'REDUCTION_IN_RANK' }))
      .thenThrows('reductionInRankNeedsRankAboveConstable');
    const contractor = [
      referral(),
      subjectAdded('subject-contractor', { workforceType: 'CONTRACTOR', rank: 'STAFF' }),
      investigationStarted(),
      reportSubmitted(),
      caseToAnswer('subject-contractor', 'CASE_TO_ANSWER_GROSS_MISCONDUCT'),
      proceedingsScheduled('subject-contractor', 'MISCONDUCT_HEARING'),
    ];
    given(contractor)
      .when(conclude({ subjectId: 'subject-contractor', outcome: 'REDUCTION_IN_RANK' }))
      .thenThrows('reductionInRankNeedsRankAboveConstable');
    const sergeant = [
      referral(),
      subjectAdded(OFFICER, { rank: 'SERGEANT' }),
      investigationStarted(),
      reportSubmitted(),
      caseToAnswer(OFFICER, 'CASE_TO_ANSWER_GROSS_MISCONDUCT'),
      proceedingsScheduled(OFFICER, 'MISCONDUCT_HEARING'),
    ];
    given(sergeant)
      .when(conclude({ outcome: 'REDUCTION_IN_RANK' }))
      .then(concludedAs({ outcome: 'REDUCTION_IN_RANK' }));
  });

  it(ruleTitle('reductionInRankNeedsRankAboveConstable', 'refuses an appeal varying the outcome to reduction in rank for a constable'), () => {
    given([...atHearing, concluded(), event('AppealLodged', { subjectId: OFFICER, forum: 'POLICE_APPEALS_TRIBUNAL', on: '2021-11-10' })])
      .when(
        command('DetermineAppeal', {
          subjectId: OFFICER,
          forum: 'POLICE_APPEALS_TRIBUNAL',
          on: '2022-02-10',
          result: 'OUTCOME_VARIED',
          variedOutcome: 'REDUCTION_IN_RANK',
        }),
      )
      .thenThrows('reductionInRankNeedsRankAboveConstable');
  });

  const seniorCase = (rank: 'ASSISTANT_CHIEF_CONSTABLE' | 'CHIEF_SUPERINTENDENT') => [
    referral(),
    subjectAdded(OFFICER, { rank }),
    investigationStarted(),
    reportSubmitted(),
    caseToAnswer(OFFICER, 'CASE_TO_ANSWER_MISCONDUCT'),
  ];
  const meeting = command('ScheduleProceedings', {
    subjectId: OFFICER,
    kind: 'MISCONDUCT_MEETING',
    noticeServedOn: '2021-10-01',
    scheduledFor: '2021-11-01',
  });

  it(
    ruleTitle('meetingNotForSeniorOfficers', 'refuses a misconduct meeting for an assistant chief constable, saying the rule is only partly confirmed'),
    () => {
      // docs/domain/regulations.md §2.7 marks the meeting row ◐; under 2012 it says nothing (✖).
      given(seniorCase('ASSISTANT_CHIEF_CONSTABLE')).when(meeting).thenThrows('meetingNotForSeniorOfficers', { confidence: 'PARTLY_CONFIRMED' });
      const in2012 = [referral({ receivedOn: RECEIVED_2012_REGS }), ...seniorCase('ASSISTANT_CHIEF_CONSTABLE').slice(1)];
      given(in2012).when(meeting).thenThrows('meetingNotForSeniorOfficers', { confidence: 'UNCONFIRMED' });
      given(seniorCase('CHIEF_SUPERINTENDENT'))
        .when(meeting)
        .then([
          event('ProceedingsScheduled', {
            subjectId: OFFICER,
            kind: 'MISCONDUCT_MEETING',
            noticeServedOn: '2021-10-01',
            scheduledFor: '2021-11-01',
          }),
        ]);
    },
  );

  it(ruleTitle('appealForumMustMatchProceedings', "sends a senior officer's appeal to the tribunal, never to the internal reg 45 route"), () => {
    const seniorAtHearing = [
      ...seniorCase('ASSISTANT_CHIEF_CONSTABLE'),
      proceedingsScheduled(OFFICER, 'MISCONDUCT_HEARING'),
      concluded({ findings: misconductOnly, outcome: 'WRITTEN_WARNING' }),
    ];
    given(seniorAtHearing)
      .when(command('LodgeAppeal', { subjectId: OFFICER, forum: 'INTERNAL', on: '2021-11-10' }))
      .thenThrows('appealForumMustMatchProceedings');
  });

  it(ruleTitle('reflectivePracticeOnlyWithoutMisconductFinding', 'refuses reflective practice directed beside a proven misconduct finding'), () => {
    given(atHearing)
      .when(conclude({ findings: misconductOnly, outcome: 'REFLECTIVE_PRACTICE_DIRECTED' }))
      .thenThrows('reflectivePracticeOnlyWithoutMisconductFinding');
    const practice = { findings: [], outcome: 'REFLECTIVE_PRACTICE_DIRECTED' as const };
    given(atHearing).when(conclude(practice)).then(concludedAs(practice));
  });
});

describe('the chair by date (issue 13, items 5 and 19)', () => {
  const hearingOf = (rank: 'CONSTABLE' | 'ASSISTANT_CHIEF_CONSTABLE' | 'CHIEF_CONSTABLE') => [
    referral(),
    subjectAdded(OFFICER, { rank }),
    investigationStarted(),
    reportSubmitted(),
    caseToAnswer(OFFICER, 'CASE_TO_ANSWER_GROSS_MISCONDUCT'),
    proceedingsScheduled(OFFICER, 'MISCONDUCT_HEARING'),
  ];

  it(ruleTitle('chairNotAllowedOnDate', 'refuses a legally qualified chair from 7 May 2024, and any other chair before it'), () => {
    given(hearingOf('CONSTABLE'))
      .when(conclude({ on: '2024-06-03', chair: 'LEGALLY_QUALIFIED_CHAIR' }))
      .thenThrows('chairNotAllowedOnDate', { confidence: 'CONFIRMED' });
    given(hearingOf('CONSTABLE'))
      .when(conclude({ on: '2024-05-06', chair: 'CHIEF_OFFICER_OR_DELEGATE' }))
      .thenThrows('chairNotAllowedOnDate');
    given(hearingOf('CONSTABLE'))
      .when(conclude({ on: '2024-06-03', chair: 'CHIEF_OFFICER_OR_DELEGATE' }))
      .then(concludedAs({ on: '2024-06-03', chair: 'CHIEF_OFFICER_OR_DELEGATE' }));
  });

  it(
    ruleTitle(
      'chairNotAllowedOnDate',
      "has a senior officer's hearing chaired by a more senior officer of another force, and a chief officer's by HM Chief Inspector, from 7 May 2024",
    ),
    () => {
      given(hearingOf('ASSISTANT_CHIEF_CONSTABLE'))
        .when(conclude({ on: '2024-06-03', chair: 'CHIEF_OFFICER_OR_DELEGATE' }))
        .thenThrows('chairNotAllowedOnDate');
      given(hearingOf('ASSISTANT_CHIEF_CONSTABLE'))
        .when(conclude({ on: '2024-06-03', chair: 'SENIOR_OFFICER_OF_ANOTHER_FORCE' }))
        .then(concludedAs({ on: '2024-06-03', chair: 'SENIOR_OFFICER_OF_ANOTHER_FORCE' }));
      given(hearingOf('CHIEF_CONSTABLE'))
        .when(conclude({ on: '2024-06-03', chair: 'HM_CHIEF_INSPECTOR_OR_HMI' }))
        .then(concludedAs({ on: '2024-06-03', chair: 'HM_CHIEF_INSPECTOR_OR_HMI' }));
    },
  );
});
