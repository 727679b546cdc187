import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EventStore } from '../event-store/event-store';
import type { EventToAppend } from '../event-store/event-store';
import { problem } from '../http/problem';
import { ACCESS_SCHEMA_VERSION, accessEventData, accessEventType, accessStreamName } from './access.events';
import type { AccessEntry } from './access.events';

/** How the recorder batches; tests shorten them. */
export interface AccessRecorderSettings {
  /**
   * False only for the benchmark's baseline (bench/workloads/access-recording.ts): deliberately
   * not a setting of the service's configuration, so no deployment can stop recording reads.
   */
  enabled: boolean;
  /** A batch is appended this long after its first entry... */
  flushIntervalMs: number;
  /** ...or at once when it has this many. */
  batchSize: number;
  /** Past this many unwritten entries a read waits for room, then fails (503). */
  maxBuffered: number;
  /** How long a read waits for room before failing closed. */
  maxWaitMs: number;
  /** Retry delays double from the first to the last after a failed append. */
  retryMinMs: number;
  retryMaxMs: number;
}

export const ACCESS_RECORDER_SETTINGS: AccessRecorderSettings = {
  enabled: true,
  flushIntervalMs: 50,
  batchSize: 500,
  maxBuffered: 20_000,
  maxWaitMs: 5_000,
  retryMinMs: 100,
  retryMaxMs: 5_000,
};

/**
 * Records reads without making them wait for the store: `record` puts the entry in a buffer
 * and returns; the buffer is appended every `flushIntervalMs` (or at `batchSize` entries),
 * grouped by day stream, with expectedRevision 'any' and fresh event ids (so the store's group
 * commit takes many reads per transaction).
 *
 * Losing a record is not acceptable, so:
 * - a failed append keeps its entries at the head of the buffer and is retried with a
 *   doubling delay (retryMinMs..retryMaxMs);
 * - while the buffer holds `maxBuffered` entries, a read waits for room; after `maxWaitMs` it
 *   fails with 503 (fail closed): a read that cannot be recorded is not served;
 * - on shutdown (before the event store closes) the buffer is flushed until empty, retrying;
 *   only if the store stays down through every retry are the entries lost, and the number is
 *   logged as an error.
 */
@Injectable()
export class AccessRecorder implements BeforeApplicationShutdown {
  private readonly logger = new Logger(AccessRecorder.name);
  private buffer: AccessEntry[] = [];
  private timer?: NodeJS.Timeout;
  private flushing?: Promise<void>;
  private retryDelayMs = 0;
  private waiting: (() => void)[] = [];
  /** Entries still being completed (recordWhenReady); flush waits for them. */
  private readonly completing = new Set<Promise<void>>();
  private settings: AccessRecorderSettings = ACCESS_RECORDER_SETTINGS;

  constructor(private readonly store: EventStore) {}

  configure(settings: Partial<AccessRecorderSettings>): void {
    this.settings = { ...this.settings, ...settings };
  }

  /** Entries not yet appended. */
  get pending(): number {
    return this.buffer.length;
  }

  async record(entry: AccessEntry): Promise<void> {
    if (!this.settings.enabled) return;
    if (this.buffer.length >= this.settings.maxBuffered) await this.roomInBuffer();
    this.buffer.push(entry);
    if (this.buffer.length >= this.settings.batchSize) this.schedule(0);
    else this.schedule(this.settings.flushIntervalMs);
  }

  /**
   * Records an entry that is still being completed (the force of what a refused read named is
   * looked up: src/access/refused-read-force.ts) without making the answer wait for it, so the
   * answer's timing does not depend on what the lookup finds. `flush`, and so shutdown, wait
   * for it like for a buffered entry.
   */
  recordWhenReady(entry: Promise<AccessEntry>): void {
    const completing: Promise<void> = entry
      .then((ready) => this.record(ready))
      .catch((error: unknown) => this.logger.error(`an access record could not be completed: ${String(error)}`))
      .finally(() => this.completing.delete(completing));
    this.completing.add(completing);
  }

  /** Appends everything buffered now; resolves once it is in the store (or throws). */
  async flush(): Promise<void> {
    while (this.completing.size > 0) await Promise.all([...this.completing]);
    while (this.flushing) await this.flushing;
    if (this.buffer.length === 0) return;
    this.flushing = this.appendBatch().finally(() => (this.flushing = undefined));
    await this.flushing;
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    let delay = this.settings.retryMinMs;
    for (let attempt = 1; this.buffer.length > 0 || this.completing.size > 0; attempt += 1) {
      try {
        await this.flush();
      } catch (error) {
        if (attempt >= 8) {
          this.logger.error(`${this.buffer.length} access records could not be written before shutdown: ${String(error)}`);
          return;
        }
        await sleep(delay);
        delay = Math.min(delay * 2, this.settings.retryMaxMs);
      }
    }
  }

  private schedule(delayMs: number): void {
    if (this.timer !== undefined) {
      if (delayMs > 0) return;
      clearTimeout(this.timer);
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flushInBackground();
    }, Math.max(delayMs, this.retryDelayMs));
  }

  private async flushInBackground(): Promise<void> {
    try {
      await this.flush();
      this.retryDelayMs = 0;
    } catch (error) {
      this.retryDelayMs = Math.min(Math.max(this.retryDelayMs * 2, this.settings.retryMinMs), this.settings.retryMaxMs);
      this.logger.warn(`appending ${this.buffer.length} access records failed, retrying in ${this.retryDelayMs} ms: ${String(error)}`);
    }
    if (this.buffer.length > 0) this.schedule(this.settings.flushIntervalMs);
  }

  private async appendBatch(): Promise<void> {
    const batch = this.buffer.splice(0, this.settings.batchSize);
    const byStream = new Map<string, AccessEntry[]>();
    for (const entry of batch) {
      const streamName = accessStreamName(entry.at);
      byStream.set(streamName, [...(byStream.get(streamName) ?? []), entry]);
    }
    const appended = new Set<string>();
    try {
      for (const [streamName, entries] of byStream) {
        const events = entries.map((entry) => ({ eventId: randomUUID(), type: accessEventType(entry), data: accessEventData(entry), metadata: metadataOf(entry) }));
        await this.store.appendToStream(streamName, events, { expectedRevision: 'any' });
        appended.add(streamName);
      }
    } catch (error) {
      // What was not appended goes back to the head of the buffer, in order.
      this.buffer = [...batch.filter((entry) => !appended.has(accessStreamName(entry.at))), ...this.buffer];
      throw error;
    }
    this.releaseWaiting();
  }

  private releaseWaiting(): void {
    const room = this.settings.maxBuffered - this.buffer.length;
    for (const release of this.waiting.splice(0, Math.max(room, 0))) release();
  }

  private roomInBuffer(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const timeout = setTimeout(() => {
        this.waiting = this.waiting.filter((waiter) => waiter !== release);
        reject(problem(503, 'internal-error', 'Reads cannot be recorded at the moment, so none is served; try again shortly.', { headers: { 'Retry-After': '5' } }));
      }, this.settings.maxWaitMs);
      const release = (): void => {
        clearTimeout(timeout);
        resolve();
      };
      this.waiting.push(release);
    });
  }
}

function metadataOf(entry: AccessEntry): EventToAppend['metadata'] {
  return {
    actor: { userId: entry.userId, roles: [...entry.roles], force: entry.readerForce },
    occurredAt: entry.at,
    schemaVersion: ACCESS_SCHEMA_VERSION,
  };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
