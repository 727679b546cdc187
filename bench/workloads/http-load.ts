import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runLoad } from '../../scripts/load/run-load';
import { loadConfiguration } from '../../src/config/configuration';
import { migrate } from '../../src/database/data-source';
import { freePort } from '../lib/server';
import { BenchContext, TableRow, Workload, WorkloadResult } from './workload';

/**
 * The HTTP API under `npm run load`'s work (scripts/load/lifecycle.ts: cases walked from
 * referral to outcome, reads with a purpose, registers) from 32 concurrent users, against the
 * service in a process of its own on a fresh database of the run's server, so the figures sit
 * beside the store's raw append rate of the same run (httpCommandsToAppendRatio).
 */
const USERS = 32;
const SECRET = 'bench-http-load-secret-0123456789abcdef-0123';
const root = path.resolve(__dirname, '../..');

export const httpLoad: Workload = {
  name: 'http',
  title: `HTTP API: ${USERS} users walking cases through their lifecycle`,
  async run(context: BenchContext): Promise<WorkloadResult> {
    const { server, options } = context;
    const seconds = options.quick ? 10 : 30;
    const url = await server.createDatabase('http');
    await migrate(url);
    const dataDir = mkdtempSync(path.join(tmpdir(), 'ledger-bench-http-'));
    const port = await freePort();
    const child = spawn('node', ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: url,
        PORT: String(port),
        LEDGER_DATA_DIR: dataDir,
        LEDGER_JWT_SECRET: SECRET,
        LEDGER_RATE_LIMIT_PER_MINUTE: '0',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let output = '';
    child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const baseUrl = `http://127.0.0.1:${port}`;
    const bar = context.progress.bar('HTTP load', seconds);
    try {
      await waitForHealth(baseUrl, 120_000, () => output);
      const report = await runLoad({
        baseUrl,
        jwt: loadConfiguration({ LEDGER_JWT_SECRET: SECRET }).jwt,
        users: USERS,
        seconds,
        onProgress: (elapsed) => bar.update(Math.min(Math.floor(elapsed), seconds)),
      });
      const command = report.latency.command ?? { count: 0, p50Ms: 0, p95Ms: 0, p99Ms: 0 };
      const reads = report.latency.reads ?? { count: 0, p50Ms: 0, p95Ms: 0, p99Ms: 0 };
      const errors = Object.values(report.errorsByStatus).reduce((sum, n) => sum + n, 0);
      const rows: TableRow[] = [
        {
          workload: `HTTP commands (${USERS} users)`,
          events: report.commands,
          seconds: report.seconds,
          eventsPerSecond: report.commandsPerSecond,
          p50Ms: command.p50Ms,
          p99Ms: command.p99Ms,
          note: errors > 0 ? `errors ${JSON.stringify(report.errorsByStatus)}` : undefined,
        },
        {
          workload: `HTTP reads (${USERS} users)`,
          events: report.reads,
          seconds: report.seconds,
          eventsPerSecond: report.readsPerSecond,
          p50Ms: reads.p50Ms,
          p99Ms: reads.p99Ms,
        },
      ];
      return {
        figures: {
          httpCommandsPerSecond: report.commandsPerSecond,
          httpReadsPerSecond: report.readsPerSecond,
          httpCommandP50Ms: command.p50Ms,
          httpCommandP95Ms: command.p95Ms,
          httpCommandP99Ms: command.p99Ms,
          httpReadP99Ms: reads.p99Ms,
          httpErrors: errors,
        },
        rows,
        details: { http: { users: USERS, seconds, latency: report.latency, errorsByStatus: report.errorsByStatus } },
      };
    } finally {
      bar.stop();
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
      await server.dropDatabase(url);
    }
  },
};

async function waitForHealth(baseUrl: string, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(5000) }).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    if (Date.now() > deadline) throw new Error(`the service did not start in ${timeoutMs} ms:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
