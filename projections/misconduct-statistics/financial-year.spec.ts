import { financialYear, financialYearOf } from './financial-year';

describe('financial year', () => {
  it('runs from 1 April of the year to 31 March of the next', () => {
    expect(financialYear(2013)).toEqual({ year: 2013, label: '2013/14', from: '2013-04-01', to: '2014-03-31' });
    expect(financialYear(1999)).toEqual({ year: 1999, label: '1999/00', from: '1999-04-01', to: '2000-03-31' });
  });

  it('puts 31 March in the year before and 1 April in the year it starts', () => {
    expect(financialYearOf('2014-03-31')).toBe(2013);
    expect(financialYearOf('2014-04-01')).toBe(2014);
    expect(financialYearOf('2014-01-01')).toBe(2013);
  });
});
