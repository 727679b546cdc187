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
import { send } from '../../scripts/load/lifecycle';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store';
import { getStatus, isRunning, ServiceProcess, startServiceProcess, waitUntil } from '../resilience/service-process';
import { testDataDir } from '../support/data-dir';
import { createTestDatabase, poolFor, TestDatabase } from '../support/database';
import { allCaughtUp, expectEqualToFullRebuild } from '../support/read-models';
import { LoadDriver } from './load-driver';
import { acknowledgedExactlyOnce, auditorHeaders, recordedReads, streamsHoldExactly } from './ledger-checks';

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
      await waitUntil(async () => (await getStatus(`${service.baseUrl}/health`)).status === 200, 90_000, 'the service is up' + explain());
      const load = new LoadDriver({ users: USERS, baseUrl: () => service.baseUrl, onFailure: 'stop' });
      await waitUntil(async () => load.commandsAcknowledged >= BEFORE_KILL || load.unexpected.length > 0, 120_000, 'commands acknowledged' + explain());
      service.child.kill('SIGKILL');
      expect(await service.exited()).toEqual({ code: null, signal: 'SIGKILL' });
      await load.stop();
      expect(load.unexpected).toEqual([]);
      // The kill cut requests short: otherwise it proved nothing.
      expect(load.unanswered.length).toBeGreaterThan(0);

      service = await startServiceProcess(environment);
      await waitUntil(async () => (await getStatus(`${service.baseUrl}/health`)).status === 200, 90_000, 'the service is up again' + explain());

      // What was acknowledged before the kill is there, once.
      expect(await acknowledgedExactlyOnce(pool, load.acknowledged)).toEqual({ missing: [], duplicated: [] });

      // A command whose answer was lost is resent with its key: it was appended once, or now.
      for (const lost of load.unanswered) {
        const answer = await send(service.baseUrl, lost.request, lost.tokens);
        expect({ path: lost.request.path, ok: answer.status >= 200 && answer.status < 300, answer }).toMatchObject({ path: lost.request.path, ok: true });
        load.acknowledged.push({ request: lost.request, caseId: lost.caseId, eventIds: answer.eventIds });
      }
      expect(await acknowledgedExactlyOnce(pool, load.acknowledged)).toEqual({ missing: [], duplicated: [] });
      expect(await streamsHoldExactly(pool, load.acknowledged)).toEqual([]);

      // Every read served has its record.
      for (const [userId, served] of load.served)
        expect({ userId, recorded: (await recordedReads(pool, userId)) >= served }).toEqual({ userId, recorded: true });

      const verify = await getStatus(`${service.baseUrl}/api/v1/ledger/verify`, auditorHeaders(), 60_000);
      expect(verify.body).toMatchObject({ ok: true });

      const store = new PostgresEventStore(pool);
      try {
        const head = await store.headPosition();
        await waitUntil(() => allCaughtUp(pool, head), 60_000, 'projections caught up' + explain());
        service.child.kill('SIGTERM');
        expect(await service.exited()).toEqual({ code: 0, signal: null });
        await expectEqualToFullRebuild(store, pool);
      } finally {
        await store.close();
      }
      process.stderr.write(
        `kill -9 under load: ${USERS} users, ${load.commandsAcknowledged} commands acknowledged, ${load.unanswered.length} answers lost and resent, ${load.readsServed} reads served\n`,
      );
    } finally {
      if (isRunning(service)) service.child.kill('SIGKILL');
    }
  }, 400_000);
});
