/**
 * IOPC "Learning the Lessons" issue 44 (corruption), seed 001, case study 8.
 * The magazine names no force and gives no dates: every date is assumed, in the order the
 * magazine tells the story, after 1 February 2020 (its cases cite the 2020 Regulations).
 */
import { commandsFor, FORCE_NOT_NAMED, storyIds, wouldHaveBeenDismissed } from '../story-kit';
import type { SeedStory } from '../story-kit';

export function caseStudy8(): SeedStory {
  const ids = storyIds(18);
  const on = commandsFor(ids.caseId);
  const officer = ids.subject(1);
  return {
    source: 'seed 001, Learning the Lessons 44, case study 8',
    title: 'Police officer abuses position to develop sexual relationship with a vulnerable woman',
    caseId: ids.caseId,
    commands: [
      on('ReceiveReferral', {
        caseId: ids.caseId,
        force: FORCE_NOT_NAMED,
        receivedOn: '2022-03-07', // assumed
        source: 'INTERNAL_REPORT', // the officer who took the woman's report told her supervisor
        caseType: 'CONDUCT_MATTER',
        summary: 'A woman reported that years earlier an officer who attended a domestic incident began a sexual relationship with her.',
        anonymousSource: false,
        sensitivity: 'STANDARD',
        corruptionCategories: ['SEXUAL_MISCONDUCT'],
        flags: { apsp: true, prejudicialImproperBehaviour: false, violenceAgainstWomenAndGirls: true },
      }),
      // He had transferred to another police service before any concern was raised: that
      // predates the case and left him a serving officer, so it is not recorded as a departure.
      on('AddSubject', {
        subjectId: officer,
        personId: ids.person(1),
        workforceType: 'POLICE_OFFICER',
        rank: 'CONSTABLE',
        lengthOfServiceMonths: 120,
        unit: 'Transferred to another police service',
      }),
      on('RecordAllegation', {
        allegationId: ids.allegation(1),
        subjectId: officer,
        summary: 'Began a sexual relationship with a vulnerable woman met at a domestic incident.',
        standards: ['AUTHORITY_RESPECT_AND_COURTESY', 'HONESTY_AND_INTEGRITY', 'DUTIES_AND_RESPONSIBILITIES', 'DISCREDITABLE_CONDUCT'],
        corruptionCategory: 'SEXUAL_MISCONDUCT',
      }),
      on('AssessSeverity', {
        subjectId: officer,
        level: 'GROSS_MISCONDUCT',
        assessedBy: 'IOPC',
        rationale: 'Abuse of position for a sexual purpose.',
      }),
      on('ReferToIopc', {
        criteria: ['ABUSE_OF_POSITION_FOR_SEXUAL_PURPOSE'],
        mandatory: true,
        referredOn: '2022-03-08',
      }),
      on('RecordIopcDecision', { mode: 'INDEPENDENT', decidedOn: '2022-03-15' }),
      on('StartInvestigation', {
        investigatorId: ids.investigator,
        startedOn: '2022-03-21',
        termsOfReference: 'Independent IOPC investigation.',
      }),
      on('ServeNoticeOfInvestigation', { subjectId: officer, servedOn: '2022-03-28' }), // assumed
      on('RecordInvestigativeAction', {
        subjectId: officer,
        action: 'INTERVIEW',
        on: '2022-05-10',
        result: 'Did not consider the consensual relationship inappropriate; had no training on abuse of position.',
      }),
      on('RecordInvestigativeAction', {
        subjectId: officer,
        action: 'OTHER',
        on: '2022-05-24',
        result: 'Training records confirmed no abuse-of-position training; the first force had no policy at the time.',
      }),
      on('SubmitInvestigationReport', { on: '2022-10-03' }),
      on('DecideCaseToAnswer', {
        subjectId: officer,
        decision: 'CASE_TO_ANSWER_GROSS_MISCONDUCT',
        decidedBy: 'IOPC',
        on: '2022-10-17',
      }),
      on('ScheduleProceedings', {
        subjectId: officer,
        kind: 'MISCONDUCT_HEARING',
        noticeServedOn: '2022-10-31',
        scheduledFor: '2023-01-16',
      }),
      on('RecordDeparture', { subjectId: officer, how: 'RESIGNED', on: '2022-12-09', approvedByDcc: true }), // approval assumed
      on('ConcludeProceedings', {
        subjectId: officer,
        on: '2023-01-18',
        findings: [
          { standard: 'AUTHORITY_RESPECT_AND_COURTESY', proven: true, level: 'GROSS_MISCONDUCT' },
          { standard: 'HONESTY_AND_INTEGRITY', proven: true, level: 'GROSS_MISCONDUCT' }, // integrity only
          { standard: 'DUTIES_AND_RESPONSIBILITIES', proven: true, level: 'GROSS_MISCONDUCT' },
          { standard: 'DISCREDITABLE_CONDUCT', proven: true, level: 'GROSS_MISCONDUCT' },
        ],
        outcome: 'DISMISSAL_WITHOUT_NOTICE',
        formerOfficer: true,
        chair: 'LEGALLY_QUALIFIED_CHAIR',
      }),
      on('AddToBarredList', { subjectId: officer, on: '2023-01-23', basis: 'WOULD_HAVE_BEEN_DISMISSED' }),
      on('RecordLearning', {
        on: '2023-02-01',
        kind: 'FORCE_ACTION',
        text: 'Abuse of position content for new officers, transferees and specials; a course for sergeants; national e-learning cascaded.',
      }),
      on('CloseCase', { on: '2023-02-28', reason: 'Outcome recorded and barred-list report made.' }), // assumed
    ],
    expected: { stage: 'CLOSED', regulations: '2020', subjects: { [officer]: wouldHaveBeenDismissed('RESIGNED') } },
  };
}
