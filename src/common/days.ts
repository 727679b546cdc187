/**
 * Legal dates are `YYYY-MM-DD` strings (docs/events.md); arithmetic on them goes through date-fns
 * (docs/style.md), never by hand.
 */
import { addDays, addMonths, addYears, formatISO, isBefore, isValid, parseISO } from 'date-fns';

const asDay = (date: Date): string => formatISO(date, { representation: 'date' });

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day written `YYYY-MM-DD` (2021-02-30 is not one). */
export function isIsoDay(value: unknown): value is string {
  return typeof value === 'string' && DAY_PATTERN.test(value) && isValid(parseISO(value));
}

/** The first and the last day the service accepts, both inclusive, `YYYY-MM-DD`. */
export interface DayRange {
  earliest: string;
  latest: string;
}

/**
 * No case, register entry or return is dated before 1900 or after 2100; a day beyond is a
 * typing error. The read models add periods of months or years to the days they are given
 * and store them in PostgreSQL, which has no year 0, and a day such as 9999-12-31 has no
 * successor written YYYY-MM-DD: an event dated so could not be applied (issue 11).
 */
export const DEFAULT_LEGAL_DAYS: DayRange = { earliest: '1900-01-01', latest: '2100-12-31' };

/**
 * The outer limits of a configured range: a margin of centuries on each side of the
 * periods the read models add, away from year 0 and from five-digit years.
 */
export const LEGAL_DAYS_LIMITS: DayRange = { earliest: '1000-01-01', latest: '8999-12-31' };

let legalDays: DayRange = DEFAULT_LEGAL_DAYS;

/**
 * Set once at start-up from the configuration (LEDGER_EARLIEST_DAY, LEDGER_LATEST_DAY):
 * the validation decorators of every body and query are declared before any configuration
 * exists, so they read the range from here.
 */
export function setLegalDays(range: DayRange): void {
  legalDays = range;
}

export function currentLegalDays(): DayRange {
  return legalDays;
}

/** Days written YYYY-MM-DD compare as strings. */
function isWithin(day: string, range: DayRange): boolean {
  return day >= range.earliest && day <= range.latest;
}

/** A real calendar day within the legal range: the one test of a day entering the ledger or a query. */
export function isLegalDay(value: unknown): value is string {
  return isIsoDay(value) && isWithin(value, legalDays);
}

/** What a refused day should have been, naming the range. */
export function legalDayRule(): string {
  return `must be a date written YYYY-MM-DD from ${legalDays.earliest} to ${legalDays.latest}`;
}

/** An instant with its offset: without one, "12:00" would be read in the server's zone. */
const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 instant with its offset, on a legal day as written (a query's `from`, `to`, `asOf`). */
export function isLegalInstant(value: unknown): value is string {
  return typeof value === 'string' && INSTANT_PATTERN.test(value) && isLegalDay(value.slice(0, 10)) && !Number.isNaN(Date.parse(value));
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
