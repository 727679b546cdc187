import { Figures, TableRow, Target, targetMet, targetText } from '../workloads/workload';
import { MachineInfo } from './machine';
import { median, round } from './stats';

/** The figures the issue names, first in the JSON line and always present (null when not run). */
export const HEADLINE = [
  'appendEventsPerSecond',
  'appendP99Ms',
  'baselineEventsPerSecond',
  'appendToBaselineRatio',
  'peerEventsPerSecond',
  'toPeerRatio',
  'rawReadEventsPerSecond',
  'readAllEventsPerSecond',
] as const;

export interface Report {
  /** Medians over rounds. */
  figures: Figures;
  /** Each figure's value in each round. */
  perRound: Record<string, number[]>;
  rows: SummaryRow[];
  details: Record<string, unknown>;
  targets: Target[];
  run: {
    connections: number;
    eventsPerWorkload: number;
    rounds: number;
    readEvents: number;
    quick: boolean;
    eventBytes: number;
    seconds: number;
  };
  machine: MachineInfo;
}

/** A table row: the median of the rows of the same name over rounds, with each round's rate. */
export interface SummaryRow extends TableRow {
  perRound: number[];
}

/** Figures of every round → each figure's median, and its values by round. */
export function medianFigures(rounds: Figures[]): { figures: Figures; perRound: Record<string, number[]> } {
  const perRound: Record<string, number[]> = {};
  for (const figures of rounds) {
    for (const [name, value] of Object.entries(figures)) (perRound[name] ??= []).push(value);
  }
  const figures: Figures = {};
  for (const [name, values] of Object.entries(perRound)) figures[name] = median(values);
  return { figures, perRound };
}

export function medianRows(rows: TableRow[]): SummaryRow[] {
  const byName = new Map<string, TableRow[]>();
  for (const row of rows) byName.set(row.workload, [...(byName.get(row.workload) ?? []), row]);
  const optional = (values: (number | undefined)[]): number | undefined => {
    const present = values.filter((value): value is number => value !== undefined);
    return present.length === 0 ? undefined : median(present);
  };
  return [...byName.entries()].map(([workload, group]) => ({
    workload,
    events: median(group.map((row) => row.events)),
    seconds: median(group.map((row) => row.seconds)),
    eventsPerSecond: median(group.map((row) => row.eventsPerSecond)),
    p50Ms: optional(group.map((row) => row.p50Ms)),
    p99Ms: optional(group.map((row) => row.p99Ms)),
    clientCpu: optional(group.map((row) => row.clientCpu)),
    note: group[0].note,
    perRound: group.map((row) => row.eventsPerSecond),
  }));
}

export function jsonLine(report: Report): string {
  const out: Record<string, unknown> = {};
  for (const name of HEADLINE) out[name] = present(name, report.figures[name]);
  for (const [name, value] of Object.entries(report.figures)) {
    if (!(name in out)) out[name] = present(name, value);
  }
  Object.assign(out, report.run, report.details);
  out.perRound = Object.fromEntries(Object.entries(report.perRound).map(([name, values]) => [name, values.map((value) => present(name, value))]));
  out.targets = Object.fromEntries(
    report.targets.map((target) => {
      const { figure, ...bound } = target;
      return [figure, { ...bound, met: targetMet(target, report.figures[figure]) }];
    }),
  );
  out.machine = report.machine;
  return JSON.stringify(out);
}

function present(name: string, value: number | undefined): number | null {
  if (value === undefined || !Number.isFinite(value)) return null;
  if (/Ratio(?![a-z])/.test(name)) return round(value, 3);
  if (/Ms(?![a-z])/.test(name)) return round(value, 2);
  return round(value);
}

export function table(report: Report): string {
  const header = ['workload', 'events', 'seconds', 'events/s', 'p50 ms', 'p99 ms', 'node cpu', 'events/s by round', 'note'];
  const body = report.rows.map((row) => [
    row.workload,
    row.events.toLocaleString('en-GB'),
    row.seconds.toFixed(2),
    Math.round(row.eventsPerSecond).toLocaleString('en-GB'),
    row.p50Ms === undefined ? '' : row.p50Ms.toFixed(2),
    row.p99Ms === undefined ? '' : row.p99Ms.toFixed(2),
    row.clientCpu === undefined ? '' : `${Math.round(row.clientCpu * 100)} %`,
    row.perRound.map((value) => Math.round(value).toLocaleString('en-GB')).join(' / '),
    row.note ?? '',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => cells[column].length)));
  const numeric = new Set([1, 2, 3, 4, 5, 6]);
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => (numeric.has(column) ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  const lines = [line(header), rule, ...body.map(line), ''];
  for (const target of report.targets) {
    const { figure } = target;
    const value = report.figures[figure];
    const met = targetMet(target, value);
    if (met === null && figure.startsWith('scale')) continue; // the scale workload runs on request only
    const verdict = met === null ? 'not measured' : met ? 'met' : 'NOT met';
    const rounds = (report.perRound[figure] ?? []).map((each) => each.toFixed(2)).join(' / ');
    lines.push(`${figure.padEnd(24)} ${value === undefined ? '-' : value.toFixed(3)}  (target ${targetText(target)}: ${verdict}; by round ${rounds})`);
  }
  for (const [name, value] of Object.entries(report.figures)) {
    if (/Ratio$/.test(name) && !report.targets.some((target) => target.figure === name)) {
      lines.push(`${name.padEnd(24)} ${value.toFixed(3)}`);
    }
  }
  const m = report.machine;
  lines.push(
    '',
    `medians of ${report.run.rounds} interleaved round(s); ${report.run.connections} connections per workload; ` +
      `${report.run.eventsPerWorkload.toLocaleString('en-GB')} single-event appends per append workload and round ` +
      `(~${report.run.eventBytes} bytes of JSON each); ${report.run.readEvents.toLocaleString('en-GB')} events read; ${report.run.seconds.toFixed(0)} s in all`,
    `machine: ${m.cpus} x ${m.cpuModel}, ${m.memoryGb} GB, node ${m.node}, PostgreSQL ${m.postgres}` +
      ` (${m.database.embedded ? 'embedded' : 'DATABASE_URL'}; fsync ${m.database.fsync}, synchronous_commit ${m.database.synchronousCommit})` +
      `, load average ${m.loadAverage.start} -> ${m.loadAverage.end}` +
      (m.cpuPressure ? `, cpu pressure ${m.cpuPressure.start} % -> ${m.cpuPressure.end} %` : ''),
  );
  return lines.join('\n');
}
