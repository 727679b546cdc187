import { BenchEvent, benchEvent } from './event';
import { Progress } from './progress';
import { TableRow } from '../workloads/workload';
import { LatencySummary, perSecond, summariseLatencies } from './stats';

/**
 * What an append workload plugs into the driver: append one event to a stream whose last
 * revision is `revision` (-1n for a stream that does not exist yet), checking that revision
 * as a command handler would (exact expected revision), and resolve once it is durable.
 */
export interface AppendTarget {
  append(streamName: string, revision: bigint, event: BenchEvent): Promise<void>;
}

export interface AppendRunOptions {
  label: string;
  clients: number;
  /** Events in the timed phase, spread over the clients. */
  events: number;
  warmupPerClient: number;
  streamsPerClient: number;
  /** Stream names are `<prefix>-<client>-<k>`. */
  streamPrefix: string;
}

export interface AppendRun extends LatencySummary {
  events: number;
  seconds: number;
  eventsPerSecond: number;
  /** CPU this Node process used during the timed phase, as a share of one core (1 = 100 %). */
  clientCpu: number;
}

/**
 * C concurrent clients, each appending single-event appends to its own streams round robin,
 * tracking each stream's revision. A warm-up phase runs first (not timed); the clock then
 * runs from the moment every client starts its timed appends until the last one is durable.
 */
export async function driveAppends(target: AppendTarget, options: AppendRunOptions, progress: Progress): Promise<AppendRun> {
  const { clients, streamsPerClient } = options;
  const revisions = Array.from({ length: clients }, () => new Array<bigint>(streamsPerClient).fill(-1n));
  const sequences = new Array<number>(clients).fill(0);
  const latencies = new Float64Array(options.events);
  let next = 0; // next latency slot
  let done = 0;

  const appendOnce = async (client: number, record: boolean): Promise<void> => {
    const sequence = sequences[client]++;
    const k = sequence % streamsPerClient;
    const streamName = `${options.streamPrefix}-${client}-${k}`;
    const event = benchEvent(client, sequence, streamName);
    const started = performance.now();
    await target.append(streamName, revisions[client][k], event);
    const elapsed = performance.now() - started;
    revisions[client][k] += 1n;
    if (record) {
      latencies[next++] = elapsed;
      done += 1;
    }
  };

  const phase = (perClient: (client: number) => number, record: boolean): Promise<void[]> =>
    Promise.all(
      Array.from({ length: clients }, async (_, client) => {
        for (let i = perClient(client); i > 0; i -= 1) await appendOnce(client, record);
      }),
    );

  await phase(() => options.warmupPerClient, false);

  const base = Math.floor(options.events / clients);
  const extra = options.events % clients;
  const bar = progress.bar(options.label, options.events);
  const ticker = setInterval(() => bar.update(done), 200);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  try {
    await phase((client) => base + (client < extra ? 1 : 0), true);
  } finally {
    clearInterval(ticker);
    bar.update(done);
    bar.stop();
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    events: done,
    seconds,
    eventsPerSecond: perSecond(done, seconds),
    clientCpu: (cpu.user + cpu.system) / 1e6 / seconds,
    ...summariseLatencies(latencies.subarray(0, next)),
  };
}

/** An append run as a row of the table. */
export function appendRunRow(workload: string, run: AppendRun, note: string): TableRow {
  return {
    workload,
    events: run.events,
    seconds: run.seconds,
    eventsPerSecond: run.eventsPerSecond,
    p50Ms: run.p50Ms,
    p99Ms: run.p99Ms,
    clientCpu: run.clientCpu,
    note,
  };
}
