/**
 * Issue 17, point 4, second fault: PostgreSQL stopped (fast shutdown) and started again while
 * users walk cases through their lifecycle. The server is the test's own (test/faults/
 * private-postgres.ts), never the machine's shared one.
 *
 * - while it is down /health answers 503, degraded, saying the database is unavailable, and every
 *   request fails cleanly: a 503 problem+json, no 500, no hanging;
 * - the service recovers by itself, without a restart;
 * - nothing acknowledged is lost, and a command whose answer was a 503 is resent with its
 *   Idempotency-Key and is then there exactly once;
 * - every read served has its record, the ledger verifies, the read models equal a rebuild.
 */
import { rmSync } from 'node:fs';
import type { Pool } from 'pg';
import { poolOn } from '../support/database';
import { getStatus, isRunning, ServiceProcess, startServiceProcess, waitUntil, SERVICE_START_MS } from '../resilience/service-process';
import { testDataDir } from '../support/data-dir';
import { expectNothingLostOrDoubled, expectReadModelsEqualRebuild } from './ledger-checks';
import { LoadDriver } from './load-driver';
import { PrivatePostgres, startPrivatePostgres } from './private-postgres';

const USERS = 8;
const DOWN_MS = 5000;
/** A request must have its answer within this, database or not (the configured timeouts are shorter). */
const CLEAN_FAILURE_MS = 15_000;

describe('PostgreSQL stopped and started under load', () => {
  let postgres: PrivatePostgres;
  let dataDir: string;

  beforeAll(async () => {
    postgres = await startPrivatePostgres();
    dataDir = testDataDir();
  });

  afterAll(async () => {
    await postgres?.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('fails cleanly with 503 while it is down, recovers without a restart, and loses nothing acknowledged', async () => {
    const service: ServiceProcess = await startServiceProcess({ DATABASE_URL: postgres.url, LEDGER_DATA_DIR: dataDir, LEDGER_SEAL_INTERVAL_SECONDS: '1' });
    const explain = (): string => `\n--- service output ---\n${service.output().slice(-4000)}`;
    let pool: Pool | undefined;
    try {
      await waitUntil(
        async () => (await getStatus(`${service.baseUrl}/health`)).status === 200,
        SERVICE_START_MS,
        () => 'the service is up' + explain(),
      );
      const load = new LoadDriver({ users: USERS, baseUrl: () => service.baseUrl, onFailure: 'pause', timeoutMs: CLEAN_FAILURE_MS + 5000 });
      try {
        await waitUntil(
          async () => load.commandsAcknowledged >= 60 || load.unexpected.length > 0,
          120_000,
          () => 'commands acknowledged' + explain(),
        );

        await postgres.stop();
        await new Promise((resolve) => setTimeout(resolve, DOWN_MS / 2));
        const health = await getStatus(`${service.baseUrl}/health`, {}, CLEAN_FAILURE_MS);
        const body = health.body as { status?: unknown; database?: unknown };
        expect({ status: health.status, health: body.status, database: body.database }).toEqual({ status: 503, health: 'degraded', database: 'unavailable' });
        await new Promise((resolve) => setTimeout(resolve, DOWN_MS / 2));
        const failedWhileDown = load.failures.length;
        await postgres.start();

        await waitUntil(
          async () => (await getStatus(`${service.baseUrl}/health`)).status === 200,
          60_000,
          'health ok after the database came back' + explain(),
        );
        const acknowledgedBefore = load.commandsAcknowledged;
        await waitUntil(
          async () => load.commandsAcknowledged >= acknowledgedBefore + 60,
          60_000,
          () => 'commands acknowledged again' + explain(),
        );
        expect(isRunning(service)).toBe(true);
        expect(failedWhileDown).toBeGreaterThan(0);
      } finally {
        await load.stop();
      }
      expect(load.unexpected).toEqual([]);
      for (const failure of load.failures) {
        expect({ ...failure, clean: failure.ms < CLEAN_FAILURE_MS }).toEqual({
          status: 503,
          ms: failure.ms,
          contentType: expect.stringMatching(/^application\/problem\+json/),
          clean: true,
        });
      }

      // A command that got a 503 may have been committed before its answer was lost: resent with its key, it is there once.
      pool = poolOn(postgres.url, 4);
      await expectNothingLostOrDoubled(service.baseUrl, pool, load);
      await expectReadModelsEqualRebuild(pool, [service], explain);
      process.stderr.write(
        `PostgreSQL restart under load: ${USERS} users, ${load.commandsAcknowledged} commands acknowledged, ${load.failures.length} clean 503s, ${load.unanswered.length} commands resent, ${load.readsServed} reads served\n`,
      );
    } finally {
      if (isRunning(service)) service.child.kill('SIGKILL');
      await pool?.end();
    }
  }, 400_000);
});
