/**
 * Settings of the HTTP edge (issue 11 items 18 and 20): /health is not rate-limited, so a
 * load balancer's probe is never answered 429; behind a proxy (LEDGER_TRUST_PROXY) anonymous
 * requests are counted per client, not per proxy; and a token may live at most
 * LEDGER_JWT_MAX_LIFETIME_SECONDS (12 hours by default), however far ahead its `exp` is.
 */
import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { loadConfiguration } from '../../src/config/configuration';
import { TEST_JWT_SECRET } from '../http/support';
import { startTestApp, TestApp } from '../support/app';

const HOUR = 3600;
const now = (): number => Math.floor(Date.now() / 1000);

function token(times: { iat?: number; exp: number }): string {
  const claims = { sub: randomUUID(), name: 'Test User', roles: ['DCC'], force: 'HAMPSHIRE', ...times };
  // jsonwebtoken keeps a given iat, and adds none with noTimestamp: the test says whether there is one.
  return `Bearer ${jwt.sign(claims, TEST_JWT_SECRET, { algorithm: 'HS256', noTimestamp: times.iat === undefined })}`;
}

describe('the rate limit behind a load balancer', () => {
  let service: TestApp;

  beforeAll(async () => {
    service = await startTestApp({ LEDGER_JWT_SECRET: TEST_JWT_SECRET, LEDGER_RATE_LIMIT_PER_MINUTE: '3', LEDGER_TRUST_PROXY: 'loopback' });
  });
  afterAll(() => service.close());

  it('never answers /health with 429', async () => {
    for (let probe = 0; probe < 10; probe += 1) {
      expect((await service.http().get('/health').set('X-Forwarded-For', '203.0.113.9')).status).toBe(200);
    }
  });

  it('counts anonymous requests per client address behind a trusted proxy', async () => {
    const anonymous = (client: string) => service.http().get('/api/v1/cases').set('X-Forwarded-For', client);
    for (let request = 0; request < 3; request += 1) expect((await anonymous('198.51.100.1')).status).toBe(401);
    expect((await anonymous('198.51.100.1')).status).toBe(429);
    expect((await anonymous('198.51.100.2')).status).toBe(401);
  });
});

describe('LEDGER_TRUST_PROXY', () => {
  it.each([
    ['false', false],
    ['true', true],
    ['2', 2],
    ['loopback', 'loopback'],
    ['loopback, 10.0.0.0/8', 'loopback, 10.0.0.0/8'],
  ])('reads %p', (text, trustProxy) => {
    expect(loadConfiguration({ LEDGER_TRUST_PROXY: text }).trustProxy).toEqual(trustProxy);
  });

  it('is off by default and refuses what is not a hop count or an address list', () => {
    expect(loadConfiguration({}).trustProxy).toBe(false);
    expect(() => loadConfiguration({ LEDGER_TRUST_PROXY: 'everyone please' })).toThrow(/LEDGER_TRUST_PROXY/);
  });
});

describe('the longest a token may live', () => {
  let service: TestApp;
  let shortLived: TestApp;

  beforeAll(async () => {
    service = await startTestApp({ LEDGER_JWT_SECRET: TEST_JWT_SECRET });
    shortLived = await startTestApp({ LEDGER_JWT_SECRET: TEST_JWT_SECRET, LEDGER_JWT_MAX_LIFETIME_SECONDS: String(HOUR) });
  });
  afterAll(async () => {
    await service.close();
    await shortLived.close();
  });

  const statusOf = async (app: TestApp, authorization: string): Promise<{ status: number; detail?: string }> => {
    const response = await app.http().get('/api/v1/cases').set('Authorization', authorization);
    return { status: response.status, detail: response.body.detail };
  };

  it('accepts a token of 12 hours by default', async () => {
    expect((await statusOf(service, token({ iat: now(), exp: now() + 12 * HOUR }))).status).toBe(200);
  });

  it('refuses (401) a token issued for more than 12 hours by default', async () => {
    const refused = await statusOf(service, token({ iat: now(), exp: now() + 13 * HOUR }));
    expect(refused.status).toBe(401);
    expect(refused.detail).toMatch(/lifetime|too long/);
  });

  it('refuses (401) a token without iat whose exp is centuries ahead', async () => {
    expect((await statusOf(service, token({ exp: now() + 200 * 365 * 24 * HOUR }))).status).toBe(401);
    expect((await statusOf(service, token({ exp: now() + 11 * HOUR }))).status).toBe(200);
  });

  it('refuses a token issued long ago even though little of it is left, and follows the setting', async () => {
    expect((await statusOf(service, token({ iat: now() - 30 * 24 * HOUR, exp: now() + 60 }))).status).toBe(401);
    expect((await statusOf(shortLived, token({ iat: now(), exp: now() + 2 * HOUR }))).status).toBe(401);
    expect((await statusOf(shortLived, token({ iat: now(), exp: now() + HOUR }))).status).toBe(200);
  });
});
