import { BenchOptions } from '../lib/options';
import { Progress } from '../lib/progress';
import { BenchServer } from '../lib/server';

/**
 * One measured workload. A run executes the workloads of `index.ts` in order, once per
 * round (workloads interleave, so noise from the rest of the machine hits them alike),
 * against one server and at one connection count; each contributes named figures (the
 * reported value is the median over rounds) and rows to the human-readable table. To add a workload, write a file
 * that exports a `Workload`, and list it in `index.ts` (plus any ratio in `DERIVED`).
 */
export interface Workload {
  /** Used by `--only`. */
  name: string;
  title: string;
  /** When there is no `--only`: whether the run includes this workload (always when absent). */
  wanted?(options: BenchOptions): boolean;
  run(context: BenchContext): Promise<WorkloadResult>;
}

export interface WorkloadResult {
  /** Figures for the JSON line, by name (e.g. appendEventsPerSecond). */
  figures: Figures;
  rows: TableRow[];
  /** Anything else worth a key of its own in the JSON line (e.g. group-commit settings). */
  details?: Record<string, unknown>;
}

export type Figures = Record<string, number>;

export interface TableRow {
  workload: string;
  events: number;
  seconds: number;
  eventsPerSecond: number;
  p50Ms?: number;
  p99Ms?: number;
  /** CPU of the benchmark's Node process during the timed phase, share of one core. */
  clientCpu?: number;
  note?: string;
}

export interface BenchContext {
  options: BenchOptions;
  /** 0-based: every workload runs once per round, and each figure is the median over rounds. */
  round: number;
  server: BenchServer;
  progress: Progress;
  log(line: string): void;
  /**
   * A fixture several workloads use (e.g. a store seeded with events for the read
   * workloads), made once per run by the first workload that asks for it.
   */
  shared<T>(key: string, create: () => Promise<T>): Promise<T>;
  /** Runs when the whole run ends, after every workload (release shared fixtures here). */
  onFinish(cleanup: () => Promise<void>): void;
}

/** A ratio computed from figures once every workload has run. */
export interface DerivedFigure {
  name: string;
  compute(figures: Figures): number | undefined;
}

/** A goal for a figure: at least or at most a value (one of the two). */
export type Target = { figure: string; atLeast: number; atMost?: undefined } | { figure: string; atMost: number; atLeast?: undefined };

export function targetMet(target: Target, value: number | undefined): boolean | null {
  if (value === undefined || !Number.isFinite(value)) return null;
  return target.atLeast !== undefined ? value >= target.atLeast : value <= target.atMost;
}

export function targetText(target: Target): string {
  return target.atLeast !== undefined ? `>= ${target.atLeast}` : `<= ${target.atMost}`;
}
