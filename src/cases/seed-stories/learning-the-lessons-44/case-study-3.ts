/**
 * IOPC "Learning the Lessons" issue 44 (corruption), seed 001, case study 3.
 * The magazine names no force and gives no dates: every date is assumed, in the order the
 * magazine tells the story, after 1 February 2020 (its cases cite the 2020 Regulations).
 */
import { commandsFor, FORCE_NOT_NAMED, storyIds, wouldHaveBeenDismissed } from '../story-kit';
import type { SeedStory } from '../story-kit';

export function caseStudy3(): SeedStory {
  const ids = storyIds(13);
  const on = commandsFor(ids.caseId);
  const officer = ids.subject(1);
  return {
    source: 'seed 001, Learning the Lessons 44, case study 3',
    title: "Officer's inappropriate conduct towards women",
    caseId: ids.caseId,
    commands: [
      on('ReceiveReferral', {
        caseId: ids.caseId,
        force: FORCE_NOT_NAMED,
        receivedOn: '2021-02-15', // assumed
        source: 'AUDIT_OF_DEVICES', // a routine audit of police-issued mobile phones
        caseType: 'CONDUCT_MATTER',
        summary: 'An audit of police phones found 1704 contacts with several women, one met through his policing role.',
        anonymousSource: false,
        sensitivity: 'STANDARD',
        corruptionCategories: ['SEXUAL_MISCONDUCT'],
        // degrading emails about female colleagues: prejudicial and improper behaviour
        flags: { apsp: true, prejudicialImproperBehaviour: true, violenceAgainstWomenAndGirls: true },
      }),
      on('AddSubject', {
        subjectId: officer,
        personId: ids.person(1),
        workforceType: 'POLICE_OFFICER',
        rank: 'CONSTABLE',
        lengthOfServiceMonths: 96,
        unit: 'Domestic abuse investigation',
      }), // rank and service assumed
      on('RecordAllegation', {
        allegationId: ids.allegation(1),
        subjectId: officer,
        summary: 'Sexualised messages to a woman met through his work, and to a domestic abuse victim.',
        standards: ['DISCREDITABLE_CONDUCT', 'AUTHORITY_RESPECT_AND_COURTESY', 'DUTIES_AND_RESPONSIBILITIES', 'ORDERS_AND_INSTRUCTIONS'],
        corruptionCategory: 'SEXUAL_MISCONDUCT',
      }),
      on('RecordAllegation', {
        allegationId: ids.allegation(2),
        subjectId: officer,
        summary: 'Sexual assault reported by a female colleague.',
        standards: ['DISCREDITABLE_CONDUCT'],
        corruptionCategory: 'SEXUAL_MISCONDUCT',
      }),
      on('AssessSeverity', {
        subjectId: officer,
        level: 'GROSS_MISCONDUCT',
        assessedBy: 'APPROPRIATE_AUTHORITY',
        rationale: 'Abuse of position for a sexual purpose and a reported sexual assault.',
      }),
      on('ReferToIopc', {
        criteria: ['ABUSE_OF_POSITION_FOR_SEXUAL_PURPOSE', 'SERIOUS_SEXUAL_OFFENCE'],
        mandatory: true,
        referredOn: '2021-02-17',
      }),
      on('RecordIopcDecision', { mode: 'DIRECTED', decidedOn: '2021-02-26' }),
      on('StartInvestigation', {
        investigatorId: ids.investigator,
        startedOn: '2021-03-01',
        termsOfReference: 'Directed investigation by the force anti-corruption unit.',
      }),
      on('ServeNoticeOfInvestigation', { subjectId: officer, servedOn: '2021-03-03' }), // assumed
      on('RecordInvestigativeAction', {
        subjectId: officer,
        action: 'DEVICE_EXAMINATION',
        on: '2021-03-22',
        result: 'Work emails: non-professional emails to a domestic abuse victim; degrading emails about colleagues.',
      }),
      on('RecordArrest', {
        subjectId: officer,
        arrestedOn: '2021-04-13',
        suspectedOffences: ['MISCONDUCT_IN_PUBLIC_OFFICE', 'SEXUAL_OFFENCE'],
      }),
      on('RecordInvestigativeAction', {
        subjectId: officer,
        action: 'INTERVIEW',
        on: '2021-04-13',
        result: 'Accepted the messages were inappropriate; said the kiss was a peck on the cheek.',
      }),
      on('ReferToCps', { subjectId: officer, referredOn: '2021-06-07', offences: ['SEXUAL_OFFENCE'] }),
      on('RecordCriminalOutcome', { subjectId: officer, outcome: 'NOT_CHARGED', sentence: 'NONE', on: '2021-09-20' }), // no charges authorised
      on('SubmitInvestigationReport', { on: '2021-12-06' }),
      on('DecideCaseToAnswer', {
        subjectId: officer,
        decision: 'CASE_TO_ANSWER_GROSS_MISCONDUCT',
        decidedBy: 'APPROPRIATE_AUTHORITY',
        on: '2021-12-20',
      }),
      on('ScheduleProceedings', {
        subjectId: officer,
        kind: 'MISCONDUCT_HEARING',
        noticeServedOn: '2022-01-10',
        scheduledFor: '2022-03-07',
      }),
      on('RecordDeparture', { subjectId: officer, how: 'RESIGNED', on: '2022-02-04', approvedByDcc: true }), // approval assumed
      on('ConcludeProceedings', {
        subjectId: officer,
        on: '2022-03-09',
        findings: [
          { standard: 'DISCREDITABLE_CONDUCT', proven: true, level: 'GROSS_MISCONDUCT' },
          { standard: 'AUTHORITY_RESPECT_AND_COURTESY', proven: true, level: 'GROSS_MISCONDUCT' },
          { standard: 'DUTIES_AND_RESPONSIBILITIES', proven: true, level: 'GROSS_MISCONDUCT' },
          { standard: 'ORDERS_AND_INSTRUCTIONS', proven: true, level: 'GROSS_MISCONDUCT' },
        ],
        outcome: 'DISMISSAL_WITHOUT_NOTICE',
        formerOfficer: true,
        chair: 'LEGALLY_QUALIFIED_CHAIR',
      }),
      on('AddToBarredList', { subjectId: officer, on: '2022-03-14', basis: 'WOULD_HAVE_BEEN_DISMISSED' }),
      on('CloseCase', { on: '2022-04-08', reason: 'Outcome recorded and barred-list report made.' }), // assumed
    ],
    expected: { stage: 'CLOSED', regulations: '2020', subjects: { [officer]: wouldHaveBeenDismissed('RESIGNED') } },
  };
}
