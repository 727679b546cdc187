import { bankHolidaysIn, easterSunday, isBankHoliday } from './bank-holidays';

/**
 * England and Wales bank holidays as published at gov.uk/bank-holidays (2018 on) and its
 * archived editions (2012-2017); 2027-2030 follow the statutory rules, as no proclamation
 * has changed them yet.
 */
const PUBLISHED: Record<number, string[]> = {
  2012: ['01-02', '04-06', '04-09', '05-07', '06-04', '06-05', '08-27', '12-25', '12-26'],
  2013: ['01-01', '03-29', '04-01', '05-06', '05-27', '08-26', '12-25', '12-26'],
  2014: ['01-01', '04-18', '04-21', '05-05', '05-26', '08-25', '12-25', '12-26'],
  2015: ['01-01', '04-03', '04-06', '05-04', '05-25', '08-31', '12-25', '12-28'],
  2016: ['01-01', '03-25', '03-28', '05-02', '05-30', '08-29', '12-26', '12-27'],
  2017: ['01-02', '04-14', '04-17', '05-01', '05-29', '08-28', '12-25', '12-26'],
  2018: ['01-01', '03-30', '04-02', '05-07', '05-28', '08-27', '12-25', '12-26'],
  2019: ['01-01', '04-19', '04-22', '05-06', '05-27', '08-26', '12-25', '12-26'],
  2020: ['01-01', '04-10', '04-13', '05-08', '05-25', '08-31', '12-25', '12-28'],
  2021: ['01-01', '04-02', '04-05', '05-03', '05-31', '08-30', '12-27', '12-28'],
  2022: ['01-03', '04-15', '04-18', '05-02', '06-02', '06-03', '08-29', '09-19', '12-26', '12-27'],
  2023: ['01-02', '04-07', '04-10', '05-01', '05-08', '05-29', '08-28', '12-25', '12-26'],
  2024: ['01-01', '03-29', '04-01', '05-06', '05-27', '08-26', '12-25', '12-26'],
  2025: ['01-01', '04-18', '04-21', '05-05', '05-26', '08-25', '12-25', '12-26'],
  2026: ['01-01', '04-03', '04-06', '05-04', '05-25', '08-31', '12-25', '12-28'],
  2027: ['01-01', '03-26', '03-29', '05-03', '05-31', '08-30', '12-27', '12-28'],
  2028: ['01-03', '04-14', '04-17', '05-01', '05-29', '08-28', '12-25', '12-26'],
  2029: ['01-01', '03-30', '04-02', '05-07', '05-28', '08-27', '12-25', '12-26'],
  2030: ['01-01', '04-19', '04-22', '05-06', '05-27', '08-26', '12-25', '12-26'],
};

describe('England and Wales bank holidays', () => {
  it.each(Object.entries(PUBLISHED))('gives the published list for %s', (year, days) => {
    expect([...bankHolidaysIn(Number(year))].sort()).toEqual(days.map((day) => `${year}-${day}`));
  });

  it('knows the one-off holidays and the moved spring and early May holidays', () => {
    for (const day of ['2011-04-29', '2012-06-05', '2022-06-03', '2022-09-19', '2023-05-08', '2020-05-08']) {
      expect(isBankHoliday(day)).toBe(true);
    }
    // The days the proclamations moved holidays away from are ordinary working days.
    for (const day of ['2012-05-28', '2020-05-04', '2022-05-30']) expect(isBankHoliday(day)).toBe(false);
  });

  it('puts substitute days after a weekend New Year, Christmas and Boxing Day', () => {
    expect(isBankHoliday('2022-01-03')).toBe(true); // 1 January 2022 was a Saturday
    expect(isBankHoliday('2021-12-27')).toBe(true); // Christmas on a Saturday
    expect(isBankHoliday('2021-12-28')).toBe(true); // Boxing Day on a Sunday
    expect(isBankHoliday('2021-12-25')).toBe(false); // the Saturday itself is not listed
  });

  it('computes Easter Sunday', () => {
    const easter = (year: number) => {
      const date = easterSunday(year);
      return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
    };
    expect([2019, 2020, 2024, 2025, 2038].map(easter)).toEqual(['2019-4-21', '2020-4-12', '2024-3-31', '2025-4-20', '2038-4-25']);
  });
});
