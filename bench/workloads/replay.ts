import { randomUUID } from 'node:crypto';
import { Client, Pool } from 'pg';
import { PROJECTIONS } from '../../projections';
import { ProjectionRunner } from '../../projections/runner/projection-runner';
import { decide } from '../../src/cases/case.decide';
import type { CaseEvent } from '../../src/cases/case.events';
import { evolve } from '../../src/cases/case.state';
import type { CaseState } from '../../src/cases/case.state';
import { SEED_STORIES } from '../../src/cases/seed-stories';
import { migrate } from '../../src/database/data-source';
import { EventToAppend, JsonObject } from '../../src/event-store/event-store';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store';
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

/** Each seed story's events, decided and folded once; replicas only change the ids. */
function storyEvents(): { caseId: string; events: CaseEvent[] }[] {
  return SEED_STORIES.map((story) => {
    let state: CaseState = null;
    const events: CaseEvent[] = [];
    for (const command of story.commands) {
      const decided = decide(command, state);
      decided.forEach((event, index) => {
        state = evolve(state, { ...event, eventId: `${events.length + index}` });
      });
      events.push(...decided);
    }
    return { caseId: story.caseId, events };
  });
}

/** The stories' ids look like `5eed00SS-0000-4000-…`: a replica writes its number into the second group. */
function replicate(events: CaseEvent[], replica: number): CaseEvent[] {
  const group = replica.toString(16).padStart(4, '0');
  return JSON.parse(JSON.stringify(events).replaceAll('-0000-4000-', `-${group}-4000-`)) as CaseEvent[];
}

function toAppend(event: CaseEvent): EventToAppend {
  const data = event.data as unknown as JsonObject;
  const day = Object.values(data).find((value): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value));
  return {
    eventId: randomUUID(),
    type: event.type,
    data,
    metadata: {
      correlationId: randomUUID(),
      causationId: randomUUID(),
      commandId: randomUUID(),
      actor: { userId: 'bench', roles: ['PSD_INVESTIGATOR'], force: '*' },
      occurredAt: `${day ?? '2024-01-01'}T00:00:00.000Z`,
      schemaVersion: 1,
    },
  };
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
  const replicas = Math.min(0xffff, Math.ceil(options.replayEvents / perReplica));
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
