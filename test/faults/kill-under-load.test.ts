/**
 * Issue 17, point 4, first fault: the service process killed with SIGKILL while users walk
 * cases through their lifecycle, then started again on the same database and data folder.
 *
 * - every command that got a 2xx is in the ledger exactly once;
 * - every command whose answer was lost is resent with its Idempotency-Key and then is there
 *   exactly once too, and each case's stream holds exactly the events of its acknowledged
 *   commands: nothing half-written, nothing twice;
 * - every read of a case that was served has its CaseAccessed record;
 * - the ledger still verifies (hash chain, seals, witness);
 * - every read model equals a full rebuild.
 */
import { rmSync } from 'node:fs';
import { Pool } from 'pg';
import { getStatus, isRunning, ServiceProcess, startServiceProcess, waitUntil, SERVICE_START_MS } from '../resilience/service-process';
import { testDataDir } from '../support/data-dir';
import { createTestDatabase, poolFor, TestDatabase } from '../support/database';
import { expectNothingLostOrDoubled, expectReadModelsEqualRebuild } from './ledger-checks';
import { LoadDriver } from './load-driver';

const USERS = 8;
/** Commands acknowledged before the kill: enough that it lands mid-flight for every user. */
const BEFORE_KILL = 120;

describe('kill -9 of the service under load', () => {
  let database: TestDatabase;
  let pool: Pool;
  let dataDir: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = poolFor(database, 4);
    dataDir = testDataDir();
  });

  afterAll(async () => {
    await pool.end();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses no acknowledged command, half-writes none, records every read served, and its read models equal a rebuild', async () => {
    const environment = { DATABASE_URL: database.url, LEDGER_DATA_DIR: dataDir, LEDGER_SEAL_INTERVAL_SECONDS: '1', LEDGER_SEAL_EVERY_EVENTS: '50' };
    let service: ServiceProcess = await startServiceProcess(environment);
    const explain = (): string => `\n--- service output ---\n${service.output().slice(-4000)}`;
    try {
      await waitUntil(
        async () => (await getStatus(`${service.baseUrl}/health`)).status === 200,
        SERVICE_START_MS,
        () => 'the service is up' + explain(),
      );
      const load = new LoadDriver({ users: USERS, baseUrl: () => service.baseUrl, onFailure: 'stop' });
      await waitUntil(
        async () => load.commandsAcknowledged >= BEFORE_KILL || load.unexpected.length > 0,
        120_000,
        () => 'commands acknowledged' + explain(),
      );
      service.child.kill('SIGKILL');
      expect(await service.exited()).toEqual({ code: null, signal: 'SIGKILL' });
      await load.stop();
      expect(load.unexpected).toEqual([]);
      // The kill cut requests short: otherwise it proved nothing.
      expect(load.unanswered.length).toBeGreaterThan(0);

      service = await startServiceProcess(environment);
      await waitUntil(
        async () => (await getStatus(`${service.baseUrl}/health`)).status === 200,
        SERVICE_START_MS,
        () => 'the service is up again' + explain(),
      );

      // What was acknowledged before the kill is there once; what lost its answer is resent.
      await expectNothingLostOrDoubled(service.baseUrl, pool, load);
      await expectReadModelsEqualRebuild(pool, [service], explain);
      process.stderr.write(
        `kill -9 under load: ${USERS} users, ${load.commandsAcknowledged} commands acknowledged, ${load.unanswered.length} answers lost and resent, ${load.readsServed} reads served\n`,
      );
    } finally {
      if (isRunning(service)) service.child.kill('SIGKILL');
    }
  }, 400_000);
});
