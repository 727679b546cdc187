import { metricRows, metricsCsv, readableForce } from './figures-http';
import type { Actor } from '../../src/http';

const reader = (force: string): Actor => ({ userId: 'u', name: 'n', roles: ['INSPECTOR'], force });

describe('figures over HTTP', () => {
  it('flattens nested figures into metric,value rows, null as empty', () => {
    expect(metricRows({ force: 'HAMPSHIRE', complaints: { count: 939, per100Workforce: 17.1 }, daysToFinalise: { median: null } })).toEqual([
      ['force', 'HAMPSHIRE'],
      ['complaints.count', '939'],
      ['complaints.per100Workforce', '17.1'],
      ['daysToFinalise.median', ''],
    ]);
  });

  it('writes RFC 4180 CSV with a header line', () => {
    expect(metricsCsv({ a: 1, b: { c: 'x,y' } })).toBe('metric,value\r\na,1\r\nb.c,"x,y"\r\n');
  });

  it('lets a reader of one force read only that force, and makes a national reader name one', () => {
    expect(readableForce(reader('HAMPSHIRE'), undefined)).toBe('HAMPSHIRE');
    expect(readableForce(reader('HAMPSHIRE'), 'HAMPSHIRE')).toBe('HAMPSHIRE');
    expect(() => readableForce(reader('HAMPSHIRE'), 'KENT')).toThrow(expect.objectContaining({ details: expect.objectContaining({ status: 403 }) }));
    expect(readableForce(reader('*'), 'KENT')).toBe('KENT');
    expect(() => readableForce(reader('*'), undefined)).toThrow(expect.objectContaining({ details: expect.objectContaining({ status: 400 }) }));
  });
});
