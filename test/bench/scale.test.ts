import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { CaseLedgerFiller } from '../../bench/lib/bulk-fill';
import { parseOptions } from '../../bench/lib/options';
import { Progress } from '../../bench/lib/progress';
import { openBenchServer } from '../../bench/lib/server';
import { compareAtFor, scale } from '../../bench/workloads/scale';
import { BenchContext } from '../../bench/workloads/workload';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store';
import { PostgresLedgerSource } from '../../src/ledger/postgres/postgres-ledger-source';
import { verifyLedger } from '../../src/ledger/verify';
import { adminUrl, createTestDatabase, poolFor, TestDatabase } from '../support/database';

/** The scale benchmark (`npm run bench -- --events N`) at a size that runs in a minute or two, so it cannot rot. */
const quiet = { bar: () => ({ update: () => undefined, stop: () => undefined }), log: () => undefined } as unknown as Progress;

describe('scale benchmark: bulk fill', () => {
  let database: TestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    database = await createTestDatabase();
    // poolFor: an idle connection ended under it (the database dropped, a backend terminated) is no crash.
    pool = poolFor(database, 4);
  });
  afterAll(async () => {
    await pool.end();
    await database.drop();
  });

  it('fills case histories whose hash chains verify and which the append path carries on', async () => {
    const filler = new CaseLedgerFiller(pool);
    const first = await filler.fillTo(3_000);
    expect(first.events).toBe(3_000);
    const { rows } = await pool.query<{ stream_name: string; revision: string }>(
      "SELECT stream_name, revision FROM ledger_streams WHERE stream_name LIKE 'case-%' ORDER BY revision DESC LIMIT 1",
    );
    const store = new PostgresEventStore(pool);
    try {
      const appended = await store.appendToStream(rows[0].stream_name, [{ eventId: randomUUID(), type: 'Fact', data: { n: 1 } }], {
        expectedRevision: BigInt(rows[0].revision),
      });
      expect(appended.nextExpectedRevision).toBe(BigInt(rows[0].revision) + 1n);
    } finally {
      await store.close();
    }
    expect((await filler.fillTo(5_000)).events).toBe(5_000);
    const types = await pool.query<{ n: number }>('SELECT count(DISTINCT event_type)::int AS n FROM ledger_events');
    expect(types.rows[0].n).toBeGreaterThan(20);
    expect(await verifyLedger(new PostgresLedgerSource(pool))).toMatchObject({ ok: true, eventsChecked: 5_000 });
  });
});

describe('scale benchmark: the workload', () => {
  it('reports append p99 at both sizes, the parallel rebuild rate and query p95s', async () => {
    const parsed = parseOptions(['--quick', '--events', '20000', '--connections', '4'], {});
    if (parsed === 'help') throw new Error('unexpected help');
    const options = { ...parsed, warmupPerClient: 5, scale: { ...parsed.scale, appends: 400, queryRequests: 10 } };
    const server = await openBenchServer({ databaseUrl: adminUrl(), connections: 4, log: () => undefined });
    const fixtures = new Map<string, Promise<unknown>>();
    const context: BenchContext = {
      options,
      round: 0,
      server,
      progress: quiet,
      log: () => undefined,
      shared: <T>(key: string, create: () => Promise<T>) => {
        if (!fixtures.has(key)) fixtures.set(key, create());
        return fixtures.get(key) as Promise<T>;
      },
      onFinish: () => undefined,
    };
    try {
      const { figures } = await scale.run(context);
      expect(compareAtFor(20_000, undefined)).toBe(2_000);
      expect(figures.scaleCompareEvents).toBe(2_000);
      expect(figures.scaleEvents).toBeGreaterThanOrEqual(20_000);
      for (const name of [
        'scaleFillEventsPerSecond',
        'scaleAppendP99MsAtCompare',
        'scaleAppendP99Ms',
        'scaleAppendP99Ratio',
        'scaleRebuildEventsPerSecond',
        'scaleCaseListP95Ms',
        'scaleDccDashboardP95Ms',
        'scaleInspectionMetricsP95Ms',
        'scaleMisconductStatisticsP95Ms',
        'scaleStartUpCatchUpSeconds',
      ]) {
        expect(figures[name]).toBeGreaterThan(0);
      }
    } finally {
      await server.stop();
    }
  }, 600_000);
});
