/**
 * Issue 11, item 7: the projections pinned the requests' pool. A small pool hung start-up for
 * good, and a read model blocked on a lock stalled requests. Background work now has its own
 * connections, and every lock wait has a timeout, so a blocked table gives errors, not hangs.
 */
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { TEST_JWT_SECRET, bearer } from '../http/support';
import { referralBody } from '../cases/every-route';
import { post } from '../cases/support';
import { activeGeneration } from './service-process';
import { startTestApp, TestApp } from '../support/app';
import { within } from '../support/within';

/**
 * The table stays locked until the test ends, so a request that waits for it would hang;
 * one that is bounded answers within the lock timeout (1 s). The margin is for a busy
 * machine.
 */
const FAST_MS = 8000;

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = Date.now();
  const result = await work();
  return { result, ms: Date.now() - started };
}

describe('the requests’ pool and the background work', () => {
  it('starts and serves with a requests’ pool of 2 connections', async () => {
    const service = await within(startTestApp({ LEDGER_JWT_SECRET: TEST_JWT_SECRET, LEDGER_DB_POOL_SIZE: '2' }), 30_000, 'start-up with LEDGER_DB_POOL_SIZE=2');
    try {
      const caseId = randomUUID();
      expect((await post(service, 'cases', referralBody(caseId))).status).toBe(201);
      const list = await service
        .http()
        .get('/api/v1/cases')
        .set('Authorization', bearer(service.config, { roles: ['PSD_INVESTIGATOR'] }));
      expect(list.status).toBe(200);
      expect((await service.http().get('/health')).status).toBe(200);
    } finally {
      await service.close();
    }
  }, 60_000);

  it('answers at once while a read model’s table is locked: commands and /health work, its reads fail fast (503)', async () => {
    const service: TestApp = await startTestApp({ LEDGER_JWT_SECRET: TEST_JWT_SECRET, LEDGER_DB_LOCK_TIMEOUT_MS: '1000' });
    const locker = new Client({ connectionString: service.database.url });
    await locker.connect();
    try {
      expect((await post(service, 'cases', referralBody(randomUUID()))).status).toBe(201);
      const generation = await activeGeneration(locker, 'case-status');
      await locker.query('BEGIN');
      await locker.query(`LOCK TABLE "case_status__g${generation}" IN ACCESS EXCLUSIVE MODE`);
      // New cases for the blocked projections to wait on.
      for (let i = 0; i < 3; i += 1) expect((await post(service, 'cases', referralBody(randomUUID()))).status).toBe(201);
      await new Promise((resolve) => setTimeout(resolve, 1000));

      const health = await timed(() => service.http().get('/health'));
      const command = await timed(() => post(service, 'cases', referralBody(randomUUID())));
      const list = await timed(() =>
        service
          .http()
          .get('/api/v1/cases')
          .set('Authorization', bearer(service.config, { roles: ['PSD_INVESTIGATOR'] })),
      );
      expect({ health: health.ms < FAST_MS, command: [command.result.status, command.ms < FAST_MS] }).toEqual({ health: true, command: [201, true] });
      expect({ status: list.result.status, type: list.result.headers['content-type'], fast: list.ms < FAST_MS }).toEqual({
        status: 503,
        type: expect.stringMatching(/^application\/problem\+json/),
        fast: true,
      });
    } finally {
      await locker.query('ROLLBACK').catch(() => undefined);
      await locker.end();
      await service.close();
    }
  }, 60_000);
});
