import type { EventStore, RecordedEvent } from '../event-store/event-store';
import { comparePositions, GlobalPosition } from '../event-store/position';
import { LEDGER_STREAM } from './seal';

/**
 * What verification reads: events exactly as stored, in global order.
 *
 * "As stored" matters: a hash covers the bytes that were appended, and the port's readAll
 * upcasts older events on the way out, which would make every upcast event look tampered
 * with. An engine gives the verifier a source that never upcasts (the PostgreSQL one reads
 * its table; `eventStoreLedgerSource` wraps a port instance that has no upcasters).
 */
export interface StreamHead {
  streamName: string;
  revision: bigint;
  /** Hex chain hash of the stream's last event, as the store records it. */
  hash: string;
  position: GlobalPosition;
}

export interface LedgerSource {
  headPosition(): Promise<GlobalPosition>;
  /** Up to maxCount events after `after` and at or before `through`, in global order. */
  readStored(after: GlobalPosition, through: GlobalPosition, maxCount: number): Promise<RecordedEvent[]>;
  /** `$ledger` events up to `through`, as stored, in stream order. */
  readLedgerStream(through: GlobalPosition): Promise<RecordedEvent[]>;
  /** Where a stream's event of this revision is, if anywhere: tells a reordering from a loss. */
  positionOf(streamName: string, revision: bigint): Promise<GlobalPosition | undefined>;
  /**
   * The store's own note of each stream's head, where it keeps one apart from the events
   * (PostgreSQL's ledger_streams): catches a stream whose last events were removed.
   */
  streamHeads?(): AsyncIterable<StreamHead>;
}

/** Marks an upcast event (see Upcasters): its data is no longer what was hashed. */
const UPCAST_MARK = 'storedSchemaVersion';

/**
 * A source over the EventStore port, for engines without a faster one. The store must be
 * an instance with no upcasters registered; an upcast event is refused rather than
 * reported as tampered with.
 */
export function eventStoreLedgerSource(store: EventStore): LedgerSource {
  const refuseUpcast = (events: RecordedEvent[]): RecordedEvent[] => {
    const upcast = events.find((event) => UPCAST_MARK in event.metadata);
    if (upcast) {
      throw new Error(`event ${upcast.eventId} was upcast on read: verification needs a store instance without upcasters`);
    }
    return events;
  };
  return {
    headPosition: () => store.headPosition(),
    readStored: async (after, through, maxCount) => {
      const page = await store.readAll({ after, maxCount });
      return refuseUpcast(page.events.filter((event) => comparePositions(event.position, through) <= 0));
    },
    readLedgerStream: async (through) => {
      const events: RecordedEvent[] = [];
      for (let from = 0n; ;) {
        const page = refuseUpcast(await store.readStream(LEDGER_STREAM, { fromRevision: from, maxCount: 1000 }));
        events.push(...page.filter((event) => comparePositions(event.position, through) <= 0));
        if (page.length < 1000) return events;
        from = page[page.length - 1].revision + 1n;
      }
    },
    positionOf: async (streamName, revision) => {
      const [event] = await store.readStream(streamName, { fromRevision: revision, maxCount: 1 });
      return event?.revision === revision ? event.position : undefined;
    },
  };
}
