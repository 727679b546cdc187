import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InvalidAppendError } from '../event-store/errors';
import { EventStore } from '../event-store/event-store';
import type { EventToAppend } from '../event-store/event-store';
import { findUnstorableJson } from '../http/json-safety';
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
 *
 * An entry that can never be stored (text PostgreSQL refuses, found before it is buffered, or
 * an append refused for its data) would otherwise be retried for ever at the head of the
 * buffer, holding up every record behind it (issue 11 item 12). It is set aside instead, in
 * the recorder's dead letter (this process's memory; logged without its text), /health reports
 * it, and the read it belongs to is not served.
 *
 * A read that is granted waits for its own record to be in the store (`recordDurably`): a
 * process killed outright (SIGKILL, the machine lost) must not have served a read whose record
 * was still in its memory. Such entries are appended at once, not after `flushIntervalMs`, and
 * reads arriving while an append is under way go together in the next one (group commit), so
 * a read waits for about one append. Refusals are recorded in the background as before.
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
  /** Set aside: the report, and the entry itself kept in memory for whoever investigates (never reported). */
  private readonly deadLetters: { letter: DeadLetter; entry: AccessEntry }[] = [];
  /** Granted reads waiting for their entry to be in the store (recordDurably). */
  private readonly waitingForAppend = new Map<AccessEntry, { resolve: () => void; reject: (error: unknown) => void }>();

  constructor(private readonly store: EventStore) {}

  configure(settings: Partial<AccessRecorderSettings>): void {
    this.settings = { ...this.settings, ...settings };
  }

  /** Entries not yet appended. */
  get pending(): number {
    return this.buffer.length;
  }

  /** Entries set aside because they cannot be stored: how many, and the latest (without its text). */
  get deadLetterReport(): { count: number; latest?: DeadLetter } {
    return { count: this.deadLetters.length, latest: this.deadLetters.at(-1)?.letter };
  }

  async record(entry: AccessEntry): Promise<void> {
    if (!this.settings.enabled) return;
    const unstorable = findUnstorableJson({ data: accessEventData(entry), metadata: metadataOf(entry) });
    if (unstorable !== undefined) {
      this.setAside(entry, `${unstorable.field}: ${unstorable.message}`);
      throw problem(500, 'internal-error', 'This read cannot be recorded, so it is not served.');
    }
    if (this.buffer.length >= this.settings.maxBuffered) await this.roomInBuffer();
    this.buffer.push(entry);
    if (this.buffer.length >= this.settings.batchSize) this.schedule(0);
    else this.schedule(this.settings.flushIntervalMs);
  }

  /**
   * Records a read that is being served: resolves once its entry is in the store. After
   * `maxWaitMs` without that (the store down), the read fails closed with a 503; its entry
   * stays buffered and is written later, so a record may exist for a read not served, never
   * the other way round.
   */
  async recordDurably(entry: AccessEntry): Promise<void> {
    if (!this.settings.enabled) return;
    const written = new Promise<void>((resolve, reject) => this.waitingForAppend.set(entry, { resolve, reject }));
    written.catch(() => undefined);
    try {
      await this.record(entry);
    } catch (error) {
      this.waitingForAppend.delete(entry);
      throw error;
    }
    this.schedule(0);
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        written,
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () =>
              reject(
                problem(503, 'internal-error', 'Reads cannot be recorded at the moment, so none is served; try again shortly.', {
                  headers: { 'Retry-After': '5' },
                }),
              ),
            this.settings.maxWaitMs,
          );
        }),
      ]);
    } finally {
      clearTimeout(timer);
      this.waitingForAppend.delete(entry);
    }
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
          for (const entry of this.buffer) this.waitingForAppend.get(entry)?.reject(error);
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
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        void this.flushInBackground();
      },
      Math.max(delayMs, this.retryDelayMs),
    );
  }

  private async flushInBackground(): Promise<void> {
    try {
      await this.flush();
      this.retryDelayMs = 0;
    } catch (error) {
      this.retryDelayMs = Math.min(Math.max(this.retryDelayMs * 2, this.settings.retryMinMs), this.settings.retryMaxMs);
      this.logger.warn(`appending ${this.buffer.length} access records failed, retrying in ${this.retryDelayMs} ms: ${String(error)}`);
    }
    if (this.buffer.length > 0) this.schedule(this.buffer.some((entry) => this.waitingForAppend.has(entry)) ? 0 : this.settings.flushIntervalMs);
  }

  private async appendBatch(): Promise<void> {
    const batch = this.buffer.splice(0, this.settings.batchSize);
    const byStream = new Map<string, AccessEntry[]>();
    for (const entry of batch) {
      const streamName = accessStreamName(entry.at);
      byStream.set(streamName, [...(byStream.get(streamName) ?? []), entry]);
    }
    const done = new Set<AccessEntry>();
    try {
      for (const [streamName, entries] of byStream) await this.appendOrIsolate(streamName, entries, done);
    } catch (error) {
      // What was not appended (nor set aside) goes back to the head of the buffer, in order.
      this.buffer = [...batch.filter((entry) => !done.has(entry)), ...this.buffer];
      throw error;
    }
    this.releaseWaiting();
  }

  /**
   * Appends the entries in one go; if the store refuses them for their data, appends them one
   * by one, so that only the entry it cannot store is set aside. Any other failure is thrown
   * (and retried later).
   */
  private async appendOrIsolate(streamName: string, entries: AccessEntry[], done: Set<AccessEntry>): Promise<void> {
    try {
      await this.append(streamName, entries);
      entries.forEach((entry) => done.add(entry));
      return;
    } catch (error) {
      if (!isRefusedForItsData(error)) throw error;
    }
    for (const entry of entries) {
      try {
        await this.append(streamName, [entry]);
      } catch (error) {
        if (!isRefusedForItsData(error)) throw error;
        this.setAside(entry, String(error));
      }
      done.add(entry);
    }
  }

  private async append(streamName: string, entries: AccessEntry[]): Promise<void> {
    const events = entries.map((entry) => ({ eventId: randomUUID(), type: accessEventType(entry), data: accessEventData(entry), metadata: metadataOf(entry) }));
    await this.store.appendToStream(streamName, events, { expectedRevision: 'any' });
    for (const entry of entries) this.waitingForAppend.get(entry)?.resolve();
  }

  private setAside(entry: AccessEntry, reason: string): void {
    const letter: DeadLetter = { at: entry.at, kind: entry.kind, subjectId: entry.subjectId, reason: reason.slice(0, 200) };
    this.deadLetters.push({ letter, entry });
    this.waitingForAppend.get(entry)?.reject(problem(500, 'internal-error', 'This read cannot be recorded, so it is not served.'));
    // The entry's text (user, purpose) is not logged: it is personal, and it is what cannot be stored.
    this.logger.error(`an access record cannot be stored and was set aside (${this.deadLetters.length} so far): ${JSON.stringify(letter)}`);
  }

  private releaseWaiting(): void {
    const room = this.settings.maxBuffered - this.buffer.length;
    for (const release of this.waiting.splice(0, Math.max(room, 0))) release();
  }

  private roomInBuffer(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const timeout = setTimeout(() => {
        this.waiting = this.waiting.filter((waiter) => waiter !== release);
        reject(
          problem(503, 'internal-error', 'Reads cannot be recorded at the moment, so none is served; try again shortly.', { headers: { 'Retry-After': '5' } }),
        );
      }, this.settings.maxWaitMs);
      const release = (): void => {
        clearTimeout(timeout);
        resolve();
      };
      this.waiting.push(release);
    });
  }
}

/** An entry set aside: when and what was read, and why it cannot be stored. */
export interface DeadLetter {
  at: string;
  kind: AccessEntry['kind'];
  /** A case or person id; the reader and the purpose are left out of reports and logs. */
  subjectId: string;
  reason: string;
}

/**
 * The store refused the append for what it holds (PostgreSQL SQLSTATE class 22, data
 * exception: e.g. 22P05, a NUL in jsonb), not because it is unreachable: retrying the same
 * entry can never succeed.
 */
function isRefusedForItsData(error: unknown): boolean {
  if (error instanceof InvalidAppendError) return true;
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  return code.startsWith('22');
}

function metadataOf(entry: AccessEntry): EventToAppend['metadata'] {
  return {
    actor: { userId: entry.userId, roles: [...entry.roles], force: entry.readerForce },
    occurredAt: entry.at,
    schemaVersion: ACCESS_SCHEMA_VERSION,
  };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
