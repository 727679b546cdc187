/**
 * IOPC "Learning the Lessons" issue 44 (corruption), seed 001, case study 5.
 * The magazine names no force and gives no dates: every date is assumed, in the order the
 * magazine tells the story, after 1 February 2020 (its cases cite the 2020 Regulations).
 */
import { commandsFor, dismissedAndBarred, FORCE_NOT_NAMED, storyIds } from '../story-kit';
import type { SeedStory } from '../story-kit';

export function caseStudy5(): SeedStory {
  const ids = storyIds(15);
  const on = commandsFor(ids.caseId);
  const [officerA, sergeantB, constableC] = [ids.subject(1), ids.subject(2), ids.subject(3)];
  const grossMisconductProven = [{ standard: 'DISCREDITABLE_CONDUCT', proven: true, level: 'GROSS_MISCONDUCT' }] as const;
  const failingToReport = [{ standard: 'CHALLENGING_AND_REPORTING_IMPROPER_CONDUCT', proven: true, level: 'GROSS_MISCONDUCT' }] as const;
  return {
    source: 'seed 001, Learning the Lessons 44, case study 5',
    title: "Failure to report and challenge an officer's relationship with a victim-survivor of domestic abuse",
    caseId: ids.caseId,
    commands: [
      on('ReceiveReferral', {
        caseId: ids.caseId,
        force: FORCE_NOT_NAMED,
        receivedOn: '2021-09-06', // assumed (the WhatsApp group dates from the pandemic)
        source: 'INTERNAL_REPORT', // assumed: the magazine does not say how it came to light
        caseType: 'CONDUCT_MATTER',
        summary: 'An officer began a relationship with a domestic abuse victim he met on duty; two colleagues knew and did not report it.',
        anonymousSource: false,
        sensitivity: 'STANDARD',
        corruptionCategories: ['SEXUAL_MISCONDUCT', 'INAPPROPRIATE_ASSOCIATIONS'],
        flags: { apsp: true, prejudicialImproperBehaviour: false, violenceAgainstWomenAndGirls: true },
      }),
      on('AddSubject', {
        subjectId: officerA,
        personId: ids.person(1),
        workforceType: 'POLICE_OFFICER',
        rank: 'CONSTABLE',
        lengthOfServiceMonths: 60,
        unit: 'Response',
      }),
      on('AddSubject', {
        subjectId: sergeantB,
        personId: ids.person(2),
        workforceType: 'POLICE_OFFICER',
        rank: 'SERGEANT',
        lengthOfServiceMonths: 144,
        unit: 'Response',
      }),
      on('AddSubject', {
        subjectId: constableC,
        personId: ids.person(3),
        workforceType: 'POLICE_OFFICER',
        rank: 'CONSTABLE',
        lengthOfServiceMonths: 84,
        unit: 'Neighbourhood',
      }),
      // The magazine names no standards for officer A: assumed from the conduct described.
      on('RecordAllegation', {
        allegationId: ids.allegation(1),
        subjectId: officerA,
        summary: 'Entered a relationship with a victim-survivor of crime he met through his duties and did not declare it.',
        standards: ['DISCREDITABLE_CONDUCT', 'HONESTY_AND_INTEGRITY'],
        corruptionCategory: 'SEXUAL_MISCONDUCT',
      }),
      on('RecordAllegation', {
        allegationId: ids.allegation(2),
        subjectId: sergeantB,
        summary: 'Knew of the relationship and failed to challenge or report it.',
        standards: ['CHALLENGING_AND_REPORTING_IMPROPER_CONDUCT'],
      }),
      on('RecordAllegation', {
        allegationId: ids.allegation(3),
        subjectId: constableC,
        summary: 'Knew of the relationship and failed to challenge or report it.',
        standards: ['CHALLENGING_AND_REPORTING_IMPROPER_CONDUCT'],
      }),
      ...[officerA, sergeantB, constableC].map((subjectId) =>
        on('AssessSeverity', {
          subjectId,
          level: 'GROSS_MISCONDUCT',
          assessedBy: 'IOPC',
          rationale: 'Abuse of position for a sexual purpose, and failing to report it.',
        }),
      ),
      on('ReferToIopc', {
        criteria: ['ABUSE_OF_POSITION_FOR_SEXUAL_PURPOSE'],
        mandatory: true,
        referredOn: '2021-09-07',
      }),
      on('RecordIopcDecision', { mode: 'INDEPENDENT', decidedOn: '2021-09-14' }),
      on('StartInvestigation', {
        investigatorId: ids.investigator,
        startedOn: '2021-09-20',
        termsOfReference: 'Independent IOPC investigation.',
      }),
      ...[officerA, sergeantB, constableC].map((subjectId) => on('ServeNoticeOfInvestigation', { subjectId, servedOn: '2021-09-27' })),
      // "arrested by IOPC investigators on suspicion of misconduct and corrupt or otherwise improper exercise of police powers"
      on('RecordArrest', {
        subjectId: officerA,
        arrestedOn: '2021-10-12',
        suspectedOffences: ['MISCONDUCT_IN_PUBLIC_OFFICE', 'CORRUPT_OR_IMPROPER_EXERCISE_OF_POLICE_POWERS'],
      }),
      on('RecordInvestigativeAction', {
        subjectId: officerA,
        action: 'DEVICE_EXAMINATION',
        on: '2021-11-01',
        result: "Phone evidence placed him at the woman's house many times.",
      }),
      on('RecordInvestigativeAction', {
        subjectId: sergeantB,
        action: 'INTERVIEW',
        on: '2021-11-15',
        result: 'Said she did not know they had met on duty; vetting notes contradict her account.',
      }),
      // constable C "resigned from the force while under investigation"; the DCC's approval is assumed
      on('RecordDeparture', { subjectId: constableC, how: 'RESIGNED', on: '2022-01-14', approvedByDcc: true }),
      // assumed: the magazine does not mention it, but reg 12 requires the report within 5 working days
      on('AddToAdvisoryList', { subjectId: constableC, on: '2022-01-19' }),
      on('SubmitInvestigationReport', { on: '2022-05-09' }),
      ...[officerA, sergeantB, constableC].map((subjectId) =>
        on('DecideCaseToAnswer', {
          subjectId,
          decision: 'CASE_TO_ANSWER_GROSS_MISCONDUCT',
          decidedBy: 'IOPC',
          on: '2022-05-23',
        }),
      ),
      ...[officerA, sergeantB, constableC].map((subjectId) =>
        on('ScheduleProceedings', {
          subjectId,
          kind: 'MISCONDUCT_HEARING',
          noticeServedOn: '2022-06-06',
          scheduledFor: '2022-09-12',
        }),
      ),
      on('ConcludeProceedings', {
        subjectId: officerA,
        on: '2022-09-16',
        findings: [...grossMisconductProven],
        outcome: 'DISMISSAL_WITHOUT_NOTICE',
        formerOfficer: false,
        chair: 'LEGALLY_QUALIFIED_CHAIR',
      }),
      on('ConcludeProceedings', {
        subjectId: sergeantB,
        on: '2022-09-16',
        findings: [...failingToReport],
        outcome: 'DISMISSAL_WITHOUT_NOTICE',
        formerOfficer: false,
        chair: 'LEGALLY_QUALIFIED_CHAIR',
      }),
      // "Gross misconduct was not proven for constable C": the conclusion also takes her off the advisory list
      on('ConcludeProceedings', {
        subjectId: constableC,
        on: '2022-09-16',
        findings: [{ standard: 'CHALLENGING_AND_REPORTING_IMPROPER_CONDUCT', proven: false, level: 'GROSS_MISCONDUCT' }],
        outcome: 'NO_FURTHER_ACTION',
        formerOfficer: true,
        chair: 'LEGALLY_QUALIFIED_CHAIR',
      }),
      on('AddToBarredList', { subjectId: officerA, on: '2022-09-21', basis: 'DISMISSED' }),
      on('AddToBarredList', { subjectId: sergeantB, on: '2022-09-21', basis: 'DISMISSED' }),
      on('CloseCase', { on: '2022-10-14', reason: 'Outcomes recorded and barred-list reports made.' }), // assumed
    ],
    expected: {
      stage: 'CLOSED',
      regulations: '2020',
      subjects: {
        [officerA]: dismissedAndBarred,
        [sergeantB]: dismissedAndBarred,
        [constableC]: {
          outcome: 'NO_FURTHER_ACTION',
          formerOfficer: true,
          leftService: 'RESIGNED',
          caseToAnswer: 'CASE_TO_ANSWER_GROSS_MISCONDUCT',
          barredList: false,
          advisoryList: false,
          awaitingDccDecision: false,
        },
      },
    },
  };
}
