import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Pool } from 'pg';
import { PROJECTIONS } from '../../projections';
import { ProjectionStore } from '../../projections/runner/projection-store';
import { decide } from '../../src/cases/case.decide';
import type { CaseEvent } from '../../src/cases/case.events';
import { evolve } from '../../src/cases/case.state';
import type { CaseState } from '../../src/cases/case.state';
import { SEED_STORIES } from '../../src/cases/seed-stories';
import { occurredAt, toJsonObject } from '../../src/cases/case.stream';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store';
import { comparePositions } from '../../src/event-store/position';
import { createTestDatabase, poolFor, TestDatabase } from '../support/database';
import { allCaughtUp, expectEqualToFullRebuild } from '../support/read-models';
import { freePort } from '../support/free-port';

/**
 * The acceptance test of the projection runner: kill the real service (SIGKILL) while its
 * projections are replaying, and kill `npm run projections -- rebuild` half way; start them
 * again; every read model must then equal a full rebuild from the first event.
 */
const root = path.resolve(__dirname, '../..');
const REPLICAS = 60; // ~60 × the ten seed stories: enough history that a replay takes a while

describe('a crash never double-counts or skips', () => {
  let database: TestDatabase;
  let pool: Pool;
  let store: PostgresEventStore;

  beforeAll(async () => {
    database = await createTestDatabase();
    // (seeding ~20,000 events)
    pool = poolFor(database, 10);
    store = new PostgresEventStore(pool);
    await seedCaseHistories(store, REPLICAS);
  });

  afterAll(async () => {
    await store.close();
    await pool.end();
    await database.drop();
  });

  it('after the service is killed while replaying, and started again, every read model equals a full rebuild', async () => {
    const port = await freePort();
    const head = await store.headPosition();
    const first = startService(database.url, port);
    try {
      // Kill it once some projection has committed part of the history, not all.
      await waitUntil(async () => (await totalApplied(pool)) > 0, 120_000);
      first.kill('SIGKILL');
      await exited(first);
      // Killed after the replay had finished, the restart would prove nothing: the kill must
      // have cut some projection's replay in the middle (committed, and short of the head).
      expect(await cutShort(pool, head)).not.toEqual([]);
      const second = startService(database.url, port);
      try {
        await waitUntil(() => allCaughtUp(pool, head), 180_000);
      } finally {
        second.kill('SIGTERM');
        await exited(second);
      }
    } finally {
      first.kill('SIGKILL');
    }
    await expectEqualToFullRebuild(store, pool);
  }, 400_000);

  it('after `projections rebuild` is killed half way, running it again finishes the same generation, equal to a full rebuild', async () => {
    const definition = PROJECTIONS[0];
    const projections = new ProjectionStore(pool);
    const before = await projections.generations(definition.name);
    const rebuild = spawn('node', ['-r', 'ts-node/register/transpile-only', 'scripts/projections.ts', 'rebuild', definition.name], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: database.url },
      stdio: 'ignore',
    });
    await waitUntil(async () => {
      const building = (await projections.generations(definition.name)).find(
        (g) => g.status === 'BUILDING' && !before.some((b) => b.generation === g.generation),
      );
      return building !== undefined && building.eventsApplied > 0;
    }, 120_000);
    rebuild.kill('SIGKILL');
    await exited(rebuild);
    const unfinished = (await projections.generations(definition.name)).find((g) => g.status === 'BUILDING');
    expect(unfinished).toBeDefined();

    const again = spawn('node', ['-r', 'ts-node/register/transpile-only', 'scripts/projections.ts', 'rebuild', definition.name], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: database.url },
      stdio: 'ignore',
    });
    expect(await exited(again)).toBe(0);
    const active = await projections.active(definition.name);
    expect(active?.generation).toBe(unfinished?.generation);
    await expectEqualToFullRebuild(store, pool);
  }, 400_000);
});

async function totalApplied(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ applied: string | null }>('SELECT sum(events_applied) AS applied FROM projection_generations');
  return Number(rows[0].applied ?? 0);
}

/** The projections whose generation of the current version has committed part of the history, not all of it. */
async function cutShort(pool: Pool, head: Awaited<ReturnType<PostgresEventStore['headPosition']>>): Promise<string[]> {
  const projections = new ProjectionStore(pool);
  const names: string[] = [];
  for (const definition of PROJECTIONS) {
    const generations = (await projections.generations(definition.name)).filter((generation) => generation.version === definition.version);
    if (generations.some((generation) => generation.eventsApplied > 0 && comparePositions(generation.checkpoint, head) < 0)) names.push(definition.name);
  }
  return names;
}

function startService(databaseUrl: string, port: number): ChildProcess {
  return spawn('node', ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      LOG_LEVEL: 'silent',
      LEDGER_JWT_SECRET: 'crash-recovery-test-secret-0123456789abcdef',
    },
    stdio: 'ignore',
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The seed stories' events under fresh ids, one append per case, many cases at once. */
async function seedCaseHistories(store: PostgresEventStore, replicas: number): Promise<void> {
  const stories = SEED_STORIES.map((story) => {
    let state: CaseState = null;
    const events: CaseEvent[] = [];
    for (const command of story.commands) {
      const decided = decide(command, state);
      decided.forEach((event, index) => (state = evolve(state, { ...event, eventId: `${events.length + index}` })));
      events.push(...decided);
    }
    return JSON.stringify(events);
  });
  const appends: Promise<unknown>[] = [];
  for (let replica = 0; replica < replicas; replica += 1) {
    const group = replica.toString(16).padStart(4, '0');
    for (const story of stories) {
      const events = JSON.parse(story.replaceAll('-0000-4000-', `-${group}-4000-`)) as CaseEvent[];
      const caseId = (events[0].data as { caseId: string }).caseId;
      appends.push(
        store.appendToStream(
          `case-${caseId}`,
          events.map((event) => ({
            eventId: randomUUID(),
            type: event.type,
            data: toJsonObject(event.data),
            metadata: {
              correlationId: randomUUID(),
              causationId: randomUUID(),
              commandId: randomUUID(),
              actor: { userId: 'seed', roles: ['PSD_INVESTIGATOR'], force: '*' },
              occurredAt: occurredAt(event, '2024-01-01T00:00:00.000Z'),
              schemaVersion: 1,
            },
          })),
          { expectedRevision: 'no_stream' },
        ),
      );
    }
  }
  await Promise.all(appends);
}
