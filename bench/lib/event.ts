import { randomUUID } from 'node:crypto';
import type { JsonObject } from '../../src/event-store/event-store';

/**
 * The event every append workload writes: what one realistic command produces, one event of
 * about 500 bytes of JSON (data plus metadata), with a fresh id. Every workload (ours, the
 * baseline, the peer) writes the same shape and size.
 */
export interface BenchEvent {
  eventId: string;
  type: string;
  data: JsonObject;
  metadata: JsonObject;
}

export const BENCH_EVENT_TYPE = 'AllegationRecorded';

const SUMMARIES = [
  'Failed to record a stop and search; rude to the member of the public.',
  'Did not return seized property; notebook account inaccurate.',
  'Accessed police systems for a non-policing purpose, March to May.',
];
const CATEGORIES = ['discreditable-conduct', 'honesty-and-integrity', 'confidentiality', 'use-of-force'];

export function benchEvent(client: number, sequence: number, streamName: string): BenchEvent {
  const commandId = randomUUID();
  return {
    eventId: randomUUID(),
    type: BENCH_EVENT_TYPE,
    data: {
      caseId: streamName,
      allegationNumber: sequence + 1,
      category: CATEGORIES[sequence % CATEGORIES.length],
      summary: SUMMARIES[(client + sequence) % SUMMARIES.length],
      subject: { officerId: `PC-${10_000 + client * 31 + (sequence % 97)}` },
      severity: sequence % 5 === 0 ? 'gross-misconduct' : 'misconduct',
    },
    metadata: {
      correlationId: commandId,
      causationId: commandId,
      commandId,
      actor: { userId: `user-${client}`, roles: ['investigator'], force: 'west-yorkshire' },
      occurredAt: new Date(Date.UTC(2025, 0, 1) + sequence * 60_000).toISOString(),
      schemaVersion: 1,
    },
  };
}

/** Bytes of data plus metadata as JSON text. */
export function eventBytes(event: BenchEvent): number {
  return Buffer.byteLength(JSON.stringify(event.data)) + Buffer.byteLength(JSON.stringify(event.metadata));
}
