/**
 * `GET /metrics/inspection` over HTTP: inclusive date ranges, the workforce return it
 * divides by, who may read which force, validation, and corrections changing the figures.
 */
import { randomUUID } from 'node:crypto';
import type { JsonObject } from '../../src/event-store/event-store';
import type { GlobalPosition } from '../../src/event-store/position';
import { recorded, appendAll, giftOffered, personStream, PROBLEM_JSON, read, referralReceived, startFiguresApp, workforceReturned } from './support';
import type { TestApp } from '../support/app';

const FORCE = 'BOUNDSHIRE';
const OTHER = 'OTHERSHIRE';

describe('inspection metrics over HTTP', () => {
  let app: TestApp;
  let written: GlobalPosition;
  const giftStream = personStream();
  const gift = giftOffered(FORCE, '2020-02-10', 'ACCEPTED');
  const february = workforceReturned(FORCE, '2020-02-29', 900, 100);

  beforeAll(async () => {
    app = await startFiguresApp();
    written = await appendAll(app, [
      ...['2020-01-31', '2020-02-01', '2020-02-15', '2020-02-29', '2020-03-01'].map((day) => referralReceived(FORCE, day, 'COMPLAINT', ['THEFT'])),
      referralReceived(FORCE, '2020-02-01', 'CONDUCT_MATTER'),
      referralReceived(OTHER, '2020-02-15', 'COMPLAINT'),
      workforceReturned(FORCE, '2020-01-31', 450, 50),
      february,
      workforceReturned(FORCE, '2020-03-01', 1800, 200),
      { stream: giftStream, events: [gift, giftOffered(FORCE, '2020-02-29', 'NOT_APPROVED_BY_MANAGER')] },
    ]);
  });

  afterAll(async () => {
    await app.close();
  });

  const february2020 = (query = `force=${FORCE}&from=2020-02-01&to=2020-02-29`, reader: Parameters<typeof read>[2] = {}) =>
    read(app, `metrics/inspection?${query}`, { force: FORCE, after: written, ...reader });

  it('counts both ends of the range and nothing beyond them, divided by the return at its end', async () => {
    const response = await february2020();
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      force: FORCE,
      from: '2020-02-01',
      to: '2020-02-29',
      workforce: 1000,
      complaints: { count: 3, per100Workforce: 0.3 },
      conductCases: { count: 1, per100Workforce: 0.1 },
      giftsAndHospitality: { offered: 2, accepted: 1, declined: 1 },
    });
    expect(response.body.byCorruptionCategory.THEFT).toBe(3);
  });

  it('reads a single day, and the latest return on or before it', async () => {
    const response = await february2020(`force=${FORCE}&from=2020-01-31&to=2020-01-31`);
    expect(response.body).toMatchObject({ workforce: 500, complaints: { count: 1, per100Workforce: 0.2 } });
  });

  it('answers null rates before the force has any workforce return', async () => {
    const response = await february2020(`force=${FORCE}&from=2019-01-01&to=2020-01-30`);
    expect(response.body).toMatchObject({
      workforce: null,
      complaints: { count: 0, per100Workforce: null },
      daysToFinalise: { median: null, p90: null },
      finalisedWithin12MonthsShare: null,
    });
  });

  describe('who may read which force', () => {
    it('reads the reader’s own force when none is named', async () => {
      const response = await february2020('from=2020-02-01&to=2020-02-29');
      expect(response.body).toMatchObject({ force: FORCE, complaints: { count: 3 } });
    });

    it('refuses a reader of one force the figures of another with 403', async () => {
      const response = await february2020(`force=${OTHER}&from=2020-02-01&to=2020-02-29`);
      expect(response.status).toBe(403);
      expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    });

    it('lets a national reader (*) read any force, naming it', async () => {
      const response = await february2020(`force=${OTHER}&from=2020-02-01&to=2020-02-29`, { force: '*' });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ force: OTHER, complaints: { count: 1 } });
      const unnamed = await february2020('from=2020-02-01&to=2020-02-29', { force: '*' });
      expect(unnamed.status).toBe(400);
      expect(unnamed.body.errors).toEqual([{ field: 'force', message: expect.any(String) }]);
    });

    it.each(['DCC', 'AUDITOR', 'APPROPRIATE_AUTHORITY', 'PSD_INVESTIGATOR', 'ACU_INVESTIGATOR'] as const)('lets %s read', async (role) => {
      expect((await february2020(undefined, { role })).status).toBe(200);
    });

    it('refuses ADMIN with 403, and a caller without a token with 401', async () => {
      expect((await february2020(undefined, { role: 'ADMIN' })).status).toBe(403);
      expect((await app.http().get(`/api/v1/metrics/inspection?from=2020-02-01&to=2020-02-29`)).status).toBe(401);
    });
  });

  it.each([
    ['from=2020-02-30&to=2020-03-01', 'from'],
    ['from=2020-2-1&to=2020-03-01', 'from'],
    ['from=2020-03-02&to=2020-03-01', 'to'],
    ['from=2020-02-01', 'to'],
    ['from=2020-02-01&to=2020-02-29&force=*', 'force'],
    ['from=2020-02-01&to=2020-02-29&colour=red', 'colour'],
  ])('refuses %s with a 400 naming %s', async (query, field) => {
    const response = await february2020(query);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
  });

  it('uses corrections of register events and workforce returns instead of what they correct', async () => {
    const correction = (stream: string, correctsEventId: string | undefined, replacement: JsonObject) => ({
      stream,
      events: [recorded('RecordCorrected', { correctsEventId: correctsEventId ?? '', reason: 'entered wrongly', replacement }, '2020-04-01', FORCE)],
    });
    const corrected = await appendAll(app, [
      correction(giftStream, gift.eventId, { ...gift.data, decision: 'DECLINED_AT_TIME' }),
      correction(`workforce-${FORCE}`, february.events[0].eventId, {
        force: FORCE,
        asAt: '2020-02-29',
        officers: 1500,
        staff: 500,
        specials: 0,
        volunteers: 0,
        inPsdOrAcu: 0,
      }),
      correction(`person-${randomUUID()}`, randomUUID(), { decision: 'ACCEPTED' }),
    ]);
    const response = await february2020(undefined, { after: corrected });
    expect(response.body).toMatchObject({
      workforce: 2000,
      complaints: { count: 3, per100Workforce: 0.2 },
      giftsAndHospitality: { offered: 2, accepted: 0, declined: 2 },
    });
  });
});
