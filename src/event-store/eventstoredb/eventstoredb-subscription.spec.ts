import { Transform, TransformCallback } from 'node:stream';
import { AccessDeniedError, AllStreamResolvedEvent, Position, UnavailableError } from '@eventstore/db-client';
import type { RecordedEvent, SubscriptionHandlers } from '../event-store';
import { GlobalPosition, positionOf, START } from '../position';
import type { CatchUpSubscriptionLike } from './eventstoredb-client';
import { catchUpSubscription, CatchUpOptions } from './eventstoredb-subscription';

/**
 * The catch-up subscription against a stand-in for the client's Subscription: a Node
 * Transform that, like the client's, pushes events through its buffer and awaits
 * `checkpointReached` as soon as it parses a checkpoint.
 */

type ServerMessage = { event: AllStreamResolvedEvent } | { checkpoint: Position } | { caughtUp: true };

class FakeSubscription extends Transform implements CatchUpSubscriptionLike {
  unsubscribed = false;
  pauses = 0;

  constructor(private readonly checkpointReached: (position: GlobalPosition) => Promise<void>) {
    super({ objectMode: true });
  }

  override _transform(message: ServerMessage, _encoding: BufferEncoding, next: TransformCallback): void {
    if ('caughtUp' in message) this.emit('caughtUp');
    if ('checkpoint' in message) {
      this.checkpointReached(message.checkpoint).then(() => next(), next);
      return;
    }
    if ('event' in message) {
      next(null, message.event);
      return;
    }
    next();
  }

  override pause(): this {
    this.pauses += 1;
    return super.pause();
  }

  async unsubscribe(): Promise<void> {
    this.unsubscribed = true;
    this.destroy();
  }

  send(...messages: ServerMessage[]): void {
    for (const message of messages) this.write(message);
  }
}

function event(at: number, type = 'Happened', streamId = 'case-1'): { event: AllStreamResolvedEvent } {
  return {
    event: {
      event: {
        streamId,
        id: `00000000-0000-4000-8000-${String(at).padStart(12, '0')}`,
        revision: BigInt(at),
        type,
        isJson: true,
        created: new Date(0),
        data: { at },
        metadata: {},
        position: { commit: BigInt(at), prepare: BigInt(at) },
      },
      commitPosition: BigInt(at),
    },
  };
}

const checkpoint = (at: number): { checkpoint: Position } => ({ checkpoint: { commit: BigInt(at), prepare: BigInt(at) } });
const at = (events: RecordedEvent[]): number[] => events.map((e) => Number(e.position.commit));
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(2);
  }
}

/** A harness: every subscribe opens a FakeSubscription and remembers where it started. */
function harness(overrides: Partial<CatchUpOptions> & { handlers: SubscriptionHandlers }) {
  const opened: { from: GlobalPosition; stream: FakeSubscription }[] = [];
  const options: CatchUpOptions = {
    subscribe: (from, checkpointReached) => {
      const stream = new FakeSubscription(checkpointReached);
      opened.push({ from, stream });
      return stream;
    },
    headPosition: async () => positionOf(1_000_000n),
    after: START,
    batchSize: 10,
    retry: { initialDelayMs: 1, maxDelayMs: 5, maxAttempts: 3 },
    ...overrides,
  };
  const subscription = catchUpSubscription(options);
  const current = (): FakeSubscription => opened[opened.length - 1].stream;
  const started = (): Promise<void> => waitFor(() => opened.length > 0);
  return { subscription, opened, current, started };
}

