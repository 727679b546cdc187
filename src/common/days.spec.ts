import { DEFAULT_LEGAL_DAYS, isLegalDay, isLegalInstant, setLegalDays } from './days';

describe('legal days', () => {
  afterEach(() => setLegalDays(DEFAULT_LEGAL_DAYS));

  it('given the default range, accepts its first and last day', () => {
    expect(isLegalDay('1900-01-01')).toBe(true);
    expect(isLegalDay('2100-12-31')).toBe(true);
  });

  it('given the default range, refuses year 0, 9999-12-31 and the days just outside it', () => {
    for (const day of ['0000-01-01', '9999-12-31', '1899-12-31', '2101-01-01']) expect(isLegalDay(day)).toBe(false);
  });

  it('refuses a day that is not in the calendar, or not written YYYY-MM-DD', () => {
    for (const day of ['2021-02-30', '2021-2-3', '20210203', 20210203, null]) expect(isLegalDay(day)).toBe(false);
  });

  it('given a configured range, follows it', () => {
    setLegalDays({ earliest: '2000-01-01', latest: '2000-12-31' });
    expect(isLegalDay('1999-12-31')).toBe(false);
    expect(isLegalDay('2000-06-30')).toBe(true);
  });

  it('accepts an instant with its offset on a legal day, and nothing else', () => {
    expect(isLegalInstant('2021-06-30T12:00:00Z')).toBe(true);
    expect(isLegalInstant('2021-06-30T12:00+01:00')).toBe(true);
    for (const instant of ['2021-06-30T12:00:00', '9999-12-31T23:59:59Z', '0000-01-01T00:00:00Z', '2021-02-30T00:00:00Z', '2021-06-30']) {
      expect(isLegalInstant(instant)).toBe(false);
    }
  });
});
