import {
  AppendResult as ClientAppendResult,
  BACKWARDS,
  END,
  eventTypeFilter,
  FORWARDS,
  Filter,
  START as CLIENT_START,
  streamNameFilter,
} from '@eventstore/db-client';
import { DuplicateEventIdError, InvalidAppendError, WrongExpectedRevisionError } from '../errors';
import {
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadAllPage,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
  SubscriptionHandlers,
} from '../event-store';
import { GlobalPosition, isAfter, START } from '../position';
import { connectEventStoreDb, EventStoreDbClientLike } from './eventstoredb-client';
import {
  appendResultFromReadBack,
  isMaxAppendSizeExceededError,
  isStreamNotFoundError,
  isSystemEvent,
  isWrongExpectedVersionError,
  judgeProbe,
  judgeWrongExpectedVersion,
  keepsEvent,
  prepareAppend,
  PreparedEvent,
  requirePosition,
  serverFilterFor,
  ServerFilterSpec,
  storedData,
  toActualRevision,
  toBigInt,
  toClientExpectedRevision,
  toClientReadPosition,
  toEventData,
  toRecordedEvent,
} from './eventstoredb-mapping';
import { catchUpSubscription, DEFAULT_RETRY, RetryPolicy } from './eventstoredb-subscription';

export interface EventStoreDbEventStoreOptions {
  /** Events per read of $all (this client version cannot filter reads of $all on the server). */
  readPageSize?: number;
  /** How a subscription comes back after a drop. */
  retry?: Partial<RetryPolicy>;
}

/**
 * The event store on EventStoreDB (`@eventstore/db-client` 6.2.1). Same port and contract as
 * the PostgreSQL engine; where EventStoreDB differs, README.md beside this file says how.
 */
export class EventStoreDbEventStore extends EventStore {
  readonly engine = 'eventstoredb';
  private readonly readPageSize: number;
  private readonly retry: RetryPolicy;
  private readonly subscriptions = new Set<Subscription>();
  private closed = false;

  static connect(connectionString: string, options: EventStoreDbEventStoreOptions = {}): EventStoreDbEventStore {
    return new EventStoreDbEventStore(connectEventStoreDb(connectionString), options);
  }

  constructor(
    private readonly client: EventStoreDbClientLike,
    options: EventStoreDbEventStoreOptions = {},
  ) {
    super();
    this.readPageSize = Math.max(2, options.readPageSize ?? 500);
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
  }

  async appendToStream(streamName: string, events: EventToAppend[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult> {
    if (this.closed) throw new Error('event store is closed');
    const { expectedRevision } = options;
    const prepared = prepareAppend(streamName, events, expectedRevision);
    let result: ClientAppendResult;
    try {
      result = await this.client.appendToStream(streamName, prepared.map(toEventData), {
        expectedRevision: toClientExpectedRevision(expectedRevision),
      });
    } catch (error) {
      throw await this.appendFailure(streamName, expectedRevision, prepared, error);
    }
    // With throwOnAppendFailure off the client reports a wrong version instead of throwing.
    if (!result.success) {
      throw await this.wrongExpectedRevision(streamName, expectedRevision, toActualRevision(result.nextExpectedRevision), prepared);
    }
    const lastRevision = toBigInt(result.nextExpectedRevision);
    // Read back what sits at the reported revisions: each event's own position, and, when
    // EventStoreDB judged the append a retry of an earlier one, that earlier content.
    const first = lastRevision - BigInt(prepared.length) + 1n;
    const recorded = await this.readStreamRecorded(streamName, { fromRevision: first, maxCount: prepared.length });
    return appendResultFromReadBack(streamName, prepared, recorded);
  }

  async headPosition(): Promise<GlobalPosition> {
    // The newest event a reader of ours would see: EventStoreDB's own events do not count,
    // or the head would move while the ledger stands still.
    let from: GlobalPosition | undefined;
    for (;;) {
      let count = 0;
      let head: GlobalPosition | undefined;
      let last: GlobalPosition | undefined;
      for await (const resolved of this.client.readAll({
        direction: BACKWARDS,
        fromPosition: from ?? END,
        maxCount: this.readPageSize,
        requiresLeader: true,
      })) {
        count += 1;
        const event = resolved.event;
        if (!event) continue;
        const position = requirePosition(event.position, 'an event of $all');
        last = position;
        if (from && !isAfter(from, position)) continue;
        if (!head && !isSystemEvent(event.streamId, event.type)) head = position;
      }
      if (head) return head;
      if (count < this.readPageSize || !last) return START;
      from = last;
    }
  }

  async streamRevision(streamName: string): Promise<bigint | 'no_stream'> {
    let revision: bigint | 'no_stream' = 'no_stream';
    try {
      for await (const resolved of this.client.readStream(streamName, {
        direction: BACKWARDS,
        fromRevision: END,
        maxCount: 1,
        requiresLeader: true,
      })) {
        if (resolved.event) revision = toBigInt(resolved.event.revision);
      }
      return revision;
    } catch (error) {
      if (isStreamNotFoundError(error)) return 'no_stream';
      throw error;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    await this.client.dispose();
  }

  protected async readStreamRecorded(streamName: string, options: ReadStreamOptions): Promise<RecordedEvent[]> {
    if (options.maxCount !== undefined && options.maxCount <= 0) return [];
    const fromRevision = options.fromRevision ?? 0n;
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamName, {
        direction: FORWARDS,
        fromRevision: fromRevision > 0n ? fromRevision : CLIENT_START,
        maxCount: options.maxCount,
        requiresLeader: true,
      })) {
        const event = resolved.event;
        if (event) events.push(toRecordedEvent(event, requirePosition(event.position, `event ${event.id} read from ${streamName}`)));
      }
    } catch (error) {
      if (isStreamNotFoundError(error)) return [];
      throw error;
    }
    return events;
  }

