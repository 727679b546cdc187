/**
 * The one write path of an event-sourced slice: load the stream, fold it, decide, append
 * at the revision the decision was made on. Two writers deciding on the same revision
 * cannot both append: the second gets a WrongExpectedRevisionError (409) and retries on the
 * new state. The case slice has its own handler (src/cases/case.handlers.ts); the registers,
 * recommendations and workforce share this one.
 *
 * A slice supplies its decider, the event types it knows with their schema versions, the
 * legal date of each event (its metadata's `occurredAt`), and how a command names its stream.
 * A slice whose events hold personal data names those fields and whose key seals them: they
 * are encrypted after decide and before the append (src/vault/README.md, "Whose key").
 */
import { Inject } from '@nestjs/common';
import type { Type } from '@nestjs/common';
import { Command, CommandHandler } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { WrongExpectedRevisionError } from '../event-store/errors';
import { EventStore } from '../event-store/event-store';
import type { AppendResult, JsonObject, RecordedEvent } from '../event-store/event-store';
import type { CommandContext } from '../http';
import { sealPersonalFields } from '../vault/personal-fields';
import type { PersonalFields } from '../vault/personal-fields';
import { Vault } from '../vault/vault';
import type { Decider } from './decider';
import { DomainError, NotFoundError } from './domain-error';

export interface SliceEvent {
  type: string;
  data: object;
}

export interface StreamSlice<C, Event extends SliceEvent, State> {
  readonly decider: Decider<C, Event, State>;
  /** Every event type the slice knows, with its schema version; other types in the stream are skipped. */
  readonly schemaVersions: { readonly [type: string]: number };
  /** Event type → the field holding its legal date (`YYYY-MM-DD`). */
  readonly dateFields: { readonly [type: string]: PropertyKey };
  streamName(command: C): string;
  /**
   * Facts held in other streams that admission and decide need, added to the command before
   * either (a person's holder force, from their workforce record). Decide stays pure.
   */
  complete?(command: C, store: EventStore): Promise<C>;
  /**
   * Who may decide on this stream, asked with the state before any rule: throw to refuse
   * (a 404 for another force's stream, so its existence is not revealed).
   */
  admit?(state: State, command: C, context: CommandContext): void;
  /** Rules whose refusal means the addressed thing does not exist: answered 404, not 422. */
  readonly notFoundRules?: readonly string[];
  /**
   * The personal data in the slice's events: per event type, the fields (its VAULT_FIELDS)
   * sealed under the key of `personOf(command)`. Decide sees the clear command; the earlier
   * events it folds carry envelopes, which no rule reads.
   */
  readonly personalData?: SlicePersonalData<C>;
}

export interface SlicePersonalData<C> {
  readonly fields: PersonalFields;
  /** The vault person whose key seals the command's events. */
  personOf(command: C): string;
}

export async function decideAndAppend<C, Event extends SliceEvent, State>(
  store: EventStore,
  vault: Vault,
  slice: StreamSlice<C, Event, State>,
  given: C,
  context: CommandContext,
): Promise<AppendResult> {
  const command = slice.complete === undefined ? given : await slice.complete(given, store);
  const requestedAt = new Date().toISOString();
  const streamName = slice.streamName(command);
  const recorded = await store.readStream(streamName);
  const state = recorded.filter((event) => Object.hasOwn(slice.schemaVersions, event.type)).map(toSliceEvent<Event>).reduce(slice.decider.evolve, slice.decider.initialState);
  const revision = recorded.at(-1)?.revision ?? 'no_stream';
  slice.admit?.(state, command, context);
  // A retry of a command whose answer was lost in a crash: its events are there; answer them.
  const earlier = context.earlierAppend(streamName, recorded);
  if (earlier !== undefined) return earlier;
  // A client that saw an older revision decided on an older state: 409 before any rule.
  if (context.expectedRevision !== undefined && context.expectedRevision !== revision) {
    throw new WrongExpectedRevisionError(streamName, context.expectedRevision, revision);
  }
  const decided = decideOrNotFound(slice, command, state);
  const eventIds = context.eventIds(streamName, decided.length);
  // Personal data is encrypted before the append, so the events' hashes cover the ciphertext.
  const events = await sealPersonalData(vault, slice, command, decided, eventIds);
  return store.appendToStream(
    streamName,
    events.map((event, index) => ({
      eventId: eventIds[index],
      type: event.type,
      data: toJsonObject(event.data),
      metadata: context.metadata(occurredAt(slice, event) ?? requestedAt, slice.schemaVersions[event.type]),
    })),
    { expectedRevision: revision },
  );
}

