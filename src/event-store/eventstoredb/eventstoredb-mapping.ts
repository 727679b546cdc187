import { randomUUID } from 'node:crypto';
import {
  ANY,
  AppendExpectedRevision,
  ErrorType,
  EventData,
  jsonEvent,
  MaxAppendSizeExceededError,
  NO_STREAM,
  ReadPosition,
  START as CLIENT_START,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { DuplicateEventIdError, InvalidAppendError, WrongExpectedRevisionError } from '../errors';
import { AppendResult, EventToAppend, ExpectedRevision, isValidStreamName, JsonObject, JsonValue, ReadFilter, RecordedEvent } from '../event-store';
import { jsonContains } from '../json-containment';
import { canonicalJson } from '../hashing';
import { GlobalPosition } from '../position';

/**
 * Pure translations between our event-store port and `@eventstore/db-client` 6.2.1. The
 * engine (eventstoredb-event-store.ts) does the I/O; everything it decides is decided here,
 * so it can be tested without a server. See README.md beside this file for the design.
 */

/** Our seals stream: a `$` stream, but ours, so never treated as a system stream. */
export const LEDGER_STREAM = '$ledger';

const EVENT_TYPE = /^[A-Za-z$][A-Za-z0-9_.$-]{0,127}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Position.End on the wire (-1 as an unsigned 64-bit number): "no position". */
const NO_POSITION = 2n ** 64n - 1n;

/**
 * The client declares bigint but its successor has been seen returning number, and the
 * wire format is decimal text: accept all three, refuse anything that is not an integer.
 */
export type BigIntLike = bigint | number | string;

export function toBigInt(value: BigIntLike): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && !Number.isSafeInteger(value)) {
    throw new RangeError(`not a safe integer: ${value}`);
  }
  return BigInt(value);
}

// ---------------------------------------------------------------- expected revision

export function toClientExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    case 'any':
      return ANY;
    default:
      return expected;
  }
}

/** The client's expected revision (as found in its WrongExpectedVersionError) back to ours. */
export function fromClientExpectedRevision(expected: AppendExpectedRevision | number | string): ExpectedRevision {
  switch (expected) {
    case NO_STREAM:
      return 'no_stream';
    case STREAM_EXISTS:
      return 'stream_exists';
    case ANY:
      return 'any';
    default: {
      // The server's legacy error metadata encodes the named states as negative numbers.
      const revision = toBigInt(expected);
      if (revision === -1n) return 'no_stream';
      if (revision === -2n) return 'any';
      if (revision === -4n) return 'stream_exists';
      return revision;
    }
  }
}

/** The stream's current revision as the client reports it; -1 (or nothing) is no stream. */
export function toActualRevision(current: BigIntLike | 'no_stream' | undefined): bigint | 'no_stream' {
  if (current === undefined || current === NO_STREAM) return 'no_stream';
  const revision = toBigInt(current);
  return revision < 0n ? 'no_stream' : revision;
}

// ---------------------------------------------------------------- positions

export interface ClientPositionLike {
  commit: BigIntLike;
  prepare: BigIntLike;
}

/** The client's position as ours, or undefined when the server sent none. */
export function toGlobalPosition(position: ClientPositionLike | undefined | null): GlobalPosition | undefined {
  if (!position) return undefined;
  const commit = toBigInt(position.commit);
  const prepare = toBigInt(position.prepare);
  if (commit < 0n || prepare < 0n || commit >= NO_POSITION || prepare >= NO_POSITION) return undefined;
  return { commit, prepare };
}

/**
 * Where a read or subscription of $all starts. Reads include the event AT that position, and
 * subscriptions do on older servers: callers skip everything at or before it themselves.
 */
export function toClientReadPosition(after: GlobalPosition): ReadPosition {
  if (after.commit < 0n || after.prepare < 0n) return CLIENT_START;
  return { commit: after.commit, prepare: after.prepare };
}

export class UnsupportedServerError extends Error {
  constructor(what: string) {
    super(`${what}: the EventStoreDB engine needs a server that returns event positions on stream reads (EventStoreDB 22.6 or later)`);
    this.name = 'UnsupportedServerError';
  }
}

export function requirePosition(position: ClientPositionLike | undefined | null, what: string): GlobalPosition {
  const mapped = toGlobalPosition(position);
  if (!mapped) throw new UnsupportedServerError(`${what} came without a position`);
  return mapped;
}

// ---------------------------------------------------------------- filters

/**
 * EventStoreDB's own events (statistics, projections, stream metadata, links) have types
 * beginning with `$`. They are not ledger events and no reader of ours sees them, except in
 * our own `$ledger` stream.
 */
export function isSystemEvent(streamName: string, type: string): boolean {
  return type.startsWith('$') && streamName !== LEDGER_STREAM;
}

/** The whole filter, applied on this side to every event read from $all. */
export function keepsEvent(filter: ReadFilter | undefined, streamName: string, type: string, data: () => JsonValue | undefined): boolean {
  if (isSystemEvent(streamName, type)) return false;
  const prefixes = filter?.streamNamePrefixes;
  if (prefixes && !prefixes.some((prefix) => streamName.startsWith(prefix))) return false;
  const types = filter?.eventTypes;
  if (types && !types.includes(type)) return false;
  const patterns = filter?.dataContains;
  if (patterns) {
    const value = data();
    if (!patterns.some((pattern) => jsonContains(value, pattern))) return false;
  }
  return true;
}

