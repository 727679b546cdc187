/**
 * IOPC "Learning the Lessons" issue 44 (corruption), seed 001, case study 2.
 * The magazine names no force and gives no dates: every date is assumed, in the order the
 * magazine tells the story, after 1 February 2020 (its cases cite the 2020 Regulations).
 */
import { commandsFor, FORCE_NOT_NAMED, NO_FLAGS, storyIds, wouldHaveBeenDismissed } from '../story-kit';
import type { SeedStory } from '../story-kit';

export function caseStudy2(): SeedStory {
  const ids = storyIds(12);
  const on = commandsFor(ids.caseId);
  const officer = ids.subject(1);
  return {
    source: 'seed 001, Learning the Lessons 44, case study 2',
    title: 'Off-duty senior officer tries to prevent an arrest',
    caseId: ids.caseId,
    commands: [
      on('ReceiveReferral', {
        caseId: ids.caseId,
        force: FORCE_NOT_NAMED,
        receivedOn: '2021-08-09', // assumed
        source: 'BODY_WORN_VIDEO_REVIEW', // referred to the IOPC following a review of BWV
        caseType: 'CONDUCT_MATTER',
        summary: 'An off-duty senior officer tried to stop officers arresting a man for a domestic assault.',
        anonymousSource: false,
        sensitivity: 'STANDARD',
        corruptionCategories: ['ABUSE_OF_AUTHORITY', 'PERVERTING_THE_COURSE_OF_JUSTICE'], // assumed mapping
        flags: NO_FLAGS,
      }),
      // "high-ranking senior officer": the rank is assumed
      on('AddSubject', {
        subjectId: officer,
        personId: ids.person(1),
        workforceType: 'POLICE_OFFICER',
        rank: 'CHIEF_SUPERINTENDENT',
        lengthOfServiceMonths: 300,
        unit: 'Senior leadership',
      }),
      on('RecordAllegation', {
        allegationId: ids.allegation(1),
        subjectId: officer,
        summary: 'Used his rank to interfere with officers at a domestic incident and told the suspect to keep quiet.',
        standards: ['AUTHORITY_RESPECT_AND_COURTESY', 'DUTIES_AND_RESPONSIBILITIES', 'DISCREDITABLE_CONDUCT'],
        corruptionCategory: 'ABUSE_OF_AUTHORITY',
      }),
      on('AssessSeverity', {
        subjectId: officer,
        level: 'GROSS_MISCONDUCT',
        assessedBy: 'APPROPRIATE_AUTHORITY',
        rationale: 'Attempt to obstruct a lawful arrest by a senior officer.',
      }),
      on('ReferToIopc', { criteria: ['SERIOUS_CORRUPTION'], mandatory: true, referredOn: '2021-08-11' }), // criterion assumed
      on('RecordIopcDecision', { mode: 'INDEPENDENT', decidedOn: '2021-08-18' }),
      on('StartInvestigation', {
        investigatorId: ids.investigator,
        startedOn: '2021-08-23',
        termsOfReference: 'Independent IOPC investigation.',
      }),
      on('ServeNoticeOfInvestigation', { subjectId: officer, servedOn: '2021-08-25' }), // assumed
      on('RecordInvestigativeAction', {
        subjectId: officer,
        action: 'BODY_WORN_VIDEO_REVIEW',
        on: '2021-09-06',
        result: 'BWV of the senior officer whispering to the suspect and objecting to the arrest.',
      }),
      on('RecordInvestigativeAction', {
        subjectId: officer,
        action: 'INTERVIEW',
        on: '2021-11-10',
        result: 'Said he wanted to advocate for the man, not to do anything illegal.',
      }),
      on('SubmitInvestigationReport', { on: '2022-04-04' }),
      on('DecideCaseToAnswer', {
        subjectId: officer,
        decision: 'CASE_TO_ANSWER_GROSS_MISCONDUCT',
        decidedBy: 'IOPC',
        on: '2022-04-19',
      }),
      on('ScheduleProceedings', {
        subjectId: officer,
        kind: 'MISCONDUCT_HEARING',
        noticeServedOn: '2022-05-03',
        scheduledFor: '2022-07-11',
      }),
      on('RecordDeparture', { subjectId: officer, how: 'RETIRED', on: '2022-06-30', approvedByDcc: true }), // "retired during the misconduct process"
      on('ConcludeProceedings', {
        subjectId: officer,
        on: '2022-07-13',
        findings: [
          { standard: 'AUTHORITY_RESPECT_AND_COURTESY', proven: true, level: 'GROSS_MISCONDUCT' },
          { standard: 'DUTIES_AND_RESPONSIBILITIES', proven: true, level: 'GROSS_MISCONDUCT' },
          { standard: 'DISCREDITABLE_CONDUCT', proven: true, level: 'GROSS_MISCONDUCT' },
        ],
        outcome: 'DISMISSAL_WITHOUT_NOTICE',
        formerOfficer: true,
        chair: 'LEGALLY_QUALIFIED_CHAIR',
      }),
      on('AddToBarredList', { subjectId: officer, on: '2022-07-18', basis: 'WOULD_HAVE_BEEN_DISMISSED' }),
      on('RecordLearning', {
        on: '2022-08-01',
        kind: 'FORCE_ACTION',
        text: 'Footage shared internally; senior officers briefed by the DCC on the Standards of Professional Behaviour and the Code of Ethics.',
      }),
      on('CloseCase', { on: '2022-08-31', reason: 'Outcome recorded and barred-list report made.' }), // assumed
    ],
    expected: { stage: 'CLOSED', regulations: '2020', subjects: { [officer]: wouldHaveBeenDismissed('RETIRED') } },
  };
}
