import { randomUUID } from 'node:crypto';
import { Pool, PoolClient } from 'pg';
import {
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  isValidStreamName,
  JsonObject,
  ReadAllOptions,
  ReadAllPage,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
  SubscriptionHandlers,
} from '../event-store';
import { DuplicateEventIdError, InvalidAppendError, WrongExpectedRevisionError } from '../errors';
import { canonicalJson } from '../hashing';
import { GlobalPosition, positionOf, START } from '../position';
import { GroupCommitter, Pending } from './group-commit';
import { AppendNotifier } from './append-notifier';
import { pollingSubscription } from '../polling-subscription';

const EVENT_TYPE = /^[A-Za-z$][A-Za-z0-9_.$-]{0,127}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Keep one database call well inside a megabyte of event text. */
const MAX_BATCH_BYTES = 1024 * 1024;

interface PreparedAppend {
  streamName: string;
  expected: string;
  expectedRevision: ExpectedRevision;
  ids: string[];
  types: string[];
  data: string[];
  metadata: string[];
  bytes: number;
}

interface AppendRow {
  outcome: 'ok' | 'wrong_expected_revision' | 'duplicate_event_id';
  actual_revision: string | null;
  revisions: string[] | null;
  positions: string[] | null;
  conflicting_id: string | null;
}

/** A row of ledger_events as pg returns it. */
export interface EventRow {
  position: string;
  stream_name: string;
  revision: string;
  event_id: string;
  event_type: string;
  data: JsonObject;
  metadata: JsonObject;
  recorded_at: Date;
  hash: Buffer;
}

export interface PostgresEventStoreOptions {
  /** Appends folded into one call at most. */
  maxBatch?: number;
  /** Batches sent at once; above 1 they queue on the append lock but overlap round trips. */
  maxInFlight?: number;
  /** How often a caught-up subscription polls when no notification arrives. */
  pollIntervalMs?: number;
  /**
   * The pool subscriptions read from and the notifier's session is configured from (the
   * service's background pool); the store's own pool by default.
   */
  subscriptionPool?: Pool;
}

export class PostgresEventStore extends EventStore {
  readonly engine = 'postgres';
  private readonly committer: GroupCommitter<PreparedAppend, AppendResult>;
  private readonly notifier: AppendNotifier;
  private readonly pollIntervalMs: number;
  private readonly subscriptionPool: Pool;
  private closed = false;

  constructor(
    private readonly pool: Pool,
    options: PostgresEventStoreOptions = {},
  ) {
    super();
    this.committer = new GroupCommitter((batch) => this.writeBatch(batch), {
      maxBatch: options.maxBatch ?? 500,
      maxInFlight: options.maxInFlight ?? 1,
      weigh: (append) => append.bytes,
      maxWeight: MAX_BATCH_BYTES,
    });
    this.subscriptionPool = options.subscriptionPool ?? pool;
    this.notifier = new AppendNotifier(this.subscriptionPool);
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
  }

  async appendToStream(streamName: string, events: EventToAppend[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult> {
    if (this.closed) throw new Error('event store is closed');
    return this.committer.submit(prepareAppend(streamName, events, options.expectedRevision));
  }

  async headPosition(): Promise<GlobalPosition> {
    const { rows } = await this.pool.query<{ head: string | null }>('SELECT max(position) AS head FROM ledger_events');
    return rows[0].head === null ? START : positionOf(BigInt(rows[0].head));
  }

  async streamRevision(streamName: string): Promise<bigint | 'no_stream'> {
    const { rows } = await this.pool.query<{ revision: string }>('SELECT revision FROM ledger_streams WHERE stream_name = $1', [streamName]);
    return rows.length === 0 ? 'no_stream' : BigInt(rows[0].revision);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.notifier.close();
  }

  protected async readStreamRecorded(streamName: string, options: ReadStreamOptions): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<EventRow>(
      `SELECT position, stream_name, revision, event_id, event_type, data, metadata, recorded_at, hash
         FROM ledger_events
        WHERE stream_name = $1 AND revision >= $2
        ORDER BY revision
        LIMIT $3`,
      [streamName, (options.fromRevision ?? 0n).toString(), options.maxCount ?? null],
    );
    return rows.map(toRecordedEvent);
  }

  protected async readAllRecorded(options: ReadAllOptions, pool: Pool = this.pool): Promise<ReadAllPage> {
    const after = (options.after ?? START).commit;
    const limit = options.maxCount ?? 1000;
    const prefixes = options.filter?.streamNamePrefixes?.map((prefix) => escapeLike(prefix) + '%') ?? null;
    const types = options.filter?.eventTypes ?? null;
    // Each pattern its own `@>` (OR'd), which a GIN index can answer (`@> ANY (...)` it cannot).
    const patterns = options.filter?.dataContains?.map((pattern) => JSON.stringify(pattern));
    const containing =
      patterns === undefined ? '' : `AND (${patterns.length === 0 ? 'false' : patterns.map((_, index) => `data @> $${5 + index}::jsonb`).join(' OR ')})`;
    // One statement, one snapshot: the head is read in the same snapshot as the page, so
    // moving a checkpoint to it never passes an event that is not yet visible.
    const { rows } = await pool.query<EventRow & { head: string | null }>(
      `WITH head AS (SELECT max(position) AS head FROM ledger_events)
       SELECT e.position, e.stream_name, e.revision, e.event_id, e.event_type, e.data, e.metadata,
              e.recorded_at, e.hash, head.head
         FROM head
         LEFT JOIN LATERAL (
           SELECT * FROM ledger_events
            WHERE position > $1
              AND ($2::text[] IS NULL OR stream_name LIKE ANY ($2::text[]))
              AND ($3::text[] IS NULL OR event_type = ANY ($3::text[]))
              ${containing}
            ORDER BY position
            LIMIT $4
         ) e ON true`,
      [after.toString(), prefixes, types, limit, ...(patterns ?? [])],
    );
    const head = rows[0]?.head === null || rows[0]?.head === undefined ? after : BigInt(rows[0].head);
    const events = rows.filter((row) => row.position !== null).map(toRecordedEvent);
    const full = events.length >= limit;
    const scannedTo = full ? events[events.length - 1].position : positionOf(head > after ? head : after);
    return { events, scannedTo };
  }

  protected subscribeRecorded(options: SubscribeOptions, handlers: SubscriptionHandlers): Subscription {
    return pollingSubscription({
      read: (after, maxCount) => this.readAllRecorded({ after, maxCount, filter: options.filter }, this.subscriptionPool),
      waitForAppend: (timeoutMs, signal) => this.notifier.waitForAppend(timeoutMs, signal),
      after: options.after ?? START,
      batchSize: options.batchSize ?? 500,
      pollIntervalMs: this.pollIntervalMs,
      handlers,
    });
  }

  private async writeBatch(batch: Pending<PreparedAppend, AppendResult>[]): Promise<void> {
    try {
      const rows = await this.callAppend(batch.map((pending) => pending.request));
      batch.forEach((pending, index) => settle(pending, rows[index]));
    } catch (error) {
      if (batch.length === 1 || isConnectionError(error)) {
        batch.forEach((pending) => pending.reject(error));
        return;
      }
      // One bad append (say, text PostgreSQL will not store) must not fail its neighbours:
      // the failed call appended nothing, so each append is tried again on its own.
      for (const pending of batch) {
        await this.writeBatch([pending]);
      }
    }
  }

  private async callAppend(appends: PreparedAppend[]): Promise<AppendRow[]> {
    const { rows } = await this.pool.query<AppendRow>(
      'SELECT * FROM ledger_append($1::text[], $2::text[], $3::int[], $4::uuid[], $5::text[], $6::text[], $7::text[])',
      [
        appends.map((append) => append.streamName),
        appends.map((append) => append.expected),
        appends.map((append) => append.ids.length),
        appends.flatMap((append) => append.ids),
        appends.flatMap((append) => append.types),
        appends.flatMap((append) => append.data),
        appends.flatMap((append) => append.metadata),
      ],
    );
    if (rows.length !== appends.length) throw new Error(`ledger_append answered ${rows.length} rows for ${appends.length} appends`);
    return rows;
  }

  /** For tests and tools that need a client of the same database. */
  async withClient<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      return await work(client);
    } finally {
      client.release();
    }
  }
}

