import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { appendResultOf } from '../event-store/event-store';
import type { AppendResult, EventMetadata, EventStore, JsonObject, RecordedEvent } from '../event-store/event-store';
import { Actor, ledgerRequest, LedgerRequest } from './actor';
import { badHeader, unauthenticated } from './problem';
import { isUuid, nameBasedUuid } from './uuid';

/** What a command handler needs from the HTTP request that carried the command. */
export interface CommandContext {
  readonly actor: Actor;
  readonly correlationId: string;
  /** The command is the cause of the events it appends. */
  readonly causationId: string;
  /** The Idempotency-Key when the client sent one, otherwise a new UUID. */
  readonly commandId: string;
  readonly idempotencyKey?: string;
  /** From `If-Match: "<revision>"`: the revision the client last saw; undefined without the header. */
  readonly expectedRevision?: bigint;
  /**
   * Ids for the next `count` events of `streamName`. With an Idempotency-Key they are derived
   * from it (and the user, the stream and the event's place), so a retried command appends
   * the same ids and the store answers the first append's result instead of appending
   * twice. Later calls for the same stream continue the numbering.
   */
  eventIds(streamName: string, count: number): string[];
  /**
   * What this command appended to `streamName` before, found among the stream's `recorded`
   * events by the ids `eventIds` would give next: the result of the first append, for a retry
   * whose process died after that append committed and before its answer was kept (the
   * idempotency record then says nothing, and deciding again on the new state would refuse
   * the command's own write). Undefined without an Idempotency-Key, or when nothing is there.
   */
  earlierAppend(streamName: string, recorded: readonly RecordedEvent[]): AppendResult | undefined;
  /** A UUID for something the command creates (e.g. a new case): stable across retries, like eventIds. */
  newId(purpose: string): string;
  /** Event metadata; the store adds `recordedAt`. */
  metadata(occurredAt: string, schemaVersion: number): EventMetadata;
  /**
   * A rehearsal (`npm run import -- --dry-run`): the write path reads and appends through this
   * store, which keeps what would be appended in memory, and seals nothing. Undefined for
   * every real command.
   */
  readonly rehearsal?: EventStore;
}

/** What a command context is made of, wherever the command comes from (an HTTP request, a legacy import). */
export interface CommandOrigin {
  actor: Actor;
  idempotencyKey?: string;
  expectedRevision?: bigint;
  correlationId?: string;
  /** Where an imported event came from (file, row, source reference): its metadata's `import`. */
  imported?: JsonObject;
  rehearsal?: EventStore;
}

interface RequestWithCommand extends LedgerRequest {
  commandContext?: CommandContext;
}

/** `@CommandContext() command: CommandContext` in a command controller's parameters. */
export const CommandContext = createParamDecorator((_data: unknown, context: ExecutionContext): CommandContext => commandContextOf(ledgerRequest(context)));

/** One context per request, so every caller continues the same event id numbering. */
export function commandContextOf(request: RequestWithCommand): CommandContext {
  request.commandContext ??= buildCommandContext(request);
  return request.commandContext;
}

function buildCommandContext(request: LedgerRequest): CommandContext {
  const actor = request.actor;
  if (!actor) throw unauthenticated(request.authenticationProblem);
  return commandContextFor({
    actor,
    idempotencyKey: readIdempotencyKey(request),
    expectedRevision: readExpectedRevision(request),
    correlationId: request.correlationId,
  });
}

/**
 * The context of one command. With an Idempotency-Key its ids (events, a new case) are derived
 * from the actor's id and the key, so the same command sent again names the same ids.
 */
export function commandContextFor({ actor, idempotencyKey, expectedRevision, imported, rehearsal, ...origin }: CommandOrigin): CommandContext {
  const commandId = idempotencyKey ?? randomUUID();
  const correlationId = origin.correlationId ?? randomUUID();
  const derivedId = (parts: string[]): string => (idempotencyKey === undefined ? randomUUID() : nameBasedUuid([actor.userId, idempotencyKey, ...parts]));
  const eventsTaken = new Map<string, number>();

  return {
    actor,
    correlationId,
    causationId: commandId,
    commandId,
    idempotencyKey,
    expectedRevision,
    eventIds(streamName, count) {
      const first = eventsTaken.get(streamName) ?? 0;
      eventsTaken.set(streamName, first + count);
      return Array.from({ length: count }, (_, index) => derivedId(['event', streamName, String(first + index)]));
    },
    earlierAppend(streamName, recorded) {
      if (idempotencyKey === undefined) return undefined;
      const first = eventsTaken.get(streamName) ?? 0;
      const idAt = (index: number): string => derivedId(['event', streamName, String(first + index)]);
      const start = recorded.findIndex((event) => event.eventId === idAt(0));
      if (start < 0) return undefined;
      // One append's events are consecutive in its stream (the append holds the stream's lock).
      const appended: RecordedEvent[] = [];
      while (recorded[start + appended.length]?.eventId === idAt(appended.length)) appended.push(recorded[start + appended.length]);
      return appendResultOf(streamName, appended);
    },
    newId: (purpose) => derivedId(['id', purpose]),
    metadata: (occurredAt, schemaVersion) => ({
      correlationId,
      causationId: commandId,
      commandId,
      actor: { userId: actor.userId, roles: [...actor.roles], force: actor.force },
      occurredAt,
      schemaVersion,
      ...(imported === undefined ? {} : { import: imported }),
    }),
    ...(rehearsal === undefined ? {} : { rehearsal }),
  };
}

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** The Idempotency-Key (lower-cased), undefined when absent; 400 when it is not a UUID. */
export function readIdempotencyKey(request: LedgerRequest): string | undefined {
  const header = request.headers['idempotency-key'];
  if (header === undefined) return undefined;
  const key = typeof header === 'string' ? header.trim() : '';
  if (!isUuid(key)) throw badHeader(IDEMPOTENCY_KEY_HEADER, 'it must be a UUID');
  return key.toLowerCase();
}

// Fifteen digits keep a revision exact as a JSON number.
const IF_MATCH = /^"(\d{1,15})"$/;

export function readExpectedRevision(request: LedgerRequest): bigint | undefined {
  const header = request.headers['if-match'];
  if (header === undefined) return undefined;
  const match = IF_MATCH.exec(typeof header === 'string' ? header.trim() : '');
  if (!match) throw badHeader('If-Match', 'it must be a quoted revision, e.g. "3"');
  return BigInt(match[1]);
}
