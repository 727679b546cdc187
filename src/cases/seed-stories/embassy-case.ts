/**
 * Seed 003: an IOPC news release, a Metropolitan Police officer dismissed for passing
 * confidential information to embassy staff.
 */
import { commandsFor, dismissedAndBarred, NO_FLAGS, storyIds } from './story-kit';
import type { SeedStory } from './story-kit';

export function embassyCase(): SeedStory {
  const ids = storyIds(30);
  const on = commandsFor(ids.caseId);
  const officer = ids.subject(1);
  return {
    source: 'seed 003, IOPC news release',
    title: 'Officer dismissed after passing confidential information to embassy staff',
    caseId: ids.caseId,
    commands: [
      on('ReceiveReferral', {
        caseId: ids.caseId,
        force: 'METROPOLITAN_POLICE',
        // Assumed: the IOPC investigation "began in February 2020 following a referral from the
        // force", so the force knew by then (2020 Regulations). The release also says the matters
        // "came to light in March 2020", when he was suspended; the ledger accepts either reading.
        receivedOn: '2020-02-03',
        source: 'INTERNAL_REPORT', // assumed
        caseType: 'CONDUCT_MATTER',
        summary: 'A community engagement officer kept unreported contact with embassy officials and passed them information from police systems.',
        anonymousSource: false,
        sensitivity: 'RESTRICTED', // assumed: a foreign embassy
        corruptionCategories: ['UNAUTHORISED_DISCLOSURE', 'INAPPROPRIATE_ASSOCIATIONS', 'MISUSE_OF_FORCE_SYSTEMS'],
        flags: NO_FLAGS,
      }),
      on('AddSubject', {
        subjectId: officer,
        personId: ids.person(1),
        workforceType: 'POLICE_OFFICER',
        rank: 'CONSTABLE',
        lengthOfServiceMonths: 120,
        unit: 'Community engagement',
      }), // rank and service assumed
      on('RecordAllegation', {
        allegationId: ids.allegation(1),
        subjectId: officer,
        summary: 'Between March 2019 and December 2020 failed to report or record continued contact with embassy officials.',
        standards: ['ORDERS_AND_INSTRUCTIONS', 'DUTIES_AND_RESPONSIBILITIES'],
        corruptionCategory: 'INAPPROPRIATE_ASSOCIATIONS',
      }),
      on('RecordAllegation', {
        allegationId: ids.allegation(2),
        subjectId: officer,
        summary: 'Between March and June 2019 passed information about protests and protestors from police systems to embassy staff.',
        standards: ['CONFIDENTIALITY', 'HONESTY_AND_INTEGRITY'],
        corruptionCategory: 'UNAUTHORISED_DISCLOSURE',
      }),
      on('RecordAllegation', {
        allegationId: ids.allegation(3),
        subjectId: officer,
        summary: 'In 2019 viewed police records about a neighbour without a legitimate purpose.',
        standards: ['CONFIDENTIALITY'],
        corruptionCategory: 'MISUSE_OF_FORCE_SYSTEMS',
      }),
      on('AssessSeverity', {
        subjectId: officer,
        level: 'GROSS_MISCONDUCT',
        assessedBy: 'APPROPRIATE_AUTHORITY',
        rationale: 'Disclosure of confidential information to a foreign state.',
      }),
      on('ReferToIopc', { criteria: ['SERIOUS_CORRUPTION'], mandatory: true, referredOn: '2020-02-05' }), // date assumed
      on('RecordIopcDecision', { mode: 'DIRECTED', decidedOn: '2020-02-14' }), // date assumed
      on('StartInvestigation', {
        investigatorId: ids.investigator,
        startedOn: '2020-02-17',
        termsOfReference: 'Investigation directed by the IOPC.',
      }), // February 2020
      on('SuspendSubject', {
        subjectId: officer,
        on: '2020-03-09',
        reason: 'Suspended when the matters came to light.',
      }), // March 2020
      on('ServeNoticeOfInvestigation', { subjectId: officer, servedOn: '2020-03-09' }), // assumed
      on('RecordInvestigativeAction', {
        subjectId: officer,
        action: 'SYSTEMS_AUDIT',
        on: '2020-04-20',
        result: 'Records viewed about protests, protestors and a neighbour without a policing purpose.',
      }),
      // assumed: reg 19 / C&M Regs reg 13 report once the investigation passed 12 months
      on('SendProgressReport', { to: 'LOCAL_POLICING_BODY', on: '2021-02-08', kind: 'TWELVE_MONTH' }),
      on('SubmitInvestigationReport', { on: '2021-06-14' }), // assumed
      // "we decided the officer should face a disciplinary hearing" (the IOPC)
      on('DecideCaseToAnswer', {
        subjectId: officer,
        decision: 'CASE_TO_ANSWER_GROSS_MISCONDUCT',
        decidedBy: 'IOPC',
        on: '2021-06-28',
      }),
      on('ScheduleProceedings', {
        subjectId: officer,
        kind: 'MISCONDUCT_HEARING',
        noticeServedOn: '2021-07-12',
        scheduledFor: '2022-01-17',
      }),
      on('ConcludeProceedings', {
        subjectId: officer,
        on: '2022-01-21', // assumed: the release is undated; before 7 May 2024, as the chair was legally qualified
        findings: [
          { standard: 'CONFIDENTIALITY', proven: true, level: 'GROSS_MISCONDUCT' },
          { standard: 'ORDERS_AND_INSTRUCTIONS', proven: true, level: 'GROSS_MISCONDUCT' },
          { standard: 'HONESTY_AND_INTEGRITY', proven: true, level: 'GROSS_MISCONDUCT' },
          { standard: 'DUTIES_AND_RESPONSIBILITIES', proven: true, level: 'GROSS_MISCONDUCT' },
        ],
        outcome: 'DISMISSAL_WITHOUT_NOTICE',
        formerOfficer: false,
        chair: 'LEGALLY_QUALIFIED_CHAIR',
      }),
      on('AddToBarredList', { subjectId: officer, on: '2022-01-26', basis: 'DISMISSED' }),
      on('CloseCase', { on: '2022-02-25', reason: 'Outcome recorded and barred-list report made.' }), // assumed
    ],
    expected: { stage: 'CLOSED', regulations: '2020', subjects: { [officer]: dismissedAndBarred } },
  };
}
