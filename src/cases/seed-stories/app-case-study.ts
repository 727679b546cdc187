/**
 * Seed 000: the College of Policing APP counter-corruption "communication and engagement"
 * case study.
 */
import { commandsFor, FORCE_NOT_NAMED, NO_FLAGS, storyIds } from './story-kit';
import type { SeedStory } from './story-kit';

export function appCaseStudy(): SeedStory {
  const ids = storyIds(0);
  const on = commandsFor(ids.caseId);
  const officer = ids.subject(1);
  return {
    source: 'seed 000, College of Policing APP counter-corruption case study',
    title: 'Officer passing information to a partner with criminal associations',
    caseId: ids.caseId,
    commands: [
      on('ReceiveReferral', {
        caseId: ids.caseId,
        force: FORCE_NOT_NAMED, // the case study names no force
        receivedOn: '2021-10-04', // assumed: the case study is undated
        source: 'INTELLIGENCE',
        caseType: 'CORRUPTION_INTELLIGENCE',
        summary: "Intelligence that an officer passed information to a partner, who used it in disputes; the partner's criminality was undeclared.",
        anonymousSource: false,
        sensitivity: 'COVERT', // assumed: intelligence development before the arrest
        corruptionCategories: ['UNAUTHORISED_DISCLOSURE', 'INAPPROPRIATE_ASSOCIATIONS', 'ORGANISED_CRIME'],
        flags: NO_FLAGS,
      }),
      on('AddSubject', {
        subjectId: officer,
        personId: ids.person(1),
        workforceType: 'POLICE_OFFICER',
        rank: 'CONSTABLE',
        lengthOfServiceMonths: 72,
        unit: 'Response',
      }), // rank and service assumed
      on('RecordAllegation', {
        allegationId: ids.allegation(1),
        subjectId: officer,
        summary: 'Failed to declare an association with a partner imprisoned for serious assault with links to organised crime.',
        standards: ['ORDERS_AND_INSTRUCTIONS', 'HONESTY_AND_INTEGRITY'],
        corruptionCategory: 'INAPPROPRIATE_ASSOCIATIONS',
      }),
      on('RecordAllegation', {
        allegationId: ids.allegation(2),
        subjectId: officer,
        summary: 'Reviewed incident logs of domestic disputes involving the partner and disclosed them.',
        standards: ['CONFIDENTIALITY'],
        corruptionCategory: 'UNAUTHORISED_DISCLOSURE',
      }),
      on('StartInvestigation', {
        investigatorId: ids.investigator,
        startedOn: '2021-10-11',
        termsOfReference: 'Intelligence development and investigation of suspected disclosure.',
      }), // assumed
      on('RecordInvestigativeAction', {
        subjectId: officer,
        action: 'SYSTEMS_AUDIT',
        on: '2021-10-25',
        result: 'The officer had reviewed incident logs of domestic disputes involving the partner.',
      }),
      on('RecordInvestigativeAction', {
        subjectId: officer,
        action: 'OTHER',
        on: '2021-11-08',
        result: 'Telephony checks: a pattern of contact consistent with disclosure from the logs.',
      }),
      // arrested with the partner on suspicion of conspiracy to commit misconduct in public office
      on('RecordArrest', {
        subjectId: officer,
        arrestedOn: '2021-12-01',
        suspectedOffences: ['MISCONDUCT_IN_PUBLIC_OFFICE'],
      }),
      on('RecordInvestigativeAction', {
        subjectId: officer,
        action: 'SEARCH',
        on: '2021-12-01',
        result: 'Search planned with the residence possibly a registered masjid in mind.',
      }),
      on('RecordInvestigativeAction', {
        subjectId: officer,
        action: 'INTERVIEW',
        on: '2021-12-01',
        result: 'Interviewed after arrest.',
      }),
      // "offered their immediate resignation after interview": the case study ends there, so the
      // departure is recorded without approval and awaits the DCC's decision.
      on('RecordDeparture', { subjectId: officer, how: 'RESIGNED', on: '2021-12-02', approvedByDcc: false }),
    ],
    expected: {
      stage: 'INVESTIGATION',
      regulations: '2020',
      subjects: {
        [officer]: {
          outcome: null,
          formerOfficer: false,
          leftService: 'RESIGNED',
          caseToAnswer: null,
          barredList: false,
          advisoryList: false,
          awaitingDccDecision: true,
        },
      },
    },
  };
}
