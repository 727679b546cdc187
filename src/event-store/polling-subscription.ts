import type { ReadAllPage, Subscription, SubscriptionHandlers } from './event-store';
import { GlobalPosition, isAfter } from './position';

export interface PollingSubscriptionOptions {
  read(after: GlobalPosition, maxCount: number): Promise<ReadAllPage>;
  /** Resolves when new events may have been appended, or after the timeout. */
  waitForAppend(timeoutMs: number, signal: AbortSignal): Promise<void>;
  after: GlobalPosition;
  batchSize: number;
  pollIntervalMs: number;
  handlers: SubscriptionHandlers;
}

/**
 * A catch-up subscription over a store whose reads never skip (see the PostgreSQL engine's
 * append lock): read pages after the checkpoint, hand each to the handler and wait for it,
 * then, once caught up, wait for a notification and read again. Every event is delivered
 * exactly once and in order, because the checkpoint only moves past what was delivered or
 * scanned in one snapshot.
 */
export function pollingSubscription(options: PollingSubscriptionOptions): Subscription {
  const abort = new AbortController();
  const { handlers } = options;

  const run = async (): Promise<void> => {
    let checkpoint = options.after;
    let caughtUp = false;
    let next: Promise<ReadAllPage> | undefined;
    while (!abort.signal.aborted) {
      const page = await (next ?? options.read(checkpoint, options.batchSize));
      next = undefined;
      if (abort.signal.aborted) return;
      const full = page.events.length >= options.batchSize;
      if (full) {
        // Read ahead: the next page is read while the handler applies this one. Reads are by
        // position and never skip, so reading before the handler has committed is safe.
        next = options.read(page.scannedTo, options.batchSize);
        next.catch(() => undefined); // awaited on the next turn; do not report it twice
      }
      if (page.events.length > 0) {
        await handlers.onEvents(page.events);
        checkpoint = page.events[page.events.length - 1].position;
      }
      if (isAfter(page.scannedTo, checkpoint)) {
        checkpoint = page.scannedTo;
        if (handlers.onCheckpoint) await handlers.onCheckpoint(checkpoint);
      }
      if (!full) {
        if (!caughtUp) {
          caughtUp = true;
          handlers.onCaughtUp?.();
        }
        await options.waitForAppend(options.pollIntervalMs, abort.signal);
      }
    }
  };

  const done = run().catch((error: unknown) => {
    if (abort.signal.aborted) return;
    abort.abort();
    // Never swallowed: without an onError the subscription's `done` rejects with it.
    if (!handlers.onError) throw error;
    handlers.onError(error);
  });

  return {
    done,
    async stop() {
      abort.abort();
      await done;
    },
  };
}
