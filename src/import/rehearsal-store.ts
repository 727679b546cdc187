/**
 * The store of a rehearsal (`npm run import -- --dry-run`): it reads the ledger as it is, with
 * what the rehearsal would have appended laid on top, and keeps its own appends in memory. The
 * one write path runs through it unchanged (CommandContext.rehearsal), so every row is decided
 * on the state the import would build, and nothing reaches the ledger.
 *
 * What it does not lay on top: reads of the global order (`readAll`, subscriptions), which
 * only some facts of other streams use (a person's sanction history in other cases). A
 * rehearsal's rows are decided on the sanctions already in the ledger.
 */
import { WrongExpectedRevisionError } from '../event-store/errors';
import { appendResultOf, EventStore } from '../event-store/event-store';
import type {
  AppendResult,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadAllPage,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
  SubscriptionHandlers,
} from '../event-store/event-store';
import { positionOf } from '../event-store/position';
import type { GlobalPosition } from '../event-store/position';

export class RehearsalStore extends EventStore {
  readonly engine: string;
  private readonly appended = new Map<string, RecordedEvent[]>();
  /** Positions of rehearsed events, counted down from -2 so they never pass for the ledger's. */
  private nextPosition = -2n;

  constructor(private readonly ledger: EventStore) {
    super();
    this.engine = `rehearsal over ${ledger.engine}`;
  }

  /** How many events the rehearsal would have appended. */
  get eventsAppended(): number {
    return [...this.appended.values()].reduce((total, events) => total + events.length, 0);
  }

  async appendToStream(streamName: string, events: EventToAppend[], { expectedRevision }: { expectedRevision: ExpectedRevision }): Promise<AppendResult> {
    const recorded = await this.readStreamRecorded(streamName, {});
    const actual = recorded.at(-1)?.revision ?? 'no_stream';
    if (!revisionMatches(expectedRevision, actual)) throw new WrongExpectedRevisionError(streamName, expectedRevision, actual);
    const first = actual === 'no_stream' ? 0n : actual + 1n;
    const added = events.map((event, index): RecordedEvent => {
      const position = positionOf(this.nextPosition);
      this.nextPosition -= 1n;
      return {
        streamName,
        revision: first + BigInt(index),
        position,
        eventId: event.eventId ?? '',
        type: event.type,
        data: event.data,
        metadata: event.metadata ?? {},
        recordedAt: new Date().toISOString(),
        hash: '',
      };
    });
    this.appended.set(streamName, [...(this.appended.get(streamName) ?? []), ...added]);
    return appendResultOf(streamName, added);
  }

  headPosition(): Promise<GlobalPosition> {
    return this.ledger.headPosition();
  }

  async streamRevision(streamName: string): Promise<bigint | 'no_stream'> {
    return (await this.readStreamRecorded(streamName, {})).at(-1)?.revision ?? 'no_stream';
  }

  /** The ledger is the caller's: a rehearsal closes nothing. */
  async close(): Promise<void> {}

  protected async readStreamRecorded(streamName: string, { fromRevision = 0n, maxCount }: ReadStreamOptions): Promise<RecordedEvent[]> {
    const stream = [...(await this.ledger.readStream(streamName)), ...(this.appended.get(streamName) ?? [])];
    const from = stream.filter((event) => event.revision >= fromRevision);
    return maxCount === undefined ? from : from.slice(0, maxCount);
  }

  protected readAllRecorded(options: ReadAllOptions): Promise<ReadAllPage> {
    return this.ledger.readAll(options);
  }

  protected subscribeRecorded(options: SubscribeOptions, handlers: SubscriptionHandlers): Subscription {
    return this.ledger.subscribeToAll(options, handlers);
  }
}

function revisionMatches(expected: ExpectedRevision, actual: bigint | 'no_stream'): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return actual === 'no_stream';
  if (expected === 'stream_exists') return actual !== 'no_stream';
  return expected === actual;
}
