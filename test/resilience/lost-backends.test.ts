/**
 * Issue 11, item 5 and the third acceptance bullet: kill one database backend of each kind
 * the service holds, take the database away and give it back, then SIGTERM the service
 * under read load. The process must survive, answer 503 fast while the database is away,
 * recover by itself, stop cleanly, and every read it served must have its CaseAccessed record.
 */
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { SEED_STORIES } from '../../src/cases/seed-stories';
import { loadConfiguration } from '../../src/config/configuration';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store';
import { signToken } from '../../src/http/token';
import { CaseRecorder } from '../projections/case-story-support';
import { createTestDatabase, poolFor, TestDatabase, withAdmin } from '../support/database';
import { getStatus, isRunning, PROCESS_JWT_SECRET, startServiceProcess, waitUntil } from './service-process';

const PURPOSE = 'Reviewing the file for the misconduct meeting';

/** The backends the service holds, told apart by what they last ran (or their application_name). */
const KINDS: { kind: string; where: string }[] = [
  { kind: 'projection lock', where: `(query LIKE '%ledger-projection:%' OR application_name LIKE 'ledger-projection-lock%')` },
  { kind: 'append notifier', where: `(query LIKE 'LISTEN ledger_appended%' OR application_name = 'ledger-notifier')` },
  { kind: 'idle pooled client', where: `state = 'idle'` },
  { kind: 'every backend', where: 'true' },
];

describe('lost database backends and shutdown under load', () => {
  let database: TestDatabase;
  let pool: Pool;
  let store: PostgresEventStore;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = poolFor(database, 4);
    store = new PostgresEventStore(pool);
  });

  afterAll(async () => {
    await store.close();
    await pool.end();
    await withAdmin((client) => client.query(`ALTER DATABASE ${client.escapeIdentifier(database.name)} ALLOW_CONNECTIONS true`));
    await database.drop();
  });

  it('survives each kind of lost backend and the database going away, recovers by itself, and records every read it served', async () => {
    const { caseId, readerId, headers } = await openCaseAndReader(store);

    // A 1 s sealing interval: the sealer takes its lock every second, so "every backend" catches it too.
    const service = await startServiceProcess({ DATABASE_URL: database.url, LEDGER_SEAL_INTERVAL_SECONDS: '1', LEDGER_SEAL_EVERY_EVENTS: '5' });
    const explain = (): string => `\n--- service output ---\n${service.output().slice(-4000)}`;
    const caseUrl = `${service.baseUrl}/api/v1/cases/${caseId}`;
    try {
      await waitUntil(async () => (await getStatus(caseUrl, headers)).status === 200, 90_000, 'the case is readable');

      const load = readLoad(caseUrl, headers, 4);
      try {
        for (const { kind, where } of KINDS) {
          const killed = await terminate(database.name, where);
          await new Promise((resolve) => setTimeout(resolve, 1500));
          expect({ kind, killed: killed > 0, running: isRunning(service) }).toEqual({ kind, killed: true, running: true });
        }
        await waitUntil(
          async () => (await getStatus(`${service.baseUrl}/health`)).status === 200,
          30_000,
          () => 'health ok again' + explain(),
        );
        const servedBefore = load.served;
        await waitUntil(
          async () => load.served > servedBefore + 20,
          30_000,
          () => 'reads served again' + explain(),
        );

        // The database goes away: fast 503s (problem+json), and /health says so with a 503.
        await withAdmin((client) => client.query(`ALTER DATABASE ${client.escapeIdentifier(database.name)} ALLOW_CONNECTIONS false`));
        await terminate(database.name, 'true');
        await new Promise((resolve) => setTimeout(resolve, 500));
        const started = Date.now();
        const read = await getStatus(caseUrl, headers, 10_000);
        const tookMs = Date.now() - started;
        expect({ status: read.status, problem: read.contentType.startsWith('application/problem+json'), fast: tookMs < 4000 }).toEqual({
          status: 503,
          problem: true,
          fast: true,
        });
        const health = await getStatus(`${service.baseUrl}/health`, {}, 10_000);
        expect(health.status).toBe(503);
        expect(health.body).toMatchObject({ database: 'unavailable' });
        await new Promise((resolve) => setTimeout(resolve, 3000));
        expect(isRunning(service)).toBe(true);

        // It comes back: everything recovers by itself.
        await withAdmin((client) => client.query(`ALTER DATABASE ${client.escapeIdentifier(database.name)} ALLOW_CONNECTIONS true`));
        await waitUntil(
          async () => (await getStatus(`${service.baseUrl}/health`)).status === 200,
          60_000,
          'health ok after the database came back' + explain(),
        );
        const servedAgain = load.served;
        await waitUntil(
          async () => load.served > servedAgain + 20,
          30_000,
          () => 'reads served after the database came back' + explain(),
        );
        expect(isRunning(service)).toBe(true);
        service.child.kill('SIGTERM');
        expect(await service.exited()).toEqual({ code: 0, signal: null });
      } finally {
        await load.stop();
      }

      // Every served read has its record (the read made before the load started too).
      expect(await recordedReads(pool, caseId, readerId)).toBeGreaterThanOrEqual(load.served + 1);
      expect(load.served).toBeGreaterThan(50);
    } finally {
      if (isRunning(service)) service.child.kill('SIGKILL');
    }
  }, 300_000);

  it('stops on SIGTERM under read load within seconds, and every read it served has its CaseAccessed record', async () => {
    const { caseId, readerId, headers } = await openCaseAndReader(store);
    const service = await startServiceProcess({ DATABASE_URL: database.url });
    const explain = (): string => `\n--- service output ---\n${service.output().slice(-4000)}`;
    const caseUrl = `${service.baseUrl}/api/v1/cases/${caseId}`;
    try {
      await waitUntil(
        async () => (await getStatus(caseUrl, headers)).status === 200,
        90_000,
        () => 'the case is readable' + explain(),
      );
      const load = readLoad(caseUrl, headers, 8);
      try {
        await waitUntil(
          async () => load.served > 200,
          60_000,
          () => 'reads served' + explain(),
        );
        const stopping = Date.now();
        service.child.kill('SIGTERM');
        const exit = await service.exited();
        const stopMs = Date.now() - stopping;
        expect({ exit, quick: stopMs < 10_000 }).toEqual({ exit: { code: 0, signal: null }, quick: true });
      } finally {
        await load.stop();
      }
      expect(await recordedReads(pool, caseId, readerId)).toBeGreaterThanOrEqual(load.served + 1);
    } finally {
      if (isRunning(service)) service.child.kill('SIGKILL');
    }
  }, 300_000);
});

