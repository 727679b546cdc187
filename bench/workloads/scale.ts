import { Client, Pool } from 'pg';
import { PROJECTIONS } from '../../projections';
import { ProjectionRunner } from '../../projections/runner/projection-runner';
import { migrate } from '../../src/database/data-source';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store';
import { AppendRun, appendRunRow, driveAppends } from '../lib/append-driver';
import { CaseLedgerFiller, FillResult } from '../lib/bulk-fill';
import { perSecond, ratio } from '../lib/stats';
import { measureQueries } from './queries';
import { BenchContext, Figures, TableRow, Workload, WorkloadResult } from './workload';

/**
 * Issue 17's scale figures (`--events N`, 10,000,000 for the record): a fresh ledger filled
 * with case histories (lib/bulk-fill.ts: real event types and payloads, a valid hash chain)
 * to `--compare-at` events, single-event appends timed through the real append path, the
 * ledger filled on to N and the same appends timed again; then every projection rebuilt
 * from the first event, all at once, and the dashboard, case list and metrics queries timed
 * through HTTP on the result. Ratios and rates, not timed assertions. Runs once per run.
 */
export const DEFAULT_SCALE_EVENTS = 10_000_000;

export const scale: Workload = {
  name: 'scale',
  title: 'scale: appends, parallel rebuild and queries on a large ledger',
  wanted: (options) => options.scale.events !== undefined,
  run: (context) => context.shared('scale-result', () => measure(context)),
};

/** The smaller size appends are compared at: a tenth of N, a million at most. */
export function compareAtFor(events: number, compareAt: number | undefined): number {
  return compareAt ?? Math.max(1, Math.min(1_000_000, Math.floor(events / 10)));
}

async function measure(context: BenchContext): Promise<WorkloadResult> {
  const { options, server } = context;
  const events = options.scale.events ?? DEFAULT_SCALE_EVENTS;
  // A ledger given (--scale-ledger) is used as it is: filled on to N if short, never dropped.
  const given = options.scale.ledgerUrl;
  const url = given ?? (await server.createDatabase('scale'));
  await migrate(url);
  const pool = new Pool({ connectionString: url, max: Math.max(options.connections, PROJECTIONS.length * 2 + 2) });
  const rows: TableRow[] = [];
  const figures: Figures = {};
  // Appends go to streams of their own; a run id keeps a second run on a given ledger off the first's.
  const run = Date.now().toString(36);
  try {
    const filler = new CaseLedgerFiller(pool);
    const fills: FillResult[] = [];

    let atCompare: AppendRun | undefined;
    if (given === undefined) {
      const compareAt = compareAtFor(events, options.scale.compareAt);
      fills.push(await fill(context, filler, url, compareAt));
      atCompare = await timeAppends(context, pool, compareAt, run);
      rows.push(appendRow(atCompare, fills[0].events));
      logAppends(context, atCompare, fills[0]);
    }

    const last = await fill(context, filler, url, events);
    fills.push(last);
    const atScale = await timeAppends(context, pool, events, run);
    rows.push(appendRow(atScale, last.events));
    logAppends(context, atScale, last);
    const { rows: counted } = await pool.query<{ events: string }>('SELECT count(*) AS events FROM ledger_events');
    const ledgerEvents = Number(counted[0].events);

    const written = fills.reduce((sum, each) => sum + each.written, 0);
    const fillSeconds = fills.reduce((sum, each) => sum + each.seconds, 0);
    rows.unshift({
      workload: 'scale: bulk fill',
      events: written,
      seconds: fillSeconds,
      eventsPerSecond: perSecond(written, fillSeconds),
      note: given === undefined ? 'case histories, hash chained; vacuum included' : 'onto the ledger given (--scale-ledger); vacuum included',
    });

    const rebuild = await rebuildAll(context, pool, ledgerEvents);
    rows.push(rebuild.row);
    context.log(
      `rebuilt ${PROJECTIONS.length} projections in parallel over ${ledgerEvents} events: ${Math.round(rebuild.eventsPerSecond)} events/s (${rebuild.row.seconds.toFixed(1)} s)`,
    );

    const queries = await measureQueries(context, { url, events: ledgerEvents }, { requests: options.scale.queryRequests, prefix: 'scale' });
    rows.push(...queries.rows);

    Object.assign(figures, {
      scaleEvents: ledgerEvents,
      scaleAppendP99Ms: atScale.p99Ms,
      scaleAppendEventsPerSecond: atScale.eventsPerSecond,
      scaleRebuildEventsPerSecond: rebuild.eventsPerSecond,
      ...queries.figures,
    });
    if (written > 0) figures.scaleFillEventsPerSecond = perSecond(written, fillSeconds);
    if (atCompare !== undefined) {
      Object.assign(figures, {
        scaleCompareEvents: fills[0].events,
        scaleAppendP99MsAtCompare: atCompare.p99Ms,
        scaleAppendEventsPerSecondAtCompare: atCompare.eventsPerSecond,
      });
      const p99Ratio = ratio(atScale.p99Ms, atCompare.p99Ms);
      if (p99Ratio !== undefined) figures.scaleAppendP99Ratio = p99Ratio;
    }
    return {
      figures,
      rows,
      details: {
        scale: {
          events: ledgerEvents,
          compareAt: atCompare === undefined ? null : fills[0].events,
          ledgerGiven: given !== undefined,
          projections: PROJECTIONS.map((p) => p.name),
          rebuild: rebuild.perProjection,
        },
      },
    };
  } finally {
    await pool.end();
    if (given === undefined) await server.dropDatabase(url);
  }
}

