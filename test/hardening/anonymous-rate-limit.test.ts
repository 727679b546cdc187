/**
 * Requests without a valid token are limited per client address
 * (LEDGER_ANONYMOUS_RATE_LIMIT_PER_MINUTE), below the per-user limit: the sign-in page, no
 * token, a forged token all count; past the limit, 429 problem+json with Retry-After, while
 * a signed-in user from the same address keeps their own allowance.
 */
import { bearer, PROBLEM_JSON, TEST_JWT_SECRET } from '../http/support';
import { startTestApp, TestApp } from '../support/app';

describe('the per-address limit for requests without a valid token', () => {
  let service: TestApp;

  beforeAll(async () => {
    service = await startTestApp({ LEDGER_JWT_SECRET: TEST_JWT_SECRET, LEDGER_RATE_LIMIT_PER_MINUTE: '50', LEDGER_ANONYMOUS_RATE_LIMIT_PER_MINUTE: '4' });
  });
  afterAll(() => service.close());

  it('counts the sign-in page, missing and forged tokens, then answers 429 problem+json with Retry-After', async () => {
    expect((await service.http().get('/sign-in')).status).toBe(200);
    expect((await service.http().get('/api/v1/cases')).status).toBe(401);
    expect((await service.http().get('/api/v1/cases').set('Authorization', 'Bearer forged.token.value')).status).toBe(401);
    expect((await service.http().get('/api/v1/cases').set('Authorization', 'Bearer another.forged.token')).status).toBe(401);
    const refused = await service.http().get('/sign-in');
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((refused.body as { status: number }).status).toBe(429);
    expect((await service.http().get('/api/v1/cases')).status).toBe(429);
    // The same address, signed in: a user's own, larger, allowance.
    for (let n = 0; n < 6; n += 1) expect((await service.http().get('/api/v1/cases').set('Authorization', bearer(service.config))).status).toBe(200);
  });
});