async function openCaseAndReader(store: PostgresEventStore): Promise<{ caseId: string; readerId: string; headers: Record<string, string> }> {
  const caseId = randomUUID();
  const [referral] = SEED_STORIES[0].commands;
  if (referral.type !== 'ReceiveReferral') throw new Error('a story starts with its referral');
  await new CaseRecorder(store).record({ ...referral, caseId, force: 'HAMPSHIRE', sensitivity: 'STANDARD' });
  const readerId = randomUUID();
  const config = loadConfiguration({ LEDGER_JWT_SECRET: PROCESS_JWT_SECRET });
  const token = signToken({ userId: readerId, name: 'Reader', roles: ['PSD_INVESTIGATOR'], force: 'HAMPSHIRE', expiresInSeconds: 3600 }, config.jwt);
  return { caseId, readerId, headers: { Authorization: `Bearer ${token}`, 'X-Access-Purpose': PURPOSE } };
}

async function recordedReads(pool: Pool, caseId: string, readerId: string): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM ledger_events WHERE event_type = 'CaseAccessed' AND data->>'caseId' = $1 AND data->>'userId' = $2 AND (data->>'granted')::boolean`,
    [caseId, readerId],
  );
  return Number(rows[0].n);
}

async function terminate(databaseName: string, where: string): Promise<number> {
  return withAdmin(async (client) => {
    const { rows } = await client.query<{ killed: boolean }>(
      `SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND backend_type = 'client backend' AND ${where}`,
      [databaseName],
    );
    return rows.filter((row) => row.killed).length;
  });
}

/** Concurrent readers of one case: counts the reads served (200) until stopped. */
function readLoad(url: string, headers: Record<string, string>, readers: number): { served: number; stop(): Promise<void> } {
  let stopped = false;
  const state = {
    served: 0,
    stop: async () => {
      stopped = true;
      await Promise.all(loops);
    },
  };
  const loops = Array.from({ length: readers }, async () => {
    while (!stopped) {
      const status = await getStatus(url, headers, 10_000).then(
        (answer) => answer.status,
        () => 0,
      );
      if (status === 200) state.served += 1;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
  return state;
}
