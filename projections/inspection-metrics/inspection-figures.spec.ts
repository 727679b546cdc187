import { Counts } from '../common/dated-facts';
import { daysDistribution, inspectionFigures, median, nearestRank, per100Workforce } from './inspection-figures';

const counts = (entries: Record<string, Record<string, number>>): Counts =>
  new Map(Object.entries(entries).map(([metric, keys]) => [metric, new Map(Object.entries(keys))]));

describe('inspection figures', () => {
  it('rates per 100 workforce to one decimal place, halves up', () => {
    expect(per100Workforce(939, 5492)).toBe(17.1);
    expect(per100Workforce(175, 5492)).toBe(3.2);
    // 1 / 2000 × 100 = 0.05 exactly: up, not down as 0.05 × 10 in floating point might go.
    expect(per100Workforce(1, 2000)).toBe(0.1);
    expect(per100Workforce(0, 100)).toBe(0);
    expect(per100Workforce(5, null)).toBeNull();
    expect(per100Workforce(5, 0)).toBeNull();
  });

  it('takes the median (mean of the middle two for an even count) and the nearest-rank 90th percentile', () => {
    const odd = daysDistribution(
      new Map([
        ['10', 1],
        ['20', 1],
        ['400', 1],
      ]),
    );
    expect(median(odd)).toBe(20);
    const even = daysDistribution(
      new Map([
        ['10', 1],
        ['21', 1],
      ]),
    );
    expect(median(even)).toBe(15.5);
    // 30 values 1..30: rank ceil(0.9 × 30) = 27.
    const thirty = daysDistribution(new Map(Array.from({ length: 30 }, (_, index) => [String(index + 1), 1] as const)));
    expect(nearestRank(thirty, 90)).toBe(27);
    expect(median(daysDistribution(undefined))).toBeNull();
  });

  it('fills every enumeration with zeros and answers exactly the shape of docs/api.md', () => {
    const figures = inspectionFigures(
      { force: 'HAMPSHIRE', from: '2013-04-01', to: '2014-03-31' },
      counts({
        complaints: { '': 939 },
        flag: { APSP: 4 },
        outcome: { WRITTEN_WARNING: 2 },
        daysToFinalise: { '100': 3, '400': 1 },
        finalisedWithin12Months: { '': 3 },
      }),
      5492,
    );
    expect(Object.keys(figures)).toEqual([
      'force',
      'from',
      'to',
      'workforce',
      'complaints',
      'conductCases',
      'byCorruptionCategory',
      'byFlag',
      'iopcReferrals',
      'outcomes',
      'departuresDuringProceedings',
      'barredListEntries',
      'advisoryListEntries',
      'businessInterests',
      'giftsAndHospitality',
      'notifiableAssociations',
      'drugTests',
      'daysToFinalise',
      'finalisedWithin12MonthsShare',
    ]);
    expect(figures.complaints).toEqual({ count: 939, per100Workforce: 17.1 });
    expect(figures.conductCases).toEqual({ count: 0, per100Workforce: 0 });
    expect(figures.outcomes.WRITTEN_WARNING).toBe(2);
    expect(figures.outcomes.DISMISSAL_WITHOUT_NOTICE).toBe(0);
    expect(figures.byCorruptionCategory.THEFT).toBe(0);
    expect(figures.byFlag).toEqual({ APSP: 4, PREJUDICIAL_IMPROPER_BEHAVIOUR: 0, VIOLENCE_AGAINST_WOMEN_AND_GIRLS: 0 });
    expect(figures.iopcReferrals).toEqual({
      count: 0,
      byMode: { INDEPENDENT: 0, DIRECTED: 0, LOCAL: 0, RETURNED_TO_FORCE: 0, NO_INVESTIGATION: 0, SUPERVISED: 0, MANAGED: 0 },
    });
    expect(figures.daysToFinalise).toEqual({ median: 100, p90: 400 });
    expect(figures.finalisedWithin12MonthsShare).toBe(0.75);
  });
});
