/**
 * `npm run bench`: append and read throughput of our event store, against a plain-INSERT
 * baseline and a peer event store (Emmett), on one PostgreSQL server and at one connection
 * count. Progress and the table go to stderr; with `--json` the last line on stdout is one
 * JSON object with every figure. See bench/README.md.
 */
import os from 'node:os';
import { benchEvent, eventBytes } from './lib/event';
import { cpuPressure, describeMachine } from './lib/machine';
import { BenchOptions, parseOptions, USAGE } from './lib/options';
import { Progress } from './lib/progress';
import { jsonLine, medianFigures, medianRows, Report, table } from './lib/report';
import { openBenchServer } from './lib/server';
import { DERIVED, TARGETS, WORKLOADS } from './workloads';
import { BenchContext, Figures, TableRow } from './workloads/workload';

// stdout carries only the JSON line: anything a library prints goes to stderr instead.
console.log = console.error;
console.info = console.error;
console.debug = console.error;

/** Set by SIGINT/SIGTERM: the run is being torn down and exits with 130 once PostgreSQL stops. */
let interrupted = false;

async function main(): Promise<number> {
  let parsed: BenchOptions | 'help';
  try {
    parsed = parseOptions(process.argv.slice(2), process.env);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
    return 2;
  }
  if (parsed === 'help') {
    process.stderr.write(`${USAGE}\n`);
    return 0;
  }
  const options: BenchOptions = parsed;
  const unknown = options.only.filter((name) => !WORKLOADS.some((workload) => workload.name === name));
  if (unknown.length > 0) throw new Error(`unknown workload(s): ${unknown.join(', ')}; known: ${WORKLOADS.map((w) => w.name).join(', ')}`);
  const workloads =
    options.only.length === 0
      ? WORKLOADS.filter((workload) => workload.wanted?.(options) ?? true)
      : WORKLOADS.filter((workload) => options.only.includes(workload.name));

  const progress = new Progress();
  const log = (line: string): void => progress.log(line);
  const atStart = { load: os.loadavg()[0], cpuPressure: cpuPressure() };
  const started = performance.now();
  log(
    `bench${options.quick ? ' (quick)' : ''}: ${options.connections} connections, ${options.eventsPerWorkload} events per append workload, ` +
      `${options.readEvents} events to read, ${options.rounds} round(s); our group commit maxBatch ${options.maxBatch}, maxInFlight ${options.maxInFlight}`,
  );

  const server = await openBenchServer({ databaseUrl: options.databaseUrl, connections: options.connections, keep: options.keep, log });
  const stopOnSignal = (signal: NodeJS.Signals): void => {
    interrupted = true;
    log(`${signal}: stopping PostgreSQL`);
    // Open connections die with the server: their errors are expected from here on.
    process.on('uncaughtException', () => undefined);
    process.on('unhandledRejection', () => undefined);
    void server.stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);

  const roundFigures: Figures[] = [];
  const rows: TableRow[] = [];
  const details: Record<string, unknown> = {};
  const finishers: (() => Promise<void>)[] = [];
  const fixtures = new Map<string, Promise<unknown>>();
  const context: BenchContext = {
    options,
    round: 0,
    server,
    progress,
    log,
    shared<T>(key: string, create: () => Promise<T>): Promise<T> {
      let fixture = fixtures.get(key) as Promise<T> | undefined;
      if (!fixture) {
        fixture = create();
        fixtures.set(key, fixture);
      }
      return fixture;
    },
    onFinish: (cleanup) => finishers.push(cleanup),
  };

  let report: Report;
  try {
    for (let round = 0; round < options.rounds; round += 1) {
      context.round = round;
      const figures: Figures = {};
      for (const workload of workloads) {
        log(`\n== round ${round + 1}/${options.rounds}: ${workload.title}`);
        const result = await workload.run(context);
        Object.assign(figures, result.figures);
        Object.assign(details, result.details ?? {});
        rows.push(...result.rows);
      }
      // Ratios per round (both sides measured minutes apart at most), then medians.
      for (const derived of DERIVED) {
        const value = derived.compute(figures);
        if (value !== undefined) figures[derived.name] = value;
      }
      roundFigures.push(figures);
    }
    const { figures, perRound } = medianFigures(roundFigures);
    report = {
      figures,
      perRound,
      rows: medianRows(rows),
      details,
      targets: TARGETS,
      run: {
        connections: options.connections,
        eventsPerWorkload: options.eventsPerWorkload,
        rounds: options.rounds,
        readEvents: options.readEvents,
        quick: options.quick,
        eventBytes: eventBytes(benchEvent(0, 0, 'bench-0-0')),
        seconds: Math.round((performance.now() - started) / 100) / 10,
      },
      machine: describeMachine(await server.settings(), server.embedded, atStart),
    };
  } finally {
    for (const finish of finishers.reverse()) await finish().catch((error: unknown) => log(`cleanup: ${String(error)}`));
    await server.stop().catch((error: unknown) => log(`stopping PostgreSQL: ${String(error)}`));
    process.off('SIGINT', stopOnSignal);
    process.off('SIGTERM', stopOnSignal);
  }

  log(`\n${table(report)}\n`);
  if (options.json) process.stdout.write(`${jsonLine(report)}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (interrupted) return; // the signal handler exits once PostgreSQL has stopped
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
