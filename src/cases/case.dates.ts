/**
 * Legal dates are `YYYY-MM-DD` strings (docs/events.md). Comparisons go through date-fns rather
 * than string or Date arithmetic by hand (docs/style.md).
 */
import { isBefore, parseISO } from 'date-fns';

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
