/**
 * IOPC "Learning the Lessons" issue 44 (corruption), seed 001, case study 1.
 * The magazine names no force and gives no dates: every date is assumed, in the order the
 * magazine tells the story, after 1 February 2020 (its cases cite the 2020 Regulations).
 */
import { commandsFor, FORCE_NOT_NAMED, NO_FLAGS, storyIds, wouldHaveBeenDismissed } from '../story-kit';
import type { SeedStory } from '../story-kit';

export function caseStudy1(): SeedStory {
  const ids = storyIds(11);
  const on = commandsFor(ids.caseId);
  const officer = ids.subject(1);
  return {
    source: 'seed 001, Learning the Lessons 44, case study 1',
    title: 'Officer engages in drug misuse and shares sensitive police information',
    caseId: ids.caseId,
    commands: [
      on('ReceiveReferral', {
        caseId: ids.caseId,
        force: FORCE_NOT_NAMED,
        receivedOn: '2021-05-10', // assumed
        source: 'INTELLIGENCE', // the force reported suspected associations and drug use
        caseType: 'CONDUCT_MATTER',
        summary: 'A serving officer may be associating with known criminals, sharing police information and using class A drugs.',
        anonymousSource: false,
        sensitivity: 'RESTRICTED', // assumed
        corruptionCategories: ['DRUGS', 'INAPPROPRIATE_ASSOCIATIONS', 'UNAUTHORISED_DISCLOSURE'],
        flags: NO_FLAGS,
      }),
      // "under two years' service": 20 months assumed
      on('AddSubject', {
        subjectId: officer,
        personId: ids.person(1),
        workforceType: 'POLICE_OFFICER',
        rank: 'CONSTABLE',
        lengthOfServiceMonths: 20,
        unit: 'Response',
      }),
      on('RecordAllegation', {
        allegationId: ids.allegation(1),
        subjectId: officer,
        summary: 'Shared details of an arrest with a man known for supplying class A drugs.',
        standards: ['CONFIDENTIALITY', 'HONESTY_AND_INTEGRITY'],
        corruptionCategory: 'UNAUTHORISED_DISCLOSURE',
      }),
      on('RecordAllegation', {
        allegationId: ids.allegation(2),
        subjectId: officer,
        summary: 'Bought and used cocaine; did not declare associations on his vetting form.',
        standards: ['DISCREDITABLE_CONDUCT', 'HONESTY_AND_INTEGRITY'],
        corruptionCategory: 'DRUGS',
      }),
      on('AssessSeverity', {
        subjectId: officer,
        level: 'GROSS_MISCONDUCT',
        assessedBy: 'APPROPRIATE_AUTHORITY',
        rationale: 'Corrupt association and drug use would justify dismissal.',
      }),
      on('ReferToIopc', { criteria: ['SERIOUS_CORRUPTION'], mandatory: true, referredOn: '2021-05-11' }), // date assumed
      on('RecordIopcDecision', { mode: 'DIRECTED', decidedOn: '2021-05-20' }), // date assumed
      on('SuspendSubject', {
        subjectId: officer,
        on: '2021-05-21',
        reason: 'Suspended from duty when the directed investigation began.',
      }), // date assumed
      on('StartInvestigation', {
        investigatorId: ids.investigator,
        startedOn: '2021-05-24',
        termsOfReference: 'Directed investigation by the force anti-corruption unit.',
      }),
      on('ServeNoticeOfInvestigation', { subjectId: officer, servedOn: '2021-05-26' }), // assumed
      on('RecordInvestigativeAction', {
        subjectId: officer,
        action: 'FINANCIAL_INVESTIGATION',
        on: '2021-06-15',
        result: 'Regular payments to people known to the police for drug offences.',
      }),
      on('RecordInvestigativeAction', {
        subjectId: officer,
        action: 'DEVICE_EXAMINATION',
        on: '2021-07-01',
        result: 'Messages describing cocaine use and arranging to buy it; details of an arrest shared.',
      }),
      on('RecordArrest', {
        subjectId: officer,
        arrestedOn: '2021-07-20',
        suspectedOffences: ['MISCONDUCT_IN_PUBLIC_OFFICE', 'CORRUPT_OR_IMPROPER_EXERCISE_OF_POLICE_POWERS'],
      }),
      on('RecordInvestigativeAction', {
        subjectId: officer,
        action: 'DRUG_TEST',
        on: '2021-07-20',
        result: 'Samples confirmed recent cocaine use.',
      }),
      on('RecordInvestigativeAction', {
        subjectId: officer,
        action: 'SEARCH',
        on: '2021-07-20',
        result: 'Bags with traces of cocaine at his home, later matched to his DNA.',
      }),
      on('RecordInvestigativeAction', {
        subjectId: officer,
        action: 'INTERVIEW',
        on: '2021-07-21',
        result: 'Admitted possessing class A drugs for personal use.',
      }),
      on('ReferToCps', {
        subjectId: officer,
        referredOn: '2021-09-01',
        offences: ['MISCONDUCT_IN_PUBLIC_OFFICE', 'CORRUPT_OR_IMPROPER_EXERCISE_OF_POLICE_POWERS'],
      }),
      on('RecordCriminalOutcome', { subjectId: officer, outcome: 'CAUTION', sentence: 'NONE', on: '2021-11-15' }),
      on('SubmitInvestigationReport', { on: '2022-01-10' }),
      on('DecideCaseToAnswer', {
        subjectId: officer,
        decision: 'CASE_TO_ANSWER_GROSS_MISCONDUCT',
        decidedBy: 'APPROPRIATE_AUTHORITY',
        on: '2022-01-24',
      }),
      on('ScheduleProceedings', {
        subjectId: officer,
        kind: 'MISCONDUCT_HEARING',
        noticeServedOn: '2022-02-07',
        scheduledFor: '2022-03-21',
      }),
      // "resigned during the misconduct process"; the DCC's approval is assumed
      on('RecordDeparture', { subjectId: officer, how: 'RESIGNED', on: '2022-02-25', approvedByDcc: true }),
      on('ConcludeProceedings', {
        subjectId: officer,
        on: '2022-03-21',
        findings: [
          { standard: 'HONESTY_AND_INTEGRITY', proven: true, level: 'GROSS_MISCONDUCT' },
          { standard: 'DISCREDITABLE_CONDUCT', proven: true, level: 'GROSS_MISCONDUCT' },
          { standard: 'CONFIDENTIALITY', proven: true, level: 'GROSS_MISCONDUCT' },
        ],
        outcome: 'DISMISSAL_WITHOUT_NOTICE', // would have been dismissed without notice
        formerOfficer: true,
        chair: 'LEGALLY_QUALIFIED_CHAIR',
      }),
      on('AddToBarredList', { subjectId: officer, on: '2022-03-25', basis: 'WOULD_HAVE_BEEN_DISMISSED' }),
      on('RecordLearning', {
        on: '2022-04-01',
        kind: 'FORCE_ACTION',
        text: 'Drug testing procedure developed; zero tolerance of positive results; testing before recruitment and at random.',
      }),
      on('CloseCase', { on: '2022-04-29', reason: 'Outcome recorded and barred-list report made.' }), // assumed
    ],
    expected: { stage: 'CLOSED', regulations: '2020', subjects: { [officer]: wouldHaveBeenDismissed('RESIGNED') } },
  };
}
