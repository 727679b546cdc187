import { randomUUID } from 'node:crypto';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../../src/event-store/errors';
import { EventStore, EventToAppend, RecordedEvent } from '../../src/event-store/event-store';
import { comparePositions, GlobalPosition, isAfter, START } from '../../src/event-store/position';
import { Upcasters } from '../../src/event-store/upcasting';

/**
 * The event store contract. Every engine runs this same suite; an engine passes it or it
 * is not an engine. `harness` gives each test a store on an empty ledger.
 */
export interface ContractHarness {
  store(): EventStore;
  /**
   * Whether an event id is unique across the whole store. PostgreSQL guarantees it;
   * EventStoreDB recognises an id only within its stream, so there the cross-stream check is
   * not part of the contract (README: "EventStoreDB engine").
   */
  eventIdsUniqueAcrossStreams: boolean;
  /** Something that holds a transaction open for a while, unrelated to the ledger. */
  openUnrelatedTransaction?(): Promise<{ end(): Promise<void> }>;
  /** An append to `streamName` that has taken its place but not yet committed. */
  openUncommittedAppend?(streamName: string): Promise<{ commit(): Promise<void> }>;
}

const stream = (category = 'contract'): string => `${category}-${randomUUID()}`;
const event = (type = 'SomethingHappened', data: Record<string, string | number> = { n: 1 }, eventId?: string): EventToAppend => ({
  eventId,
  type,
  data,
  metadata: { correlationId: 'c', causationId: 'c', schemaVersion: 1 },
});

async function expectWrongRevision(attempt: Promise<unknown>, actual: bigint | 'no_stream'): Promise<void> {
  const error = await attempt.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(WrongExpectedRevisionError);
  expect((error as WrongExpectedRevisionError).actual).toBe(actual);
}

