import { GlobalPosition } from './position';
import { Upcasters, NO_UPCASTERS } from './upcasting';

/**
 * The event store port. Semantics follow EventStoreDB so that every engine behaves the
 * same and one contract suite (test/contract) proves it:
 *
 * - streams are named `<category>-<id>` (plus the system stream `$ledger`);
 * - revisions are 0-based per stream; every event also has a global position;
 * - an append states what it expects: `no_stream`, `stream_exists`, `any`, or an exact
 *   revision (the revision of the stream's last event);
 * - event ids make a retried append idempotent: the same ids with the same content at the
 *   same place append nothing and return the first result; an id reused for other content
 *   is a DuplicateEventIdError;
 * - readAll and subscribeToAll deliver every event exactly once, in global order.
 *
 * Older versions of an event are upcast on read, here and nowhere else.
 */

export type ExpectedRevision = 'no_stream' | 'stream_exists' | 'any' | bigint;

export type JsonObject = { [key: string]: JsonValue };
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;

/** Metadata every event written by the service carries. */
export interface EventMetadata extends JsonObject {
  correlationId: string;
  causationId: string;
  /** The command (or Idempotency-Key) that produced the event. */
  commandId: string;
  actor: { userId: string; roles: string[]; force: string };
  /** When it happened in the world, as the user says: may be long before it was recorded. */
  occurredAt: string;
  schemaVersion: number;
}

export interface EventToAppend {
  /** UUID. Generated when absent; a client that may retry must supply it. */
  eventId?: string;
  type: string;
  data: JsonObject;
  metadata?: JsonObject;
}

export interface RecordedEvent<Data extends JsonObject = JsonObject> {
  streamName: string;
  revision: bigint;
  position: GlobalPosition;
  eventId: string;
  type: string;
  data: Data;
  metadata: JsonObject;
  /** ISO instant at which the store recorded the event. */
  recordedAt: string;
  /** Hex SHA-256 chain hash of the event within its stream (empty where an engine has none). */
  hash: string;
}

export interface AppendResult {
  streamName: string;
  /** The stream's revision after the append (the revision of its last event). */
  nextExpectedRevision: bigint;
  /** Global position of the last event appended. */
  position: GlobalPosition;
  events: { eventId: string; type: string; revision: bigint; position: GlobalPosition }[];
}

export interface ReadFilter {
  /** Keep events whose stream name starts with one of these (e.g. `case-`). */
  streamNamePrefixes?: string[];
  /** Keep events of exactly these types. */
  eventTypes?: string[];
  /**
   * Keep events whose data as stored (before upcasting) contains one of these (JSON
   * containment, PostgreSQL's `@>`: every
   * field of the pattern present with the same value, nested objects likewise; an array
   * contains the elements of the pattern's). For finding a few events by what they say
   * (a person's subjects) without reading every event of their type.
   */
  dataContains?: JsonObject[];
}

export interface ReadAllOptions {
  /** Exclusive: read events after this position. Defaults to the start. */
  after?: GlobalPosition;
  maxCount?: number;
  filter?: ReadFilter;
}

export interface ReadStreamOptions {
  /** Inclusive, 0-based. */
  fromRevision?: bigint;
  maxCount?: number;
}

/** A page of the global order. `scannedTo` may lie past the last event kept by a filter. */
export interface ReadAllPage {
  events: RecordedEvent[];
  /** Everything up to here has been looked at; a checkpoint may move to it. */
  scannedTo: GlobalPosition;
}

export interface SubscriptionHandlers {
  /** Called with each batch in global order; the next batch waits for the promise. */
  onEvents(events: RecordedEvent[]): Promise<void>;
  /** Called when filtered-out events advanced the scan without delivering any. */
  onCheckpoint?(position: GlobalPosition): Promise<void>;
  /** Called once, when caught up with the store for the first time. */
  onCaughtUp?(): void;
  /** The subscription stopped because of this error (a handler's, or the store's). */
  onError?(error: unknown): void;
}

export interface SubscribeOptions {
  after?: GlobalPosition;
  filter?: ReadFilter;
  batchSize?: number;
}

export interface Subscription {
  stop(): Promise<void>;
  /** Resolves when the subscription has ended (stopped or failed). */
  readonly done: Promise<void>;
}

export abstract class EventStore {
  protected upcasters: Upcasters = NO_UPCASTERS;

  /** Engine name for /health and logs. */
  abstract readonly engine: string;

  useUpcasters(upcasters: Upcasters): void {
    this.upcasters = upcasters;
  }

  abstract appendToStream(streamName: string, events: EventToAppend[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult>;

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const events = await this.readStreamRecorded(streamName, options);
    return events.map((event) => this.upcasters.upcast(event));
  }

  async readAll(options: ReadAllOptions = {}): Promise<ReadAllPage> {
    const page = await this.readAllRecorded(options);
    return { ...page, events: page.events.map((event) => this.upcasters.upcast(event)) };
  }

  subscribeToAll(options: SubscribeOptions, handlers: SubscriptionHandlers): Subscription {
    return this.subscribeRecorded(options, {
      ...handlers,
      onEvents: (events) => handlers.onEvents(events.map((event) => this.upcasters.upcast(event))),
    });
  }

  /** The position of the newest event in the store (START when empty). */
  abstract headPosition(): Promise<GlobalPosition>;

  /** The stream's current revision, or 'no_stream'. */
  abstract streamRevision(streamName: string): Promise<bigint | 'no_stream'>;

  abstract close(): Promise<void>;

  /** Events as stored, before upcasting. Only `readStream` may call this. */
  protected abstract readStreamRecorded(streamName: string, options: ReadStreamOptions): Promise<RecordedEvent[]>;

  protected abstract readAllRecorded(options: ReadAllOptions): Promise<ReadAllPage>;

  protected abstract subscribeRecorded(options: SubscribeOptions, handlers: SubscriptionHandlers): Subscription;
}

/** The store's answer to the append that recorded `appended` (at least one event). */
export function appendResultOf(streamName: string, appended: readonly RecordedEvent[]): AppendResult {
  const last = appended[appended.length - 1];
  return {
    streamName,
    nextExpectedRevision: last.revision,
    position: last.position,
    events: appended.map(({ eventId, type, revision, position }) => ({ eventId, type, revision, position })),
  };
}

const STREAM_NAME = /^(\$ledger|\$?[A-Za-z][A-Za-z0-9]*-[A-Za-z0-9._:@-]{1,200})$/;

/** `<category>-<id>`, or the system stream `$ledger`. */
export function isValidStreamName(name: string): boolean {
  return STREAM_NAME.test(name);
}

export function categoryOf(streamName: string): string {
  const dash = streamName.indexOf('-');
  return dash < 0 ? streamName : streamName.slice(0, dash);
}
