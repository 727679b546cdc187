import { Pool } from 'pg';
import { migrate } from '../../src/database/data-source';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store';
import { benchEvent } from '../lib/event';
import { BenchContext } from './workload';

/**
 * A migrated database holding `readEvents` events, written fast through our own store
 * (appends of 100 events, many in flight so group commit folds them into big calls), then
 * vacuumed so no read workload pays for setting hint bits. Shared by the read workloads
 * (and by any later one that reads, e.g. a replay): made once per run.
 */
export interface SeededLedger {
  url: string;
  events: number;
}

const EVENTS_PER_APPEND = 100;
const SEEDERS = 8;

export function seededLedger(context: BenchContext): Promise<SeededLedger> {
  return context.shared('seeded-ledger', async () => {
    const { options, server } = context;
    const url = await server.createDatabase('read');
    context.onFinish(() => server.dropDatabase(url));
    await migrate(url);
    const pool = new Pool({ connectionString: url, max: options.connections });
    const store = new PostgresEventStore(pool, { maxBatch: 500, maxInFlight: 1 });
    const total = options.readEvents;
    const bar = context.progress.bar('seeding the read store', total);
    let written = 0;
    let nextAppend = 0;
    const appends = Math.ceil(total / EVENTS_PER_APPEND);
    try {
      await Promise.all(
        Array.from({ length: SEEDERS }, async () => {
          for (let index = nextAppend++; index < appends; index = nextAppend++) {
            const count = Math.min(EVENTS_PER_APPEND, total - index * EVENTS_PER_APPEND);
            const streamName = `seed-${index}`;
            const events = Array.from({ length: count }, (_, sequence) => benchEvent(index % 64, sequence, streamName));
            await store.appendToStream(streamName, events, { expectedRevision: 'no_stream' });
            written += count;
            bar.update(written);
          }
        }),
      );
    } finally {
      bar.stop();
      await store.close();
      await pool.end();
    }
    const admin = new Pool({ connectionString: url, max: 1 });
    try {
      context.log('vacuuming the read store');
      await admin.query('VACUUM (ANALYZE) ledger_events');
      const { rows } = await admin.query<{ count: string }>('SELECT count(*) AS count FROM ledger_events');
      return { url, events: Number(rows[0].count) };
    } finally {
      await admin.end();
    }
  });
}
