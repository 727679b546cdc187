/**
 * IOPC "Learning the Lessons" issue 44 (corruption), seed 001, case study 4.
 * The magazine names no force and gives no dates: every date is assumed, in the order the
 * magazine tells the story, after 1 February 2020 (its cases cite the 2020 Regulations).
 */
import { commandsFor, FORCE_NOT_NAMED, NO_FLAGS, storyIds, wouldHaveBeenDismissed } from '../story-kit';
import type { SeedStory } from '../story-kit';

export function caseStudy4(): SeedStory {
  const ids = storyIds(14);
  const on = commandsFor(ids.caseId);
  const officer = ids.subject(1);
  return {
    source: 'seed 001, Learning the Lessons 44, case study 4',
    title: 'Police officer shares sensitive information about an organised crime group',
    caseId: ids.caseId,
    commands: [
      on('ReceiveReferral', {
        caseId: ids.caseId,
        force: FORCE_NOT_NAMED,
        receivedOn: '2021-04-12', // assumed
        source: 'CRIMINAL_INVESTIGATION', // found on the phone of a man arrested for domestic abuse
        caseType: 'CONDUCT_MATTER',
        summary: "A serving officer sent pictures of confidential police information to her partner's phone.",
        anonymousSource: false,
        sensitivity: 'RESTRICTED', // assumed: an ongoing organised crime investigation
        corruptionCategories: ['UNAUTHORISED_DISCLOSURE', 'ORGANISED_CRIME', 'INAPPROPRIATE_ASSOCIATIONS', 'SOCIAL_MEDIA'],
        flags: NO_FLAGS,
      }),
      on('AddSubject', {
        subjectId: officer,
        personId: ids.person(1),
        workforceType: 'POLICE_OFFICER',
        rank: 'CONSTABLE',
        lengthOfServiceMonths: 48,
        unit: 'Response',
      }), // rank and service assumed
      on('RecordAllegation', {
        allegationId: ids.allegation(1),
        subjectId: officer,
        summary: 'Shared confidential information about an organised crime group investigation and accessed a log without a policing purpose.',
        standards: ['CONFIDENTIALITY', 'HONESTY_AND_INTEGRITY'],
        corruptionCategory: 'UNAUTHORISED_DISCLOSURE',
      }),
      on('AssessSeverity', {
        subjectId: officer,
        level: 'GROSS_MISCONDUCT',
        assessedBy: 'APPROPRIATE_AUTHORITY',
        rationale: 'Disclosure could have prejudiced an organised crime investigation.',
      }),
      on('ReferToIopc', { criteria: ['SERIOUS_CORRUPTION'], mandatory: true, referredOn: '2021-04-13' }),
      on('RecordIopcDecision', { mode: 'DIRECTED', decidedOn: '2021-04-19' }),
      on('StartInvestigation', {
        investigatorId: ids.investigator,
        startedOn: '2021-04-20',
        termsOfReference: 'Directed investigation by the force anti-corruption unit.',
      }),
      on('ServeNoticeOfInvestigation', { subjectId: officer, servedOn: '2021-04-22' }), // assumed
      on('RecordInvestigativeAction', {
        subjectId: officer,
        action: 'SYSTEMS_AUDIT',
        on: '2021-05-04',
        result: 'Repeated access to a log of a serious offence with no policing purpose.',
      }),
      on('RecordArrest', {
        subjectId: officer,
        arrestedOn: '2021-05-18',
        suspectedOffences: ['CORRUPT_OR_IMPROPER_EXERCISE_OF_POLICE_POWERS'],
      }),
      on('RecordInvestigativeAction', {
        subjectId: officer,
        action: 'DEVICE_EXAMINATION',
        on: '2021-06-08',
        result: 'Further disclosures: names of arrested people, crime scenes, seized drugs, a planned arrest.',
      }),
      on('RecordInvestigativeAction', {
        subjectId: officer,
        action: 'INTERVIEW',
        on: '2021-06-22',
        result: 'Admitted sending the pictures and messages.',
      }),
      on('ReferToCps', { subjectId: officer, referredOn: '2021-08-02', offences: ['MISCONDUCT_IN_PUBLIC_OFFICE'] }),
      // convicted of misconduct in a public office: six month suspended custodial sentence
      on('RecordCriminalOutcome', {
        subjectId: officer,
        outcome: 'CONVICTED',
        sentence: 'SUSPENDED_CUSTODIAL',
        on: '2022-02-14',
      }),
      on('SubmitInvestigationReport', { on: '2022-03-07' }),
      on('DecideCaseToAnswer', {
        subjectId: officer,
        decision: 'CASE_TO_ANSWER_GROSS_MISCONDUCT',
        decidedBy: 'APPROPRIATE_AUTHORITY',
        on: '2022-03-14',
      }),
      on('ScheduleProceedings', {
        subjectId: officer,
        kind: 'MISCONDUCT_HEARING',
        noticeServedOn: '2022-03-28',
        scheduledFor: '2022-05-16',
      }),
      on('RecordDeparture', { subjectId: officer, how: 'RESIGNED', on: '2022-04-22', approvedByDcc: true }), // approval assumed
      on('ConcludeProceedings', {
        subjectId: officer,
        on: '2022-05-16',
        findings: [
          { standard: 'CONFIDENTIALITY', proven: true, level: 'GROSS_MISCONDUCT' },
          { standard: 'HONESTY_AND_INTEGRITY', proven: true, level: 'GROSS_MISCONDUCT' },
        ],
        outcome: 'DISMISSAL_WITHOUT_NOTICE',
        formerOfficer: true,
        chair: 'LEGALLY_QUALIFIED_CHAIR',
      }),
      on('AddToBarredList', { subjectId: officer, on: '2022-05-20', basis: 'WOULD_HAVE_BEEN_DISMISSED' }),
      on('RecordLearning', {
        on: '2022-06-01',
        kind: 'FORCE_ACTION',
        text: 'WhatsApp banned on all force-issued electronic devices.',
      }),
      on('CloseCase', { on: '2022-06-30', reason: 'Outcome recorded and barred-list report made.' }), // assumed
    ],
    expected: { stage: 'CLOSED', regulations: '2020', subjects: { [officer]: wouldHaveBeenDismissed('RESIGNED') } },
  };
}
