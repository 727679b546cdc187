/**
 * Issue 11, item 22: /health answered 200 `ok` while a read model had stopped. A projection
 * failing on every attempt for more than a few seconds now makes /health answer 503, naming
 * it in `problems` (the body is kept), and 200 again once it has recovered by itself.
 */
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { TEST_JWT_SECRET } from '../http/support';
import { referralBody } from '../cases/every-route';
import { post } from '../cases/support';
import { activeGeneration } from './service-process';
import { startTestApp } from '../support/app';

interface HealthAnswer {
  status: number;
  body: { status?: string; problems?: { component: string; problem: string; blocksService: boolean }[] };
}

async function healthUntil(get: () => Promise<HealthAnswer>, wanted: number, timeoutMs: number): Promise<HealthAnswer> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await get();
    if (answer.status === wanted || Date.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('/health while a read model cannot advance', () => {
  it('answers 503 naming the stalled projection, then 200 once it has caught up by itself', async () => {
    const service = await startTestApp({ LEDGER_JWT_SECRET: TEST_JWT_SECRET, LEDGER_DB_LOCK_TIMEOUT_MS: '300' });
    const locker = new Client({ connectionString: service.database.url });
    await locker.connect();
    const health = (): Promise<HealthAnswer> =>
      service
        .http()
        .get('/health')
        .then((response) => ({ status: response.status, body: response.body as HealthAnswer['body'] }));
    try {
      expect((await post(service, 'cases', referralBody(randomUUID()))).status).toBe(201);
      expect((await healthUntil(health, 200, 20_000)).status).toBe(200);
      const generation = await activeGeneration(locker, 'case-status');
      await locker.query('BEGIN');
      await locker.query(`LOCK TABLE "case_status__g${generation}" IN ACCESS EXCLUSIVE MODE`);
      expect((await post(service, 'cases', referralBody(randomUUID()))).status).toBe(201);

      const stalled = await healthUntil(health, 503, 20_000);
      expect(stalled.status).toBe(503);
      expect(stalled.body.status).toBe('degraded');
      expect(stalled.body.problems).toContainEqual(expect.objectContaining({ component: 'projection:case-status', problem: 'stalled', blocksService: true }));

      await locker.query('ROLLBACK');
      const recovered = await healthUntil(health, 200, 40_000);
      expect({ status: recovered.status, problems: recovered.body.problems }).toEqual({ status: 200, problems: [] });
    } finally {
      await locker.query('ROLLBACK').catch(() => undefined);
      await locker.end();
      await service.close();
    }
  }, 90_000);
});
