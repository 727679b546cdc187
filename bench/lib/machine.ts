import { readFileSync } from 'node:fs';
import os from 'node:os';
import { ServerSettings } from './server';

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  postgres: string;
  platform: string;
  /** 1-minute load average when the run started and ended: other work on the machine skews figures. */
  loadAverage: { start: number; end: number };
  /**
   * Linux CPU pressure (share of time some runnable task waited for a CPU, 60 s average, %)
   * at the start and end, when the kernel reports it: high values mean others were busy.
   */
  cpuPressure?: { start: number; end: number };
  database: {
    embedded: boolean;
    fsync: string;
    synchronousCommit: string;
    fullPageWrites: string;
    walSyncMethod: string;
    sharedBuffers: string;
  };
}

/** The `some avg60` of /proc/pressure/cpu, or undefined where there is none. */
export function cpuPressure(): number | undefined {
  try {
    const match = /some avg10=[\d.]+ avg60=([\d.]+)/.exec(readFileSync('/proc/pressure/cpu', 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

export function describeMachine(settings: ServerSettings, embedded: boolean, atStart: { load: number; cpuPressure: number | undefined }): MachineInfo {
  const pressureAtEnd = cpuPressure();
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    postgres: settings.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverage: { start: Math.round(atStart.load * 100) / 100, end: Math.round(os.loadavg()[0] * 100) / 100 },
    ...(atStart.cpuPressure !== undefined && pressureAtEnd !== undefined ? { cpuPressure: { start: atStart.cpuPressure, end: pressureAtEnd } } : {}),
    database: {
      embedded,
      fsync: settings.fsync,
      synchronousCommit: settings.synchronousCommit,
      fullPageWrites: settings.fullPageWrites,
      walSyncMethod: settings.walSyncMethod,
      sharedBuffers: settings.sharedBuffers,
    },
  };
}
