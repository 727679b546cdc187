import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { RecordedEvent } from '../../src/event-store/event-store';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store';
import { formatPosition } from '../../src/event-store/position';
import { ProjectionDefinition } from '../../projections/runner/projection';
import { ProjectionRunner } from '../../projections/runner/projection-runner';
import { physicalTable, ProjectionStore } from '../../projections/runner/projection-store';
import { createTestDatabase, poolFor, TestDatabase } from '../support/database';

/** A toy read model: events per stream, and the sum of their `n`. */
function counter(
  options: { version?: number; failOnce?: (event: RecordedEvent) => boolean; failAlways?: (event: RecordedEvent) => boolean } = {},
): ProjectionDefinition {
  let failed = false;
  return {
    name: 'counter',
    version: options.version ?? 1,
    filter: { streamNamePrefixes: ['count-'] },
    tables: [
      {
        name: 'counter_rows',
        ddl: (table) => [`CREATE TABLE ${table} (stream_name text PRIMARY KEY, events int NOT NULL, total bigint NOT NULL)`],
      },
    ],
    async apply(events, context) {
      const byStream = new Map<string, { events: number; total: number }>();
      for (const event of events) {
        if (options.failAlways?.(event)) throw new RangeError('Invalid time value');
        if (options.failOnce && !failed && options.failOnce(event)) {
          failed = true;
          throw new Error('projection crashed half way through a batch');
        }
        const row = byStream.get(event.streamName) ?? { events: 0, total: 0 };
        row.events += 1;
        row.total += Number(event.data.n ?? 0) * (options.version ?? 1);
        byStream.set(event.streamName, row);
      }
      const rows = [...byStream.entries()];
      await context.client.query(
        `INSERT INTO ${context.table('counter_rows')} (stream_name, events, total)
         SELECT * FROM unnest($1::text[], $2::int[], $3::bigint[])
         ON CONFLICT (stream_name) DO UPDATE SET events = ${context.table('counter_rows')}.events + EXCLUDED.events,
                                                 total = ${context.table('counter_rows')}.total + EXCLUDED.total`,
        [rows.map(([name]) => name), rows.map(([, row]) => row.events), rows.map(([, row]) => row.total)],
      );
    },
  };
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last value ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('projection runner', () => {
  let database: TestDatabase;
  let pool: Pool;
  let store: PostgresEventStore;

  beforeEach(async () => {
    database = await createTestDatabase();
    pool = poolFor(database, 20);
    store = new PostgresEventStore(pool, { pollIntervalMs: 50 });
  });

  afterEach(async () => {
    await store.close();
    await pool.end();
    await database.drop();
  });

  const totals = async (): Promise<{ events: number; total: number }> => {
    // Until the runner has made its first generation there is no view to read.
    const { rows: exists } = await pool.query(`SELECT to_regclass('counter_rows') IS NOT NULL AS present`);
    if (!exists[0].present) return { events: 0, total: 0 };
    const { rows } = await pool.query<{ events: string | null; total: string | null }>('SELECT sum(events) AS events, sum(total) AS total FROM counter_rows');
    return { events: Number(rows[0].events ?? 0), total: Number(rows[0].total ?? 0) };
  };

  async function appendMany(streams: number, eventsPerStream: number): Promise<void> {
    await Promise.all(
      Array.from({ length: streams }, (_, s) =>
        store.appendToStream(
          `count-${s}-${randomUUID()}`,
          Array.from({ length: eventsPerStream }, () => ({ type: 'Counted', data: { n: 1 } })),
          { expectedRevision: 'any' },
        ),
      ),
    );
  }

  it('applies history and then live events, committing rows and checkpoint together', async () => {
    await appendMany(10, 30);
    await store.appendToStream(`other-${randomUUID()}`, [{ type: 'Ignored', data: {} }], { expectedRevision: 'any' });
    const runner = new ProjectionRunner(store, pool, counter(), { checkIntervalMs: 50 });
    runner.start();
    await waitFor(totals, (t) => t.events === 300);
    await appendMany(5, 4);
    await waitFor(totals, (t) => t.events === 320);
    // The checkpoint moves over filtered-out events too, up to the head of the store.
    await store.appendToStream(`other-${randomUUID()}`, [{ type: 'Ignored', data: {} }], { expectedRevision: 'any' });
    const head = await store.headPosition();
    await waitFor(
      () => runner.position(),
      (position) => formatPosition(position) === formatPosition(head),
    );
    await runner.stop();
  });

  it('resumes from its checkpoint after a restart without counting anything twice', async () => {
    await appendMany(4, 50);
    const first = new ProjectionRunner(store, pool, counter(), { checkIntervalMs: 50, batchSize: 7, rebuildBatchSize: 7 });
    first.start();
    await waitFor(totals, (t) => t.events >= 50);
    await first.stop();
    await appendMany(2, 10);
    const second = new ProjectionRunner(store, pool, counter(), { checkIntervalMs: 50 });
    second.start();
    await waitFor(totals, (t) => t.events === 220);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await totals()).toEqual({ events: 220, total: 220 });
    await second.stop();
  });

  it('rolls back a batch that fails half way and applies it again, once', async () => {
    await appendMany(3, 20);
    const errors: unknown[] = [];
    const runner = new ProjectionRunner(store, pool, counter({ failOnce: (event) => event.revision === 10n }), {
      checkIntervalMs: 50,
      onError: (_name, error) => errors.push(error),
    });
    runner.start();
    await waitFor(totals, (t) => t.events === 60);
    // A failure that passes is tried again, not parked.
    expect(errors).toEqual([]);
    expect(await runner.parked()).toEqual([]);
    expect(await totals()).toEqual({ events: 60, total: 60 });
    await runner.stop();
  });

  it('parks an event it can never apply, applies the rest of its batch and the later events, and says which', async () => {
    await appendMany(3, 20);
    const { rows } = await pool.query<{ stream_name: string }>('SELECT stream_name FROM ledger_streams ORDER BY stream_name LIMIT 1');
    const first = rows[0].stream_name;
    const poison = (event: RecordedEvent): boolean => event.revision === 10n && event.streamName === first;
    const parked: string[] = [];
    const runner = new ProjectionRunner(store, pool, counter({ failAlways: poison }), {
      checkIntervalMs: 50,
      onParked: (event) => parked.push(event.eventId),
    });
    runner.start();
    await waitFor(totals, (t) => t.events === 59);
    await appendMany(1, 5);
    await waitFor(totals, (t) => t.events === 64);
    const [poisoned] = (await store.readStream(first)).filter((event) => event.revision === 10n);
    expect(parked).toEqual([poisoned.eventId]);
    expect(await runner.parked()).toEqual([
      expect.objectContaining({
        projection: 'counter',
        eventId: poisoned.eventId,
        position: formatPosition(poisoned.position),
        type: 'Counted',
        error: 'RangeError: Invalid time value',
      }),
    ]);
    await runner.stop();
    // A rebuild stops there and says where.
    await expect(new ProjectionRunner(store, pool, counter({ failAlways: poison })).rebuild({ fresh: true })).rejects.toThrow(
      `counter cannot apply event ${poisoned.eventId} (Counted) at position ${formatPosition(poisoned.position)}: RangeError: Invalid time value`,
    );
  });

  it('lets only one of two runners write a projection at a time', async () => {
    await appendMany(6, 40);
    const a = new ProjectionRunner(store, pool, counter(), { checkIntervalMs: 50, batchSize: 5, rebuildBatchSize: 5 });
    const b = new ProjectionRunner(store, pool, counter(), { checkIntervalMs: 50, batchSize: 5, rebuildBatchSize: 5 });
    a.start();
    b.start();
    await waitFor(totals, (t) => t.events === 240);
    await appendMany(2, 5);
    await waitFor(totals, (t) => t.events === 250);
    await a.stop();
    // The other takes over and carries on from the same checkpoint.
    await appendMany(1, 5);
    await waitFor(totals, (t) => t.events === 255);
    await b.stop();
    expect(await totals()).toEqual({ events: 255, total: 255 });
  });

  it('rebuilds into a new generation while the live runner runs, then swaps readers over', async () => {
    await appendMany(5, 20);
    const live = new ProjectionRunner(store, pool, counter(), { checkIntervalMs: 50 });
    live.start();
    await waitFor(totals, (t) => t.events === 100);

    const rebuilt = await new ProjectionRunner(store, pool, counter(), { checkIntervalMs: 50 }).rebuild({ fresh: true });
    expect(rebuilt.generation).toBe(2);
    expect(await totals()).toEqual({ events: 100, total: 100 });

    // The live runner follows the new generation; the old tables go.
    await appendMany(1, 7);
    await waitFor(totals, (t) => t.events === 107);
    const generations = await new ProjectionStore(pool).generations('counter');
    await waitFor(
      async () => (await new ProjectionStore(pool).generations('counter')).map((g) => `${g.generation}:${g.status}`),
      (list) => list.join() === '2:ACTIVE',
    );
    expect(generations.find((g) => g.status === 'ACTIVE')?.generation).toBe(2);
    const { rows } = await pool.query(`SELECT to_regclass('counter_rows__g1') AS old`);
    expect(rows[0].old).toBeNull();
    await live.stop();
  });

  it('builds a new generation when the projection’s version changes, keeping the old one readable until then', async () => {
    await appendMany(4, 10);
    const v1 = new ProjectionRunner(store, pool, counter({ version: 1 }), { checkIntervalMs: 50 });
    v1.start();
    await waitFor(totals, (t) => t.total === 40);
    await v1.stop();

    const v2 = new ProjectionRunner(store, pool, counter({ version: 2 }), { checkIntervalMs: 50 });
    v2.start();
    // Version 2 doubles every total: readers see 40 until the swap, then 80, never a mix.
    const seen = new Set<number>();
    await waitFor(
      async () => {
        const t = await totals();
        seen.add(t.total);
        return t;
      },
      (t) => t.total === 80,
    );
    expect([...seen].every((total) => total === 40 || total === 80)).toBe(true);
    await v2.stop();
  });

  it('rebuilds a projection that has never run (its first generation is active at once) and returns when caught up', async () => {
    await appendMany(3, 10);
    const generation = await new ProjectionRunner(store, pool, counter(), { checkIntervalMs: 50 }).rebuild({ fresh: true });
    expect(generation.status).toBe('ACTIVE');
    expect(await totals()).toEqual({ events: 30, total: 30 });
    // The replayed tables have the planner's statistics (ANALYZE sets reltuples; a table never
    // analysed has -1, and autovacuum does not look at 30 rows) before readers rely on them.
    const { rows } = await pool.query<{ reltuples: number }>('SELECT reltuples FROM pg_class WHERE relname = $1', [
      physicalTable('counter_rows', generation.generation),
    ]);
    expect(rows).toEqual([{ reltuples: 3 }]);
  });
});
