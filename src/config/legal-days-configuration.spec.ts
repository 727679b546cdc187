import { ConfigurationError, loadConfiguration } from './configuration';

describe('the legal days in the configuration', () => {
  it('given nothing, are 1900-01-01 to 2100-12-31', () => {
    expect(loadConfiguration({}).legalDays).toEqual({ earliest: '1900-01-01', latest: '2100-12-31' });
  });

  it('given LEDGER_EARLIEST_DAY and LEDGER_LATEST_DAY, are those', () => {
    expect(loadConfiguration({ LEDGER_EARLIEST_DAY: '1950-01-01', LEDGER_LATEST_DAY: '2060-12-31' }).legalDays).toEqual({
      earliest: '1950-01-01',
      latest: '2060-12-31',
    });
  });

  it.each([
    [{ LEDGER_LATEST_DAY: '9999-12-31' }, 'LEDGER_LATEST_DAY must be a date written YYYY-MM-DD from 1000-01-01 to 8999-12-31'],
    [{ LEDGER_EARLIEST_DAY: '0000-01-01' }, 'LEDGER_EARLIEST_DAY must be a date written YYYY-MM-DD from 1000-01-01 to 8999-12-31'],
    [{ LEDGER_EARLIEST_DAY: '2021-02-30' }, 'LEDGER_EARLIEST_DAY must be a date written YYYY-MM-DD from 1000-01-01 to 8999-12-31'],
    [{ LEDGER_EARLIEST_DAY: '2030-01-01', LEDGER_LATEST_DAY: '2020-12-31' }, 'LEDGER_EARLIEST_DAY must not be after LEDGER_LATEST_DAY'],
  ])('refuses %j, naming the setting', (environment, problem) => {
    expect(() => loadConfiguration(environment)).toThrow(ConfigurationError);
    expect(() => loadConfiguration(environment)).toThrow(problem);
  });
});
