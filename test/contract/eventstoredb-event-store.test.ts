import { randomUUID } from 'node:crypto';
import { EventStore, RecordedEvent } from '../../src/event-store/event-store';
import { EventStoreDbEventStore } from '../../src/event-store/eventstoredb/eventstoredb-event-store';
import { START } from '../../src/event-store/position';
import { eventStoreContract, waitUntil } from './event-store.contract';

/**
 * The event-store contract against a real EventStoreDB, named by
 * EVENTSTORE_CONNECTION_STRING (e.g. `esdb://localhost:2113?tls=false`). Without one these
 * tests cannot run: the suite reports one skipped test whose name gives the reason.
 * The server is shared and never emptied: the contract works with fresh stream names and
 * positions taken at the start of each test, so that is enough.
 */
const connectionString = process.env.EVENTSTORE_CONNECTION_STRING?.trim() || undefined;

if (connectionString) {
  describe('EventStoreDB event store', () => {
    let store: EventStoreDbEventStore;

    beforeAll(() => {
      store = EventStoreDbEventStore.connect(connectionString);
    });

    afterAll(() => store.close());

    describe('contract', () => {
      eventStoreContract({ store: (): EventStore => store, eventIdsUniqueAcrossStreams: false });
    });

    describe('engine', () => {
      it('returns from an append the positions readers of $all see, and no hash', async () => {
        const name = `esdb-${randomUUID()}`;
        const start = await store.headPosition();
        const result = await store.appendToStream(
          name,
          [1, 2, 3].map((n) => ({ type: 'Counted', data: { n } })),
          { expectedRevision: 'no_stream' },
        );
        const page = await store.readAll({ after: start, filter: { streamNamePrefixes: [name] } });
        expect(page.events.map((e) => e.position)).toEqual(result.events.map((e) => e.position));
        expect(page.events.every((e) => e.hash === '')).toBe(true);

        const delivered: RecordedEvent[] = [];
        const subscription = store.subscribeToAll(
          { after: start, filter: { streamNamePrefixes: [name] } },
          { onEvents: async (events) => void delivered.push(...events) },
        );
        await waitUntil(() => delivered.length >= 3);
        await subscription.stop();
        expect(delivered.map((e) => e.position)).toEqual(result.events.map((e) => e.position));
      });

      it('never shows EventStoreDB’s own events ($-typed, e.g. stream metadata) to a reader', async () => {
        const all = await store.readAll({ after: START, maxCount: 500 });
        expect(all.events.filter((e) => e.type.startsWith('$') && e.streamName !== '$ledger')).toEqual([]);
      });
    });
  });
} else {
  // Not run here: reported as skipped with its reason, never as passed. To run it, start an
  // EventStoreDB node (22.6 or later; EVENTSTORE_INSECURE=true for a local one) and set
  // EVENTSTORE_CONNECTION_STRING, e.g. esdb://localhost:2113?tls=false.
  describe('EventStoreDB event store', () => {
    it.skip('contract (skipped: EVENTSTORE_CONNECTION_STRING is not set, no EventStoreDB server here)', () => undefined);
  });
}
