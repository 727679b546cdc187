/**
 * Legal dates are `YYYY-MM-DD` strings (events.md); arithmetic on them goes through date-fns
 * (style.md), never by hand.
 */
import { addDays, addMonths, addYears, formatISO, isBefore, isValid, parseISO } from 'date-fns';

const asDay = (date: Date): string => formatISO(date, { representation: 'date' });

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day written `YYYY-MM-DD` (2021-02-30 is not one). */
export function isIsoDay(value: unknown): value is string {
  return typeof value === 'string' && DAY_PATTERN.test(value) && isValid(parseISO(value));
}

/** True when day `a` is strictly before day `b`. */
export function isBeforeDay(a: string, b: string): boolean {
  return isBefore(parseISO(a), parseISO(b));
}

export function addDaysToDay(day: string, days: number): string {
  return asDay(addDays(parseISO(day), days));
}

export function addMonthsToDay(day: string, months: number): string {
  return asDay(addMonths(parseISO(day), months));
}

/** A year on: 29 February gives 28 February. */
export function addYearsToDay(day: string, years: number): string {
  return asDay(addYears(parseISO(day), years));
}

/** The later of two days. */
export function laterDay(a: string, b: string): string {
  return isBeforeDay(a, b) ? b : a;
}
