import { event } from '../../src/cases/case.rules';
import {
  caseAtProceedings,
  concluded,
  formerOfficerWouldHaveBeenDismissed,
  notProven,
  OFFICER,
  proven,
  RECEIVED_2012_REGS,
  referral,
  subjectAdded,
} from '../../src/cases/testing/case-fixtures';
import { withEventIds } from '../../src/cases/testing/decider-spec';
import type { GivenEvent } from '../../src/cases/testing/decider-spec';
import { caseFacts } from '../common/case-facts';
import { statisticsCaseFacts } from './statistics-facts';

const lines = (events: readonly GivenEvent[]): string[] =>
  caseFacts(withEventIds(events), statisticsCaseFacts)
    .map(([, day, metric, key]) => `${day} ${metric} ${key}`)
    .sort();

describe('misconduct statistics facts of a case', () => {
  it('counts a meeting by type, outcome, finding level, rank, workforce type, allegation category and breach type', () => {
    const facts = lines([
      ...caseAtProceedings('MISCONDUCT_MEETING'),
      event('AllegationRecorded', {
        allegationId: 'a1',
        subjectId: OFFICER,
        summary: 's',
        standards: ['CONFIDENTIALITY'],
        corruptionCategory: 'UNAUTHORISED_DISCLOSURE',
      }),
      event('AllegationRecorded', { allegationId: 'a2', subjectId: OFFICER, summary: 's', standards: ['DUTIES_AND_RESPONSIBILITIES'] }),
      concluded({ outcome: 'WRITTEN_WARNING', findings: [proven('MISCONDUCT'), notProven('MISCONDUCT')] }),
    ]);
    expect(facts).toEqual([
      '2021-11-01 allegationCategory NONE',
      '2021-11-01 allegationCategory UNAUTHORISED_DISCLOSURE',
      '2021-11-01 breachType CONFIDENTIALITY|NOT_PROVEN',
      '2021-11-01 breachType CONFIDENTIALITY|PROVEN',
      '2021-11-01 byCaseType CONDUCT_MATTER|WRITTEN_WARNING',
      '2021-11-01 byRank CONSTABLE|WRITTEN_WARNING',
      '2021-11-01 byWorkforceType POLICE_OFFICER|WRITTEN_WARNING',
      '2021-11-01 findingByType MISCONDUCT_MEETING|MISCONDUCT_PROVEN',
      '2021-11-01 outcomeByType MISCONDUCT_MEETING|WRITTEN_WARNING',
      '2021-11-01 proceedings MISCONDUCT_MEETING',
    ]);
  });

  it('counts a former officer who would have been dismissed, and the barred-list entry by basis and workforce type', () => {
    const facts = lines([
      ...formerOfficerWouldHaveBeenDismissed(),
      event('BarredListEntryMade', { subjectId: OFFICER, on: '2021-11-05', basis: 'WOULD_HAVE_BEEN_DISMISSED' }),
    ]);
    expect(facts).toEqual(
      expect.arrayContaining([
        '2021-11-01 formerOfficers DISMISSAL_WITHOUT_NOTICE',
        '2021-11-01 findingByType MISCONDUCT_HEARING|GROSS_MISCONDUCT_PROVEN',
        '2021-11-05 barredList WOULD_HAVE_BEEN_DISMISSED|POLICE_OFFICER',
      ]),
    );
  });

  it('counts a recordable conduct matter by its Home Office case type once it is recorded under Schedule 3', () => {
    const [opening, ...rest] = caseAtProceedings('MISCONDUCT_MEETING');
    const facts = lines([opening, event('ConductMatterRecorded', { on: '2021-03-02', grounds: [] }), ...rest, concluded({ outcome: 'WRITTEN_WARNING' })]);
    expect(facts).toContain('2021-11-01 byCaseType RECORDABLE_CONDUCT_MATTER|WRITTEN_WARNING');
    expect(facts.filter((fact) => fact.includes('byCaseType'))).toHaveLength(1);
  });

  it('leaves the proceedings of a matter under the 2012 regulations out, as the Home Office series does, but counts its barred-list entry', () => {
    const facts = lines([
      ...caseAtProceedings('MISCONDUCT_HEARING', { receivedOn: RECEIVED_2012_REGS }),
      concluded({ outcome: 'DISMISSAL_WITHOUT_NOTICE', findings: [proven('GROSS_MISCONDUCT')] }),
      event('BarredListEntryMade', { subjectId: OFFICER, on: '2021-11-05', basis: 'DISMISSED' }),
    ]);
    expect(facts).toEqual(['2021-11-05 barredList DISMISSED|POLICE_OFFICER']);
  });

  it('leaves a conclusion without proceedings out of the proceedings tables', () => {
    const facts = lines([referral(), subjectAdded(), concluded({ outcome: 'NO_FURTHER_ACTION', findings: [] })]);
    expect(facts).toEqual([]);
  });
});
