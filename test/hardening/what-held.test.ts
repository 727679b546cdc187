/**
 * What held when the running service was probed (issue 11, "What held"), kept so: tokens in a
 * query string, read-only roles on every write route, one Idempotency-Key sent five times at
 * once, keys of one user never replayed to another, and bodies built to hurt (gzip bomb,
 * __proto__). Each refusal appends nothing. The rest of the list has its tests beside the
 * feature: forged and incomplete tokens (test/http/authentication.test.ts, jwks.test.ts),
 * depth, NUL and lone surrogates (test/http/errors.test.ts), 1 MB and the request log
 * (hardening.test.ts), CSV (test/metrics), the need-to-know matrix (test/access), verify
 * naming a direct edit (test/ledger/verify.test.ts).
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { Role } from '../../src/http/roles';
import { referralBody } from '../cases/every-route';
import { eventsOf, post, PROBLEM_JSON } from '../cases/support';
import { bearer, TEST_JWT_SECRET } from '../http/support';
import { poolFor } from '../support/database';
import { startTestApp, TestApp } from '../support/app';

describe('what held', () => {
  let service: TestApp;

  beforeAll(async () => {
    service = await startTestApp({ LEDGER_JWT_SECRET: TEST_JWT_SECRET, LEDGER_SEAL_EVERY_EVENTS: '0', LEDGER_SEAL_INTERVAL_SECONDS: '0' });
  });
  afterAll(() => service.close());

  function rawPost(path: string, body: Buffer, headers: Record<string, string>): Promise<{ status: number; contentType: string }> {
    const { port } = service.app.getHttpServer().address() as AddressInfo;
    return new Promise((resolve, reject) => {
      const outgoing = http.request(
        { host: '127.0.0.1', port, path, method: 'POST', headers: { ...headers, 'Content-Length': String(body.length) } },
        (incoming) => {
          incoming.resume();
          incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, contentType: String(incoming.headers['content-type']) }));
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  }

  async function eventCount(): Promise<number> {
    const pool = poolFor(service.database, 1);
    try {
      const { rows } = await pool.query<{ count: string }>('SELECT count(*) AS count FROM ledger_events');
      return Number(rows[0].count);
    } finally {
      await pool.end();
    }
  }

  it.each(['access_token', 'token', 'jwt', 'authorization'])('refuses a token in the query string (?%s=): 401', async (name) => {
    const token = bearer(service.config, { roles: ['DCC'] }).replace('Bearer ', '');
    const read = await service.http().get(`/api/v1/cases?${name}=${token}`);
    expect(read.status).toBe(401);
    const before = await eventCount();
    const write = await service.http().post(`/api/v1/cases?${name}=${token}`).send(referralBody(randomUUID()));
    expect(write.status).toBe(401);
    expect(await eventCount()).toBe(before);
  });

  it.each<Role>(['INSPECTOR', 'AUDITOR'])('refuses %s every write route but declaring its own conflict (403), appending nothing', async (role) => {
    const document = await service.http().get('/api/docs-json').expect(200);
    const writeRoutes = Object.entries(document.body.paths as Record<string, { post?: unknown }>)
      .filter(([path, item]) => item.post !== undefined && path.startsWith('/api/v1/') && path !== '/api/v1/cases/{caseId}/conflicts')
      .map(([path]) => path.replace('{force}', 'HAMPSHIRE').replace(/\{\w+\}/g, () => randomUUID()));
    expect(writeRoutes.length).toBeGreaterThan(40);
    const before = await eventCount();
    const token = bearer(service.config, { userId: randomUUID(), roles: [role], force: '*' });
    const answers = await Promise.all(
      writeRoutes.map(async (path) => [path, (await service.http().post(path).set('Authorization', token).send({})).status] as const),
    );
    expect(answers.filter(([, status]) => status !== 403)).toEqual([]);
    expect(await eventCount()).toBe(before);
  });

  it('opens one case for five requests sent at once with one Idempotency-Key, and never replays it to another user', async () => {
    const { caseId: _chosen, ...body } = referralBody(randomUUID());
    const key = randomUUID();
    const userId = randomUUID();
    const send = (sender: string) => post(service, 'cases', body, { userId: sender, headers: { 'Idempotency-Key': key } });
    const answers = await Promise.all(Array.from({ length: 5 }, () => send(userId)));
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, 201, 201]);
    const caseIds = new Set(answers.map((answer) => answer.body.caseId));
    expect(caseIds.size).toBe(1);
    const [caseId] = [...caseIds] as string[];
    expect(await eventsOf(service, caseId)).toHaveLength(1);

    const another = await send(randomUUID());
    expect(another.status).toBe(201);
    expect(another.headers['idempotent-replayed']).toBeUndefined();
    expect(another.body.caseId).not.toBe(caseId);
    expect(await eventsOf(service, caseId)).toHaveLength(1);
  });

  it('refuses a gzip bomb (a few KB that inflate past 1 MB) with 413, appending nothing', async () => {
    const caseId = randomUUID();
    const inflated = JSON.stringify(referralBody(caseId, { summary: 'a'.repeat(20 * 1024 * 1024) }));
    const bomb = gzipSync(inflated);
    expect(bomb.length).toBeLessThan(64 * 1024);
    // Sent with node:http: supertest would serialise the Buffer as JSON rather than send its bytes.
    const response = await rawPost('/api/v1/cases', bomb, {
      Authorization: bearer(service.config),
      'Content-Type': 'application/json',
      'Content-Encoding': 'gzip',
    });
    expect(response.status).toBe(413);
    expect(response.contentType).toMatch(PROBLEM_JSON);
    expect(await eventsOf(service, caseId)).toEqual([]);
  });

  it('refuses a body carrying __proto__ (400), appending nothing', async () => {
    const caseId = randomUUID();
    const text = JSON.stringify(referralBody(caseId)).replace(/^\{/, '{"__proto__": {"sensitivity": "COVERT"},');
    const response = await service.http().post('/api/v1/cases').set('Authorization', bearer(service.config)).set('Content-Type', 'application/json').send(text);
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: '__proto__' })]);
    expect(await eventsOf(service, caseId)).toEqual([]);
  });
});
