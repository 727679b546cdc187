/**
 * The one write path of every command of every slice (cases, registers, recommendations,
 * workforce, declared conflicts, erasure): load the stream → admit the actor → store the
 * content the command brings (a document's bytes) → decide → seal personal data → append at
 * the revision decided on.
 *
 * - What a refusal means over HTTP is declared on its rule (src/common/rule-book.ts); a
 *   refusal meaning 404 is answered as the slice answers a thing the actor may not know of,
 *   so the two cannot be told apart.
 * - With If-Match the client decided on the revision it names: another revision is 409,
 *   before any rule. Without it, a concurrent writer's append (WrongExpectedRevisionError)
 *   makes the handler decide again on the new state, a few times at most.
 * - A retried command whose answer was lost after its append (same Idempotency-Key) finds
 *   its own events and is answered with them (CommandContext.earlierAppend).
 * - Every instant comes from the injected clock.
 * - A rehearsal (CommandContext.rehearsal, an import's --dry-run) goes the same way through a
 *   store that keeps its appends in memory.
 */
import { Inject, Injectable } from '@nestjs/common';
import { Command, CommandHandler } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { ConflictRegistry } from '../access/conflicts/conflict-registry';
import { WrongExpectedRevisionError } from '../event-store/errors';
import { EventStore } from '../event-store/event-store';
import type { AppendResult, ExpectedRevision, JsonObject, RecordedEvent } from '../event-store/event-store';
import type { Actor, CommandContext } from '../http';
import { sealPersonalFields } from '../vault/personal-fields';
import { Vault } from '../vault/vault';
import { DocumentContent } from '../documents/document-content';
import { CLOCK } from './clock';
import type { Clock } from './clock';
import type { Decider } from './decider';
import type { SliceEventDeclarations } from './event-declaration';
import { DomainError, NotFoundError } from './domain-error';
import { toSliceEvent } from './stream-commands';
import type { SliceEvent } from './stream-commands';

/** How many times a command is decided when concurrent writers keep moving its stream on. */
export const MAX_DECISIONS = 5;

/** What admission may ask besides the actor: the cases they declared a conflict of interest on. */
export interface Admission {
  readonly actor: Actor;
  declaredConflicts(): readonly string[];
}

/** What a decision is made with besides the command and the state. */
export interface Decision {
  readonly actor: Actor;
  /** The clock's instant (ISO) of this decision. */
  readonly now: string;
}

/** A slice, as the write path sees it. */
export interface WriteSlice<C, Event extends SliceEvent, State> {
  streamName(command: C): string;
  /** The state decide sees, from the stream as stored. */
  fold(recorded: readonly RecordedEvent[]): State;
  /**
   * Facts held in other streams that admission and decide need, added to the command before
   * either (a person's holder force, from their workforce record). Decide stays pure.
   */
  complete?(command: C, store: EventStore, now: string): Promise<C>;
  /** Who may decide on this stream, asked with the state before any rule: throws the refusal (404 for what the actor may not know of, 403). */
  admit?(state: State, command: C, admission: Admission): void;
  /**
   * The content a command brings, stored once its actor is admitted and before decide: a
   * document's bytes sealed under the case's key (case.slice.ts) or the person's
   * (person.stream.ts) and kept content-addressed,
   * the command given the stored object's address. Storing the same content again is
   * harmless; a command a rule then refuses leaves an object that no event names, which no
   * read can reach (src/documents/README.md).
   */
  prepare?(command: C, documents: DocumentContent): Promise<C>;
  decide(command: C, state: State, decision: Decision): Event[];
  /** The event with its personal data sealed by the vault; `eventId` is the nonce's context, so a retry seals the same bytes. */
  seal?(vault: Vault, command: C, event: Event, state: State, eventId: string): Promise<Event>;
  /** When the event happened in the world (ISO instant); undefined: when it was decided. */
  occurredAt(event: Event): string | undefined;
  schemaVersion(event: Event): number;
  /** The answer to a refusal whose rule means 404, the same as admission's for a thing the actor may not know of. */
  notFound?(command: C): Error;
  /** A command that opens its stream expects none there: If-Match means nothing to it. */
  opensStream?(command: C): boolean;
}

