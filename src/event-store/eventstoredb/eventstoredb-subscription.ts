import type { AllStreamResolvedEvent } from '@eventstore/db-client';
import type { ReadFilter, RecordedEvent, Subscription, SubscriptionHandlers } from '../event-store';
import { GlobalPosition, isAfter } from '../position';
import type { CatchUpSubscriptionLike } from './eventstoredb-client';
import { isRetryableSubscriptionError, keepsEvent, requirePosition, storedData, toRecordedEvent } from './eventstoredb-mapping';

/**
 * A catch-up subscription to $all over EventStoreDB's own, with what our port promises on
 * top: batches handed over in order and awaited (the stream is paused while the handler
 * runs), checkpoints reported only once every event before them was delivered, and a new
 * subscription from the last delivered position or checkpoint after any drop, with a
 * bounded backoff. A handler's error ends the subscription and goes to `onError`.
 */

export interface RetryPolicy {
  /** First wait after a drop; doubles on each consecutive failure. */
  initialDelayMs: number;
  maxDelayMs: number;
  /** Consecutive failed attempts (no event or checkpoint in between) before giving up. */
  maxAttempts: number;
}

export const DEFAULT_RETRY: RetryPolicy = { initialDelayMs: 100, maxDelayMs: 5_000, maxAttempts: 10 };

export interface CatchUpOptions {
  /** Opens EventStoreDB's subscription after `from`, reporting its checkpoints to `checkpointReached`. */
  subscribe(from: GlobalPosition, checkpointReached: (position: GlobalPosition) => Promise<void>): CatchUpSubscriptionLike;
  /** For servers that never say they caught up: caught up once the scan passes this. */
  headPosition(): Promise<GlobalPosition>;
  after: GlobalPosition;
  filter?: ReadFilter;
  batchSize: number;
  handlers: SubscriptionHandlers;
  retry: RetryPolicy;
}

export function catchUpSubscription(options: CatchUpOptions): Subscription {
  const { handlers, filter } = options;
  const batchSize = Math.max(1, options.batchSize);
  let stopping = false;
  let feed: SubscriptionFeed | undefined;
  let wakeFromBackoff: (() => void) | undefined;
  /** Everything up to here was delivered or filtered out: where a new subscription starts. */
  let checkpoint = options.after;
  let caughtUp = false;
  let caughtUpAt: GlobalPosition | undefined;

  const noteCaughtUp = (): void => {
    if (caughtUp) return;
    caughtUp = true;
    handlers.onCaughtUp?.();
  };

  const checkCaughtUp = (): void => {
    if (caughtUpAt && !isAfter(caughtUpAt, checkpoint)) noteCaughtUp();
  };

  const deliver = async (resolvedEvents: AllStreamResolvedEvent[]): Promise<void> => {
    const batch: RecordedEvent[] = [];
    let scanned = checkpoint;
    for (const resolved of resolvedEvents) {
      const event = resolved.event;
      if (!event) continue;
      const position = requirePosition(event.position, 'an event from a subscription to $all');
      // The server may start at the event AT the position it was given, and a new
      // subscription after a drop starts at the last one delivered: never deliver twice.
      if (!isAfter(position, scanned)) continue;
      scanned = position;
      if (keepsEvent(filter, event.streamId, event.type, () => storedData(event))) batch.push(toRecordedEvent(event, position));
    }
    if (batch.length > 0) {
      if (stopping) return;
      await handlers.onEvents(batch);
      checkpoint = batch[batch.length - 1].position;
    }
    // The batch ended with events this side filtered out: the scan moved past them.
    if (isAfter(scanned, checkpoint)) await reportCheckpoint(scanned);
  };

  const reportCheckpoint = async (position: GlobalPosition): Promise<void> => {
    if (!isAfter(position, checkpoint) || stopping) return;
    checkpoint = position;
    if (handlers.onCheckpoint) await handlers.onCheckpoint(position);
  };

  const run = async (): Promise<void> => {
    let failures = 0;
    while (!stopping) {
      if (!caughtUp && caughtUpAt === undefined) {
        caughtUpAt = await attempt(() => options.headPosition());
        if (caughtUpAt === undefined) continue;
        checkCaughtUp();
      }
      // No await between this check and `feed = current`: stop() always finds the feed to close.
      if (stopping) return;
      const current = new SubscriptionFeed((reached) => options.subscribe(checkpoint, reached), batchSize);
      feed = current;
      let ended: { error: unknown };
      try {
        for (;;) {
          const item = await current.next();
          if (stopping) return;
          if (item.kind === 'ended') {
            ended = { error: item.error ?? new Error('EventStoreDB ended the subscription') };
            break;
          }
          failures = 0;
          if (item.kind === 'events') await deliver(item.events);
          else if (item.kind === 'checkpoint') await reportCheckpoint(item.position);
          else noteCaughtUp();
          checkCaughtUp();
        }
      } finally {
        await current.close();
      }
      if (stopping) return;
      failures += 1;
      if (!isRetryableSubscriptionError(ended.error) || failures > options.retry.maxAttempts) throw ended.error;
      await backoff(failures);
    }

    // A failed look-up of the head counts as a failed attempt, like a dropped subscription.
    async function attempt<T>(work: () => Promise<T>): Promise<T | undefined> {
      try {
        return await work();
      } catch (error) {
        failures += 1;
        if (!isRetryableSubscriptionError(error) || failures > options.retry.maxAttempts) throw error;
        await backoff(failures);
        return undefined;
      }
    }
  };

  const backoff = (failures: number): Promise<void> => {
    const delay = Math.min(options.retry.maxDelayMs, options.retry.initialDelayMs * 2 ** (failures - 1));
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, delay);
      wakeFromBackoff = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  };

  const done = run().then(
    () => undefined,
    (error: unknown) => {
      if (stopping) return;
      stopping = true;
      handlers.onError?.(error);
    },
  );

  return {
    done,
    async stop() {
      stopping = true;
      wakeFromBackoff?.();
      await feed?.close();
      await done;
    },
  };
}

