/**
 * Issue 11, item 6: one failed read of the conflict streams left the registry failed until
 * restart (every case read 503). It must resubscribe by itself, catch up (conflicts declared
 * meanwhile included) and, while it cannot, say so to /health.
 */
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { CASE_CONFLICT_STREAM_PREFIX } from '../../src/access/conflicts/case-conflict.events';
import { ConflictRegistry } from '../../src/access/conflicts/conflict-registry';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store';
import { createTestDatabase, poolFor, TestDatabase, withAdmin } from '../support/database';

async function setConnections(database: TestDatabase, allowed: boolean): Promise<void> {
  await withAdmin(async (client) => {
    await client.query(`ALTER DATABASE ${client.escapeIdentifier(database.name)} ALLOW_CONNECTIONS ${allowed}`);
    if (!allowed) await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database.name]);
  });
}

async function eventually(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}

function declares(registry: ConflictRegistry, userId: string, caseId: string): boolean {
  try {
    return registry.declaredBy(userId).includes(caseId);
  } catch {
    return false;
  }
}

describe('the conflict registry after a failed read', () => {
  let database: TestDatabase;
  let pool: Pool;
  let writerPool: Pool;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = poolFor(database, 4);
    writerPool = poolFor(database, 2);
  });

  afterAll(async () => {
    await setConnections(database, true);
    await pool.end();
    await writerPool.end();
    await database.drop();
  });

  it('fails closed while it cannot read, reports it, then recovers by itself with what was declared meanwhile', async () => {
    const store = new PostgresEventStore(pool, { pollIntervalMs: 100 });
    const registry = new ConflictRegistry(store);
    await registry.onModuleInit();
    const userId = randomUUID();
    try {
      await setConnections(database, false);
      // The subscription's next read fails: the registry must refuse to answer (fail closed)...
      expect(
        await eventually(() => {
          try {
            registry.declaredBy(userId);
            return false;
          } catch {
            return true;
          }
        }, 10_000),
      ).toBe(true);
      // ...and say why to /health.
      expect(registry.healthProblems().map((problem) => problem.component)).toEqual(['conflictRegistry']);

      await setConnections(database, true);
      // Another instance records a conflict while this one is recovering.
      const caseId = randomUUID();
      const writer = new PostgresEventStore(writerPool);
      await writer.appendToStream(
        `${CASE_CONFLICT_STREAM_PREFIX}${caseId}`,
        [{ type: 'CaseConflictDeclared', data: { caseId, userId, nature: 'RELATIVE', declaredOn: '2026-01-01' } }],
        { expectedRevision: 'any' },
      );
      await writer.close();

      expect(await eventually(() => declares(registry, userId, caseId), 20_000)).toBe(true);
      expect(registry.healthProblems()).toEqual([]);
    } finally {
      await registry.onApplicationShutdown();
      await store.close();
    }
  }, 60_000);
});
