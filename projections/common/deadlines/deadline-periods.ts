/**
 * How long a rule allows, as data: a number of working days (counted from the first working
 * day after the trigger, or from the trigger's own day where the regulation says "beginning
 * with"), calendar days, or months. A period that an amendment changes is a second line with
 * the day it applies from, as CONDUCT_REGIMES does for the regulations themselves.
 */
import { addMonths, format, parseISO } from 'date-fns';
import type { Confidence } from '../../../src/common/confidence';
import { addCalendarDays, addWorkingDays } from './working-days';

export type Period = { unit: 'WORKING_DAYS'; length: number; counting: 'AFTER' | 'BEGINNING_WITH' } | { unit: 'DAYS' | 'MONTHS'; length: number };

export interface PeriodInForce {
  /** For triggers on or after this day (null: since the rule began). */
  inForceFrom: string | null;
  period: Period;
  /** Where the length comes from; "force practice" where no regulation sets it. */
  source: string;
  confidence: Confidence;
}

export const workingDays = (length: number, counting: 'AFTER' | 'BEGINNING_WITH' = 'AFTER'): Period => ({
  unit: 'WORKING_DAYS',
  length,
  counting,
});
export const months = (length: number): Period => ({ unit: 'MONTHS', length });
export const weeks = (length: number): Period => ({ unit: 'DAYS', length: length * 7 });

/**
 * Due days already worked out, by trigger day and period: a rebuild asks for the same few
 * thousand (day, period) pairs again and again, and counting working days is most of a
 * case's fold. Pure, so a remembered answer is the answer; bounded, so it cannot grow without end.
 */
const dueDays = new Map<string, string>();
const MAX_REMEMBERED = 100_000;

/** The last day of a period that starts from `from`. */
export function dueAfter(from: string, period: Period): string {
  const key = `${from}|${period.unit}|${period.length}|${period.unit === 'WORKING_DAYS' ? period.counting : ''}`;
  const known = dueDays.get(key);
  if (known !== undefined) return known;
  const due = computeDueAfter(from, period);
  if (dueDays.size >= MAX_REMEMBERED) dueDays.clear();
  dueDays.set(key, due);
  return due;
}

function computeDueAfter(from: string, period: Period): string {
  switch (period.unit) {
    case 'WORKING_DAYS':
      // "Beginning with" the trigger counts the trigger's own day when it is a working day.
      return period.counting === 'AFTER' ? addWorkingDays(from, period.length) : addWorkingDays(addCalendarDays(from, -1), period.length);
    case 'DAYS':
      return addCalendarDays(from, period.length);
    case 'MONTHS':
      return format(addMonths(parseISO(from), period.length), 'yyyy-MM-dd');
    default: {
      const unknownUnit: never = period;
      throw new Error(`unknown period ${JSON.stringify(unknownUnit)}`);
    }
  }
}

/** The line in force for a trigger on `day`: the latest that had begun by then. */
export function periodInForceOn(periods: readonly PeriodInForce[], day: string): PeriodInForce {
  const begun = periods.filter((line) => line.inForceFrom === null || line.inForceFrom <= day);
  const chosen = begun[begun.length - 1] ?? periods[0];
  if (chosen === undefined) throw new Error('a deadline rule needs at least one period');
  return chosen;
}
