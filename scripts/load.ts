import 'reflect-metadata';
import { Presets, SingleBar } from 'cli-progress';
import { parseArgs } from 'node:util';
import { loadConfiguration } from '../src/config/configuration';
import { runLoad } from './load/run-load';

/**
 * `npm run load -- [--url http://127.0.0.1:3000] [--users 32] [--seconds 30]`
 *
 * Drives a running service's HTTP API with realistic work (scripts/load/lifecycle.ts): each
 * of the concurrent users walks case after case from referral to outcome and closure, reading
 * the case with a purpose between steps, the case list, a DCC's dashboard, and recording a
 * gifts-and-hospitality entry. Tokens are signed with LEDGER_JWT_SECRET, as the service
 * checks them (the service should run with LEDGER_RATE_LIMIT_PER_MINUTE=0, or the limit
 * measures itself). A progress bar on stderr; one JSON line on stdout: commands and reads per
 * second, p50/p95/p99 latency by route kind, errors by status.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      url: { type: 'string', default: `http://127.0.0.1:${process.env.PORT ?? '3000'}` },
      users: { type: 'string', default: '32' },
      seconds: { type: 'string', default: '30' },
    },
  });
  const users = Number(values.users);
  const seconds = Number(values.seconds);
  if (!Number.isInteger(users) || users < 1 || !(seconds > 0)) {
    process.stderr.write('usage: npm run load -- [--url <service>] [--users N] [--seconds S]\n');
    return 2;
  }
  const health = await fetch(`${values.url}/health`).catch(() => undefined);
  if (health === undefined) {
    process.stderr.write(`no service answers at ${values.url}: start it first (npm start)\n`);
    return 3;
  }
  const bar = new SingleBar(
    { stream: process.stderr, format: 'load [{bar}] {value}/{total} s | {requests} requests | {users} users', hideCursor: true },
    Presets.shades_classic,
  );
  bar.start(Math.ceil(seconds), 0, { requests: 0, users });
  const report = await runLoad({
    baseUrl: values.url,
    jwt: loadConfiguration().jwt,
    users,
    seconds,
    onProgress: (elapsed, requests) => bar.update(Math.min(Math.floor(elapsed), Math.ceil(seconds)), { requests }),
  });
  bar.update(Math.ceil(seconds));
  bar.stop();
  process.stdout.write(`${JSON.stringify(report)}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`load: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
