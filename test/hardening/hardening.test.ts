/**
 * Hardening through real HTTP: security headers, one structured JSON log line per request
 * with nothing personal or secret in it, the per-user rate limit, the body size limit.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { createApp } from '../../src/bootstrap';
import { loadConfiguration } from '../../src/config/configuration';
import { SEED_STORIES } from '../../src/cases/seed-stories';
import { bearer, PROBLEM_JSON, TEST_JWT_SECRET } from '../http/support';
import { post, requestFor } from '../cases/support';
import { createTestDatabase } from '../support/database';
import { validatedHttp } from '../support/app';
import type { TestApp } from '../support/app';
import { testDataDir } from '../support/data-dir';

const RATE_LIMIT = 5;

/** The service with its request log captured and a small rate limit. */
async function startLoggedApp(): Promise<{ service: TestApp; lines: string[] }> {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(
        ...chunk
          .toString('utf8')
          .split('\n')
          .filter((line) => line.trim() !== ''),
      );
      callback();
    },
  });
  const database = await createTestDatabase();
  const config = loadConfiguration({
    LEDGER_DATA_DIR: testDataDir(),
    LOG_LEVEL: 'info',
    LEDGER_JWT_SECRET: TEST_JWT_SECRET,
    LEDGER_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
    LEDGER_MASTER_KEY: randomBytes(32).toString('base64'),
    LEDGER_SEAL_EVERY_EVENTS: '0',
    LEDGER_SEAL_INTERVAL_SECONDS: '0',
    DATABASE_URL: database.url,
  });
  const app = await createApp(config, { url: database.url, embedded: false, stop: async () => undefined }, { logDestination: destination });
  await app.listen(0, '127.0.0.1');
  const service: TestApp = {
    app,
    config,
    database,
    ...validatedHttp(app),
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
  return { service, lines };
}

describe('hardening', () => {
  let service: TestApp;
  let lines: string[];

  beforeAll(async () => {
    ({ service, lines } = await startLoggedApp());
  });
  afterAll(() => service.close());

  it('sends security headers on every answer (helmet)', async () => {
    const response = await service.http().get('/health');
    expect(response.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': expect.stringContaining('max-age='),
      'content-security-policy': expect.stringContaining("default-src 'self'"),
      'cross-origin-opener-policy': 'same-origin',
    });
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it("logs one JSON line per request: method, route pattern, status, duration, correlation id, user; never the token, the body or the URL's ids", async () => {
    const [opening] = SEED_STORIES[0].commands;
    if (opening?.type !== 'ReceiveReferral') throw new Error('a seed story opens with a referral');
    const caseId = randomUUID();
    const summary = `Complainant Philippa Nightingale-${caseId.slice(0, 8)} of 3 Rose Lane`;
    const command = { ...opening, caseId, summary };
    const { path, body, role } = requestFor(command);
    const userId = `logged-user-${caseId.slice(0, 8)}`;
    const correlationId = randomUUID();
    const created = await post(service, path, body, { role, force: opening.force, userId, headers: { 'X-Correlation-Id': correlationId } });
    expect(created.status).toBe(201);
    const readerName = `Rowena Quillfeather-${caseId.slice(0, 8)}`;
    const token = bearer(service.config, { userId, name: readerName, roles: ['ACU_INVESTIGATOR'], force: opening.force });
    const read = await service
      .http()
      .get(`/api/v1/cases/${caseId}/history`)
      .set('Authorization', token)
      .set('X-Access-Purpose', 'Checking the request log')
      .expect(200);
    expect(read.body.events[0].data.summary).toBe(summary);

    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const post201 = logged.find((line) => line.correlationId === correlationId);
    expect(post201).toMatchObject({ level: 30, msg: 'request', method: 'POST', route: '/api/v1/cases', status: 201, durationMs: expect.any(Number), userId });
    expect(logged).toContainEqual(expect.objectContaining({ method: 'GET', route: '/api/v1/cases/:caseId/history', status: 200, userId }));
    const everything = lines.join('\n');
    expect(everything).not.toContain(summary);
    expect(everything).not.toContain('Nightingale');
    expect(everything).not.toContain('Quillfeather');
    expect(everything).not.toContain(caseId);
    expect(everything).not.toContain(token.replace('Bearer ', ''));
    expect(everything).not.toMatch(/eyJ[A-Za-z0-9_-]+\./);
  });

  it('limits each user to LEDGER_RATE_LIMIT_PER_MINUTE requests a minute: then 429 problem+json with Retry-After; other users are not held up', async () => {
    const busy = bearer(service.config, { userId: `busy-${randomUUID()}`, roles: ['AUDITOR'], force: '*' });
    const statuses: number[] = [];
    for (let i = 0; i < RATE_LIMIT; i += 1) statuses.push((await service.http().get('/api/v1/ledger/seals/latest').set('Authorization', busy)).status);
    expect(statuses.filter((status) => status === 429)).toEqual([]);
    const refused = await service.http().get('/api/v1/ledger/seals/latest').set('Authorization', busy);
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body).toMatchObject({ status: 429, type: expect.stringContaining('too-many-requests') });
    const other = bearer(service.config, { userId: `calm-${randomUUID()}`, roles: ['AUDITOR'], force: '*' });
    expect((await service.http().get('/api/v1/ledger/seals/latest').set('Authorization', other)).status).not.toBe(429);
  });

  it('still refuses a body over 1 MB (413 problem+json)', async () => {
    const token = bearer(service.config, { userId: `big-${randomUUID()}`, roles: ['PSD_INVESTIGATOR'] });
    const response = await service
      .http()
      .post('/api/v1/cases')
      .set('Authorization', token)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ summary: 'x'.repeat(1_100_000) }));
    expect(response.status).toBe(413);
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
  });
});
