/**
 * Today's date where the regulations apply, and the instant now. Deadlines are judged
 * "overdue" against `today` at read time, never stored; the write path takes every instant it
 * records from `now` (an event's time when it has no legal date, an erasure's). Tests
 * replace either (`jest.spyOn(app.get(CLOCK), 'today')`).
 */
export const CLOCK = Symbol('CLOCK');

export interface Clock {
  /** Today in Europe/London, `YYYY-MM-DD`. */
  today(): string;
  /** The instant now, ISO 8601 in UTC (`2024-03-31T23:30:00.000Z`). */
  now(): string;
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

  now(): string {
    return new Date().toISOString();
  }
}
