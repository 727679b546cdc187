import { Pool } from 'pg';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store';
import { GlobalPosition, START } from '../../src/event-store/position';
import { perSecond } from '../lib/stats';
import { seededLedger } from './seeded-ledger';
import { BenchContext, Workload, WorkloadResult } from './workload';

const PAGE = 1000;

/** Our store's readAll, page by page (1,000 events), mapping to RecordedEvent included. */
export const readAll: Workload = {
  name: 'read-all',
  title: 'ours: readAll pages of 1000',
  async run(context: BenchContext): Promise<WorkloadResult> {
    const seeded = await seededLedger(context);
    const pool = new Pool({ connectionString: seeded.url, max: context.options.connections });
    const store = new PostgresEventStore(pool);
    const bar = context.progress.bar('ours: readAll (pages of 1000)', seeded.events);
    let read = 0;
    let after: GlobalPosition = START;
    const started = performance.now();
    try {
      for (;;) {
        const page = await store.readAll({ after, maxCount: PAGE });
        if (page.events.length === 0) break;
        read += page.events.length;
        after = page.events[page.events.length - 1].position;
        bar.update(read);
      }
    } finally {
      bar.stop();
      await store.close();
      await pool.end();
    }
    const seconds = (performance.now() - started) / 1000;
    if (read !== seeded.events) throw new Error(`readAll saw ${read} events of ${seeded.events}`);
    const eventsPerSecond = perSecond(read, seconds);
    return {
      figures: { readAllEventsPerSecond: eventsPerSecond },
      rows: [{ workload: 'ours: readAll pages of 1000', events: read, seconds, eventsPerSecond, note: 'mapping and upcasting included' }],
    };
  },
};
