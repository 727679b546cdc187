import { event } from '../../src/cases/case.rules';
import {
  caseAtProceedings,
  concluded,
  conclusion,
  dismissedOfficer,
  formerOfficerWouldHaveBeenDismissed,
  leftService,
  OFFICER,
  referral,
  referralData,
  RECEIVED_2020_REGS,
} from '../../src/cases/testing/case-fixtures';
import { withEventIds } from '../../src/cases/testing/decider-spec';
import type { GivenEvent } from '../../src/cases/testing/decider-spec';
import { caseFacts } from '../common/case-facts';
import { DatedFact } from '../common/dated-facts';
import { inspectionCaseFacts } from './inspection-case-facts';

const FORCE = 'TEST_FORCE';
const factsOf = (events: readonly GivenEvent[]): DatedFact[] => caseFacts(withEventIds(events), inspectionCaseFacts);
const metrics = (facts: readonly DatedFact[]): string[] => facts.map(([, day, metric, key]) => `${day} ${metric}${key === '' ? '' : ` ${key}`}`).sort();

describe('inspection facts of a case', () => {
  it('counts a complaint on the day it was received, with its corruption categories', () => {
    const facts = factsOf([referral({ caseType: 'COMPLAINT', receivedOn: '2014-03-31', corruptionCategories: ['THEFT'] })]);
    expect(facts.every(([force]) => force === FORCE)).toBe(true);
    expect(metrics(facts)).toEqual(['2014-03-31 complaints', '2014-03-31 corruptionCategory THEFT']);
  });

  it('counts each flag of the referral on the day it was received', () => {
    const flags = { apsp: true, prejudicialImproperBehaviour: false, violenceAgainstWomenAndGirls: true };
    const facts = factsOf([referral({ caseType: 'CONDUCT_MATTER', receivedOn: '2024-05-01', corruptionCategories: [], flags })]);
    expect(metrics(facts)).toEqual(['2024-05-01 conductCases', '2024-05-01 flag APSP', '2024-05-01 flag VIOLENCE_AGAINST_WOMEN_AND_GIRLS']);
  });

  it('counts every other case type as a conduct case', () => {
    for (const caseType of ['CONDUCT_MATTER', 'DEATH_OR_SERIOUS_INJURY', 'CORRUPTION_INTELLIGENCE'] as const) {
      expect(metrics(factsOf([referral({ caseType, corruptionCategories: [] })]))).toEqual([`${RECEIVED_2020_REGS} conductCases`]);
    }
  });

  it('adds the categories of allegations to the referral’s, each once', () => {
    const facts = factsOf([
      referral({ corruptionCategories: ['UNAUTHORISED_DISCLOSURE'] }),
      event('AllegationRecorded', {
        allegationId: 'a1',
        subjectId: OFFICER,
        summary: 's',
        standards: ['CONFIDENTIALITY'],
        corruptionCategory: 'UNAUTHORISED_DISCLOSURE',
      }),
      event('AllegationRecorded', { allegationId: 'a2', subjectId: OFFICER, summary: 's', standards: ['HONESTY_AND_INTEGRITY'], corruptionCategory: 'DRUGS' }),
    ]);
    expect(metrics(facts).filter((line) => line.includes('corruptionCategory'))).toEqual([
      `${RECEIVED_2020_REGS} corruptionCategory DRUGS`,
      `${RECEIVED_2020_REGS} corruptionCategory UNAUTHORISED_DISCLOSURE`,
    ]);
  });

  it('counts an IOPC referral on its own day, by the mode the IOPC decided', () => {
    const facts = factsOf([
      referral({ corruptionCategories: [] }),
      event('ReferredToIopc', { criteria: ['SERIOUS_CORRUPTION'], mandatory: true, referredOn: '2021-03-05' }),
      event('IopcDecisionRecorded', { mode: 'LOCAL', decidedOn: '2021-03-20' }),
      event('IopcDecisionRecorded', { mode: 'DIRECTED', decidedOn: '2021-04-02' }),
    ]);
    expect(metrics(facts)).toEqual([`${RECEIVED_2020_REGS} conductCases`, '2021-03-05 iopcReferralMode DIRECTED', '2021-03-05 iopcReferrals']);
  });

  it('counts an outcome and a barred-list entry for a dismissed officer', () => {
    const facts = factsOf([...dismissedOfficer(), event('BarredListEntryMade', { subjectId: OFFICER, on: '2021-11-03', basis: 'DISMISSED' })]);
    expect(metrics(facts)).toEqual(expect.arrayContaining(['2021-11-01 outcome DISMISSAL_WITHOUT_NOTICE', '2021-11-03 barredListEntries']));
  });

  it('counts a resignation during proceedings, but not a transfer nor a departure after the conclusion', () => {
    expect(metrics(factsOf(formerOfficerWouldHaveBeenDismissed()))).toContain('2021-10-15 departuresDuringProceedings');
    expect(metrics(factsOf([...caseAtProceedings(), leftService(OFFICER, 'TRANSFERRED')]))).not.toContain('2021-10-15 departuresDuringProceedings');
    const afterConclusion = factsOf([...dismissedOfficer(), leftService(OFFICER, 'RESIGNED', 'CONCLUDED', true, '2021-12-01')]);
    expect(metrics(afterConclusion).some((line) => line.includes('departures'))).toBe(false);
  });

  it('counts a closed case’s calendar days to finalise, and whether within 12 months', () => {
    const closedOn = (on: string): DatedFact[] =>
      factsOf([referral({ receivedOn: '2021-03-01', corruptionCategories: [] }), event('CaseClosed', { on, reason: 'finished' })]);
    expect(metrics(closedOn('2022-03-01'))).toEqual(['2021-03-01 conductCases', '2022-03-01 daysToFinalise 365', '2022-03-01 finalisedWithin12Months']);
    expect(metrics(closedOn('2022-03-02'))).toEqual(['2021-03-01 conductCases', '2022-03-02 daysToFinalise 366']);
  });

  it('does not count a reopened case as finalised', () => {
    const facts = factsOf([
      referral({ corruptionCategories: [] }),
      event('CaseClosed', { on: '2021-05-01', reason: 'finished' }),
      event('CaseReopened', { on: '2021-06-01', reason: 'new evidence' }),
    ]);
    expect(metrics(facts)).toEqual([`${RECEIVED_2020_REGS} conductCases`]);
  });

  it('uses a correction instead of what it corrects', () => {
    const history = withEventIds([
      referral({ caseType: 'COMPLAINT', receivedOn: '2014-03-31', corruptionCategories: [] }),
      ...caseAtProceedings().slice(1),
      concluded(),
    ]);
    const corrected = [
      ...history,
      {
        ...event('RecordCorrected', {
          correctsEventId: history[0].eventId,
          reason: 'wrong day',
          replacement: referralData({ caseType: 'CONDUCT_MATTER', receivedOn: '2014-04-01', corruptionCategories: [] }),
        }),
        eventId: 'fix-1',
      },
      {
        ...event('RecordCorrected', {
          correctsEventId: history[history.length - 1].eventId,
          reason: 'wrong outcome',
          replacement: conclusion({ outcome: 'FINAL_WRITTEN_WARNING' }),
        }),
        eventId: 'fix-2',
      },
    ];
    const lines = metrics(caseFacts(corrected, inspectionCaseFacts));
    expect(lines).toEqual(expect.arrayContaining(['2014-04-01 conductCases', '2021-11-01 outcome FINAL_WRITTEN_WARNING']));
    expect(lines.some((line) => line.includes('complaints') || line.includes('DISMISSAL'))).toBe(false);
  });
});
