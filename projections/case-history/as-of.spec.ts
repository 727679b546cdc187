import { recordedByMs } from './as-of';

const iso = (ms: number | undefined): string | undefined => (ms === undefined ? undefined : new Date(ms).toISOString());

describe('asOf', () => {
  it('reads a day as the end of that day in London: 23:00 UTC in summer time', () => {
    expect(iso(recordedByMs('2021-06-30'))).toBe('2021-06-30T22:59:59.999Z');
  });

  it('reads a winter day as ending at midnight UTC', () => {
    expect(iso(recordedByMs('2022-01-31'))).toBe('2022-01-31T23:59:59.999Z');
  });

  it('handles the days the clocks change', () => {
    // 2025-03-30: clocks go forward at 01:00 UTC, so the day ends at 23:00 UTC.
    expect(iso(recordedByMs('2025-03-30'))).toBe('2025-03-30T22:59:59.999Z');
    expect(iso(recordedByMs('2025-03-29'))).toBe('2025-03-29T23:59:59.999Z');
    // 2025-10-26: clocks go back at 01:00 UTC, so the day ends at midnight UTC.
    expect(iso(recordedByMs('2025-10-26'))).toBe('2025-10-26T23:59:59.999Z');
    expect(iso(recordedByMs('2025-10-25'))).toBe('2025-10-25T22:59:59.999Z');
  });

  it('takes an instant with an offset as it is', () => {
    expect(iso(recordedByMs('2021-06-30T12:00:00+01:00'))).toBe('2021-06-30T11:00:00.000Z');
    expect(iso(recordedByMs('2021-06-30T12:00:00.250Z'))).toBe('2021-06-30T12:00:00.250Z');
  });

  it.each(['2021-02-30', '2021-06-30T12:00:00', 'yesterday', '2021-06', '2021-06-30T25:00:00Z'])('refuses %s', (text) => {
    expect(recordedByMs(text)).toBeUndefined();
  });
});
