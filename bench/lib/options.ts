import { parseArgs } from 'node:util';

/** What `npm run bench -- …` was asked to do. */
export interface BenchOptions {
  quick: boolean;
  json: boolean;
  /** Connections per workload: the pool size of our store, the baseline and the peer alike. */
  connections: number;
  /** Events appended by each append workload (one event per append) in each round, after the warm-up. */
  eventsPerWorkload: number;
  /** Every workload runs once per round, interleaved; each figure is the median over rounds. */
  rounds: number;
  /** Appends per client before the clock starts (connections opened, plans and caches warm). */
  warmupPerClient: number;
  /** Streams each client appends to, round robin, with exact expected revisions. */
  streamsPerClient: number;
  /** Events in the store the read workloads page through. */
  readEvents: number;
  /** Events of case history the replay workload rebuilds every projection from. */
  replayEvents: number;
  /**
   * The scale workload (`--events`): the ledger it fills to, the smaller size it compares
   * append latency at, the single-event appends timed at each size and the requests per
   * read endpoint. Undefined `events`: the workload runs only when named in `--only`.
   */
  scale: { events: number | undefined; compareAt: number | undefined; appends: number; queryRequests: number; ledgerUrl: string | undefined };
  /** Group-commit settings of our engine (PostgresEventStoreOptions). */
  maxInFlight: number;
  maxBatch: number;
  /** Also run our append workload with these maxInFlight values, for comparison only. */
  compareInFlight: number[];
  /** Run only these workloads (by name); all when empty. */
  only: string[];
  /** PostgreSQL to use instead of an embedded server. */
  databaseUrl: string | undefined;
  /** Leave the databases on DATABASE_URL's server at the end (to query them by hand). */
  keep: boolean;
}

export const USAGE = `npm run bench -- [options]

  --quick                 small run (under two minutes on 2 cores)
  --json                  print one JSON line with every figure last on stdout
  --connections N         connections per workload (default 16)
  --appends N             single-event appends per append workload and round (default 40000; quick 8000)
  --events N              also run the scale workload: fill a fresh ledger with case histories to N events
                          (e.g. 10000000), time appends at --compare-at and at N, rebuild every projection
                          in parallel, and time the dashboard, case list and metrics queries at N
  --compare-at N          the smaller ledger the scale workload times appends at first (default N/10, at most 1000000)
  --scale-ledger URL      the scale workload uses this database's ledger (filled by an earlier run kept with --keep,
                          or stopped after its fill) instead of filling a fresh one: filled on to --events if short,
                          appends timed at its size only (no --compare-at), never dropped
  --rounds N              run every workload N times, interleaved; figures are medians (default 3)
  --read-events N         events in the store the read workloads page through (default 200000; quick 50000)
  --replay-events N       events of case history every projection is rebuilt from (default 1000000; quick 100000)
  --max-in-flight N       our engine's group commit: batches in flight (default 1)
  --max-batch N           our engine's group commit: appends per batch at most (default 500)
  --compare-in-flight L   also run our appends with these maxInFlight values, e.g. 1,2 (default: the other of 1/2 in a full run, none in quick)
  --only L                run only these workloads, e.g. append-ledger,append-baseline
  --keep                  leave the run's databases on DATABASE_URL's server and print their URLs
                          (e.g. to query the replayed million-event ledger by hand); needs DATABASE_URL
  --help

Progress goes to stderr. DATABASE_URL, when set, names the PostgreSQL to use (the bench creates
and drops its own databases there, so the role needs CREATEDB); otherwise an embedded
PostgreSQL with default durability settings (fsync on) is started in a temporary folder.`;

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      quick: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      connections: { type: 'string' },
      appends: { type: 'string' },
      events: { type: 'string' },
      'compare-at': { type: 'string' },
      'scale-ledger': { type: 'string' },
      rounds: { type: 'string' },
      'read-events': { type: 'string' },
      'replay-events': { type: 'string' },
      'max-in-flight': { type: 'string' },
      'max-batch': { type: 'string' },
      'compare-in-flight': { type: 'string' },
      only: { type: 'string' },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return 'help';
  const quick = values.quick ?? false;
  const connections = positiveInteger('--connections', values.connections, 16);
  const maxInFlight = positiveInteger('--max-in-flight', values['max-in-flight'], 1);
  const compareDefault = quick ? [] : [maxInFlight === 1 ? 2 : 1];
  return {
    quick,
    json: values.json ?? false,
    connections,
    eventsPerWorkload: positiveInteger('--appends', values.appends, quick ? 8_000 : 40_000),
    rounds: positiveInteger('--rounds', values.rounds, 3),
    warmupPerClient: quick ? 20 : 50,
    streamsPerClient: 25,
    readEvents: positiveInteger('--read-events', values['read-events'], quick ? 50_000 : 200_000),
    replayEvents: positiveInteger('--replay-events', values['replay-events'], quick ? 100_000 : 1_000_000),
    scale: scaleOptions(values.events, values['compare-at'], values['scale-ledger'], quick),
    maxInFlight,
    maxBatch: positiveInteger('--max-batch', values['max-batch'], 500),
    compareInFlight:
      values['compare-in-flight'] === undefined
        ? compareDefault
        : list(values['compare-in-flight']).map((text) => positiveInteger('--compare-in-flight', text, 1)),
    only: values.only === undefined ? [] : list(values.only),
    databaseUrl: env.DATABASE_URL || undefined,
    keep: keepDatabases(values.keep ?? false, env.DATABASE_URL),
  };
}

function scaleOptions(eventsText: string | undefined, compareText: string | undefined, ledgerUrl: string | undefined, quick: boolean): BenchOptions['scale'] {
  const events = eventsText === undefined ? undefined : positiveInteger('--events', eventsText, 0);
  const compareAt = compareText === undefined ? undefined : positiveInteger('--compare-at', compareText, 0);
  if (events !== undefined && compareAt !== undefined && compareAt >= events) throw new Error('--compare-at must be below --events');
  if (ledgerUrl !== undefined && events === undefined) throw new Error('--scale-ledger needs --events');
  if (ledgerUrl !== undefined && compareAt !== undefined) throw new Error('--scale-ledger times appends at the ledger it is given only: drop --compare-at');
  return { events, compareAt, appends: quick ? 2_000 : 8_000, queryRequests: quick ? 50 : 200, ledgerUrl };
}

function keepDatabases(keep: boolean, databaseUrl: string | undefined): boolean {
  // An embedded server and its folder go at the end of the run whatever is asked.
  if (keep && !databaseUrl) throw new Error('--keep needs DATABASE_URL: the embedded server is removed at the end of the run');
  return keep;
}

function positiveInteger(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text.replace(/_/g, ''));
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} wants a positive integer, not ${text}`);
  return value;
}

function list(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}
