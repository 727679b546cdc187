import { Client } from 'pg';
import { perSecond } from '../lib/stats';
import { seededLedger } from './seeded-ledger';
import { BenchContext, Workload, WorkloadResult } from './workload';

const PAGE = 1000;

/**
 * The ceiling for reading the global order: keyset pages of 1,000 rows straight from
 * ledger_events with pg on one connection (pg's own row parsing, no mapping to
 * RecordedEvent, no upcasting).
 */
export const readRaw: Workload = {
  name: 'read-raw',
  title: 'raw read: keyset pages of 1000',
  async run(context: BenchContext): Promise<WorkloadResult> {
    const seeded = await seededLedger(context);
    const client = new Client({ connectionString: seeded.url });
    await client.connect();
    const bar = context.progress.bar('raw read (pg, pages of 1000)', seeded.events);
    let read = 0;
    let after = '-1';
    const started = performance.now();
    try {
      for (;;) {
        const { rows } = await client.query<{ position: string }>(
          `SELECT position, stream_name, revision, event_id, event_type, data, metadata, recorded_at, hash
             FROM ledger_events WHERE position > $1 ORDER BY position LIMIT $2`,
          [after, PAGE],
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
    const seconds = (performance.now() - started) / 1000;
    if (read !== seeded.events) throw new Error(`raw read saw ${read} events of ${seeded.events}`);
    const eventsPerSecond = perSecond(read, seconds);
    return {
      figures: { rawReadEventsPerSecond: eventsPerSecond },
      rows: [{ workload: 'raw read: keyset pages of 1000', events: read, seconds, eventsPerSecond, note: 'pg, one connection' }],
    };
  },
};
