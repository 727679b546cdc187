/**
 * `asOf` of the history read (docs/api.md): a day means the end of that day in England and
 * Wales (Europe/London, so 23:00 UTC the day before in summer), an instant means itself.
 */
import { addDays, format, parseISO } from 'date-fns';
import { isIsoDay } from '../../src/common/days';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The last millisecond that counts as recorded "by" `asOf`, or undefined when it is neither a day nor an instant. */
export function recordedByMs(asOf: string): number | undefined {
  // parseISO and format both work in the process's zone, so the day after is the day after.
  if (isIsoDay(asOf)) return startOfLondonDayMs(format(addDays(parseISO(asOf), 1), 'yyyy-MM-dd')) - 1;
  // An instant must say its offset: "12:00" alone would be read in the server's zone.
  if (!INSTANT.test(asOf)) return undefined;
  const ms = Date.parse(asOf);
  return Number.isNaN(ms) ? undefined : ms;
}

/** The instant London's day `day` begins. */
function startOfLondonDayMs(day: string): number {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  // Clocks change at 01:00 UTC, so London's offset at UTC midnight is its offset at its own midnight.
  return utcMidnight - londonOffsetMs(utcMidnight);
}

const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** How far London's wall clock is ahead of UTC at `instantMs` (0 or one hour). */
function londonOffsetMs(instantMs: number): number {
  const parts = Object.fromEntries(LONDON.formatToParts(new Date(instantMs)).map((part) => [part.type, part.value]));
  const wallClock = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return wallClock - (instantMs - (instantMs % 1000));
}
