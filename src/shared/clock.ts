/**
 * Today's date where the regulations apply. Deadlines are judged "overdue" against it at
 * read time, never stored; tests replace it (`jest.spyOn(app.get(CLOCK), 'today')`).
 */
export const CLOCK = Symbol('CLOCK');

export interface Clock {
  /** Today in Europe/London, `YYYY-MM-DD`. */
  today(): string;
}

const LONDON_DAY = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day in Europe/London at an instant (British Summer Time included). */
export function londonDayOf(instant: Date): string {
  const parts = Object.fromEntries(LONDON_DAY.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

export class LondonClock implements Clock {
  today(): string {
    return londonDayOf(new Date());
  }
}