function settle(pending: Pending<PreparedAppend, AppendResult>, row: AppendRow): void {
  const append = pending.request;
  switch (row.outcome) {
    case 'ok': {
      const revisions = (row.revisions ?? []).map(BigInt);
      const positions = (row.positions ?? []).map((position) => positionOf(BigInt(position)));
      pending.resolve({
        streamName: append.streamName,
        nextExpectedRevision: revisions[revisions.length - 1],
        position: positions[positions.length - 1],
        events: append.ids.map((eventId, index) => ({
          eventId,
          type: append.types[index],
          revision: revisions[index],
          position: positions[index],
        })),
      });
      return;
    }
    case 'wrong_expected_revision': {
      const actual = BigInt(row.actual_revision ?? '-1');
      pending.reject(new WrongExpectedRevisionError(append.streamName, append.expectedRevision, actual < 0n ? 'no_stream' : actual));
      return;
    }
    case 'duplicate_event_id':
      pending.reject(new DuplicateEventIdError(append.streamName, row.conflicting_id ?? append.ids[0]));
      return;
  }
}

function prepareAppend(streamName: string, events: EventToAppend[], expectedRevision: ExpectedRevision): PreparedAppend {
  if (!isValidStreamName(streamName)) throw new InvalidAppendError(`invalid stream name: ${streamName}`);
  if (events.length === 0) throw new InvalidAppendError('an append needs at least one event');
  if (typeof expectedRevision === 'bigint' && expectedRevision < 0n) {
    throw new InvalidAppendError('an exact expected revision is 0 or more');
  }
  const ids: string[] = [];
  const types: string[] = [];
  const data: string[] = [];
  const metadata: string[] = [];
  let bytes = 0;
  for (const event of events) {
    const eventId = (event.eventId ?? randomUUID()).toLowerCase();
    if (!UUID.test(eventId)) throw new InvalidAppendError(`event id is not a UUID: ${eventId}`);
    if (!EVENT_TYPE.test(event.type)) throw new InvalidAppendError(`invalid event type: ${event.type}`);
    if (ids.includes(eventId)) throw new InvalidAppendError(`event id ${eventId} appears twice in one append`);
    const dataText = canonicalJson(event.data);
    const metadataText = canonicalJson(event.metadata ?? {});
    ids.push(eventId);
    types.push(event.type);
    data.push(dataText);
    metadata.push(metadataText);
    bytes += dataText.length + metadataText.length;
  }
  return {
    streamName,
    expected: typeof expectedRevision === 'bigint' ? expectedRevision.toString() : expectedRevision,
    expectedRevision,
    ids,
    types,
    data,
    metadata,
    bytes,
  };
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    streamName: row.stream_name,
    revision: BigInt(row.revision),
    position: positionOf(BigInt(row.position)),
    eventId: row.event_id,
    type: row.event_type,
    data: row.data,
    metadata: row.metadata,
    recordedAt: row.recorded_at.toISOString(),
    hash: row.hash.toString('hex'),
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => '\\' + character);
}

function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === undefined || code.startsWith('08') || code === '57P01' || code === 'ECONNRESET' || code === 'ECONNREFUSED';
}
