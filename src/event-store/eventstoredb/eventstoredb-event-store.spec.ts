import { randomUUID } from 'node:crypto';
import { Transform, TransformCallback } from 'node:stream';
import {
  AllStreamResolvedEvent,
  AllStreamSubscription,
  AppendResult as ClientAppendResult,
  AppendToStreamOptions,
  ANY,
  BACKWARDS,
  EventData,
  Filter,
  MaxAppendSizeExceededError,
  NO_STREAM,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  ResolvedEvent,
  STREAM_EXISTS,
  StreamNotFoundError,
  SubscribeToAllOptions,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { DuplicateEventIdError, InvalidAppendError, WrongExpectedRevisionError } from '../errors';
import type { EventToAppend, RecordedEvent } from '../event-store';
import { comparePositions, GlobalPosition, isAfter, START } from '../position';
import type { CatchUpSubscriptionLike, EventStoreDbClientLike } from './eventstoredb-client';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { UnsupportedServerError } from './eventstoredb-mapping';

/**
 * The engine against a hand-written stand-in for the client: an in-memory log that answers
 * the way EventStoreDB does (its commit check for expected revisions and idempotency,
 * inclusive reads of $all, positions as commit/prepare pairs, system events of its own), with
 * the client's own result shapes and error classes.
 */

interface StoredEvent {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  isJson: true;
  created: Date;
  data: Record<string, unknown>;
  metadata: Record<string, unknown> | undefined;
  position: Position;
}

type ServerMessage = { event: AllStreamResolvedEvent } | { checkpoint: Position } | { caughtUp: true };

class FakeSubscription extends Transform implements CatchUpSubscriptionLike {
  unsubscribed = false;

  constructor(private readonly serverFilter: Filter | undefined) {
    super({ objectMode: true });
  }

  override _transform(message: ServerMessage, _encoding: BufferEncoding, next: TransformCallback): void {
    if ('caughtUp' in message) this.emit('caughtUp');
    if ('checkpoint' in message) {
      Promise.resolve(this.serverFilter?.checkpointReached?.(this as unknown as AllStreamSubscription, message.checkpoint)).then(() => next(), next);
      return;
    }
    if ('event' in message) {
      next(null, message.event);
      return;
    }
    next();
  }

  async unsubscribe(): Promise<void> {
    this.unsubscribed = true;
    this.destroy();
  }
}

class FakeEventStoreDb implements EventStoreDbClientLike {
  readonly log: StoredEvent[] = [];
  readonly appendCalls: { streamName: string; options: AppendToStreamOptions }[] = [];
  readonly subscriptions: { options: SubscribeToAllOptions; stream: FakeSubscription }[] = [];
  /** The successor client has been seen returning number where bigint was declared. */
  numbersForBigInts = false;
  /** Servers before 22.6 send no position with stream reads (Position.End on the wire). */
  streamReadsWithoutPosition = false;
  /** The client with throwOnAppendFailure off reports a wrong version instead of throwing. */
  reportWrongVersion = false;
  failNextAppend: Error | undefined;
  disposed = false;
  private readonly streams = new Map<string, StoredEvent[]>();
  private nextLogPosition = 1_000n;

  async appendToStream(streamName: string, events: EventData[], options: AppendToStreamOptions): Promise<ClientAppendResult> {
    this.appendCalls.push({ streamName, options });
    if (this.failNextAppend) {
      const failure = this.failNextAppend;
      this.failNextAppend = undefined;
      throw failure;
    }
    const expected = options.expectedRevision ?? ANY;
    const stream = this.streams.get(streamName) ?? [];
    const current = BigInt(stream.length) - 1n;
    const wrongVersion = (): ClientAppendResult => {
      if (this.reportWrongVersion) return { success: false, nextExpectedRevision: current, position: undefined };
      throw new WrongExpectedVersionError(undefined, { streamName, expected, current: current < 0n ? NO_STREAM : current });
    };
    // EventStoreDB's commit check: ids at the expected place make an append idempotent; the
    // first id there and a later one not is "corrupted idempotency", a wrong version.
    if (expected === STREAM_EXISTS && current < 0n) return wrongVersion();
    if (expected === ANY || expected === STREAM_EXISTS) {
      const found = events.map((event) => stream.find((stored) => stored.id === event.id));
      if (found[0]) return found.every((stored) => stored) ? this.idempotent(found) : wrongVersion();
    } else {
      const expectedRevision = expected === NO_STREAM ? -1n : expected;
      if (expectedRevision > current) return wrongVersion();
      if (expectedRevision < current) {
        const found = events.map((event, index) => stream[Number(expectedRevision) + 1 + index]);
        if (found.every((stored, index) => stored?.id === events[index].id)) return this.idempotent(found);
        return wrongVersion();
      }
    }
    const commit = this.nextLogPosition;
    for (const event of events) this.record(streamName, event.type, event.data, event.metadata, event.id, commit);
    const last = stream.length === 0 ? this.streams.get(streamName)![events.length - 1] : this.streams.get(streamName)!.at(-1)!;
    return { success: true, nextExpectedRevision: this.bigint(last.revision), position: last.position };
  }

  /** An event EventStoreDB writes itself (statistics, projections, links...). */
  appendSystemEvent(streamName = '$stats-127.0.0.1:2113', type = '$statsCollected'): void {
    this.record(streamName, type, {}, undefined, randomUUID(), this.nextLogPosition);
  }

  readStream(streamName: string, options: ReadStreamOptions): AsyncIterable<ResolvedEvent> {
    const stream = this.streams.get(streamName);
    const backwards = options.direction === BACKWARDS;
    const maxCount = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
    const from = options.fromRevision;
    const resolve = (stored: StoredEvent): ResolvedEvent => ({ event: this.present(stored, !this.streamReadsWithoutPosition) });
    return (async function* () {
      if (!stream) throw new StreamNotFoundError(undefined, streamName);
      if (backwards) {
        const start = from === undefined || from === 'end' || from === 'start' ? stream.length - 1 : Number(from);
        for (let index = start; index >= 0 && start - index < maxCount; index -= 1) yield resolve(stream[index]);
      } else {
        const start = from === undefined || from === 'start' || from === 'end' ? 0 : Number(from);
        for (const stored of stream.slice(start, start + maxCount)) yield resolve(stored);
      }
    })();
  }

  readAll(options: ReadAllOptions): AsyncIterable<AllStreamResolvedEvent> {
    const from = options.fromPosition ?? 'start';
    const maxCount = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
    // Reads of $all include the event AT the position they start from.
    const selected =
      options.direction === BACKWARDS
        ? [...this.log].reverse().filter((stored) => from === 'end' || from === 'start' || !isAfter(this.ours(stored.position), this.ours(from)))
        : this.log.filter((stored) => from === 'start' || from === 'end' || !isAfter(this.ours(from), this.ours(stored.position)));
    const page = selected.slice(0, maxCount).map((stored) => ({ event: this.present(stored, true), commitPosition: stored.position.commit }));
    return (async function* () {
      yield* page;
    })();
  }

  subscribeToAll(options: SubscribeToAllOptions): CatchUpSubscriptionLike {
    const stream = new FakeSubscription(options.filter);
    this.subscriptions.push({ options, stream });
    const from = options.fromPosition ?? 'start';
    const catchUp = this.log.filter((stored) => from === 'start' || isAfter(this.ours(stored.position), this.ours(from as Position)));
    for (const stored of catchUp) if (this.passes(options.filter, stored)) stream.write({ event: this.resolved(stored) });
    const last = this.log.at(-1);
    if (options.filter && last) stream.write({ checkpoint: last.position });
    stream.write({ caughtUp: true });
    return stream;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
  }

  dropSubscriptions(): void {
    for (const { stream } of this.subscriptions) if (!stream.destroyed) stream.destroy(new UnavailableError());
  }

  private record(streamId: string, type: string, data: unknown, metadata: unknown, id: string, commit: bigint): void {
    const stream = this.streams.get(streamId) ?? [];
    this.streams.set(streamId, stream);
    const stored: StoredEvent = {
      streamId,
      id,
      revision: BigInt(stream.length),
      type,
      isJson: true,
      created: new Date(),
      // What the server keeps is the JSON text.
      data: JSON.parse(JSON.stringify(data)),
      metadata: metadata === undefined ? undefined : JSON.parse(JSON.stringify(metadata)),
      position: { commit, prepare: this.nextLogPosition },
    };
    this.nextLogPosition += 137n;
    stream.push(stored);
    this.log.push(stored);
    for (const { options, stream: live } of this.subscriptions) {
      if (!live.destroyed && this.passes(options.filter, stored)) live.write({ event: this.resolved(stored) });
    }
  }

  private idempotent(found: (StoredEvent | undefined)[]): ClientAppendResult {
    const last = found[found.length - 1]!;
    return { success: true, nextExpectedRevision: this.bigint(last.revision), position: last.position };
  }

  private passes(filter: Filter | undefined, stored: StoredEvent): boolean {
    if (!filter) return true;
    const subject = filter.filterOn === 'streamName' ? stored.streamId : stored.type;
    return 'prefixes' in filter ? filter.prefixes.some((prefix) => subject.startsWith(prefix)) : new RegExp(filter.regex).test(subject);
  }

  private resolved(stored: StoredEvent): AllStreamResolvedEvent {
    return { event: this.present(stored, true), commitPosition: stored.position.commit };
  }

  private present(stored: StoredEvent, withPosition: boolean): StoredEvent {
    const position = withPosition ? stored.position : { commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n };
    return {
      ...stored,
      revision: this.bigint(stored.revision),
      position: { commit: this.bigint(position.commit), prepare: this.bigint(position.prepare) },
    };
  }

  private bigint(value: bigint): bigint {
    return this.numbersForBigInts ? (Number(value) as unknown as bigint) : value;
  }

  private ours(position: Position): GlobalPosition {
    return { commit: BigInt(position.commit), prepare: BigInt(position.prepare) };
  }
}

const stream = (category = 'case'): string => `${category}-${randomUUID()}`;
const event = (type = 'Happened', data: Record<string, number | string> = { n: 1 }, eventId?: string): EventToAppend => ({
  eventId,
  type,
  data,
  metadata: { correlationId: 'c', causationId: 'c', schemaVersion: 1 },
});

async function failure(attempt: Promise<unknown>): Promise<unknown> {
  return attempt.then(
    () => {
      throw new Error('expected the attempt to fail');
    },
    (error: unknown) => error,
  );
}

async function waitFor(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

describe('EventStoreDB event store (against a stand-in for the client)', () => {
  let fake: FakeEventStoreDb;
  let store: EventStoreDbEventStore;

  beforeEach(() => {
    fake = new FakeEventStoreDb();
    store = new EventStoreDbEventStore(fake, { readPageSize: 3, retry: { initialDelayMs: 1, maxDelayMs: 2 } });
  });

  afterEach(() => store.close());

  describe('appending', () => {
    it('passes each expected revision to the client in its own terms', async () => {
      const name = stream();
      await store.appendToStream(name, [event()], { expectedRevision: 'no_stream' });
      await store.appendToStream(name, [event()], { expectedRevision: 'stream_exists' });
      await store.appendToStream(name, [event()], { expectedRevision: 'any' });
      await store.appendToStream(name, [event()], { expectedRevision: 2n });
      expect(fake.appendCalls.map((call) => call.options.expectedRevision)).toEqual([NO_STREAM, STREAM_EXISTS, ANY, 2n]);
    });

    it('returns each event’s revision and its own position in $all, read back after the append', async () => {
      const name = stream();
      await store.appendToStream(name, [event()], { expectedRevision: 'no_stream' });
      const result = await store.appendToStream(name, [event(), event(), event()], { expectedRevision: 0n });
      expect(result.nextExpectedRevision).toBe(3n);
      expect(result.events.map((e) => e.revision)).toEqual([1n, 2n, 3n]);
      // One append: one commit position, a prepare position per event.
      expect(new Set(result.events.map((e) => e.position.commit)).size).toBe(1);
      expect(isAfter(result.events[1].position, result.events[0].position)).toBe(true);
      expect(isAfter(result.events[2].position, result.events[1].position)).toBe(true);
      expect(result.position).toEqual(result.events[2].position);
      const all = await store.readAll({ filter: { streamNamePrefixes: [name] } });
      expect(all.events.slice(1).map((e) => e.position)).toEqual(result.events.map((e) => e.position));
    });

    it('coerces numbers where the client declared bigint', async () => {
      fake.numbersForBigInts = true;
      const name = stream();
      const result = await store.appendToStream(name, [event(), event()], { expectedRevision: 'no_stream' });
      expect(result.nextExpectedRevision).toBe(1n);
      expect(typeof result.events[0].position.commit).toBe('bigint');
      expect(typeof result.events[0].position.prepare).toBe('bigint');
      const [read] = await store.readStream(name);
      expect(read.revision).toBe(0n);
      expect(await store.streamRevision(name)).toBe(1n);
    });

    it('turns WrongExpectedVersionError into WrongExpectedRevisionError with the actual revision', async () => {
      const name = stream();
      await store.appendToStream(name, [event(), event(), event()], { expectedRevision: 'no_stream' });
      const stale = await failure(store.appendToStream(name, [event()], { expectedRevision: 1n }));
      expect(stale).toBeInstanceOf(WrongExpectedRevisionError);
      expect(stale).toMatchObject({ expected: 1n, actual: 2n });
      const ahead = await failure(store.appendToStream(name, [event()], { expectedRevision: 7n }));
      expect(ahead).toMatchObject({ actual: 2n });
      const exists = await failure(store.appendToStream(name, [event()], { expectedRevision: 'no_stream' }));
      expect(exists).toMatchObject({ expected: 'no_stream', actual: 2n });
      const missing = await failure(store.appendToStream(stream(), [event()], { expectedRevision: 'stream_exists' }));
      expect(missing).toBeInstanceOf(WrongExpectedRevisionError);
      expect(missing).toMatchObject({ actual: 'no_stream' });
      expect(await store.readStream(name)).toHaveLength(3);
    });

    it('reads a wrong version reported instead of thrown (throwOnAppendFailure off) the same way', async () => {
      fake.reportWrongVersion = true;
      const name = stream();
      await store.appendToStream(name, [event()], { expectedRevision: 'no_stream' });
      expect(await failure(store.appendToStream(name, [event()], { expectedRevision: 3n }))).toMatchObject({ actual: 0n });
      expect(await failure(store.appendToStream(stream(), [event()], { expectedRevision: 0n }))).toMatchObject({ actual: 'no_stream' });
    });

    it('returns the first result for a retry with the same ids and content, appending nothing', async () => {
      const name = stream();
      const batch = [event('A', { n: 1 }, randomUUID()), event('B', { n: 2 }, randomUUID())];
      const first = await store.appendToStream(name, batch, { expectedRevision: 'no_stream' });
      const head = await store.headPosition();
      const retry = await store.appendToStream(name, batch, { expectedRevision: 'no_stream' });
      expect(retry).toEqual(first);
      const retryWithAny = await store.appendToStream(name, batch, { expectedRevision: 'any' });
      expect(retryWithAny).toEqual(first);
      expect(comparePositions(await store.headPosition(), head)).toBe(0);
      expect(fake.log).toHaveLength(2);
    });

    it('accepts a retry whose metadata differs, as the PostgreSQL engine does', async () => {
      const name = stream();
      const eventId = randomUUID();
      const first = await store.appendToStream(name, [{ eventId, type: 'A', data: { n: 1 }, metadata: { try: 1 } }], { expectedRevision: 'no_stream' });
      const retry = await store.appendToStream(name, [{ eventId, type: 'A', data: { n: 1 }, metadata: { try: 2 } }], { expectedRevision: 'no_stream' });
      expect(retry).toEqual(first);
    });

    it('refuses an id EventStoreDB took for a retry when the content differs', async () => {
      const name = stream();
      const eventId = randomUUID();
      await store.appendToStream(name, [event('A', { n: 1 }, eventId)], { expectedRevision: 'no_stream' });
      const withAny = await failure(store.appendToStream(name, [event('A', { n: 2 }, eventId)], { expectedRevision: 'any' }));
      expect(withAny).toBeInstanceOf(DuplicateEventIdError);
      expect(withAny).toMatchObject({ eventId });
      const otherType = await failure(store.appendToStream(name, [event('B', { n: 1 }, eventId)], { expectedRevision: 'no_stream' }));
      expect(otherType).toBeInstanceOf(DuplicateEventIdError);
      expect(fake.log).toHaveLength(1);
    });

    it('refuses a retry that mixes recorded and new ids (EventStoreDB: "corrupted idempotency")', async () => {
      const name = stream();
      const recorded = event('A', { n: 1 }, randomUUID());
      await store.appendToStream(name, [recorded], { expectedRevision: 'no_stream' });
      const newcomer = event('B', { n: 2 }, randomUUID());
      const withAny = await failure(store.appendToStream(name, [recorded, newcomer], { expectedRevision: 'any' }));
      expect(withAny).toBeInstanceOf(DuplicateEventIdError);
      const withRevision = await failure(store.appendToStream(name, [recorded, newcomer], { expectedRevision: 'no_stream' }));
      expect(withRevision).toBeInstanceOf(DuplicateEventIdError);
      expect(withRevision).toMatchObject({ eventId: newcomer.eventId });
      expect(fake.log).toHaveLength(1);
    });

    it('passes an id reused in another stream through, as EventStoreDB does (a known difference, see README)', async () => {
      const eventId = randomUUID();
      await store.appendToStream(stream(), [event('A', { n: 1 }, eventId)], { expectedRevision: 'no_stream' });
      const elsewhere = await store.appendToStream(stream(), [event('A', { n: 1 }, eventId)], { expectedRevision: 'any' });
      expect(elsewhere.events[0].eventId).toBe(eventId);
    });

    it('reports an append larger than the server accepts as an invalid append', async () => {
      fake.failNextAppend = MaxAppendSizeExceededError.fromMaxAppendSize(1_048_576);
      const refused = await failure(store.appendToStream(stream(), [event()], { expectedRevision: 'any' }));
      expect(refused).toBeInstanceOf(InvalidAppendError);
      expect((refused as Error).message).toContain('1048576');
    });

    it('validates an append as the PostgreSQL engine does, before calling the server', async () => {
      await expect(store.appendToStream('not a stream', [event()], { expectedRevision: 'any' })).rejects.toBeInstanceOf(InvalidAppendError);
      await expect(store.appendToStream(stream(), [], { expectedRevision: 'any' })).rejects.toBeInstanceOf(InvalidAppendError);
      await expect(store.appendToStream(stream(), [event('A', { n: 1 }, 'nope')], { expectedRevision: 'any' })).rejects.toBeInstanceOf(InvalidAppendError);
      expect(fake.appendCalls).toHaveLength(0);
    });
  });

  describe('reading', () => {
    it('reads a stream from a revision, at most maxCount events, with an empty hash', async () => {
      const name = stream();
      await store.appendToStream(
        name,
        Array.from({ length: 5 }, (_, n) => event('E', { n })),
        { expectedRevision: 'no_stream' },
      );
      const read = await store.readStream(name, { fromRevision: 2n, maxCount: 2 });
      expect(read.map((e) => e.data.n)).toEqual([2, 3]);
      expect(read.map((e) => e.revision)).toEqual([2n, 3n]);
      expect(read[0]).toMatchObject({ streamName: name, type: 'E', hash: '', metadata: { correlationId: 'c' } });
      expect(Number.isNaN(Date.parse(read[0].recordedAt))).toBe(false);
      expect(await store.readStream(stream())).toEqual([]);
      expect(await store.streamRevision(name)).toBe(4n);
      expect(await store.streamRevision(stream())).toBe('no_stream');
    });

    it('refuses to guess positions a server older than 22.6 does not send', async () => {
      const name = stream();
      await store.appendToStream(name, [event()], { expectedRevision: 'no_stream' });
      fake.streamReadsWithoutPosition = true;
      await expect(store.readStream(name)).rejects.toBeInstanceOf(UnsupportedServerError);
    });

    it('reads $all strictly after a position, paging through it, without EventStoreDB’s own events', async () => {
      fake.appendSystemEvent();
      const start = await store.headPosition();
      const name = stream();
      await store.appendToStream(
        name,
        Array.from({ length: 4 }, (_, n) => event('E', { n })),
        { expectedRevision: 'no_stream' },
      );
      fake.appendSystemEvent('$$' + name, '$metadata');
      await store.appendToStream(
        name,
        Array.from({ length: 4 }, (_, n) => event('E', { n: n + 4 })),
        { expectedRevision: 3n },
      );
      const page = await store.readAll({ after: start });
      expect(page.events.map((e) => e.data.n)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      const later = await store.readAll({ after: page.events[2].position });
      expect(later.events.map((e) => e.data.n)).toEqual([3, 4, 5, 6, 7]);
      const full = await store.readAll({ after: start, maxCount: 5 });
      expect(full.events).toHaveLength(5);
      expect(full.scannedTo).toEqual(full.events[4].position);
    });

    it('filters by stream prefix and exact event type, keeps $ledger, and moves scannedTo over what it skips', async () => {
      const start = await store.headPosition();
      const a = stream('alpha');
      const b = stream('beta');
      await store.appendToStream(a, [event('One'), event('Two')], { expectedRevision: 'no_stream' });
      await store.appendToStream(b, [event('One'), event('One.v2')], { expectedRevision: 'no_stream' });
      await store.appendToStream('$ledger', [event('LedgerSealed')], { expectedRevision: 'any' });
      fake.appendSystemEvent();

      expect((await store.readAll({ after: start, filter: { streamNamePrefixes: [a] } })).events.map((e) => e.type)).toEqual(['One', 'Two']);
      expect((await store.readAll({ after: start, filter: { eventTypes: ['One'] } })).events.map((e) => e.streamName)).toEqual([a, b]);
      expect((await store.readAll({ after: start, filter: { eventTypes: ['One'], streamNamePrefixes: [b] } })).events).toHaveLength(1);
      expect((await store.readAll({ after: start })).events.map((e) => e.streamName)).toContain('$ledger');

      const none = await store.readAll({ after: start, filter: { eventTypes: ['NeverWritten'] } });
      expect(none.events).toEqual([]);
      expect(none.scannedTo).toEqual(await store.headPosition());
      expect(isAfter(none.scannedTo, start)).toBe(true);
    });

    it('finds the head past EventStoreDB’s own events, and START when there is nothing else', async () => {
      expect(await store.headPosition()).toEqual(START);
      fake.appendSystemEvent();
      expect(await store.headPosition()).toEqual(START);
      const result = await store.appendToStream(stream(), [event()], { expectedRevision: 'no_stream' });
      for (let n = 0; n < 7; n += 1) fake.appendSystemEvent();
      expect(await store.headPosition()).toEqual(result.position);
      expect(await store.readAll({ after: result.position })).toEqual({ events: [], scannedTo: result.position });
    });
  });

  describe('subscribing', () => {
    const collect = (events: RecordedEvent[]) => ({ onEvents: async (batch: RecordedEvent[]) => void events.push(...batch) });

    it('asks the server to filter by stream prefix, by an exact-type regex, or not at all', async () => {
      const stops = [
        store.subscribeToAll({ filter: { streamNamePrefixes: ['case-'], eventTypes: ['A'] } }, collect([])),
        store.subscribeToAll({ filter: { eventTypes: ['A', 'B.v2'] } }, collect([])),
        store.subscribeToAll({}, collect([])),
      ];
      await waitFor(() => fake.subscriptions.length === 3);
      const [prefixes, types, none] = fake.subscriptions.map((s) => s.options.filter);
      expect(prefixes).toMatchObject({ filterOn: 'streamName', prefixes: ['case-'] });
      expect(types).toMatchObject({ filterOn: 'eventType', regex: '^(?:A|B\\.v2)$' });
      expect(none).toBeUndefined();
      await Promise.all(stops.map((subscription) => subscription.stop()));
    });

    it('delivers catch-up then live events, and after a drop resumes from the last one delivered', async () => {
      const name = stream('sub');
      await store.appendToStream(name, [event('E', { n: 0 }), event('E', { n: 1 })], { expectedRevision: 'no_stream' });
      const received: RecordedEvent[] = [];
      const subscription = store.subscribeToAll({ filter: { streamNamePrefixes: [name] } }, collect(received));
      await waitFor(() => received.length === 2);
      await store.appendToStream(name, [event('E', { n: 2 })], { expectedRevision: 1n });
      await waitFor(() => received.length === 3);
      fake.dropSubscriptions();
      await waitFor(() => fake.subscriptions.length === 2);
      await store.appendToStream(name, [event('E', { n: 3 })], { expectedRevision: 2n });
      await waitFor(() => received.length === 4);
      await subscription.stop();
      expect(received.map((e) => e.data.n)).toEqual([0, 1, 2, 3]);
      expect(fake.subscriptions[1].options.fromPosition).toEqual(received[2].position);
      expect(fake.subscriptions.every((s) => s.stream.unsubscribed)).toBe(true);
    });

    it('stops its subscriptions and disposes of the client on close', async () => {
      const subscription = store.subscribeToAll({}, collect([]));
      await waitFor(() => fake.subscriptions.length === 1);
      await store.close();
      await subscription.done;
      expect(fake.subscriptions[0].stream.unsubscribed).toBe(true);
      expect(fake.disposed).toBe(true);
      await expect(store.appendToStream(stream(), [event()], { expectedRevision: 'any' })).rejects.toThrow('closed');
    });
  });
});