type FeedItem =
  | { kind: 'events'; events: AllStreamResolvedEvent[] }
  | { kind: 'checkpoint'; position: GlobalPosition }
  | { kind: 'caughtUp' }
  | { kind: 'ended'; error?: unknown };

/** A checkpoint or caught-up notice, due once the consumer has taken `fence` events. */
interface Marker {
  fence: number;
  item: { kind: 'checkpoint'; position: GlobalPosition } | { kind: 'caughtUp' };
  release(): void;
}

/**
 * One EventStoreDB subscription, turned into an ordered feed of event batches and markers.
 *
 * The client emits events through a Node stream buffer but calls `checkpointReached` (and
 * emits 'caughtUp') as soon as it parses them, possibly while earlier events still sit in
 * that buffer. So each marker records how many events had arrived or were buffered at that
 * moment (its fence) and is handed out only after the consumer has taken that many: a
 * checkpoint is never reported ahead of an event before it. `checkpointReached` waits for
 * its marker to be taken, which also holds the client back while we are behind.
 */
class SubscriptionFeed {
  private readonly stream: CatchUpSubscriptionLike;
  private readonly queue: AllStreamResolvedEvent[] = [];
  private readonly markers: Marker[] = [];
  private received = 0;
  private taken = 0;
  private paused = false;
  private ended: { error?: unknown } | undefined;
  private closing: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(
    subscribe: (checkpointReached: (position: GlobalPosition) => Promise<void>) => CatchUpSubscriptionLike,
    private readonly batchSize: number,
  ) {
    // A checkpoint reached before `subscribe` has even returned waits for that (a microtask):
    // its fence needs the stream.
    this.stream = subscribe(async (position) => {
      await Promise.resolve();
      await new Promise<void>((release) => this.mark({ kind: 'checkpoint', position }, release));
    });
    this.stream.on('data', (resolved) => {
      this.queue.push(resolved);
      this.received += 1;
      if (!this.paused && this.queue.length >= 2 * this.batchSize) {
        this.paused = true;
        this.stream.pause();
      }
      this.notify();
    });
    this.stream.on('caughtUp', () => this.mark({ kind: 'caughtUp' }, () => undefined));
    this.stream.on('error', (error) => this.end(error));
    this.stream.on('end', () => this.end());
    this.stream.on('close', () => this.end());
  }

  async next(): Promise<FeedItem> {
    for (;;) {
      const marker = this.markers[0];
      if (marker && this.taken >= marker.fence) {
        this.markers.shift();
        marker.release();
        return marker.item;
      }
      if (this.queue.length > 0) {
        // A batch stops at the next marker's fence, so the marker follows its own events.
        const room = marker ? marker.fence - this.taken : this.batchSize;
        const events = this.queue.splice(0, Math.min(this.batchSize, room));
        this.taken += events.length;
        if (this.paused && this.queue.length < this.batchSize) {
          this.paused = false;
          this.stream.resume();
        }
        return { kind: 'events', events };
      }
      if (this.ended) {
        this.releaseMarkers();
        return { kind: 'ended', error: this.ended.error };
      }
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  /** Unsubscribes (once); the feed then ends. A failure to unsubscribe ends it too. */
  close(): Promise<void> {
    this.closing ??= this.stream.unsubscribe().then(
      () => this.end(),
      (error: unknown) => this.end(error),
    );
    return this.closing;
  }

  private mark(item: Marker['item'], release: () => void): void {
    if (this.ended) {
      release();
      return;
    }
    this.markers.push({ fence: this.received + this.stream.readableLength, item, release });
    this.notify();
  }

  private end(error?: unknown): void {
    if (this.ended) return;
    this.ended = error === undefined ? {} : { error };
    // Markers not yet due will never be: a new subscription starts from what was delivered.
    this.releaseMarkers();
    this.notify();
  }

  private releaseMarkers(): void {
    for (const marker of this.markers.splice(0)) marker.release();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
