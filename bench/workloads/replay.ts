import { Client, Pool } from 'pg';
import { PROJECTIONS } from '../../projections';
import { ProjectionRunner } from '../../projections/runner/projection-runner';
import { migrate } from '../../src/database/data-source';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store';
import { MAX_REPLICAS, replicate, storyEvents, toAppend } from '../lib/case-histories';
import { perSecond } from '../lib/stats';
import { BenchContext, TableRow, Workload, WorkloadResult } from './workload';

/**
 * Rebuild speed of the read models: a ledger of real case histories (the ten seed case
 * studies, replicated under fresh ids until it holds `replayEvents` events), read raw in
 * keyset pages — the ceiling — and then replayed into a fresh generation of each
 * projection, as `npm run projections -- rebuild` does. `replayEventsPerSecond` is the
 * slowest projection's rate over the events it reads; the target is ≥ 0.25 × raw read.
 * Runs once per bench run (a million-event rebuild per round would be long); later rounds
 * report the same figures.
 */
export const replay: Workload = {
  name: 'replay',
  title: 'replay: rebuild every projection from the first event',
  run: (context) => context.shared('replay-result', () => measure(context)),
};

/** The replayed ledger, with every read model rebuilt on it: what the query workload reads. */
export async function replayedLedger(context: BenchContext): Promise<{ url: string; events: number }> {
  await replay.run(context);
  return caseLedger(context);
}

function caseLedger(context: BenchContext): Promise<{ url: string; events: number }> {
  return context.shared('case-ledger', () => seedCaseLedger(context));
}

async function measure(context: BenchContext): Promise<WorkloadResult> {
  const { url, events } = await caseLedger(context);
  const rawSeconds = await rawRead(context, url, events);
  const rawRate = perSecond(events, rawSeconds);
  const rows: TableRow[] = [{ workload: 'replay ledger: raw read', events, seconds: rawSeconds, eventsPerSecond: rawRate, note: 'pg, keyset pages of 1000' }];
  const pool = new Pool({ connectionString: url, max: 4 });
  const store = new PostgresEventStore(pool);
  const rates: number[] = [];
  try {
    for (const definition of PROJECTIONS) {
      const bar = context.progress.bar(`rebuild ${definition.name}`, events);
      const runner = new ProjectionRunner(store, pool, definition, {
        onProgress: ({ checkpoint }) => bar.update(Math.min(events, Number(checkpoint.commit) + 1)),
      });
      const started = performance.now();
      const generation = await runner.rebuild({ fresh: true });
      const seconds = (performance.now() - started) / 1000;
      bar.stop();
      // A projection's rate is over the events it reads; the ceiling is the whole ledger.
      const rate = perSecond(events, seconds);
      rates.push(rate);
      rows.push({ workload: `rebuild ${definition.name}`, events, seconds, eventsPerSecond: rate, note: `${generation.eventsApplied} events applied` });
    }
  } finally {
    await store.close();
    await pool.end();
  }
  const slowest = rates.length > 0 ? Math.min(...rates) : 0;
  return {
    figures: { replayEventsPerSecond: slowest, replayRawReadEventsPerSecond: rawRate, replayEvents: events },
    rows,
    details: { replayProjections: PROJECTIONS.map((projection) => projection.name) },
  };
}

async function rawRead(context: BenchContext, url: string, events: number): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const bar = context.progress.bar('replay ledger: raw read', events);
  let read = 0;
  let after = '-1';
  const started = performance.now();
  try {
    for (;;) {
      const { rows } = await client.query<{ position: string }>(
        `SELECT position, stream_name, revision, event_id, event_type, data, metadata, recorded_at, hash
           FROM ledger_events WHERE position > $1 ORDER BY position LIMIT 1000`,
        [after],
      );
      if (rows.length === 0) break;
      read += rows.length;
      after = rows[rows.length - 1].position;
      bar.update(read);
    }
  } finally {
    bar.stop();
    await client.end();
  }
  return (performance.now() - started) / 1000;
}

async function seedCaseLedger(context: BenchContext): Promise<{ url: string; events: number }> {
  const { options, server } = context;
  const url = await server.createDatabase('replay');
  context.onFinish(() => server.dropDatabase(url));
  await migrate(url);
  const pool = new Pool({ connectionString: url, max: 8 });
  const store = new PostgresEventStore(pool);
  const stories = storyEvents();
  const perReplica = stories.reduce((sum, story) => sum + story.events.length, 0);
  const replicas = Math.min(MAX_REPLICAS, Math.ceil(options.replayEvents / perReplica));
  const bar = context.progress.bar('seeding case histories', replicas * perReplica);
  let written = 0;
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let replica = next++; replica < replicas; replica = next++) {
          for (const story of stories) {
            const events = replicate(story.events, replica);
            const caseId = (events[0].data as { caseId: string }).caseId;
            await store.appendToStream(`case-${caseId}`, events.map(toAppend), { expectedRevision: 'no_stream' });
            written += events.length;
          }
          bar.update(written);
        }
      }),
    );
  } finally {
    bar.stop();
    await store.close();
    await pool.end();
  }
  const admin = new Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query('VACUUM (ANALYZE) ledger_events');
  } finally {
    await admin.end();
  }
  return { url, events: written };
}
