/**
 * The evaluator, kind by kind: given the facts about the force's people and a threshold,
 * the fact that brings a person to exactly N raises one alert; at N − 1 nothing is raised.
 */
import { alertsDue, alertsDueOnSetting, ForceFacts } from './alert.evaluate';
import type { PersonFact } from './alert.evaluate';
import type { AlertThresholdSet } from './alert.events';

const FORCE = 'HAMPSHIRE';
const PERSON = '1c9d2b4e-0000-4000-8000-000000000001';
const THRESHOLD_ID = '7a1e6f30-0000-4000-8000-000000000009';

let sequence = 0;
function fact(overrides: Partial<PersonFact> = {}): PersonFact {
  sequence += 1;
  return { factId: `fact-${sequence}`, personId: PERSON, force: FORCE, day: '2024-03-01', kind: 'CASE_SUBJECT', ...overrides };
}
const threshold = (overrides: Partial<AlertThresholdSet>): AlertThresholdSet => ({
  thresholdId: THRESHOLD_ID,
  force: FORCE,
  kind: 'OVERALL',
  setOn: '2024-01-01',
  ...overrides,
});

/** Given the earlier facts, when `last` is recorded: the alerts due. */
function whenRecorded(thresholds: AlertThresholdSet[], earlier: PersonFact[], last: PersonFact) {
  return alertsDue(thresholds, ForceFacts.of([...earlier, last]), last);
}

/** `count` facts made by `make`, the last one on `lastDay`. */
function facts(count: number, make: () => PersonFact): PersonFact[] {
  return Array.from({ length: count }, make);
}

