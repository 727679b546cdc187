/**
 * THE acceptance test of the inspection metrics: fed the events behind seed 004's "force in
 * numbers" for Hampshire, `GET /metrics/inspection` reproduces the published figures,
 * including the rates per 100 workforce to one decimal place.
 */
import type { GlobalPosition } from '../../src/event-store/position';
import type { TestApp } from '../support/app';
import { CALENDAR_2013, HAMPSHIRE, hampshireForceInNumbers, PUBLISHED, WORKFORCE_AT_MARCH_2014, YEAR_TO_MARCH_2014 } from './hampshire-2014';
import { appendAll, read, startFiguresApp } from './support';

describe('Hampshire, the force in numbers (seed 004, HMIC 2014)', () => {
  let app: TestApp;
  let written: GlobalPosition;

  beforeAll(async () => {
    app = await startFiguresApp();
    written = await appendAll(app, hampshireForceInNumbers());
  });

  afterAll(async () => {
    await app.close();
  });

  const metrics = (range: { from: string; to: string }, accept?: string) =>
    read(app, `metrics/inspection?force=${HAMPSHIRE}&from=${range.from}&to=${range.to}`, { after: written, accept });

  it('reproduces the 12 months to March 2014: complaints, conduct cases and business interests', async () => {
    const response = await metrics(YEAR_TO_MARCH_2014);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      force: HAMPSHIRE,
      from: '2013-04-01',
      to: '2014-03-31',
      workforce: WORKFORCE_AT_MARCH_2014.officers + WORKFORCE_AT_MARCH_2014.staff,
      complaints: { count: 939, per100Workforce: 17.1 },
      conductCases: { count: 175, per100Workforce: 3.2 },
      businessInterests: { applied: 222, approved: 221, declined: 1 },
    });
    expect(response.body.complaints).toEqual(PUBLISHED.complaints);
    expect(response.body.conductCases).toEqual(PUBLISHED.conductCases);
  });

  it('reproduces the 2013 gifts and hospitality register, with its refused offers, and the 2013 drug tests', async () => {
    const response = await metrics(CALENDAR_2013);
    expect(response.status).toBe(200);
    expect(response.body.giftsAndHospitality).toEqual({ offered: 347, accepted: 347 - 71, declined: 71 });
    const { randomOnOfficers, randomOnStaff, withCause } = PUBLISHED.drugTests;
    expect(response.body.drugTests).toEqual({ random: randomOnOfficers + randomOnStaff, withCause, positive: 0 });
  });

  it('gives the same figures as CSV, one metric,value row each', async () => {
    const response = await metrics(YEAR_TO_MARCH_2014, 'text/csv');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    const rows = response.text.trim().split(/\r\n/);
    expect(rows[0]).toBe('metric,value');
    // Only names, codes, numbers and dates: no free text, nothing a spreadsheet would run as a formula.
    for (const row of rows.slice(1)) expect(row).toMatch(/^[A-Za-z][\w.]*,([A-Z][A-Z_]*|-?\d+(\.\d+)?|\d{4}-\d{2}-\d{2}|\d{4}\/\d{2})?$/);
    expect(rows).toEqual(
      expect.arrayContaining([
        'force,HAMPSHIRE',
        'workforce,5492',
        'complaints.count,939',
        'complaints.per100Workforce,17.1',
        'conductCases.count,175',
        'conductCases.per100Workforce,3.2',
        'businessInterests.applied,222',
        'businessInterests.approved,221',
        'daysToFinalise.median,',
      ]),
    );
  });
});
