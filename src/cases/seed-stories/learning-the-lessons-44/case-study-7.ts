/**
 * IOPC "Learning the Lessons" issue 44 (corruption), seed 001, case study 7.
 * The magazine names no force and gives no dates: every date is assumed, in the order the
 * magazine tells the story, after 1 February 2020 (its cases cite the 2020 Regulations).
 */
import { commandsFor, FORCE_NOT_NAMED, NO_FLAGS, storyIds, wouldHaveBeenDismissed } from '../story-kit';
import type { SeedStory } from '../story-kit';

export function caseStudy7(): SeedStory {
  const ids = storyIds(17);
  const on = commandsFor(ids.caseId);
  const employee = ids.subject(1);
  return {
    source: 'seed 001, Learning the Lessons 44, case study 7',
    title: 'Association with an organised crime group and misuse of police systems',
    caseId: ids.caseId,
    commands: [
      on('ReceiveReferral', {
        caseId: ids.caseId,
        force: FORCE_NOT_NAMED,
        receivedOn: '2021-01-18', // assumed (lockdown breaches were on the system)
        source: 'INTELLIGENCE', // the force "became aware" of possible associations
        caseType: 'CORRUPTION_INTELLIGENCE',
        summary: 'An employee in the exploitation team may be associating with members of an organised crime group supplying drugs.',
        anonymousSource: false,
        sensitivity: 'COVERT', // assumed: intelligence about an organised crime group
        corruptionCategories: ['INAPPROPRIATE_ASSOCIATIONS', 'ORGANISED_CRIME', 'UNAUTHORISED_DISCLOSURE', 'DRUGS', 'MISUSE_OF_FORCE_SYSTEMS'],
        flags: NO_FLAGS,
      }),
      on('AddSubject', {
        subjectId: employee,
        personId: ids.person(1),
        workforceType: 'POLICE_STAFF',
        rank: 'STAFF',
        lengthOfServiceMonths: 36,
        unit: 'Exploitation team',
      }),
      on('RecordAllegation', {
        allegationId: ids.allegation(1),
        subjectId: employee,
        summary:
          'Contact with organised crime group associates; custody records and other records viewed without a clear policing purpose; disclosure of a lockdown breach report.',
        standards: ['DISCREDITABLE_CONDUCT', 'CONFIDENTIALITY', 'HONESTY_AND_INTEGRITY', 'ORDERS_AND_INSTRUCTIONS'],
        corruptionCategory: 'INAPPROPRIATE_ASSOCIATIONS',
      }),
      on('AssessSeverity', {
        subjectId: employee,
        level: 'GROSS_MISCONDUCT',
        assessedBy: 'APPROPRIATE_AUTHORITY',
        rationale: 'Suspected corrupt association with an organised crime group.',
      }),
      on('ReferToIopc', { criteria: ['SERIOUS_CORRUPTION'], mandatory: true, referredOn: '2021-01-19' }),
      on('RecordIopcDecision', { mode: 'DIRECTED', decidedOn: '2021-01-26' }),
      on('StartInvestigation', {
        investigatorId: ids.investigator,
        startedOn: '2021-01-27',
        termsOfReference: 'Directed investigation by the force anti-corruption unit.',
      }),
      on('RecordInvestigativeAction', {
        subjectId: employee,
        action: 'DEVICE_EXAMINATION',
        on: '2021-02-08',
        result: 'Calls with two associates of the group on the day warrants were executed.',
      }),
      on('RecordInvestigativeAction', {
        subjectId: employee,
        action: 'SYSTEMS_AUDIT',
        on: '2021-02-10',
        result: 'Custody records of group members viewed on the day of the warrants.',
      }),
      on('RecordArrest', {
        subjectId: employee,
        arrestedOn: '2021-02-16',
        suspectedOffences: ['MISCONDUCT_IN_PUBLIC_OFFICE', 'DATA_PROTECTION', 'COMPUTER_MISUSE', 'PERVERTING_THE_COURSE_OF_JUSTICE', 'DRUGS_POSSESSION'],
      }),
      on('RecordInvestigativeAction', {
        subjectId: employee,
        action: 'SEARCH',
        on: '2021-02-16',
        result: 'A class B drug seized as she tried to dispose of it.',
      }),
      on('RecordInvestigativeAction', {
        subjectId: employee,
        action: 'INTERVIEW',
        on: '2021-02-16',
        result: 'Denied passing information; admitted possessing cannabis.',
      }),
      on('ServeNoticeOfInvestigation', { subjectId: employee, servedOn: '2021-02-22' }), // assumed
      // Not referred to the CPS: the evidence did not support a referral.
      on('SubmitInvestigationReport', { on: '2021-08-02' }),
      on('DecideCaseToAnswer', {
        subjectId: employee,
        decision: 'CASE_TO_ANSWER_GROSS_MISCONDUCT',
        decidedBy: 'APPROPRIATE_AUTHORITY',
        on: '2021-08-16',
      }),
      on('ScheduleProceedings', {
        subjectId: employee,
        kind: 'MISCONDUCT_HEARING',
        noticeServedOn: '2021-08-30',
        scheduledFor: '2021-10-18',
      }),
      on('RecordDeparture', { subjectId: employee, how: 'RESIGNED', on: '2021-09-24', approvedByDcc: true }), // approval assumed
      on('ConcludeProceedings', {
        subjectId: employee,
        on: '2021-10-18',
        findings: [
          { standard: 'DISCREDITABLE_CONDUCT', proven: true, level: 'GROSS_MISCONDUCT' },
          { standard: 'CONFIDENTIALITY', proven: true, level: 'GROSS_MISCONDUCT' },
          { standard: 'HONESTY_AND_INTEGRITY', proven: true, level: 'GROSS_MISCONDUCT' },
          { standard: 'ORDERS_AND_INSTRUCTIONS', proven: true, level: 'GROSS_MISCONDUCT' },
        ],
        outcome: 'DISMISSAL_WITHOUT_NOTICE',
        formerOfficer: true,
        chair: 'OTHER', // a staff hearing: the chair is not given
      }),
      on('AddToBarredList', { subjectId: employee, on: '2021-10-22', basis: 'WOULD_HAVE_BEEN_DISMISSED' }),
      on('CloseCase', { on: '2021-11-19', reason: 'Outcome recorded and barred-list report made.' }), // assumed
    ],
    expected: { stage: 'CLOSED', regulations: '2020', subjects: { [employee]: wouldHaveBeenDismissed('RESIGNED') } },
  };
}