describe('early-intervention alerts: the evaluator', () => {
  describe('INCIDENT_TYPE: N allegations of one category within the window', () => {
    const byCategory = threshold({ kind: 'INCIDENT_TYPE', count: 3, windowDays: 365, category: 'DISCRIMINATORY_BEHAVIOURS' });
    const allegation = (overrides: Partial<PersonFact> = {}) => fact({ kind: 'ALLEGATION', category: 'DISCRIMINATORY_BEHAVIOURS', ...overrides });

    it('raises one alert at the third allegation of the category', () => {
      const due = whenRecorded([byCategory], facts(2, allegation), allegation());
      expect(due).toEqual([
        expect.objectContaining({
          thresholdId: THRESHOLD_ID,
          kind: 'INCIDENT_TYPE',
          personId: PERSON,
          threshold: 3,
          measure: 3,
          windowFrom: '2023-03-03',
          windowTo: '2024-03-01',
        }),
      ]);
    });

    it('raises nothing at the second, nor for allegations of another category, nor outside the window', () => {
      expect(whenRecorded([byCategory], facts(1, allegation), allegation())).toEqual([]);
      expect(
        whenRecorded(
          [byCategory],
          facts(2, () => allegation({ category: 'DISCREDITABLE_CONDUCT' })),
          allegation(),
        ),
      ).toEqual([]);
      expect(whenRecorded([byCategory], [allegation({ day: '2023-03-02' }), allegation()], allegation())).toEqual([]);
    });

    it('raises nothing again at the fourth: one alert per crossing', () => {
      expect(whenRecorded([byCategory], facts(3, allegation), allegation())).toEqual([]);
    });
  });

  describe('OVERALL: N cases or register signals within the window', () => {
    const overall = threshold({ kind: 'OVERALL', count: 3, windowDays: 90 });

    it('raises one alert at the third, counting cases, complaints and register signals together', () => {
      const earlier = [fact({ kind: 'CASE_SUBJECT' }), fact({ kind: 'REGISTER_SIGNAL', day: '2024-02-01' })];
      expect(whenRecorded([overall], earlier, fact({ kind: 'CASE_SUBJECT' }))).toEqual([expect.objectContaining({ kind: 'OVERALL', measure: 3 })]);
    });

    it("raises nothing at the second, nor for another person's facts", () => {
      expect(whenRecorded([overall], [fact()], fact())).toEqual([]);
      expect(
        whenRecorded(
          [overall],
          facts(2, () => fact({ personId: 'someone-else' })),
          fact(),
        ),
      ).toEqual([]);
    });
  });

  describe('MONITORED_PERSON: every new event about them', () => {
    const monitored = threshold({ kind: 'MONITORED_PERSON', personId: PERSON });

    it('raises an alert for each new fact about the monitored person, allegations and signals alike', () => {
      expect(whenRecorded([monitored], [], fact())).toEqual([
        expect.objectContaining({ kind: 'MONITORED_PERSON', personId: PERSON, threshold: 1, measure: 1 }),
      ]);
      expect(whenRecorded([monitored], [fact()], fact({ kind: 'REGISTER_SIGNAL' }))).toHaveLength(1);
    });

    it('raises nothing for anyone else', () => {
      expect(whenRecorded([monitored], [], fact({ personId: 'someone-else' }))).toEqual([]);
    });
  });

  describe('TOP_PERCENTILE: among the top X% of the force by the overall measure', () => {
    const topTen = threshold({ kind: 'TOP_PERCENTILE', count: 2, windowDays: 365, percentile: 10 });
    const others = (count: number) => Array.from({ length: count }, (_, index) => fact({ personId: `other-${index}` }));

    it('raises one alert when the person rises above 90% of the ten people with any', () => {
      expect(whenRecorded([topTen], [...others(9), fact()], fact())).toEqual([expect.objectContaining({ kind: 'TOP_PERCENTILE', measure: 2 })]);
    });

    it('raises nothing with one fewer below them (8 of 9 is under 90%), nor below the least measure', () => {
      expect(whenRecorded([topTen], [...others(8), fact()], fact())).toEqual([]);
      const leastThree = threshold({ kind: 'TOP_PERCENTILE', count: 3, windowDays: 365, percentile: 10 });
      expect(whenRecorded([leastThree], [...others(9), fact()], fact())).toEqual([]);
    });
  });

  describe('ALLEGATION_DETAIL: N allegations with a standard, a corruption category or a flag', () => {
    const apsp = threshold({ kind: 'ALLEGATION_DETAIL', count: 2, windowDays: 365, flag: 'APSP' });
    const honesty = threshold({ kind: 'ALLEGATION_DETAIL', count: 2, windowDays: 365, standard: 'HONESTY_AND_INTEGRITY' });
    const sexual = threshold({ kind: 'ALLEGATION_DETAIL', count: 2, windowDays: 365, corruptionCategory: 'SEXUAL_MISCONDUCT' });
    const allegation = (overrides: Partial<PersonFact> = {}) => fact({ kind: 'ALLEGATION', ...overrides });

    it('raises one alert at the second allegation with the detail, for each detail', () => {
      const withFlag = () => allegation({ flags: ['APSP'] });
      expect(whenRecorded([apsp], [withFlag()], withFlag())).toEqual([expect.objectContaining({ kind: 'ALLEGATION_DETAIL', measure: 2 })]);
      const withStandard = () => allegation({ standards: ['HONESTY_AND_INTEGRITY', 'AUTHORITY_RESPECT_AND_COURTESY'] });
      expect(whenRecorded([honesty], [withStandard()], withStandard())).toHaveLength(1);
      const withCategory = () => allegation({ corruptionCategory: 'SEXUAL_MISCONDUCT' });
      expect(whenRecorded([sexual], [withCategory()], withCategory())).toHaveLength(1);
    });

    it('raises nothing at the first, nor for allegations without the detail', () => {
      expect(whenRecorded([apsp], [], allegation({ flags: ['APSP'] }))).toEqual([]);
      expect(whenRecorded([apsp], [allegation({ flags: [] })], allegation({ flags: ['APSP'] }))).toEqual([]);
    });
  });

  it("counts only the force's own thresholds", () => {
    const kent = threshold({ force: 'KENT', kind: 'OVERALL', count: 1, windowDays: 30 });
    expect(whenRecorded([kent], [], fact())).toEqual([]);
  });

  describe('a threshold set over an existing history: everyone at or over it as at the day it is set', () => {
    const overall = threshold({ kind: 'OVERALL', count: 3, windowDays: 90, setOn: '2024-03-10' });
    const setting = (set: AlertThresholdSet, history: PersonFact[], replaced?: AlertThresholdSet) =>
      alertsDueOnSetting(set, replaced, ForceFacts.of(history), 'setting-event');

    it('raises one alert for a person at exactly N within the window ending the day it is set, none at N − 1', () => {
      const history = [...facts(3, () => fact()), ...facts(2, () => fact({ personId: 'below' }))];
      expect(setting(overall, history)).toEqual([
        expect.objectContaining({ personId: PERSON, measure: 3, threshold: 3, windowFrom: '2023-12-12', windowTo: '2024-03-10', crossedBy: 'setting-event' }),
      ]);
      expect(
        setting(
          overall,
          facts(2, () => fact()),
        ),
      ).toEqual([]);
    });

    it('counts neither facts before the window nor facts dated after the day it is set', () => {
      expect(setting(overall, [fact({ day: '2023-12-11' }), fact(), fact()])).toEqual([]);
      expect(setting(overall, [fact({ day: '2024-03-11' }), fact(), fact()])).toEqual([]);
    });

    it('alerts, on a change, only those the change brings over: lowered from 4 to 3, the person at 4 was already over', () => {
      const history = [...facts(4, () => fact()), ...facts(3, () => fact({ personId: 'newly-over' }))];
      const due = setting(overall, history, threshold({ kind: 'OVERALL', count: 4, windowDays: 90 }));
      expect(due.map((alert) => alert.personId)).toEqual(['newly-over']);
    });

    it('ranks the force for TOP_PERCENTILE', () => {
      const topTen = threshold({ kind: 'TOP_PERCENTILE', count: 2, windowDays: 365, percentile: 10, setOn: '2024-03-10' });
      const others = (count: number) => Array.from({ length: count }, (_, index) => fact({ personId: `other-${index}` }));
      expect(setting(topTen, [...others(9), fact(), fact()])).toEqual([expect.objectContaining({ personId: PERSON, measure: 2 })]);
      expect(setting(topTen, [...others(8), fact(), fact()])).toEqual([]);
    });

    it('raises nothing for MONITORED_PERSON: it alerts on new events about the person only', () => {
      expect(
        setting(
          threshold({ kind: 'MONITORED_PERSON', personId: PERSON }),
          facts(3, () => fact()),
        ),
      ).toEqual([]);
    });
  });
});