/** The @nestjs/cqrs message of every command: the slice, the command, and what the request says about its sender. */
export class WriteCommand<C = unknown, Event extends SliceEvent = SliceEvent, State = unknown> extends Command<AppendResult> {
  constructor(
    readonly slice: WriteSlice<C, Event, State>,
    readonly command: C,
    /** Actor, If-Match revision, deterministic event ids and metadata. */
    readonly context: CommandContext,
  ) {
    super();
  }
}

@Injectable()
@CommandHandler(WriteCommand)
export class WriteCommandHandler implements ICommandHandler<WriteCommand, AppendResult> {
  constructor(
    private readonly store: EventStore,
    private readonly vault: Vault,
    private readonly conflicts: ConflictRegistry,
    private readonly documents: DocumentContent,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute<C, Event extends SliceEvent, State>({ slice, command, context }: WriteCommand<C, Event, State>): Promise<AppendResult> {
    const ids = new EventIdsOf(context);
    for (let decision = 1; ; decision += 1) {
      try {
        return await this.decideAndAppend(slice, command, context, ids, decision === 1);
      } catch (error) {
        // Another writer appended after our read: decide again on the new state, unless the client named the revision it decided on.
        const decideAgain = error instanceof WrongExpectedRevisionError && context.expectedRevision === undefined && decision < MAX_DECISIONS;
        if (!decideAgain) throw error;
      }
    }
  }

  private async decideAndAppend<C, Event extends SliceEvent, State>(
    slice: WriteSlice<C, Event, State>,
    sent: C,
    context: CommandContext,
    ids: EventIdsOf,
    firstDecision: boolean,
  ): Promise<AppendResult> {
    const now = this.clock.now();
    // A rehearsal (an import's --dry-run) reads and appends through its own store, which appends nothing.
    const store = context.rehearsal ?? this.store;
    const given = slice.complete === undefined ? sent : await slice.complete(sent, store, now);
    const streamName = slice.streamName(given);
    const recorded = await store.readStream(streamName);
    const state = slice.fold(recorded);
    const revision = recorded.at(-1)?.revision ?? 'no_stream';
    const actor = context.actor;
    slice.admit?.(state, given, { actor, declaredConflicts: () => this.conflicts.declaredBy(actor.userId) });
    if (firstDecision) {
      // A retry of a command whose answer was lost in a crash: its events are there; answer them.
      const earlier = context.earlierAppend(streamName, recorded);
      if (earlier !== undefined) return earlier;
    }
    // The bytes first, then the event that names them: an appended event never names content that is not stored.
    const command = slice.prepare === undefined ? given : await slice.prepare(given, this.documents);
    const opens = slice.opensStream?.(command) === true;
    const expected = context.expectedRevision;
    // A client that saw an older revision decided on an older state: 409 before any rule.
    if (!opens && expected !== undefined && revision !== 'no_stream' && expected !== revision) {
      throw new WrongExpectedRevisionError(streamName, expected, revision);
    }
    const decided = decideOrRefuse(slice, command, state, { actor, now });
    // A stream the client named a revision of is not there (a rule did not refuse first).
    if (!opens && expected !== undefined && revision === 'no_stream') throw new WrongExpectedRevisionError(streamName, expected, revision);
    const eventIds = ids.take(streamName, decided.length);
    // Personal data is encrypted before the append, so the events' hashes cover the ciphertext.
    // A rehearsal stores nothing, so it has nothing to seal (and makes no vault key for a case it does not open).
    const events =
      slice.seal === undefined || context.rehearsal !== undefined
        ? decided
        : await Promise.all(decided.map((event, index) => this.sealed(slice, command, event, state, eventIds[index])));
    const expectedRevision: ExpectedRevision = opens ? 'no_stream' : revision;
    return store.appendToStream(
      streamName,
      events.map((event, index) => ({
        eventId: eventIds[index],
        type: event.type,
        data: toJsonObject(event.data),
        metadata: context.metadata(slice.occurredAt(event) ?? now, slice.schemaVersion(event)),
      })),
      { expectedRevision },
    );
  }

  private sealed<C, Event extends SliceEvent, State>(
    slice: WriteSlice<C, Event, State>,
    command: C,
    event: Event,
    state: State,
    eventId: string,
  ): Promise<Event> {
    return slice.seal === undefined ? Promise.resolve(event) : slice.seal(this.vault, command, event, state, eventId);
  }
}

/**
 * The event ids of one command: taken once from the context, and the same again when the
 * command is decided again after a concurrent append (the failed append wrote nothing), so
 * a retry with its Idempotency-Key still finds them.
 */
class EventIdsOf {
  private readonly taken = new Map<string, string[]>();