export function eventStoreContract(harness: ContractHarness): void {
  let store: EventStore;
  beforeEach(() => {
    store = harness.store();
  });

  describe('expected revision', () => {
    it('appends to a new stream with no_stream, revisions from 0', async () => {
      const name = stream();
      const result = await store.appendToStream(name, [event(), event()], { expectedRevision: 'no_stream' });
      expect(result.nextExpectedRevision).toBe(1n);
      expect(result.events.map((e) => e.revision)).toEqual([0n, 1n]);
      expect(isAfter(result.events[1].position, result.events[0].position)).toBe(true);
      const read = await store.readStream(name);
      expect(read.map((e) => e.revision)).toEqual([0n, 1n]);
    });

    it('refuses no_stream when the stream exists, naming its revision', async () => {
      const name = stream();
      await store.appendToStream(name, [event()], { expectedRevision: 'no_stream' });
      await expectWrongRevision(store.appendToStream(name, [event()], { expectedRevision: 'no_stream' }), 0n);
    });

    it('refuses stream_exists on a missing stream and accepts it on an existing one', async () => {
      const name = stream();
      await expectWrongRevision(store.appendToStream(name, [event()], { expectedRevision: 'stream_exists' }), 'no_stream');
      await store.appendToStream(name, [event()], { expectedRevision: 'any' });
      const result = await store.appendToStream(name, [event()], { expectedRevision: 'stream_exists' });
      expect(result.nextExpectedRevision).toBe(1n);
    });

    it('accepts the exact current revision and refuses a stale one with the actual revision', async () => {
      const name = stream();
      await store.appendToStream(name, [event(), event(), event()], { expectedRevision: 'no_stream' });
      const ok = await store.appendToStream(name, [event()], { expectedRevision: 2n });
      expect(ok.nextExpectedRevision).toBe(3n);
      await expectWrongRevision(store.appendToStream(name, [event()], { expectedRevision: 2n }), 3n);
      await expectWrongRevision(store.appendToStream(stream(), [event()], { expectedRevision: 0n }), 'no_stream');
      expect((await store.readStream(name)).length).toBe(4);
    });

    it('appends with any whatever the state', async () => {
      const name = stream();
      await store.appendToStream(name, [event()], { expectedRevision: 'any' });
      const result = await store.appendToStream(name, [event()], { expectedRevision: 'any' });
      expect(result.nextExpectedRevision).toBe(1n);
    });

    it('keeps all 20 parallel `any` appends to one stream', async () => {
      const name = stream();
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, index) => store.appendToStream(name, [event('Parallel', { index })], { expectedRevision: 'any' })),
      );
      const revisions = results.map((result) => result.nextExpectedRevision).sort((a, b) => (a < b ? -1 : 1));
      expect(revisions).toEqual(Array.from({ length: 20 }, (_, index) => BigInt(index)));
      const read = await store.readStream(name);
      expect(read).toHaveLength(20);
      expect(new Set(read.map((e) => e.data.index)).size).toBe(20);
    });

    it('lets exactly one of several appends at the same expected revision win', async () => {
      const name = stream();
      await store.appendToStream(name, [event()], { expectedRevision: 'no_stream' });
      const outcomes = await Promise.allSettled(Array.from({ length: 8 }, () => store.appendToStream(name, [event()], { expectedRevision: 0n })));
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      for (const outcome of outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected')) {
        expect(outcome.reason).toBeInstanceOf(WrongExpectedRevisionError);
        expect((outcome.reason as WrongExpectedRevisionError).actual).toBe(1n);
      }
      expect(await store.readStream(name)).toHaveLength(2);
    });

    it('appends nothing of a batch whose expected revision is wrong', async () => {
      const name = stream();
      await store.appendToStream(name, [event()], { expectedRevision: 'no_stream' });
      await expectWrongRevision(store.appendToStream(name, [event(), event()], { expectedRevision: 5n }), 0n);
      expect(await store.readStream(name)).toHaveLength(1);
    });
  });

  describe('idempotent retries', () => {
    it('returns the first result for the same ids and content, appending nothing', async () => {
      const name = stream();
      const batch = [event('A', { n: 1 }, randomUUID()), event('B', { n: 2 }, randomUUID())];
      const first = await store.appendToStream(name, batch, { expectedRevision: 'no_stream' });
      const headBefore = await store.headPosition();
      const retry = await store.appendToStream(name, batch, { expectedRevision: 'no_stream' });
      expect(retry.nextExpectedRevision).toBe(first.nextExpectedRevision);
      expect(comparePositions(retry.position, first.position)).toBe(0);
      expect(retry.events.map((e) => e.eventId)).toEqual(first.events.map((e) => e.eventId));
      expect(comparePositions(await store.headPosition(), headBefore)).toBe(0);
      expect(await store.readStream(name)).toHaveLength(2);
    });

    it('refuses an event id reused for different content', async () => {
      const name = stream();
      const eventId = randomUUID();
      await store.appendToStream(name, [event('A', { n: 1 }, eventId)], { expectedRevision: 'no_stream' });
      await expect(store.appendToStream(name, [event('A', { n: 2 }, eventId)], { expectedRevision: 'any' })).rejects.toBeInstanceOf(DuplicateEventIdError);
      expect(await store.readStream(name)).toHaveLength(1);
    });

    if (harness.eventIdsUniqueAcrossStreams) {
      it('refuses an event id reused in another stream', async () => {
        const eventId = randomUUID();
        await store.appendToStream(stream(), [event('A', { n: 1 }, eventId)], { expectedRevision: 'no_stream' });
        const other = stream();
        await expect(store.appendToStream(other, [event('A', { n: 1 }, eventId)], { expectedRevision: 'any' })).rejects.toBeInstanceOf(DuplicateEventIdError);
        expect(await store.readStream(other)).toHaveLength(0);
      });
    }

    it('refuses a retry that mixes recorded and new ids', async () => {
      const name = stream();
      const recorded = event('A', { n: 1 }, randomUUID());
      await store.appendToStream(name, [recorded], { expectedRevision: 'no_stream' });
      await expect(store.appendToStream(name, [recorded, event('B', { n: 2 }, randomUUID())], { expectedRevision: 'any' })).rejects.toBeInstanceOf(
        DuplicateEventIdError,
      );
      expect(await store.readStream(name)).toHaveLength(1);
    });
  });

  describe('reading', () => {
    it('reads a stream from a revision, at most maxCount events', async () => {
      const name = stream();
      await store.appendToStream(
        name,
        Array.from({ length: 5 }, (_, n) => event('E', { n })),
        { expectedRevision: 'no_stream' },
      );
      const read = await store.readStream(name, { fromRevision: 2n, maxCount: 2 });
      expect(read.map((e) => e.data.n)).toEqual([2, 3]);
      expect(await store.readStream(stream())).toEqual([]);
    });

    it('records what it was given, with metadata and a recording time', async () => {
      const name = stream();
      const eventId = randomUUID();
      await store.appendToStream(
        name,
        [{ eventId, type: 'Noted', data: { text: 'ü — "quoted"', nested: { a: [1, 2.5, null] } }, metadata: { occurredAt: '2020-02-01T00:00:00.000Z' } }],
        {
          expectedRevision: 'no_stream',
        },
      );
      const [read] = await store.readStream(name);
      expect(read).toMatchObject({ streamName: name, eventId, type: 'Noted', revision: 0n });
      expect(read.data).toEqual({ text: 'ü — "quoted"', nested: { a: [1, 2.5, null] } });
      expect(read.metadata).toMatchObject({ occurredAt: '2020-02-01T00:00:00.000Z' });
      expect(Number.isNaN(Date.parse(read.recordedAt))).toBe(false);
    });

    it('reads all events after a position, in order, with stream and type filters', async () => {
      const start = await store.headPosition();
      const a = stream('alpha');
      const b = stream('beta');
      await store.appendToStream(a, [event('One'), event('Two')], { expectedRevision: 'no_stream' });
      await store.appendToStream(b, [event('One')], { expectedRevision: 'no_stream' });
      await store.appendToStream(a, [event('Three')], { expectedRevision: 1n });

      const all = await store.readAll({ after: start });
      const mine = all.events.filter((e) => e.streamName === a || e.streamName === b);
      expect(mine.map((e) => `${e.streamName === a ? 'a' : 'b'}:${e.type}`)).toEqual(['a:One', 'a:Two', 'b:One', 'a:Three']);
      assertStrictlyIncreasing(all.events);

      const alphaOnly = await store.readAll({ after: start, filter: { streamNamePrefixes: [a] } });
      expect(alphaOnly.events.map((e) => e.type)).toEqual(['One', 'Two', 'Three']);

      const ones = await store.readAll({ after: start, filter: { eventTypes: ['One'], streamNamePrefixes: [a, b] } });
      expect(ones.events).toHaveLength(2);

      const none = await store.readAll({ after: start, filter: { eventTypes: ['NeverWritten'] } });
      expect(none.events).toHaveLength(0);
      // The scan still moved over the filtered-out stretch, so a checkpoint can advance.
      expect(comparePositions(none.scannedTo, await store.headPosition())).toBe(0);
    });

    it('reads the events whose data contains a pattern, by PostgreSQL jsonb @> containment', async () => {
      const start = await store.headPosition();
      const name = stream('contains');
      const person = `person-${randomUUID()}`;
      await store.appendToStream(
        name,
        [
          { ...event('Named'), data: { personId: person, subjectId: 's1' } },
          { ...event('Named'), data: { personId: 'someone else' } },
          { ...event('Corrected'), data: { replacement: { personId: person, rank: 'PC' } } },
          { ...event('Other'), data: { personId: person } },
        ],
        { expectedRevision: 'no_stream' },
      );
      const found = await store.readAll({
        after: start,
        filter: { streamNamePrefixes: [name], eventTypes: ['Named', 'Corrected'], dataContains: [{ personId: person }, { replacement: { personId: person } }] },
      });
      expect(found.events.map((e) => e.revision)).toEqual([0n, 2n]);
      const nothing = await store.readAll({ after: start, filter: { streamNamePrefixes: [name], dataContains: [] } });
      expect(nothing.events).toEqual([]);
      expect(comparePositions(nothing.scannedTo, await store.headPosition())).toBe(0);
    });

    it('pages through the global order without gaps or repeats', async () => {
      const start = await store.headPosition();
      const name = stream();
      await store.appendToStream(
        name,
        Array.from({ length: 25 }, (_, n) => event('E', { n })),
        { expectedRevision: 'no_stream' },
      );
      const seen: RecordedEvent[] = [];
      let after: GlobalPosition = start;
      for (;;) {
        const page = await store.readAll({ after, maxCount: 7, filter: { streamNamePrefixes: [name] } });
        seen.push(...page.events);
        if (page.events.length < 7) break;
        after = page.scannedTo;
      }
      expect(seen.map((e) => e.data.n)).toEqual(Array.from({ length: 25 }, (_, n) => n));
    });
  });

  describe('catch-up subscription', () => {
    it('delivers every event of many concurrent writers exactly once, in global order, then live', async () => {
      const start = await store.headPosition();
      const category = `sub${randomUUID().replace(/-/g, '').slice(0, 8)}`;
      const received: RecordedEvent[] = [];
      const writers = 8;
      const appendsPerWriter = 25;
      const expected = writers * appendsPerWriter * 2;
      let resolveAll: () => void = () => undefined;
      const allReceived = new Promise<void>((resolve) => (resolveAll = resolve));
      const subscription = store.subscribeToAll(
        { after: start, filter: { streamNamePrefixes: [`${category}-`] }, batchSize: 37 },
        {
          onEvents: async (events) => {
            received.push(...events);
            if (received.length >= expected) resolveAll();
          },
        },
      );
      const appended = new Set<string>();
      await Promise.all(
        Array.from({ length: writers }, async (_, writer) => {
          for (let n = 0; n < appendsPerWriter; n += 1) {
            const name = `${category}-${writer}-${n % 3}`;
            const result = await store.appendToStream(name, [event('W', { writer, n }), event('W', { writer, n })], { expectedRevision: 'any' });
            result.events.forEach((e) => appended.add(e.eventId));
          }
        }),
      );
      await Promise.race([allReceived, sleep(20_000)]);
      await subscription.stop();
      expect(received).toHaveLength(expected);
      expect(new Set(received.map((e) => e.eventId))).toEqual(appended);
      assertStrictlyIncreasing(received);
    });

    it('resumes after a restart from the checkpoint without repeating or skipping', async () => {
      const start = await store.headPosition();
      const name = stream('resume');
      await store.appendToStream(
        name,
        Array.from({ length: 30 }, (_, n) => event('E', { n })),
        { expectedRevision: 'no_stream' },
      );
      const firstRun: RecordedEvent[] = [];
      const first = store.subscribeToAll(
        { after: start, filter: { streamNamePrefixes: [name] }, batchSize: 10 },
        {
          onEvents: async (events) => {
            firstRun.push(...events);
          },
        },
      );
      await waitUntil(() => firstRun.length >= 10);
      await first.stop();
      const checkpoint = firstRun[firstRun.length - 1].position;
      await store.appendToStream(
        name,
        Array.from({ length: 5 }, (_, n) => event('E', { n: 30 + n })),
        { expectedRevision: 'any' },
      );

      const secondRun: RecordedEvent[] = [];
      const second = store.subscribeToAll(
        { after: checkpoint, filter: { streamNamePrefixes: [name] }, batchSize: 10 },
        {
          onEvents: async (events) => {
            secondRun.push(...events);
          },
        },
      );
      await waitUntil(() => firstRun.length + secondRun.length >= 35);
      await second.stop();
      expect([...firstRun, ...secondRun].map((e) => e.data.n)).toEqual(Array.from({ length: 35 }, (_, n) => n));
    });

    it('stops and reports when a handler fails, so the owner can restart from its checkpoint', async () => {
      const name = stream('failing');
      await store.appendToStream(name, [event()], { expectedRevision: 'no_stream' });
      const failure = new Error('projection broke');
      let reported: unknown;
      const subscription = store.subscribeToAll(
        { after: START, filter: { streamNamePrefixes: [name] } },
        {
          onEvents: async () => {
            throw failure;
          },
          onError: (error) => {
            reported = error;
          },
        },
      );
      await subscription.done;
      expect(reported).toBe(failure);
    });

    if (harness.openUncommittedAppend) {
      it('waits for an append that commits late instead of skipping it', async () => {
        const start = await store.headPosition();
        const category = `late${randomUUID().replace(/-/g, '').slice(0, 8)}`;
        const received: RecordedEvent[] = [];
        const subscription = store.subscribeToAll(
          { after: start, filter: { streamNamePrefixes: [`${category}-`] } },
          {
            onEvents: async (events) => {
              received.push(...events);
            },
          },
        );
        const slow = await harness.openUncommittedAppend!(`${category}-slow`);
        // These queue behind the open append; none may be delivered before it.
        const later = Promise.all([1, 2, 3].map((n) => store.appendToStream(`${category}-fast${n}`, [event('Fast', { n })], { expectedRevision: 'any' })));
        await sleep(400);
        expect(received).toHaveLength(0);
        await slow.commit();
        await later;
        await waitUntil(() => received.length >= 4);
        await subscription.stop();
        expect(received.map((e) => e.streamName)[0]).toBe(`${category}-slow`);
        expect(received).toHaveLength(4);
        assertStrictlyIncreasing(received);
      });
    }

    if (harness.openUnrelatedTransaction) {
      it('is not held back by a long-open unrelated transaction', async () => {
        const start = await store.headPosition();
        const name = stream('unrelated');
        const open = await harness.openUnrelatedTransaction!();
        try {
          const received: RecordedEvent[] = [];
          const subscription = store.subscribeToAll(
            { after: start, filter: { streamNamePrefixes: [name] } },
            {
              onEvents: async (events) => {
                received.push(...events);
              },
            },
          );
          await store.appendToStream(name, [event()], { expectedRevision: 'no_stream' });
          await waitUntil(() => received.length >= 1);
          await subscription.stop();
          expect(received).toHaveLength(1);
        } finally {
          await open.end();
        }
      });
    }
  });

  describe('upcasting', () => {
    it('upgrades older versions of an event on every read path, in one place', async () => {
      const name = stream('upcast');
      const start = await store.headPosition();
      await store.appendToStream(name, [{ type: 'Renamed', data: { fullName: 'X' }, metadata: { schemaVersion: 1 } }], { expectedRevision: 'no_stream' });
      store.useUpcasters(new Upcasters([{ type: 'Renamed', fromVersion: 1, upcast: (data) => ({ name: data.fullName }) }]));
      try {
        const [fromStream] = await store.readStream(name);
        expect(fromStream.data).toEqual({ name: 'X' });
        expect(fromStream.metadata.schemaVersion).toBe(2);
        const fromAll = await store.readAll({ after: start, filter: { streamNamePrefixes: [name] } });
        expect(fromAll.events[0].data).toEqual({ name: 'X' });
      } finally {
        store.useUpcasters(new Upcasters());
      }
    });
  });
}

function assertStrictlyIncreasing(events: RecordedEvent[]): void {
  for (let index = 1; index < events.length; index += 1) {
    expect(isAfter(events[index].position, events[index - 1].position)).toBe(true);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function waitUntil(condition: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(10);
  }
}