/**
 * What the server can filter for a subscription: one expression, on stream names or on
 * event types. It is always a superset of `keepsEvent`, which runs on every event anyway:
 * - stream prefixes given: the prefixes (types, if also given, are checked here);
 * - only event types given: an anchored regex of the exact names;
 * - nothing given: no server filter, because "no `$` type except in `$ledger`" cannot be
 *   said in one expression; system events are dropped here and their positions still move
 *   the checkpoint.
 */
export type ServerFilterSpec = { filterOn: 'streamName'; prefixes: string[] } | { filterOn: 'eventType'; regex: string };

export function serverFilterFor(filter: ReadFilter | undefined): ServerFilterSpec | undefined {
  if (filter?.streamNamePrefixes) return { filterOn: 'streamName', prefixes: [...filter.streamNamePrefixes] };
  if (filter?.eventTypes) return { filterOn: 'eventType', regex: exactNamesRegex(filter.eventTypes) };
  return undefined;
}

/** `^(?:A|B\.v2)$`: EventStoreDB's filters take prefixes or a regex, and our types are exact names. */
export function exactNamesRegex(names: string[]): string {
  if (names.length === 0) return '^(?!)$';
  return `^(?:${names.map(escapeRegex).join('|')})$`;
}

function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, (character) => `\\${character}`);
}

// ---------------------------------------------------------------- events

/** The shape of the client's RecordedEvent that we read (JSON or binary). */
export interface ClientRecordedEventLike {
  streamId: string;
  id: string;
  revision: BigIntLike;
  type: string;
  isJson: boolean;
  created: Date;
  data: unknown;
  metadata?: unknown;
  position?: ClientPositionLike;
}

/**
 * A stored event as ours. `hash` is empty: this engine keeps no chain hash (see README.md).
 */
export function toRecordedEvent(event: ClientRecordedEventLike, position: GlobalPosition): RecordedEvent {
  return {
    streamName: event.streamId,
    revision: toBigInt(event.revision),
    position,
    eventId: event.id.toLowerCase(),
    type: event.type,
    data: jsonObjectOf(event, event.isJson ? event.data : undefined, 'data'),
    metadata: event.metadata === undefined ? {} : jsonObjectOf(event, event.metadata, 'metadata'),
    recordedAt: event.created.toISOString(),
    hash: '',
  };
}

/** The event's data as stored, for the data filter (keepsEvent); undefined when it is not JSON. */
export function storedData(event: ClientRecordedEventLike): JsonValue | undefined {
  return event.isJson && isJsonObject(event.data) ? event.data : undefined;
}

function jsonObjectOf(event: ClientRecordedEventLike, value: unknown, part: string): JsonObject {
  if (isJsonObject(value)) return value;
  throw new Error(`event ${event.id} in ${event.streamId} has ${part} that is not a JSON object: the ledger writes only JSON objects`);
}

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

// ---------------------------------------------------------------- appends

export interface PreparedEvent {
  eventId: string;
  type: string;
  data: JsonObject;
  metadata: JsonObject;
  /** RFC 8785 text of `data`: what "same content" compares. */
  canonicalData: string;
}

/**
 * The PostgreSQL engine's checks, in the same order, plus one: no `$` event type outside
 * `$ledger`, since readers of this engine skip those as EventStoreDB's own.
 */
export function prepareAppend(streamName: string, events: EventToAppend[], expectedRevision: ExpectedRevision): PreparedEvent[] {
  if (!isValidStreamName(streamName)) throw new InvalidAppendError(`invalid stream name: ${streamName}`);
  if (events.length === 0) throw new InvalidAppendError('an append needs at least one event');
  if (typeof expectedRevision === 'bigint' && expectedRevision < 0n) {
    throw new InvalidAppendError('an exact expected revision is 0 or more');
  }
  const prepared: PreparedEvent[] = [];
  for (const event of events) {
    const eventId = (event.eventId ?? randomUUID()).toLowerCase();
    if (!UUID.test(eventId)) throw new InvalidAppendError(`event id is not a UUID: ${eventId}`);
    if (!EVENT_TYPE.test(event.type)) throw new InvalidAppendError(`invalid event type: ${event.type}`);
    if (isSystemEvent(streamName, event.type)) {
      throw new InvalidAppendError(`event type ${event.type}: types beginning with $ are EventStoreDB's own and no reader would see it`);
    }
    if (prepared.some((other) => other.eventId === eventId)) {
      throw new InvalidAppendError(`event id ${eventId} appears twice in one append`);
    }
    const metadata = event.metadata ?? {};
    canonicalJson(metadata); // refuses what has no JSON form, as the PostgreSQL engine does
    prepared.push({ eventId, type: event.type, data: event.data, metadata, canonicalData: canonicalJson(event.data) });
  }
  return prepared;
}

