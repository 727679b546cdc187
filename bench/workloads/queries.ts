import { Pool } from 'pg';
import { startReadApp } from '../lib/read-app';
import { summariseLatencies } from '../lib/stats';
import { replayedLedger } from './replay';
import { BenchContext, TableRow, Workload, WorkloadResult } from './workload';

/**
 * Read latency through real HTTP on the replayed ledger (every read model rebuilt from it):
 * the case list, one case's timeliness, the DCC dashboard, the inspection metrics and the
 * misconduct statistics. Most replicated cases belong to one force (the magazine names
 * none), so the force-wide reads are the worst case. Target: p95 < 50 ms with 1 M events
 * (`npm run bench` full). Runs once per bench run.
 */
const REQUESTS = 200;
const FORCE = 'NOT_NAMED';
const SECRET = 'bench-queries-secret-0123456789abcdef0123';

export const queries: Workload = {
  name: 'queries',
  title: 'queries: p95 of read endpoints on the replayed ledger',
  run: (context) => context.shared('queries-result', () => measure(context)),
};

async function measure(context: BenchContext): Promise<WorkloadResult> {
  return measureQueries(context, await replayedLedger(context), { requests: REQUESTS });
}

/**
 * p95 of each read endpoint through real HTTP on a ledger whose read models are rebuilt:
 * figures named `<prefix>CaseListP95Ms` etc. (`caseListP95Ms` without a prefix).
 */
export async function measureQueries(
  context: BenchContext,
  ledger: { url: string; events: number },
  options: { requests: number; prefix?: string },
): Promise<WorkloadResult> {
  const { requests } = options;
  const caseIds = await sampleCaseIds(ledger.url);
  const bar = context.progress.bar('service start-up: reading the ledger', 1);
  const { app, base, headers, catchUpSeconds } = await startReadApp(ledger.url, SECRET, 'Benchmark of read latency');
  bar.update(1);
  bar.stop();
  const endpoints: { name: string; figure: string; path: (n: number) => string }[] = [
    { name: 'case list', figure: 'CaseListP95Ms', path: (n) => `/cases?force=${FORCE}&page=${1 + (n % 5)}&pageSize=20` },
    { name: 'case timeliness', figure: 'TimelinessP95Ms', path: (n) => `/cases/${caseIds[n % caseIds.length]}/timeliness` },
    { name: 'DCC dashboard', figure: 'DccDashboardP95Ms', path: () => `/dashboards/dcc?force=${FORCE}` },
    {
      name: 'inspection metrics',
      figure: 'InspectionMetricsP95Ms',
      path: (n) => `/metrics/inspection?force=${FORCE}&from=${2017 + (n % 4)}-04-01&to=${2018 + (n % 4)}-03-31`,
    },
    { name: 'misconduct statistics', figure: 'MisconductStatisticsP95Ms', path: (n) => `/statistics/misconduct?force=${FORCE}&year=${2017 + (n % 4)}` },
  ];
  const figureName = (figure: string): string => (options.prefix ? options.prefix + figure : figure[0].toLowerCase() + figure.slice(1));
  const label = options.prefix ? `${options.prefix} ` : '';
  const figures: Record<string, number> = { [figureName('StartUpCatchUpSeconds')]: catchUpSeconds };
  const rows: TableRow[] = [
    {
      workload: `${label}service start-up`,
      events: ledger.events,
      seconds: catchUpSeconds,
      eventsPerSecond: ledger.events / catchUpSeconds,
      note: 'the alert reactor rebuilding its facts from the first event; reads are timed after it',
    },
  ];
  try {
    for (const endpoint of endpoints) {
      const latencies = new Float64Array(requests);
      const bar = context.progress.bar(`${label}query ${endpoint.name}`, requests);
      const started = performance.now();
      for (let n = 0; n < requests; n += 1) {
        const before = performance.now();
        const response = await fetch(base + endpoint.path(n), { headers });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${endpoint.name} answered ${response.status}`);
        latencies[n] = performance.now() - before;
        bar.update(n + 1);
      }
      bar.stop();
      const seconds = (performance.now() - started) / 1000;
      const summary = summariseLatencies(latencies);
      figures[figureName(endpoint.figure)] = summary.p95Ms;
      rows.push({
        workload: `${label}query ${endpoint.name}`,
        events: requests,
        seconds,
        eventsPerSecond: requests / seconds,
        p50Ms: summary.p50Ms,
        p99Ms: summary.p99Ms,
        note: `p95 ${summary.p95Ms.toFixed(1)} ms over ${ledger.events} events (requests/s in the rate column)`,
      });
    }
  } finally {
    await app.close();
  }
  return { figures, rows };
}

/** A hundred case ids of the ledger, at random. */
export async function sampleCaseIds(url: string): Promise<string[]> {
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    const { rows } = await pool.query<{ stream_name: string }>(
      `SELECT stream_name FROM ledger_streams WHERE stream_name LIKE 'case-%' ORDER BY random() LIMIT 100`,
    );
    return rows.map((row) => row.stream_name.slice('case-'.length));
  } finally {
    await pool.end();
  }
}