  constructor(private readonly context: CommandContext) {}

  take(streamName: string, count: number): string[] {
    const ids = this.taken.get(streamName) ?? [];
    if (ids.length < count) ids.push(...this.context.eventIds(streamName, count - ids.length));
    this.taken.set(streamName, ids);
    return ids.slice(0, count);
  }
}

/** decide, with a refusal whose rule means 404 answered as the slice answers what the actor may not know of. */
function decideOrRefuse<C, Event extends SliceEvent, State>(slice: WriteSlice<C, Event, State>, command: C, state: State, decision: Decision): Event[] {
  try {
    return slice.decide(command, state, decision);
  } catch (error) {
    if (error instanceof DomainError && error.status === 404) throw slice.notFound?.(command) ?? new NotFoundError(error.message, error.rule);
    throw error;
  }
}

/** JSON has neither class instances nor `undefined` fields; a validated body may hold both. */
export function toJsonObject(data: object): JsonObject {
  return JSON.parse(JSON.stringify(data)) as JsonObject;
}

/** A slice made of a decider over its own event types (every slice but the cases'). */
export interface DeciderSlice<C, Event extends SliceEvent, State> {
  readonly decider: Decider<C, Event, State>;
  /** The slice's event declarations (src/common/event-declaration.ts); other types in the stream are skipped. */
  readonly events: SliceEventDeclarations;
  streamName(command: C): string;
  complete?(command: C, store: EventStore, now: string): Promise<C>;
  admit?(state: State, command: C, admission: Admission): void;
  notFound?(command: C): Error;
  /** The content the command brings, stored before decide (WriteSlice.prepare). */
  prepare?(command: C, documents: DocumentContent): Promise<C>;
  /**
   * Whose key seals the personal data of the slice's events (their declared `vaultText`
   * fields). Decide sees the clear command; the earlier events it folds carry envelopes,
   * which no rule reads.
   */
  readonly personalData?: { personOf(command: C): string };
}

export function deciderSlice<C, Event extends SliceEvent, State>(slice: DeciderSlice<C, Event, State>): WriteSlice<C, Event, State> {
  const { decider, events, personalData } = slice;
  return {
    streamName: (command) => slice.streamName(command),
    fold: (recorded) =>
      recorded
        .filter((event) => events.isType(event.type))
        .map(toSliceEvent<Event>)
        .reduce(decider.evolve, decider.initialState),
    complete: slice.complete?.bind(slice),
    admit: slice.admit?.bind(slice),
    notFound: slice.notFound?.bind(slice),
    prepare: slice.prepare?.bind(slice),
    decide: (command, state) => decider.decide(command, state),
    ...(personalData === undefined
      ? {}
      : {
          seal: async (vault: Vault, command: C, event: Event, _state: State, eventId: string): Promise<Event> => ({
            ...event,
            data: await sealPersonalFields(vault, personalData.personOf(command), event.data, events.vaultFields[event.type] ?? [], eventId),
          }),
        }),
    occurredAt: (event) => events.legalInstantOf(event),
    schemaVersion: (event) => events.schemaVersions[event.type],
  };
}