  /**
   * Pages through $all after `after`, keeping what the filter keeps, until `maxCount` are
   * kept or the end is reached. Reads of $all are inclusive (the event AT the start position
   * comes back first) and this client sends no filter with them, so both are done here.
   * `scannedTo` is the last kept event when the page is full, otherwise the last ledger event
   * scanned (EventStoreDB's own events never move it: see headPosition).
   */
  protected async readAllRecorded(options: ReadAllOptions): Promise<ReadAllPage> {
    const after = options.after ?? START;
    const limit = options.maxCount ?? 1000;
    const events: RecordedEvent[] = [];
    let scannedTo = after;
    if (limit <= 0) return { events, scannedTo };
    let from = after;
    for (;;) {
      // Unfiltered, almost every event is kept: ask for no more than needed (+1 for the
      // event at the start position, which comes back again).
      const pageSize = options.filter ? this.readPageSize : Math.min(this.readPageSize, limit - events.length + 1);
      let count = 0;
      let last: GlobalPosition | undefined;
      for await (const resolved of this.client.readAll({
        direction: FORWARDS,
        fromPosition: toClientReadPosition(from),
        maxCount: pageSize,
        requiresLeader: true,
      })) {
        count += 1;
        const event = resolved.event;
        if (!event) continue;
        const position = requirePosition(event.position, 'an event of $all');
        last = position;
        // Past the limit the rest of the page is drained, not kept: breaking off would
        // leave the server's read running.
        if (events.length >= limit || !isAfter(position, scannedTo) || isSystemEvent(event.streamId, event.type)) continue;
        scannedTo = position;
        if (keepsEvent(options.filter, event.streamId, event.type, () => storedData(event))) events.push(toRecordedEvent(event, position));
      }
      if (events.length >= limit || count < pageSize || !last) return { events, scannedTo };
      from = last;
    }
  }

  protected subscribeRecorded(options: SubscribeOptions, handlers: SubscriptionHandlers): Subscription {
    if (this.closed) throw new Error('event store is closed');
    const spec = serverFilterFor(options.filter);
    const subscription = catchUpSubscription({
      subscribe: (from, checkpointReached) =>
        this.client.subscribeToAll({
          fromPosition: toClientReadPosition(from),
          resolveLinkTos: false,
          filter: spec && toClientFilter(spec, checkpointReached),
        }),
      headPosition: () => this.headPosition(),
      after: options.after ?? START,
      filter: options.filter,
      batchSize: options.batchSize ?? 500,
      handlers,
      retry: this.retry,
    });
    this.subscriptions.add(subscription);
    void subscription.done.then(() => this.subscriptions.delete(subscription));
    return subscription;
  }

  private async appendFailure(streamName: string, expected: ExpectedRevision, prepared: PreparedEvent[], error: unknown): Promise<unknown> {
    if (isWrongExpectedVersionError(error)) {
      return this.wrongExpectedRevision(streamName, expected, toActualRevision(error.actualVersion), prepared);
    }
    if (isMaxAppendSizeExceededError(error)) {
      return new InvalidAppendError(`the append is larger than EventStoreDB accepts (${error.maxAppendSize} bytes)`);
    }
    return error;
  }

  /** EventStoreDB answered WrongExpectedVersion: a real conflict, or a reused event id. */
  private async wrongExpectedRevision(
    streamName: string,
    expected: ExpectedRevision,
    actual: bigint | 'no_stream',
    prepared: PreparedEvent[],
  ): Promise<WrongExpectedRevisionError | DuplicateEventIdError> {
    const verdict = judgeWrongExpectedVersion(expected, actual, prepared);
    switch (verdict.kind) {
      case 'wrong_expected_revision':
        return new WrongExpectedRevisionError(streamName, expected, verdict.actual);
      case 'duplicate_event_id':
        return new DuplicateEventIdError(streamName, verdict.eventId);
      case 'probe': {
        const recorded = await this.readStreamRecorded(streamName, { fromRevision: verdict.probeFrom, maxCount: prepared.length });
        return judgeProbe(streamName, expected, verdict.actual, prepared, recorded);
      }
    }
  }
}

function toClientFilter(spec: ServerFilterSpec, checkpointReached: (position: GlobalPosition) => Promise<void>): Filter {
  const onCheckpoint = (_subscription: unknown, position: { commit: bigint; prepare: bigint }): Promise<void> =>
    checkpointReached(requirePosition(position, 'a checkpoint'));
  return spec.filterOn === 'streamName'
    ? streamNameFilter({ prefixes: spec.prefixes, checkpointReached: onCheckpoint })
    : eventTypeFilter({ regex: spec.regex, checkpointReached: onCheckpoint });
}
