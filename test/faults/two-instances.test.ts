/**
 * Issue 17, point 4, third fault: two service processes on one database, each request going
 * to either of them, so one case's commands arrive at both.
 *
 * - every acknowledged command is in the ledger once, and each case's stream is exactly its
 *   commands' events;
 * - commands sent at the same moment to one case through both instances are serialised:
 *   each one that is acknowledged has a revision of its own, and the stream holds exactly them;
 * - seals are made once: no two seals of the same tree, each seal's tree larger than the last;
 * - the ledger verifies, and every read model (each applied by one instance at a time) equals
 *   a full rebuild: nothing applied twice.
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { Pool } from 'pg';
import { caseLifecycle, send, Tokens } from '../../scripts/load/lifecycle';
import { loadConfiguration } from '../../src/config/configuration';
import { SEAL_EVENT_TYPE } from '../../src/ledger/seal';
import { getStatus, isRunning, PROCESS_JWT_SECRET, ServiceProcess, startServiceProcess, waitUntil, SERVICE_START_MS } from '../resilience/service-process';
import { testDataDir } from '../support/data-dir';
import { createTestDatabase, TestDatabase, poolOn } from '../support/database';
import { acknowledgedExactlyOnce, auditorHeaders, expectReadModelsEqualRebuild, streamsHoldExactly } from './ledger-checks';
import { Acknowledged, LoadDriver } from './load-driver';

const USERS = 8;
const COMMANDS = 150;
/** Commands sent at once to one case, alternately through each instance. */
const BURST = 12;

describe('two service instances on one database', () => {
  let database: TestDatabase;
  let pool: Pool;
  let dataDir: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = poolOn(database.url, 4);
    // One data folder: the instances of one installation share its signing key and witness.
    dataDir = testDataDir();
  });

  afterAll(async () => {
    await pool.end();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('applies each projection once, seals once, and serialises the commands to one case', async () => {
    const environment = { DATABASE_URL: database.url, LEDGER_DATA_DIR: dataDir, LEDGER_SEAL_INTERVAL_SECONDS: '1', LEDGER_SEAL_EVERY_EVENTS: '20' };
    const instances: ServiceProcess[] = [await startServiceProcess(environment), await startServiceProcess(environment)];
    const explain = (): string => instances.map((instance, n) => `\n--- instance ${n} ---\n${instance.output().slice(-3000)}`).join('');
    try {
      for (const instance of instances)
        await waitUntil(
          async () => (await getStatus(`${instance.baseUrl}/health`)).status === 200,
          SERVICE_START_MS,
          () => 'both are up' + explain(),
        );
      let turn = 0;
      const load = new LoadDriver({ users: USERS, baseUrl: () => instances[turn++ % 2].baseUrl, onFailure: 'stop' });
      try {
        await waitUntil(
          async () => load.commandsAcknowledged >= COMMANDS || load.unexpected.length > 0,
          180_000,
          () => 'commands acknowledged' + explain(),
        );
      } finally {
        await load.stop();
      }
      expect(load.unexpected).toEqual([]);
      expect(load.unanswered).toEqual([]);

      // A burst at one case through both instances: subjects added at the same moment.
      const tokens = new Tokens(loadConfiguration({ LEDGER_JWT_SECRET: PROCESS_JWT_SECRET }).jwt, randomUUID());
      const caseId = randomUUID();
      const [referral, subject] = caseLifecycle(caseId);
      const opened = await send(instances[0].baseUrl, referral, tokens);
      expect(opened.status).toBe(201);
      const burst = await Promise.all(
        Array.from({ length: BURST }, (_, n) =>
          send(
            instances[n % 2].baseUrl,
            { ...subject, idempotencyKey: randomUUID(), body: { ...subject.body, subjectId: randomUUID(), personId: randomUUID() } },
            tokens,
          ),
        ),
      );
      // Each one is appended or refused as a conflict (409, to be retried): never a 500, never lost or doubled.
      expect(burst.map((answer) => answer.status).filter((status) => status !== 201 && status !== 409)).toEqual([]);
      const acknowledged: Acknowledged[] = [
        ...load.acknowledged,
        { request: referral, caseId, eventIds: opened.eventIds },
        ...burst.filter((answer) => answer.status === 201).map((answer) => ({ request: subject, caseId, eventIds: answer.eventIds })),
      ];
      const revisions = burst.filter((answer) => answer.status === 201).map((answer) => (answer.body as { revision: number }).revision);
      expect(new Set(revisions).size).toBe(revisions.length);
      expect(await acknowledgedExactlyOnce(pool, acknowledged)).toEqual({ missing: [], duplicated: [] });
      expect(await streamsHoldExactly(pool, acknowledged)).toEqual([]);

      // Seals: made by one instance at a time, each of a larger tree than the last.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const { rows: seals } = await pool.query<{ tree_size: number }>(
        `SELECT (data->>'treeSize')::int AS tree_size FROM ledger_events WHERE event_type = $1 ORDER BY position`,
        [SEAL_EVENT_TYPE],
      );
      expect(seals.length).toBeGreaterThan(1);
      const sizes = seals.map((seal) => seal.tree_size);
      expect(sizes).toEqual([...new Set(sizes)].sort((a, b) => a - b));
      const verify = await getStatus(`${instances[1].baseUrl}/api/v1/ledger/verify`, auditorHeaders(), 60_000);
      expect(verify.body).toMatchObject({ ok: true });

      await expectReadModelsEqualRebuild(pool, instances, explain);
      process.stderr.write(
        `two instances: ${USERS} users, ${load.commandsAcknowledged} commands acknowledged, a burst of ${BURST} at one case (${revisions.length} appended), ${seals.length} seals\n`,
      );
    } finally {
      for (const instance of instances) if (isRunning(instance)) instance.child.kill('SIGKILL');
    }
  }, 400_000);
});
