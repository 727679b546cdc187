import { RecordedEvent } from '../../src/event-store/event-store';
import { formatPosition } from '../../src/event-store/position';
import { LEDGER_STREAM } from '../../src/ledger/seal';
import { appendRounds, caseStreams, LedgerFixture, readEverything } from './fixture';

/**
 * The ledger most tests start from: 4 interleaved case streams of 10 events each, sealed
 * at 16 and 32 events (N = 10, sealing checked every 4 rounds), and 8 events after the
 * last seal. Global positions: 0–15 rounds 0–3, 16 the first seal, 17–32 rounds 4–7,
 * 33 the second seal, 34–41 rounds 8–9.
 */
export interface SeededLedger {
  streams: string[];
  events: RecordedEvent[];
  seals: RecordedEvent[];
  /** The event of a case stream at a revision. */
  event(streamIndex: number, revision: number): RecordedEvent;
}

export async function seedSealedLedger(fixture: LedgerFixture): Promise<SeededLedger> {
  const streams = caseStreams(4);
  const sealer = fixture.sealer({ everyEvents: 10 });
  for (const [from, to] of [
    [0, 4],
    [4, 8],
  ]) {
    await appendRounds(fixture.store, streams, from, to);
    const outcome = await sealer.sealIfDue();
    if (outcome.status !== 'sealed') throw new Error(`seeding expected a seal, got ${outcome.status}`);
  }
  await appendRounds(fixture.store, streams, 8, 10);
  const events = await readEverything(fixture.store);
  return {
    streams,
    events,
    seals: events.filter((event) => event.streamName === LEDGER_STREAM),
    event: (streamIndex, revision) => {
      const found = events.find((event) => event.streamName === streams[streamIndex] && event.revision === BigInt(revision));
      if (!found) throw new Error(`no event ${revision} in stream ${streamIndex}`);
      return found;
    },
  };
}

/** How a mismatch names an event. */
export function named(event: RecordedEvent): { position: string; streamName: string; revision: number; eventId: string } {
  return { position: formatPosition(event.position), streamName: event.streamName, revision: Number(event.revision), eventId: event.eventId };
}
