/**
 * Legal dates are `YYYY-MM-DD` strings (events.md). Comparisons go through date-fns rather
 * than string or Date arithmetic by hand (style.md).
 */
import { isBefore, isValid, parseISO } from 'date-fns';

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day written `YYYY-MM-DD` (2021-02-30 is not one). */
export function isIsoDay(value: unknown): value is string {
  return typeof value === 'string' && DAY_PATTERN.test(value) && isValid(parseISO(value));
}

/** True when day `a` is strictly before day `b`. */
export function isBeforeDay(a: string, b: string): boolean {
  return isBefore(parseISO(a), parseISO(b));
}

/** True when `day` falls in [from, until): `from` inclusive, `until` exclusive, null meaning open. */
export function isWithin(day: string, from: string | null, until: string | null): boolean {
  if (from !== null && isBeforeDay(day, from)) return false;
  if (until !== null && !isBeforeDay(day, until)) return false;
  return true;
}
