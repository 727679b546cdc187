/**
 * The Home Office's statistical year is the financial year, 1 April to 31 March. Here
 * `year` names the year it starts in: year 2013 is 1 April 2013 to 31 March 2014, which the
 * Home Office publishes as "year ending 31 March 2014" and writes 2013/14.
 */
import { addYears, format, parseISO, subDays } from 'date-fns';

export interface FinancialYear {
  year: number;
  /** `2013/14`. */
  label: string;
  /** 1 April of `year`, inclusive. */
  from: string;
  /** 31 March of `year + 1`, inclusive. */
  to: string;
}

export function financialYear(year: number): FinancialYear {
  const start = parseISO(`${String(year).padStart(4, '0')}-04-01`);
  const end = subDays(addYears(start, 1), 1);
  return {
    year,
    label: `${year}/${format(end, 'yy')}`,
    from: format(start, 'yyyy-MM-dd'),
    to: format(end, 'yyyy-MM-dd'),
  };
}

/** The financial year a day falls in: 31 March 2014 is in 2013, 1 April 2014 in 2014. */
export function financialYearOf(day: string): number {
  const date = parseISO(day);
  return date.getMonth() >= 3 ? date.getFullYear() : date.getFullYear() - 1;
}