async function fill(context: BenchContext, filler: CaseLedgerFiller, url: string, target: number): Promise<FillResult> {
  const bar = context.progress.bar(`fill to ${target.toLocaleString('en-GB')}`, target);
  let result: FillResult;
  try {
    result = await filler.fillTo(target, (events) => bar.update(events));
  } finally {
    bar.stop();
  }
  if (result.written === 0) return result;
  // As the replay ledger is: no reader pays for hint bits, and the planner knows the sizes.
  const started = performance.now();
  context.log(`vacuuming the ledger at ${result.events.toLocaleString('en-GB')} events`);
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('VACUUM (ANALYZE) ledger_events');
    await client.query('VACUUM (ANALYZE) ledger_streams');
  } finally {
    await client.end();
  }
  return { ...result, seconds: result.seconds + (performance.now() - started) / 1000 };
}

/** Single-event appends through PostgresEventStore, as the append-ledger workload times them. */
async function timeAppends(context: BenchContext, pool: Pool, atEvents: number, run: string): Promise<AppendRun> {
  const { options } = context;
  const store = new PostgresEventStore(pool, { maxBatch: options.maxBatch, maxInFlight: options.maxInFlight });
  try {
    return await driveAppends(
      {
        append: (streamName, revision, event) =>
          store.appendToStream(streamName, [event], { expectedRevision: revision < 0n ? 'no_stream' : revision }).then(() => undefined),
      },
      {
        label: `appends at ${atEvents}`,
        clients: options.connections,
        events: options.scale.appends,
        warmupPerClient: options.warmupPerClient,
        streamsPerClient: options.streamsPerClient,
        streamPrefix: `bench-scale-${run}-${atEvents}`,
      },
      context.progress,
    );
  } finally {
    await store.close();
  }
}

/** Each phase's figures as it ends: a ten-million-event run is long, and an interrupted one still says what it measured. */
function logAppends(context: BenchContext, run: AppendRun, filled: FillResult): void {
  context.log(
    `filled to ${filled.events} events (${filled.written} written in ${filled.seconds.toFixed(1)} s, vacuum included); ` +
      `appends there: ${Math.round(run.eventsPerSecond)} events/s, p50 ${run.p50Ms.toFixed(2)} ms, p99 ${run.p99Ms.toFixed(2)} ms`,
  );
}

function appendRow(run: AppendRun, ledgerEvents: number): TableRow {
  return appendRunRow(`scale: appends at ${ledgerEvents.toLocaleString('en-GB')}`, run, 'single-event appends, real append path');
}

/**
 * Every projection rebuilt into a fresh generation at once, as a service at start-up with
 * every version changed would: the rate is the ledger's events over the wall time until the
 * last one is done. The bar follows the slowest projection.
 */
async function rebuildAll(
  context: BenchContext,
  pool: Pool,
  ledgerEvents: number,
): Promise<{ eventsPerSecond: number; row: TableRow; perProjection: Record<string, { seconds: number; eventsApplied: number }> }> {
  const store = new PostgresEventStore(pool);
  const checkpoints = new Map<string, number>(PROJECTIONS.map((definition) => [definition.name, 0]));
  const bar = context.progress.bar(`rebuild ${PROJECTIONS.length} in parallel`, ledgerEvents);
  const perProjection: Record<string, { seconds: number; eventsApplied: number }> = {};
  const started = performance.now();
  try {
    await Promise.all(
      PROJECTIONS.map(async (definition) => {
        const runner = new ProjectionRunner(store, pool, definition, {
          onProgress: ({ checkpoint }) => {
            checkpoints.set(definition.name, Number(checkpoint.commit) + 1);
            bar.update(Math.min(ledgerEvents, ...checkpoints.values()));
          },
        });
        const generation = await runner.rebuild({ fresh: true });
        checkpoints.set(definition.name, ledgerEvents);
        perProjection[definition.name] = { seconds: round1((performance.now() - started) / 1000), eventsApplied: generation.eventsApplied };
      }),
    );
  } finally {
    bar.stop();
    await store.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const eventsPerSecond = perSecond(ledgerEvents, seconds);
  return {
    eventsPerSecond,
    perProjection,
    row: {
      workload: `scale: rebuild ${PROJECTIONS.length} projections in parallel`,
      events: ledgerEvents,
      seconds,
      eventsPerSecond,
      note: 'ledger events / wall time',
    },
  };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