export function toEventData(event: PreparedEvent): EventData {
  return jsonEvent({ id: event.eventId, type: event.type, data: event.data, metadata: event.metadata });
}

/**
 * "Same content", as the PostgreSQL engine judges a retry: same id, same stream, same type,
 * same data (metadata may differ: it says who sent the retry and when).
 */
export function sameContent(prepared: PreparedEvent, recorded: RecordedEvent): boolean {
  return prepared.eventId === recorded.eventId && prepared.type === recorded.type && prepared.canonicalData === canonicalJson(recorded.data);
}

/**
 * The result of an append, from the events read back at the revisions the server reported.
 *
 * A fresh append reads back exactly what it wrote. An append EventStoreDB judged idempotent
 * (same ids at the same place) reads back the first append's events: if their content
 * differs, the ids were reused for something else and the append is refused. Either way the
 * caller gets each event's own position in $all, as read.
 */
export function appendResultFromReadBack(streamName: string, prepared: PreparedEvent[], recorded: RecordedEvent[]): AppendResult {
  const mismatch = prepared.find((event, index) => recorded[index] === undefined || !sameContent(event, recorded[index]));
  if (mismatch) throw new DuplicateEventIdError(streamName, mismatch.eventId);
  const events = prepared.map((event, index) => ({
    eventId: event.eventId,
    type: event.type,
    revision: recorded[index].revision,
    position: recorded[index].position,
  }));
  const last = events[events.length - 1];
  return { streamName, nextExpectedRevision: last.revision, position: last.position, events };
}

/**
 * What a WrongExpectedVersion from EventStoreDB means for us. EventStoreDB also answers
 * WrongExpectedVersion when an append's first ids are already recorded and later ones are
 * not ("corrupted idempotency"): that is a reused id, a DuplicateEventIdError for us.
 * - `any` or `stream_exists` on an existing stream can fail only that way;
 * - an exact revision (or `no_stream`, revision -1) behind the stream may be either: look
 *   at the event after the expected revision (`probeFrom`) and compare ids;
 * - anything else is a plain wrong expected revision.
 */
export type WrongVersionVerdict =
  | { kind: 'wrong_expected_revision'; actual: bigint | 'no_stream' }
  | { kind: 'duplicate_event_id'; eventId: string }
  | { kind: 'probe'; probeFrom: bigint; actual: bigint };

export function judgeWrongExpectedVersion(expected: ExpectedRevision, actual: bigint | 'no_stream', prepared: PreparedEvent[]): WrongVersionVerdict {
  if (actual === 'no_stream') return { kind: 'wrong_expected_revision', actual };
  if (expected === 'any' || expected === 'stream_exists') return { kind: 'duplicate_event_id', eventId: prepared[0].eventId };
  const expectedRevision = expected === 'no_stream' ? -1n : expected;
  if (actual > expectedRevision) return { kind: 'probe', probeFrom: expectedRevision + 1n, actual };
  return { kind: 'wrong_expected_revision', actual };
}

/** After a probe: were our first ids already at the expected place? */
export function judgeProbe(
  streamName: string,
  expected: ExpectedRevision,
  actual: bigint,
  prepared: PreparedEvent[],
  recorded: RecordedEvent[],
): DuplicateEventIdError | WrongExpectedRevisionError {
  if (recorded[0]?.eventId !== prepared[0].eventId) return new WrongExpectedRevisionError(streamName, expected, actual);
  const conflicting = prepared.find((event, index) => recorded[index] === undefined || !sameContent(event, recorded[index]));
  return new DuplicateEventIdError(streamName, (conflicting ?? prepared[0]).eventId);
}

// ---------------------------------------------------------------- client errors

/** The client's error classes, recognised by class or by the `type` tag they all carry. */
export function isWrongExpectedVersionError(error: unknown): error is WrongExpectedVersionError {
  return error instanceof WrongExpectedVersionError || errorType(error) === ErrorType.WRONG_EXPECTED_VERSION;
}

export function isStreamNotFoundError(error: unknown): error is StreamNotFoundError {
  return error instanceof StreamNotFoundError || errorType(error) === ErrorType.STREAM_NOT_FOUND;
}

export function isMaxAppendSizeExceededError(error: unknown): error is MaxAppendSizeExceededError {
  return error instanceof MaxAppendSizeExceededError || errorType(error) === ErrorType.MAXIMUM_APPEND_SIZE_EXCEEDED;
}

/** Errors after which a subscription can only fail again: report them instead of retrying. */
const PERMANENT_ERRORS: ReadonlySet<string> = new Set([
  ErrorType.ACCESS_DENIED,
  ErrorType.INVALID_ARGUMENT,
  ErrorType.UNSUPPORTED,
  ErrorType.STREAM_DELETED,
  ErrorType.USER_NOT_FOUND,
]);

export function isRetryableSubscriptionError(error: unknown): boolean {
  if (error instanceof UnsupportedServerError) return false;
  const type = errorType(error);
  return type === undefined || !PERMANENT_ERRORS.has(type);
}

function errorType(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('type' in error)) return undefined;
  const type: unknown = error.type;
  return typeof type === 'string' ? type : undefined;
}
