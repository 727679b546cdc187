import { createHash } from 'node:crypto';
import { Pool } from 'pg';
import { appendRunRow, driveAppends } from '../lib/append-driver';
import { BenchContext, Workload, WorkloadResult } from './workload';

/**
 * The floor to compare with: the same rows as plain single-row INSERT statements
 * (autocommit, one round trip and one commit each) into a bare table with the columns of
 * ledger_events and only a primary key, through a pg Pool of C connections. No revision
 * check, no global order, no hash chain: what PostgreSQL does for rows of this size.
 */
export const appendBaseline: Workload = {
  name: 'append-baseline',
  title: 'baseline: single-row INSERT',
  async run(context: BenchContext): Promise<WorkloadResult> {
    const { options, server } = context;
    const url = await server.createDatabase('baseline');
    const pool = new Pool({ connectionString: url, max: options.connections });
    try {
      await pool.query(`
        CREATE TABLE bench_events (
          position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          stream_name text NOT NULL,
          revision bigint NOT NULL,
          event_id uuid NOT NULL,
          event_type text NOT NULL,
          data jsonb NOT NULL,
          metadata jsonb NOT NULL,
          recorded_at timestamptz NOT NULL,
          hash bytea NOT NULL
        )`);
      const run = await driveAppends(
        {
          append: async (streamName, revision, event) => {
            const data = JSON.stringify(event.data);
            const metadata = JSON.stringify(event.metadata);
            const hash = createHash('sha256').update(data).update(metadata).digest();
            await pool.query(
              `INSERT INTO bench_events (stream_name, revision, event_id, event_type, data, metadata, recorded_at, hash)
               VALUES ($1, $2, $3, $4, $5, $6, now(), $7)`,
              [streamName, (revision + 1n).toString(), event.eventId, event.type, data, metadata, hash],
            );
          },
        },
        {
          label: 'baseline INSERT',
          clients: options.connections,
          events: options.eventsPerWorkload,
          warmupPerClient: options.warmupPerClient,
          streamsPerClient: options.streamsPerClient,
          streamPrefix: 'bench',
        },
        context.progress,
      );
      return {
        figures: { baselineEventsPerSecond: run.eventsPerSecond, baselineP99Ms: run.p99Ms },
        rows: [appendRunRow('baseline: single-row INSERT', run, 'autocommit, bare table')],
      };
    } finally {
      await pool.end();
      await server.dropDatabase(url);
    }
  },
};
