/**
 * Drives the HTTP API with `users` concurrent users, each walking case after case through its
 * lifecycle (lifecycle.ts), for `seconds`; reports throughput, latency by route kind and
 * errors by status. Used by `npm run load` and the benchmark's `http` workload.
 */
import { randomUUID } from 'node:crypto';
import type { JwtSettings } from '../../src/http/token';
import { caseLifecycle, RouteKind, send, Tokens } from './lifecycle';

export interface LoadOptions {
  /** Where the service is, e.g. http://127.0.0.1:3000 */
  baseUrl: string;
  jwt: JwtSettings;
  users: number;
  seconds: number;
  /** Called at most every 250 ms with the seconds elapsed and the requests answered. */
  onProgress?: (elapsedSeconds: number, requests: number) => void;
}

export interface LatencyFigures {
  count: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

export interface LoadReport {
  users: number;
  seconds: number;
  /** Commands answered 2xx (case commands and register entries). */
  commands: number;
  commandsPerSecond: number;
  /** Reads answered 200. */
  reads: number;
  readsPerSecond: number;
  casesCompleted: number;
  /** Latency of every answered request by route kind (errors included). */
  latency: Partial<Record<RouteKind | 'commands' | 'reads', LatencyFigures>>;
  /** Answers that were not 2xx, by status ("0": no answer). */
  errorsByStatus: Record<string, number>;
}

export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const latencies = new Map<RouteKind, number[]>();
  const errorsByStatus: Record<string, number> = {};
  let commands = 0;
  let reads = 0;
  let requests = 0;
  let casesCompleted = 0;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const progress = options.onProgress ? setInterval(() => options.onProgress?.((performance.now() - started) / 1000, requests), 250) : undefined;
  const user = async (tokens: Tokens): Promise<void> => {
    while (performance.now() < deadline) {
      let waitForPosition: string | undefined;
      let failed = false;
      for (const request of caseLifecycle()) {
        if (performance.now() >= deadline) return;
        const answer = await send(options.baseUrl, request, tokens, { waitForPosition });
        requests += 1;
        const kind = latencies.get(request.kind) ?? [];
        kind.push(answer.ms);
        latencies.set(request.kind, kind);
        if (answer.status >= 200 && answer.status < 300) {
          if (request.method === 'POST') commands += 1;
          else reads += 1;
          waitForPosition = answer.position ?? waitForPosition;
          continue;
        }
        errorsByStatus[String(answer.status)] = (errorsByStatus[String(answer.status)] ?? 0) + 1;
        failed = true;
        // The case cannot go on: start another.
        break;
      }
      if (!failed) casesCompleted += 1;
    }
  };
  try {
    await Promise.all(Array.from({ length: options.users }, () => user(new Tokens(options.jwt, randomUUID()))));
  } finally {
    clearInterval(progress);
  }
  const seconds = (performance.now() - started) / 1000;
  const latency: LoadReport['latency'] = {};
  for (const [kind, values] of latencies) latency[kind] = figures(values);
  latency.commands = figures([...(latencies.get('command') ?? []), ...(latencies.get('register') ?? [])]);
  latency.reads = figures(['case-read', 'list', 'dashboard'].flatMap((kind) => latencies.get(kind as RouteKind) ?? []));
  return {
    users: options.users,
    seconds: round(seconds, 1),
    commands,
    commandsPerSecond: round(commands / seconds, 1),
    reads,
    readsPerSecond: round(reads / seconds, 1),
    casesCompleted,
    latency,
    errorsByStatus,
  };
}

function figures(values: number[]): LatencyFigures {
  const sorted = Float64Array.from(values).sort();
  const at = (p: number): number =>
    sorted.length === 0 ? 0 : round(sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1], 1);
  return { count: sorted.length, p50Ms: at(50), p95Ms: at(95), p99Ms: at(99) };
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
