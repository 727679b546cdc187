import { createHash } from 'node:crypto';
import { Client, Pool } from 'pg';
import { migrate } from '../../src/database/data-source';
import { canonicalJson } from '../../src/event-store/hashing';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store';
import { driveAppends } from '../lib/append-driver';
import { benchEvent } from '../lib/event';
import { median } from '../lib/stats';
import { BenchContext, Figures, Workload, WorkloadResult } from './workload';

/**
 * Where an append's time goes (`--only append-profile`; not part of a full run). Our
 * single-event appends at C connections, as append-ledger runs them, with PostgreSQL
 * counting the time spent inside `ledger_append` (track_functions): the calls are the
 * group-commit batches, so events ÷ calls is the batch size and the function's time per
 * call is the CPU work done under the append lock. With maxInFlight 1 the batches follow one
 * another, so the wall time per batch less the function's time is what the lock is also held
 * for (the commit's WAL flush) plus the round trip. Beside it, on one connection: the commit
 * (WAL flush) of one small row alone, a round trip that does nothing, and the client's
 * encoding per event (RFC 8785 for ours, JSON.stringify and a hash for the baseline).
 */
const SAMPLES = 200;

export const appendProfile: Workload = {
  name: 'append-profile',
  title: 'append profile: batch size, time under the append lock, commit and round trip',
  wanted: () => false,
  run: (context) => context.shared('append-profile', () => measure(context)),
};

async function measure(context: BenchContext): Promise<WorkloadResult> {
  const { options, server } = context;
  const url = await server.createDatabase('profile');
  await migrate(url);
  const admin = new Client({ connectionString: url });
  await admin.connect();
  const figures: Figures = {};
  try {
    const database = admin.escapeIdentifier(new URL(url).pathname.slice(1));
    await admin.query(`ALTER DATABASE ${database} SET track_functions = 'pl'`);
    Object.assign(figures, await singleConnection(admin), encoding());

    const pool = new Pool({ connectionString: url, max: options.connections });
    const store = new PostgresEventStore(pool, { maxBatch: options.maxBatch, maxInFlight: 1 });
    try {
      await driveAppends(
        {
          append: (stream, revision, event) =>
            store.appendToStream(stream, [event], { expectedRevision: revision < 0n ? 'no_stream' : revision }).then(() => undefined),
        },
        {
          label: 'profile warm-up',
          clients: options.connections,
          events: options.connections * 20,
          warmupPerClient: 0,
          streamsPerClient: 5,
          streamPrefix: 'warm',
        },
        context.progress,
      );
      await pool.query('SELECT pg_stat_reset()');
      const run = await driveAppends(
        {
          append: (stream, revision, event) =>
            store.appendToStream(stream, [event], { expectedRevision: revision < 0n ? 'no_stream' : revision }).then(() => undefined),
        },
        {
          label: 'profiled appends',
          clients: options.connections,
          events: options.eventsPerWorkload,
          warmupPerClient: 0,
          streamsPerClient: options.streamsPerClient,
          streamPrefix: 'bench',
        },
        context.progress,
      );
      // Backends report their counts when idle, at most every 10 s (PGSTAT_IDLE_INTERVAL):
      // read too soon, the last calls are missing and batches look bigger than they were.
      await new Promise((resolve) => setTimeout(resolve, 11_000));
      const { rows } = await admin.query<{ calls: string; total: number; self: number }>(
        "SELECT calls, total_time AS total, self_time AS self FROM pg_stat_user_functions WHERE funcname = 'ledger_append'",
      );
      const calls = Number(rows[0]?.calls ?? 0);
      const wallPerBatch = (run.seconds * 1000) / Math.max(1, calls);
      const inFunction = calls > 0 ? rows[0].total / calls : 0;
      Object.assign(figures, {
        profileEventsPerSecond: run.eventsPerSecond,
        profileBatches: calls,
        profileEventsPerBatch: run.events / Math.max(1, calls),
        profileBatchWallMs: wallPerBatch,
        profileFunctionMsPerBatch: inFunction,
        profileFunctionMsPerEvent: inFunction / Math.max(1, run.events / Math.max(1, calls)),
        profileOutsideFunctionMsPerBatch: wallPerBatch - inFunction,
        profileClientCpuPercent: run.clientCpu * 100,
      });
    } finally {
      await store.close();
      await pool.end();
    }
  } finally {
    await admin.end();
    await server.dropDatabase(url);
  }
  const rows = Object.entries(figures).map(([name, value]) => ({ workload: name, events: 0, seconds: 0, eventsPerSecond: 0, note: value.toFixed(3) }));
  return { figures, rows };
}

/** On one connection, nothing else running on it: a commit's WAL flush, and a round trip. */
async function singleConnection(client: Client): Promise<Figures> {
  await client.query('CREATE TABLE profile_commit (id bigint PRIMARY KEY, body text)');
  const commit: number[] = [];
  const trip: number[] = [];
  for (let n = 0; n < SAMPLES; n += 1) {
    await client.query('BEGIN');
    await client.query('INSERT INTO profile_commit VALUES ($1, $2)', [n, 'x'.repeat(500)]);
    const before = performance.now();
    await client.query('COMMIT');
    commit.push(performance.now() - before);
    const started = performance.now();
    await client.query('SELECT 1');
    trip.push(performance.now() - started);
  }
  return { profileCommitMedianMs: median(commit), profileRoundTripMedianMs: median(trip) };
}

/** Client CPU per event: what the store does before the call, against what the baseline does. */
function encoding(): Figures {
  const events = Array.from({ length: 5_000 }, (_, n) => benchEvent(n % 16, n, `bench-${n % 16}-${n % 25}`));
  const time = (work: () => void): number => {
    const started = performance.now();
    work();
    return ((performance.now() - started) * 1000) / events.length;
  };
  const ours = time(() => events.forEach((event) => (canonicalJson(event.data), canonicalJson(event.metadata))));
  const plain = time(() => events.forEach((event) => createHash('sha256').update(JSON.stringify(event.data)).update(JSON.stringify(event.metadata)).digest()));
  return { profileEncodeOursMicros: ours, profileEncodeBaselineMicros: plain };
}