/**
 * A recorded event as its slice's event type. The caller has checked the type is the
 * slice's; the store returns what this service appended, upcast to the current shape.
 */
export function toSliceEvent<Event extends SliceEvent>(recorded: RecordedEvent): Event {
  const event: SliceEvent = { type: recorded.type, data: recorded.data };
  return event as Event;
}

function decideOrNotFound<C, Event extends SliceEvent, State>(slice: StreamSlice<C, Event, State>, command: C, state: State): Event[] {
  try {
    return slice.decider.decide(command, state);
  } catch (error) {
    if (error instanceof DomainError && slice.notFoundRules?.includes(error.rule)) throw new NotFoundError(error.message, error.rule);
    throw error;
  }
}

/** The events with their personal-data fields sealed, each with its event id as the nonce's context (a retry seals the same bytes). */
function sealPersonalData<C, Event extends SliceEvent, State>(vault: Vault, slice: StreamSlice<C, Event, State>, command: C, events: Event[], eventIds: string[]): Promise<Event[]> {
  const personal = slice.personalData;
  if (personal === undefined) return Promise.resolve(events);
  const personId = personal.personOf(command);
  return Promise.all(
    events.map(async (event, index) => ({ ...event, data: await sealPersonalFields(vault, personId, event.data, personal.fields[event.type] ?? [], eventIds[index]) })),
  );
}

/** When the event happened in the world: its legal date at midnight UTC, as for case events. */
function occurredAt<C, Event extends SliceEvent, State>(slice: StreamSlice<C, Event, State>, event: Event): string | undefined {
  const field = slice.dateFields[event.type];
  const day = field === undefined ? undefined : (event.data as Record<PropertyKey, unknown>)[field];
  return typeof day === 'string' ? `${day}T00:00:00.000Z` : undefined;
}

/** JSON has neither class instances nor `undefined` fields; a validated body may hold both. */
function toJsonObject(data: object): JsonObject {
  return JSON.parse(JSON.stringify(data)) as JsonObject;
}

/** The @nestjs/cqrs message of a slice's commands: the command and what the request says about its sender. */
export class StreamCommandMessage<C> extends Command<AppendResult> {
  constructor(
    readonly command: C,
    /** Actor, If-Match revision, deterministic event ids and metadata. */
    readonly context: CommandContext,
  ) {
    super();
  }
}

/**
 * The handler of a slice's message class: one per slice, since the bus binds one handler
 * to one class (`class ExecuteRegisterCommand extends StreamCommandMessage<RegisterCommand> {}`).
 */
export function streamCommandHandler<C, Event extends SliceEvent, State>(
  message: Type<StreamCommandMessage<C>>,
  slice: StreamSlice<C, Event, State>,
): Type<ICommandHandler<StreamCommandMessage<C>, AppendResult>> {
  @CommandHandler(message)
  class StreamCommandHandler implements ICommandHandler<StreamCommandMessage<C>, AppendResult> {
    constructor(
      @Inject(EventStore) readonly store: EventStore,
      @Inject(Vault) readonly vault: Vault,
    ) {}

    execute({ command, context }: StreamCommandMessage<C>): Promise<AppendResult> {
      return decideAndAppend(this.store, this.vault, slice, command, context);
    }
  }
  Object.defineProperty(StreamCommandHandler, 'name', { value: `${message.name}Handler` });
  return StreamCommandHandler;
}
