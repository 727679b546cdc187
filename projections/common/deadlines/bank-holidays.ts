/**
 * Bank holidays in England and Wales (the two nations share one list), as the usual rules
 * plus the changes made by royal proclamation, each with its source. Only the days on which
 * offices close are listed: when Christmas Day falls on a Saturday the holiday is the
 * substitute Monday, not the Saturday (gov.uk/bank-holidays lists them the same way).
 *
 * Rules: Banking and Financial Dealings Act 1971, s1 and Schedule 1 para 1 (Easter Monday,
 * last Monday in May, last Monday in August, 26 December, or 27 December when the 26th is a
 * Sunday), New Year's Day and the first Monday in May by annual proclamation (s1(3), since
 * 1974 and 1978), Good Friday and Christmas Day as common-law holidays; a holiday falling at
 * a weekend is replaced by the next weekday that is not already one. The published lists at
 * gov.uk/bank-holidays (and, before 2018, the same lists in The National Archives) agree with
 * these rules for 2012-2030 apart from the changes below (bank-holidays.spec.ts checks it).
 * The rules hold in full from 1978, when the early May holiday began; later one-off holidays
 * are a line each in BANK_HOLIDAY_CHANGES.
 */
import { addDays, format, getDay, lastDayOfMonth, parseISO } from 'date-fns';

/** A proclamation that moved a holiday (`instead` is the day it replaced) or added one. */
export interface BankHolidayChange {
  on: string;
  instead: string | null;
  name: string;
  source: string;
}

export const BANK_HOLIDAY_CHANGES: readonly BankHolidayChange[] = [
  { on: '1995-05-08', instead: '1995-05-01', name: 'Early May bank holiday (VE Day 50th anniversary)', source: 'royal proclamation, 1995' },
  { on: '1999-12-31', instead: null, name: 'Millennium holiday', source: 'royal proclamation, 1999' },
  { on: '2002-06-03', instead: null, name: "Queen's Golden Jubilee", source: 'royal proclamation, 2002' },
  { on: '2002-06-04', instead: '2002-05-27', name: 'Spring bank holiday', source: 'royal proclamation, 2002' },
  { on: '2011-04-29', instead: null, name: 'Royal wedding', source: 'royal proclamation, 2011' },
  { on: '2012-06-04', instead: '2012-05-28', name: 'Spring bank holiday', source: 'royal proclamation, 2012; gov.uk/bank-holidays' },
  { on: '2012-06-05', instead: null, name: "Queen's Diamond Jubilee", source: 'royal proclamation, 2012; gov.uk/bank-holidays' },
  {
    on: '2020-05-08',
    instead: '2020-05-04',
    name: 'Early May bank holiday (VE Day 75th anniversary)',
    source: 'royal proclamation, 2019; gov.uk/bank-holidays',
  },
  { on: '2022-06-02', instead: '2022-05-30', name: 'Spring bank holiday', source: 'royal proclamation, 2021; gov.uk/bank-holidays' },
  { on: '2022-06-03', instead: null, name: "Queen's Platinum Jubilee", source: 'royal proclamation, 2021; gov.uk/bank-holidays' },
  { on: '2022-09-19', instead: null, name: 'State Funeral of Queen Elizabeth II', source: 'royal proclamation, 2022; gov.uk/bank-holidays' },
  { on: '2023-05-08', instead: null, name: 'Coronation of King Charles III', source: 'royal proclamation, 2022; gov.uk/bank-holidays' },
];

const dayOf = (date: Date): string => format(date, 'yyyy-MM-dd');
const isWeekend = (date: Date): boolean => getDay(date) === 0 || getDay(date) === 6;

/** Easter Sunday (the anonymous Gregorian computus, as in Meeus, Astronomical Algorithms). */
export function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const date = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(year, month - 1, date);
}

function firstMonday(year: number, monthIndex: number): Date {
  const first = new Date(year, monthIndex, 1);
  return addDays(first, (8 - getDay(first)) % 7);
}

function lastMonday(year: number, monthIndex: number): Date {
  const last = lastDayOfMonth(new Date(year, monthIndex, 1));
  return addDays(last, -((getDay(last) + 6) % 7));
}

/** The holidays the rules give for a year, before proclamations change them. */
function ruleHolidays(year: number): string[] {
  const taken = new Set<string>();
  const weekendOnes: Date[] = [];
  const fixed = [new Date(year, 0, 1), new Date(year, 11, 25), new Date(year, 11, 26)];
  for (const date of fixed) {
    if (isWeekend(date)) weekendOnes.push(date);
    else taken.add(dayOf(date));
  }
  // A weekend holiday moves to the next weekday not already a holiday (so a Saturday
  // Christmas gives Monday 27th, and a Sunday Boxing Day then Tuesday 28th).
  for (const date of weekendOnes) {
    let substitute = addDays(date, 1);
    while (isWeekend(substitute) || taken.has(dayOf(substitute))) substitute = addDays(substitute, 1);
    taken.add(dayOf(substitute));
  }
  const easter = easterSunday(year);
  for (const date of [addDays(easter, -2), addDays(easter, 1), firstMonday(year, 4), lastMonday(year, 4), lastMonday(year, 7)]) {
    taken.add(dayOf(date));
  }
  return [...taken];
}

const byYear = new Map<number, ReadonlySet<string>>();

/** The bank holidays of a year in England and Wales, as `YYYY-MM-DD` days. */
export function bankHolidaysIn(year: number): ReadonlySet<string> {
  const cached = byYear.get(year);
  if (cached) return cached;
  const days = new Set(ruleHolidays(year));
  for (const change of BANK_HOLIDAY_CHANGES) {
    if (parseISO(change.on).getFullYear() !== year) continue;
    if (change.instead !== null) days.delete(change.instead);
    days.add(change.on);
  }
  byYear.set(year, days);
  return days;
}

export function isBankHoliday(day: string): boolean {
  return bankHolidaysIn(parseISO(day).getFullYear()).has(day);
}
