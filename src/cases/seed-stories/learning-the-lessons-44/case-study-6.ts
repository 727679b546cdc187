/**
 * IOPC "Learning the Lessons" issue 44 (corruption), seed 001, case study 6.
 * The magazine names no force and gives no dates: every date is assumed, in the order the
 * magazine tells the story, after 1 February 2020 (its cases cite the 2020 Regulations).
 */
import { commandsFor, dismissedAndBarred, FORCE_NOT_NAMED, NO_FLAGS, storyIds } from '../story-kit';
import type { SeedStory } from '../story-kit';

export function caseStudy6(): SeedStory {
  const ids = storyIds(16);
  const on = commandsFor(ids.caseId);
  const [employeeA, employeeB, employeeC] = [ids.subject(1), ids.subject(2), ids.subject(3)];
  const staff = (n: number) =>
    on('AddSubject', {
      subjectId: ids.subject(n),
      personId: ids.person(n),
      workforceType: 'POLICE_STAFF',
      rank: 'STAFF',
      lengthOfServiceMonths: 72,
      unit: 'Roads policing',
    });
  const standards = ['HONESTY_AND_INTEGRITY', 'DUTIES_AND_RESPONSIBILITIES', 'CONFIDENTIALITY', 'DISCREDITABLE_CONDUCT'] as const;
  return {
    source: 'seed 001, Learning the Lessons 44, case study 6',
    title: 'Disposing of speeding tickets and disclosing information to the public',
    caseId: ids.caseId,
    commands: [
      on('ReceiveReferral', {
        caseId: ids.caseId,
        force: FORCE_NOT_NAMED,
        receivedOn: '2021-06-14', // assumed
        source: 'OTHER_FORCE', // screenshots of this force's systems found by another force's burglary investigation
        caseType: 'CONDUCT_MATTER',
        summary: 'Screenshots of roads policing systems reached a burglary victim who assaulted two men; speeding offences deleted for friends.',
        anonymousSource: false,
        sensitivity: 'RESTRICTED', // assumed
        corruptionCategories: ['UNAUTHORISED_DISCLOSURE', 'PERVERTING_THE_COURSE_OF_JUSTICE', 'MISUSE_OF_FORCE_SYSTEMS'],
        flags: NO_FLAGS,
      }),
      staff(1),
      staff(2),
      staff(3),
      on('RecordAllegation', {
        allegationId: ids.allegation(1),
        subjectId: employeeA,
        summary: "Shared screenshots of two men's details and deleted speeding offences for more than 30 people.",
        standards: [...standards],
        corruptionCategory: 'UNAUTHORISED_DISCLOSURE',
      }),
      on('RecordAllegation', {
        allegationId: ids.allegation(2),
        subjectId: employeeB,
        summary: 'Asked a colleague to dispose of speeding offences for friends.',
        standards: [...standards],
        corruptionCategory: 'PERVERTING_THE_COURSE_OF_JUSTICE',
      }),
      on('RecordAllegation', {
        allegationId: ids.allegation(3),
        subjectId: employeeC,
        summary: 'Sent a registration number to a colleague in one isolated case.',
        standards: ['HONESTY_AND_INTEGRITY'],
        corruptionCategory: 'PERVERTING_THE_COURSE_OF_JUSTICE',
      }),
      on('AssessSeverity', {
        subjectId: employeeA,
        level: 'GROSS_MISCONDUCT',
        assessedBy: 'APPROPRIATE_AUTHORITY',
        rationale: 'Serious corruption.',
      }),
      on('AssessSeverity', {
        subjectId: employeeB,
        level: 'GROSS_MISCONDUCT',
        assessedBy: 'APPROPRIATE_AUTHORITY',
        rationale: 'Serious corruption.',
      }),
      on('AssessSeverity', {
        subjectId: employeeC,
        level: 'MISCONDUCT',
        assessedBy: 'APPROPRIATE_AUTHORITY',
        rationale: 'One isolated case.',
      }),
      on('ReferToIopc', { criteria: ['SERIOUS_CORRUPTION'], mandatory: true, referredOn: '2021-06-16' }),
      on('RecordIopcDecision', { mode: 'DIRECTED', decidedOn: '2021-06-23' }),
      on('StartInvestigation', {
        investigatorId: ids.investigator,
        startedOn: '2021-06-28',
        termsOfReference: 'Directed investigation in two strands: employee A; the wider roads policing team.',
      }),
      on('RecordInvestigativeAction', {
        subjectId: employeeA,
        action: 'SYSTEMS_AUDIT',
        on: '2021-07-05',
        result: "Accessed the two assault victims' details with no policing purpose.",
      }),
      on('RecordArrest', {
        subjectId: employeeA,
        arrestedOn: '2021-07-20',
        suspectedOffences: ['MISCONDUCT_IN_PUBLIC_OFFICE', 'DATA_PROTECTION', 'PERVERTING_THE_COURSE_OF_JUSTICE'],
      }),
      on('RecordInvestigativeAction', {
        subjectId: employeeA,
        action: 'INTERVIEW',
        on: '2021-07-20',
        result: 'Said the sharing was a one-off.',
      }),
      on('RecordInvestigativeAction', {
        subjectId: employeeA,
        action: 'DEVICE_EXAMINATION',
        on: '2021-08-16',
        result: 'Contact with more than 30 people about disposing of road traffic offences.',
      }),
      on('RecordArrest', {
        subjectId: employeeB,
        arrestedOn: '2021-09-07',
        suspectedOffences: ['MISCONDUCT_IN_PUBLIC_OFFICE'],
      }), // offence assumed
      on('RecordArrest', {
        subjectId: employeeC,
        arrestedOn: '2021-09-07',
        suspectedOffences: ['MISCONDUCT_IN_PUBLIC_OFFICE'],
      }), // offence assumed
      // "Employee A resigned before the misconduct process"; the DCC's approval is assumed
      on('RecordDeparture', { subjectId: employeeA, how: 'RESIGNED', on: '2021-12-03', approvedByDcc: true }),
      on('ReferToCps', {
        subjectId: employeeA,
        referredOn: '2022-01-10',
        offences: ['MISCONDUCT_IN_PUBLIC_OFFICE', 'PERVERTING_THE_COURSE_OF_JUSTICE', 'DATA_PROTECTION'],
      }),
      on('ReferToCps', { subjectId: employeeB, referredOn: '2022-01-10', offences: ['MISCONDUCT_IN_PUBLIC_OFFICE'] }),
      on('RecordCriminalOutcome', {
        subjectId: employeeA,
        outcome: 'CONVICTED',
        sentence: 'CUSTODIAL',
        on: '2022-05-06',
      }),
      on('RecordCriminalOutcome', {
        subjectId: employeeB,
        outcome: 'CONVICTED',
        sentence: 'CUSTODIAL',
        on: '2022-05-06',
      }),
      on('SubmitInvestigationReport', { on: '2022-06-06' }),
      on('DecideCaseToAnswer', {
        subjectId: employeeA,
        decision: 'CASE_TO_ANSWER_GROSS_MISCONDUCT',
        decidedBy: 'APPROPRIATE_AUTHORITY',
        on: '2022-06-20',
      }),
      on('DecideCaseToAnswer', {
        subjectId: employeeB,
        decision: 'CASE_TO_ANSWER_GROSS_MISCONDUCT',
        decidedBy: 'APPROPRIATE_AUTHORITY',
        on: '2022-06-20',
      }),
      on('DecideCaseToAnswer', {
        subjectId: employeeC,
        decision: 'CASE_TO_ANSWER_MISCONDUCT',
        decidedBy: 'APPROPRIATE_AUTHORITY',
        on: '2022-06-20',
      }),
      on('ScheduleProceedings', {
        subjectId: employeeB,
        kind: 'MISCONDUCT_HEARING',
        noticeServedOn: '2022-07-04',
        scheduledFor: '2022-08-15',
      }),
      on('ScheduleProceedings', {
        subjectId: employeeC,
        kind: 'MISCONDUCT_MEETING',
        noticeServedOn: '2022-07-04',
        scheduledFor: '2022-08-01',
      }),
      // Employee C "resigned during the misconduct process"; approval assumed
      on('RecordDeparture', { subjectId: employeeC, how: 'RESIGNED', on: '2022-07-22', approvedByDcc: true }),
      // Police staff answer to force procedures: the outcome a former employee would have received is recorded.
      on('ConcludeProceedings', {
        subjectId: employeeC,
        on: '2022-08-01',
        findings: [{ standard: 'HONESTY_AND_INTEGRITY', proven: true, level: 'MISCONDUCT' }],
        outcome: 'WRITTEN_WARNING',
        formerOfficer: true,
        chair: 'OTHER',
      }),
      on('ConcludeProceedings', {
        subjectId: employeeB,
        on: '2022-08-15',
        findings: standards.map((standard) => ({ standard, proven: true, level: 'GROSS_MISCONDUCT' as const })),
        outcome: 'DISMISSAL_WITHOUT_NOTICE',
        formerOfficer: false,
        chair: 'OTHER', // a staff hearing: the chair is not given
      }),
      on('AddToBarredList', { subjectId: employeeB, on: '2022-08-19', basis: 'DISMISSED' }),
      on('RecordLearning', {
        on: '2022-09-01',
        kind: 'FORCE_ACTION',
        text: 'Review of road safety team processes and why the team was not subject to internal auditing.',
      }),
      on('CloseCase', { on: '2022-09-30', reason: 'Outcomes recorded.' }), // assumed
    ],
    expected: {
      stage: 'CLOSED',
      regulations: '2020',
      subjects: {
        // "would have faced disciplinary proceedings had she still been serving": none were brought
        [employeeA]: {
          outcome: null,
          formerOfficer: false,
          leftService: 'RESIGNED',
          caseToAnswer: 'CASE_TO_ANSWER_GROSS_MISCONDUCT',
          barredList: false,
          advisoryList: false,
          awaitingDccDecision: false,
        },
        [employeeB]: dismissedAndBarred,
        [employeeC]: {
          outcome: 'WRITTEN_WARNING',
          formerOfficer: true,
          leftService: 'RESIGNED',
          caseToAnswer: 'CASE_TO_ANSWER_MISCONDUCT',
          barredList: false,
          advisoryList: false,
          awaitingDccDecision: false,
        },
      },
    },
  };
}
