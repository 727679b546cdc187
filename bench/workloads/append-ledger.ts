import { Pool } from 'pg';
import { migrate } from '../../src/database/data-source';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store';
import { AppendRun, appendRunRow, driveAppends } from '../lib/append-driver';
import { BenchContext, Figures, TableRow, Workload, WorkloadResult } from './workload';

/**
 * Our store: single-event appends with exact expected revisions through
 * PostgresEventStore.appendToStream (store-wide serialised appends, group commit), with a
 * pool of C connections like the baseline and the peer. The configured maxInFlight gives
 * the headline figures; `--compare-in-flight` runs other values too (each on a fresh database,
 * in alternating order from round to round) and reports them as
 * appendEventsPerSecondMaxInFlight<N> / appendP99MsMaxInFlight<N>.
 */
export const appendLedger: Workload = {
  name: 'append-ledger',
  title: 'ours: appendToStream',
  async run(context: BenchContext): Promise<WorkloadResult> {
    const { options } = context;
    const settings = [options.maxInFlight, ...options.compareInFlight.filter((value) => value !== options.maxInFlight)];
    // Alternate the order from round to round so neither setting always runs first.
    const order = context.round % 2 === 0 ? settings : [...settings].reverse();
    const runs = new Map<number, AppendRun>();
    for (const maxInFlight of order) runs.set(maxInFlight, await runOnce(context, maxInFlight));
    const figures: Figures = {};
    const rows: TableRow[] = [];
    for (const maxInFlight of settings) {
      const run = runs.get(maxInFlight);
      if (!run) continue;
      if (maxInFlight === options.maxInFlight) {
        figures.appendEventsPerSecond = run.eventsPerSecond;
        figures.appendP99Ms = run.p99Ms;
        figures.appendP50Ms = run.p50Ms;
      }
      if (settings.length > 1) {
        figures[`appendEventsPerSecondMaxInFlight${maxInFlight}`] = run.eventsPerSecond;
        figures[`appendP99MsMaxInFlight${maxInFlight}`] = run.p99Ms;
      }
      rows.push(row(run, maxInFlight, options.maxBatch, maxInFlight === options.maxInFlight));
    }
    return {
      figures,
      rows,
      details: { groupCommit: { maxBatch: options.maxBatch, maxInFlight: options.maxInFlight, compared: settings } },
    };
  },
};

async function runOnce(context: BenchContext, maxInFlight: number): Promise<AppendRun> {
  const { options, server } = context;
  const url = await server.createDatabase(`ledger_inflight${maxInFlight}`);
  await migrate(url);
  const pool = new Pool({ connectionString: url, max: options.connections });
  const store = new PostgresEventStore(pool, { maxBatch: options.maxBatch, maxInFlight });
  try {
    return await driveAppends(
      {
        append: async (streamName, revision, event) => {
          await store.appendToStream(streamName, [event], { expectedRevision: revision < 0n ? 'no_stream' : revision });
        },
      },
      {
        label: `ours (maxInFlight ${maxInFlight})`,
        clients: options.connections,
        events: options.eventsPerWorkload,
        warmupPerClient: options.warmupPerClient,
        streamsPerClient: options.streamsPerClient,
        streamPrefix: 'bench',
      },
      context.progress,
    );
  } finally {
    await store.close();
    await pool.end();
    await server.dropDatabase(url);
  }
}

function row(run: AppendRun, maxInFlight: number, maxBatch: number, chosen: boolean): TableRow {
  return appendRunRow(`ours, maxInFlight ${maxInFlight}${chosen ? '' : ' (comparison)'}`, run, `group commit maxBatch ${maxBatch}`);
}
