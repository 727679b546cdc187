/**
 * Working days as the conduct regulations count them: any day but a Saturday, a Sunday or a
 * bank holiday in England and Wales (docs/domain/regulations.md, "Working day"; the Europe/London
 * calendar day). Days are `YYYY-MM-DD` strings; arithmetic goes through date-fns.
 */
import { addDays, differenceInCalendarDays, format, getDay, parseISO } from 'date-fns';
import { isIsoDay } from '../../../src/common/days';
import { bankHolidaysIn, isBankHoliday } from './bank-holidays';

function requireDay(day: string): Date {
  if (!isIsoDay(day)) throw new RangeError(`${day} is not a day written YYYY-MM-DD`);
  return parseISO(day);
}

const dayOf = (date: Date): string => format(date, 'yyyy-MM-dd');

export function isWorkingDay(day: string): boolean {
  const weekday = getDay(requireDay(day));
  return weekday !== 0 && weekday !== 6 && !isBankHoliday(day);
}

/** `count` calendar days after `day` (negative: before). */
export function addCalendarDays(day: string, count: number): string {
  return dayOf(addDays(requireDay(day), count));
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: string, to: string): number {
  return differenceInCalendarDays(requireDay(to), requireDay(from));
}

/**
 * The `count`-th working day after `day`: the periods of the regulations start on the first
 * working day after the trigger (docs/domain/regulations.md, section 12), so 1 is the next working day
 * and 0 is `day` itself.
 */
export function addWorkingDays(day: string, count: number): string {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`${count} is not a count of working days`);
  let date = requireDay(day);
  for (let left = count; left > 0;) {
    date = addDays(date, 1);
    if (isWorkingDay(dayOf(date))) left -= 1;
  }
  return dayOf(date);
}

/**
 * Working days after `from` up to and including `to`, so that
 * `addWorkingDays(from, workingDaysBetween(from, to))` is `to` whenever `to` is a working
 * day. Negative when `to` is before `from`.
 */
export function workingDaysBetween(from: string, to: string): number {
  const span = calendarDaysBetween(from, to);
  if (span < 0) return -workingDaysBetween(to, from);
  const start = requireDay(from);
  // Whole weeks hold five weekdays each; the days left over are looked at one by one.
  let weekdays = Math.floor(span / 7) * 5;
  for (let offset = span - (span % 7) + 1; offset <= span; offset += 1) {
    const weekday = getDay(addDays(start, offset));
    if (weekday !== 0 && weekday !== 6) weekdays += 1;
  }
  // Every bank holiday is a weekday (a weekend one is replaced by a substitute weekday).
  let holidays = 0;
  for (let year = start.getFullYear(); year <= parseISO(to).getFullYear(); year += 1) {
    for (const holiday of bankHolidaysIn(year)) if (holiday > from && holiday <= to) holidays += 1;
  }
  return weekdays - holidays;
}
