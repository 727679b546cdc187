import fc from 'fast-check';
import { addCalendarDays, addWorkingDays, calendarDaysBetween, isWorkingDay, workingDaysBetween } from './working-days';

describe('working days (England and Wales)', () => {
  it('excludes weekends and bank holidays', () => {
    expect(isWorkingDay('2022-06-01')).toBe(true); // a Wednesday
    expect(isWorkingDay('2022-06-02')).toBe(false); // Spring bank holiday (moved)
    expect(isWorkingDay('2022-06-03')).toBe(false); // Platinum Jubilee
    expect(isWorkingDay('2022-06-04')).toBe(false); // Saturday
    expect(isWorkingDay('2022-09-19')).toBe(false); // the State Funeral
  });

  it('counts a period from the first working day after the trigger', () => {
    expect(addWorkingDays('2022-06-01', 1)).toBe('2022-06-06');
    expect(addWorkingDays('2022-06-01', 0)).toBe('2022-06-01');
    // 15 working days after a notice served on Friday 20 December 2024 skip Christmas,
    // Boxing Day and New Year's Day.
    expect(addWorkingDays('2024-12-20', 15)).toBe('2025-01-15');
    // 5 working days after Thursday 4 May 2023 skip the Coronation holiday.
    expect(addWorkingDays('2023-05-04', 5)).toBe('2023-05-12');
  });

  it('counts working days between two days, the first excluded and the last included', () => {
    expect(workingDaysBetween('2022-06-01', '2022-06-06')).toBe(1);
    expect(workingDaysBetween('2022-06-01', '2022-06-01')).toBe(0);
    expect(workingDaysBetween('2022-06-06', '2022-06-01')).toBe(-1);
    expect(workingDaysBetween('2020-02-03', '2021-02-03')).toBe(254);
  });

  it('refuses what is not a day or not a count', () => {
    expect(() => addWorkingDays('2022-02-30', 1)).toThrow(RangeError);
    expect(() => addWorkingDays('2022-02-01', -1)).toThrow(RangeError);
    expect(() => workingDaysBetween('yesterday', '2022-02-01')).toThrow(RangeError);
  });

  it('counts calendar days across the clock change', () => {
    expect(calendarDaysBetween('2024-03-30', '2024-04-01')).toBe(2);
    expect(addCalendarDays('2024-10-26', 2)).toBe('2024-10-28');
  });

  const day = fc.integer({ min: 0, max: 365 * 19 }).map((offset) => addCalendarDays('2012-01-01', offset));

  it('adds and counts working days consistently (property)', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 60 }), (from, count) => {
        const due = addWorkingDays(from, count);
        expect(workingDaysBetween(from, due)).toBe(count);
        if (count > 0) expect(isWorkingDay(due)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('counts the same span from either end with opposite signs (property)', () => {
    fc.assert(
      fc.property(day, day, (a, b) => {
        expect(workingDaysBetween(a, b) + workingDaysBetween(b, a)).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it('agrees with counting the days one by one (property)', () => {
    const oneByOne = (from: string, to: string): number => {
      let count = 0;
      for (let offset = 1; offset <= calendarDaysBetween(from, to); offset += 1) {
        if (isWorkingDay(addCalendarDays(from, offset))) count += 1;
      }
      return count;
    };
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 800 }), (from, span) => {
        const to = addCalendarDays(from, span);
        expect(workingDaysBetween(from, to)).toBe(oneByOne(from, to));
      }),
      { numRuns: 200 },
    );
  });
});
