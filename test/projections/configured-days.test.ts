/** LEDGER_EARLIEST_DAY and LEDGER_LATEST_DAY reach the one day field type of every body. */
import { randomUUID } from 'node:crypto';
import { referralBody } from '../cases/every-route';
import { post } from '../cases/support';
import { TEST_JWT_SECRET } from '../http/support';
import { startTestApp, TestApp } from '../support/app';

describe('a configured range of legal days', () => {
  let service: TestApp;

  beforeAll(async () => {
    service = await startTestApp({ LEDGER_JWT_SECRET: TEST_JWT_SECRET, LEDGER_EARLIEST_DAY: '2000-01-01', LEDGER_LATEST_DAY: '2030-12-31' });
  });

  afterAll(() => service.close());

  it('refuses a day outside it, naming the range, and accepts its bounds', async () => {
    const refused = await post(service, 'cases', referralBody(randomUUID(), { receivedOn: '2031-01-01' }));
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ field: 'receivedOn', message: 'receivedOn must be a date written YYYY-MM-DD from 2000-01-01 to 2030-12-31' }]);
    expect((await post(service, 'cases', referralBody(randomUUID(), { receivedOn: '1999-12-31' }))).status).toBe(400);
    expect((await post(service, 'cases', referralBody(randomUUID(), { receivedOn: '2000-01-01' }))).status).toBe(201);
    expect((await post(service, 'cases', referralBody(randomUUID(), { receivedOn: '2030-12-31' }))).status).toBe(201);
  });
});