describe('EventStoreDB catch-up subscription', () => {
  it('hands over batches in order, one at a time, each awaited before the next', async () => {
    const delivered: RecordedEvent[] = [];
    const sizes: number[] = [];
    let running = 0;
    let overlapped = false;
    const { subscription, current, started } = harness({
      batchSize: 10,
      handlers: {
        onEvents: async (events) => {
          running += 1;
          overlapped ||= running > 1;
          sizes.push(events.length);
          await sleep(3);
          delivered.push(...events);
          running -= 1;
        },
      },
    });
    await started();
    current().send(...Array.from({ length: 25 }, (_, n) => event(n + 1)));
    await waitFor(() => delivered.length === 25);
    await subscription.stop();
    expect(at(delivered)).toEqual(Array.from({ length: 25 }, (_, n) => n + 1));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(10);
    expect(overlapped).toBe(false);
  });

  it('pauses the stream while the handler is behind, and resumes it', async () => {
    const delivered: RecordedEvent[] = [];
    const { subscription, current, started } = harness({
      batchSize: 2,
      handlers: {
        onEvents: async (events) => {
          await sleep(2);
          delivered.push(...events);
        },
      },
    });
    await started();
    current().send(...Array.from({ length: 40 }, (_, n) => event(n + 1)));
    await waitFor(() => delivered.length === 40);
    await subscription.stop();
    expect(current().pauses).toBeGreaterThan(0);
    expect(at(delivered)).toEqual(Array.from({ length: 40 }, (_, n) => n + 1));
  });

  it('reports a checkpoint only after every event before it was delivered, and never a stale one', async () => {
    const log: string[] = [];
    const { subscription, current, started } = harness({
      batchSize: 1,
      handlers: {
        onEvents: async (events) => {
          await sleep(5);
          log.push(`events ${at(events).join(',')}`);
        },
        onCheckpoint: async (position) => {
          log.push(`checkpoint ${position.commit}`);
        },
      },
    });
    await started();
    // While the slow handler holds the first event, the rest wait in the stream's buffer
    // when the checkpoint arrives: it must still come out after event 30.
    current().send(event(10), event(20), event(30), checkpoint(35), event(40), checkpoint(40), checkpoint(38));
    await waitFor(() => log.includes('events 40'));
    await sleep(10);
    await subscription.stop();
    expect(log).toEqual(['events 10', 'events 20', 'events 30', 'checkpoint 35', 'events 40']);
  });

  it('skips the event at the start position, for servers whose start is inclusive', async () => {
    const delivered: RecordedEvent[] = [];
    const { subscription, current, opened, started } = harness({
      after: positionOf(20n),
      handlers: { onEvents: async (events) => void delivered.push(...events) },
    });
    await started();
    current().send(event(20), event(30));
    await waitFor(() => delivered.length >= 1);
    await subscription.stop();
    expect(opened[0].from).toEqual(positionOf(20n));
    expect(at(delivered)).toEqual([30]);
  });

  it('after a drop subscribes again from the last delivered event, delivering nothing twice', async () => {
    const delivered: RecordedEvent[] = [];
    const errors: unknown[] = [];
    const { subscription, current, opened } = harness({
      handlers: { onEvents: async (events) => void delivered.push(...events), onError: (error) => errors.push(error) },
    });
    await waitFor(() => opened.length === 1);
    current().send(event(10), event(20));
    await waitFor(() => delivered.length === 2);
    current().destroy(new UnavailableError());
    await waitFor(() => opened.length === 2);
    // An inclusive server repeats the event at the start.
    current().send(event(20), event(30));
    await waitFor(() => delivered.length === 3);
    await subscription.stop();
    expect(opened.map((o) => o.from)).toEqual([START, positionOf(20n)]);
    expect(at(delivered)).toEqual([10, 20, 30]);
    expect(errors).toEqual([]);
  });

  it('after a drop resumes from the last checkpoint when it lies past the last event', async () => {
    const delivered: RecordedEvent[] = [];
    const checkpoints: GlobalPosition[] = [];
    const { subscription, current, opened } = harness({
      handlers: {
        onEvents: async (events) => void delivered.push(...events),
        onCheckpoint: async (position) => void checkpoints.push(position),
      },
    });
    await waitFor(() => opened.length === 1);
    current().send(event(10), checkpoint(50));
    await waitFor(() => checkpoints.length === 1);
    current().end();
    await waitFor(() => opened.length === 2);
    await subscription.stop();
    expect(opened[1].from).toEqual(positionOf(50n));
    expect(opened[0].stream.unsubscribed).toBe(true);
  });

  it('advances the checkpoint over events filtered out on this side, system events included', async () => {
    const delivered: RecordedEvent[] = [];
    const checkpoints: GlobalPosition[] = [];
    const { subscription, current, started } = harness({
      filter: { eventTypes: ['Wanted'] },
      handlers: {
        onEvents: async (events) => void delivered.push(...events),
        onCheckpoint: async (position) => void checkpoints.push(position),
      },
    });
    await started();
    current().send(event(10, 'Wanted'), event(20, 'Other'), event(30, '$statsCollected', '$stats-node'));
    await waitFor(() => checkpoints.length > 0 && checkpoints[checkpoints.length - 1].commit === 30n);
    current().send(event(40, 'Wanted', '$ledger'));
    await waitFor(() => delivered.length === 2);
    await subscription.stop();
    expect(delivered.map((e) => `${e.streamName}:${e.type}`)).toEqual(['case-1:Wanted', '$ledger:Wanted']);
  });

  it('ends on a handler error, reports that very error, and does not subscribe again', async () => {
    const failure = new Error('projection broke');
    let reported: unknown;
    const { subscription, current, opened, started } = harness({
      handlers: {
        onEvents: async () => {
          throw failure;
        },
        onError: (error) => (reported = error),
      },
    });
    await started();
    current().send(event(10));
    await subscription.done;
    expect(reported).toBe(failure);
    expect(opened).toHaveLength(1);
    expect(opened[0].stream.unsubscribed).toBe(true);
  });

  it('reports a permanent error (access denied) instead of retrying', async () => {
    let reported: unknown;
    const { subscription, current, opened, started } = harness({
      handlers: { onEvents: async () => undefined, onError: (error) => (reported = error) },
    });
    await started();
    const denied = new AccessDeniedError();
    current().destroy(denied);
    await subscription.done;
    expect(reported).toBe(denied);
    expect(opened).toHaveLength(1);
  });

  it('gives up after the configured number of consecutive failed attempts', async () => {
    let reported: unknown;
    const failures: UnavailableError[] = [];
    const opened: FakeSubscription[] = [];
    const subscription = catchUpSubscription({
      subscribe: (_from, checkpointReached) => {
        const stream = new FakeSubscription(checkpointReached);
        opened.push(stream);
        const failure = new UnavailableError();
        failures.push(failure);
        setImmediate(() => stream.destroy(failure));
        return stream;
      },
      headPosition: async () => START,
      after: START,
      batchSize: 10,
      retry: { initialDelayMs: 1, maxDelayMs: 2, maxAttempts: 3 },
      handlers: { onEvents: async () => undefined, onError: (error) => (reported = error) },
    });
    await subscription.done;
    expect(opened).toHaveLength(4);
    expect(reported).toBe(failures[3]);
  });

  it('stop() unsubscribes, waits for a running handler, and calls no handler afterwards', async () => {
    const delivered: RecordedEvent[] = [];
    let release: () => void = () => undefined;
    const { subscription, current, started } = harness({
      batchSize: 1,
      handlers: {
        onEvents: async (events) => {
          delivered.push(...events);
          await new Promise<void>((resolve) => (release = resolve));
        },
      },
    });
    await started();
    current().send(event(10), event(20), event(30));
    await waitFor(() => delivered.length === 1);
    const stopped = subscription.stop();
    release();
    await stopped;
    expect(current().unsubscribed).toBe(true);
    expect(at(delivered)).toEqual([10]);
  });

  it('stop() before the subscription opened (still looking up the head) opens none and ends', async () => {
    let answer: (position: GlobalPosition) => void = () => undefined;
    const { subscription, opened } = harness({
      headPosition: () => new Promise<GlobalPosition>((resolve) => (answer = resolve)),
      handlers: { onEvents: async () => undefined },
    });
    const stopped = subscription.stop();
    answer(START);
    await stopped;
    expect(opened).toHaveLength(0);
  });

  it('calls onCaughtUp once, when the server says so', async () => {
    let caughtUp = 0;
    const { subscription, current, started } = harness({
      handlers: { onEvents: async () => undefined, onCaughtUp: () => (caughtUp += 1) },
    });
    await started();
    current().send(event(10), { caughtUp: true }, event(20), { caughtUp: true });
    await waitFor(() => caughtUp > 0);
    await sleep(10);
    await subscription.stop();
    expect(caughtUp).toBe(1);
  });

  it('calls onCaughtUp once the scan reaches the head, for servers that never say so', async () => {
    let caughtUp = 0;
    const { subscription, current, started } = harness({
      headPosition: async () => positionOf(20n),
      handlers: { onEvents: async () => undefined, onCaughtUp: () => (caughtUp += 1) },
    });
    await started();
    current().send(event(10));
    await sleep(10);
    expect(caughtUp).toBe(0);
    current().send(event(20));
    await waitFor(() => caughtUp === 1);
    await subscription.stop();
  });
});
