import { randomUUID } from 'node:crypto';
import type { EventMetadata, EventStore, RecordedEvent } from '../event-store/event-store';
import { WrongExpectedRevisionError } from '../event-store/errors';
import { formatPosition, START } from '../event-store/position';
import { toHex } from './bytes';
import { MerkleFrontier } from './merkle';
import { PostgresMerkleTree, TreeLeaf } from './postgres/postgres-merkle-tree';
import { LEDGER_STREAM, RecordedSeal, SEAL_EVENT_TYPE, SealData } from './seal';
import type { SealSigner } from './seal-signing';
import type { FolderWitness } from './witness';
import { SealIndex } from './seal-index';
import { LOCK_BUSY, SealerLock } from './sealer-lock';

/**
 * The sealer: keeps the Merkle tree up with the ledger and appends a seal (`LedgerSealed`
 * to `$ledger`) every N events or T seconds, whichever comes first.
 *
 * Incremental: the stored tree's right edge (the RFC 9162 compact range) is loaded with a
 * few row lookups, and only events after its last leaf are read. Each cycle runs under a
 * PostgreSQL advisory lock, so one sealer works at a time however many processes run one;
 * the seal is appended expecting `$ledger`'s revision as read, so even without the lock
 * two sealers could not fork the seal chain — the loser gets WrongExpectedRevisionError.
 */
export interface SealerSettings {
  /** Seal once this many events are unsealed (0: never for this reason). */
  everyEvents: number;
  /** Seal unsealed events once the last seal is this old (0: never for this reason). */
  intervalSeconds: number;
  /** Events read per page while catching up. */
  pageSize?: number;
}

export type SealOutcome =
  | { status: 'sealed'; seal: RecordedSeal }
  | { status: 'not-due'; treeSize: number; unsealedEvents: number }
  | { status: 'nothing-to-seal'; treeSize: number }
  /** Another process holds the sealer lock. */
  | { status: 'busy' }
  /** Another sealer appended a seal first; the next cycle carries on from it. */
  | { status: 'lost-race' };

/** The stored tree no longer agrees with the seals: sealing on would hide it. */
export class SealerIntegrityError extends Error {
  constructor(message: string) {
    super(`${message}; sealing stopped: run \`npm run ledger -- verify\``);
    this.name = 'SealerIntegrityError';
  }
}

/** Signing and witnessing (seal-signing.ts, witness.ts); a sealer without them makes plain seals. */
export interface SealerTrust {
  signer?: SealSigner;
  witness?: FolderWitness;
}

export const SEALER_ACTOR = { userId: 'system:ledger-sealer', roles: [] as string[], force: '*' };

export class LedgerSealer {
  private readonly seals: SealIndex;
  private readonly startedAt: number;
  /** The last seal whose root the stored tree was found to give. */
  private checkedSealId: string | undefined;
  /** The last seal known to be in the witness. */
  private witnessedSealId: string | undefined;
  private keyWitnessed = false;

  constructor(
    private readonly store: EventStore,
    private readonly tree: PostgresMerkleTree,
    private readonly lock: SealerLock,
    private readonly settings: SealerSettings,
    private readonly clock: () => Date = () => new Date(),
    private readonly trust: SealerTrust = {},
  ) {
    this.seals = new SealIndex(store);
    this.startedAt = clock().getTime();
  }

  /** One cycle: catch the tree up, and seal if N events or T seconds have gathered. */
  sealIfDue(signal?: AbortSignal): Promise<SealOutcome> {
    return this.underLock(() => this.cycle(false, signal));
  }

  /** Seal whatever is unsealed now (the CLI's `seal`). */
  sealNow(signal?: AbortSignal): Promise<SealOutcome> {
    return this.underLock(() => this.cycle(true, signal));
  }

  private async underLock(work: () => Promise<SealOutcome>): Promise<SealOutcome> {
    const outcome = await this.lock.run(work);
    return outcome === LOCK_BUSY ? { status: 'busy' } : outcome;
  }

  private async cycle(force: boolean, signal: AbortSignal | undefined): Promise<SealOutcome> {
    await this.seals.refresh();
    const last = this.seals.latest();
    // A seal appended just before a crash may have missed the witness: it gets there now.
    await this.witness(last);
    const { frontier, lastPosition } = await this.catchUp(signal);
    await this.checkAgainst(last, frontier);

    const unsealedEvents = frontier.size - (last?.treeSize ?? 0);
    if (unsealedEvents === 0 || lastPosition === undefined) return { status: 'nothing-to-seal', treeSize: frontier.size };
    if (!force && !this.isDue(last, unsealedEvents)) return { status: 'not-due', treeSize: frontier.size, unsealedEvents };

    const sealedAt = this.clock().toISOString();
    const content: SealData = {
      sealedThroughPosition: lastPosition,
      treeSize: frontier.size,
      rootHash: toHex(frontier.root()),
      previousSealHash: last?.hash ?? null,
      sealedAt,
    };
    const data = this.trust.signer ? this.trust.signer.sign(content) : content;
    const eventId = randomUUID();
    const metadata: EventMetadata = {
      correlationId: eventId,
      causationId: eventId,
      commandId: eventId,
      actor: SEALER_ACTOR,
      occurredAt: sealedAt,
      schemaVersion: 1,
    };
    try {
      await this.store.appendToStream(LEDGER_STREAM, [{ eventId, type: SEAL_EVENT_TYPE, data, metadata }], {
        expectedRevision: this.seals.streamRevision,
      });
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) return { status: 'lost-race' };
      throw error;
    }
    await this.seals.refresh();
    const seal = this.seals.latest();
    if (seal?.eventId !== eventId) return { status: 'lost-race' };
    this.checkedSealId = eventId;
    await this.witness(seal);
    return { status: 'sealed', seal };
  }

  /** Writes the seal (and the key that signed it) to the witness, once. */
  private async witness(seal: RecordedSeal | undefined): Promise<void> {
    const { witness, signer } = this.trust;
    if (!witness) return;
    if (signer && !this.keyWitnessed) {
      await witness.recordKey(signer.publicKey);
      this.keyWitnessed = true;
    }
    if (!seal || seal.eventId === this.witnessedSealId) return;
    await witness.record(seal);
    this.witnessedSealId = seal.eventId;
  }

  private isDue(last: RecordedSeal | undefined, unsealedEvents: number): boolean {
    const { everyEvents, intervalSeconds } = this.settings;
    if (everyEvents > 0 && unsealedEvents >= everyEvents) return true;
    const since = last ? Date.parse(last.sealedAt) : this.startedAt;
    return intervalSeconds > 0 && this.clock().getTime() - since >= intervalSeconds * 1000;
  }

  /** Appends every event after the tree's last leaf (`$ledger` aside) to the stored tree. */
  private async catchUp(signal: AbortSignal | undefined): Promise<{ frontier: MerkleFrontier; lastPosition: string | undefined }> {
    const stored = await this.tree.load();
    let frontier = stored.frontier;
    let lastPosition = stored.lastLeaf ? formatPosition(stored.lastLeaf.position) : undefined;
    const pageSize = this.settings.pageSize ?? 1000;
    for (let after = stored.lastLeaf?.position ?? START; ;) {
      signal?.throwIfAborted();
      const { events } = await this.store.readAll({ after, maxCount: pageSize });
      const leaves = events.filter((event) => event.streamName !== LEDGER_STREAM).map(toLeaf);
      if (leaves.length > 0) {
        frontier = await this.tree.append(frontier, leaves);
        lastPosition = formatPosition(leaves[leaves.length - 1].position);
      }
      if (events.length < pageSize) return { frontier, lastPosition };
      after = events[events.length - 1].position;
    }
  }

  /**
   * Each seal must extend the last one: the stored tree has to give the last seal's root
   * at its size. Checked once per seal, with a handful of row lookups.
   */
  private async checkAgainst(last: RecordedSeal | undefined, frontier: MerkleFrontier): Promise<void> {
    if (!last || last.eventId === this.checkedSealId) return;
    if (frontier.size < last.treeSize) {
      throw new SealerIntegrityError(`the last seal covers ${last.treeSize} events, but the ledger now has only ${frontier.size}`);
    }
    const root = frontier.size === last.treeSize ? frontier.root() : await this.tree.rootAt(last.treeSize);
    if (toHex(root) !== last.rootHash) {
      throw new SealerIntegrityError(`the first ${last.treeSize} events no longer give the root of seal ${last.eventId}`);
    }
    this.checkedSealId = last.eventId;
  }
}

function toLeaf(event: RecordedEvent): TreeLeaf {
  // A leaf is the chain hash the store recorded; an engine without one cannot be sealed.
  if (event.hash.length !== 64) throw new Error(`event ${event.eventId} has no chain hash: this engine cannot be sealed`);
  return {
    eventId: event.eventId,
    streamName: event.streamName,
    revision: event.revision,
    position: event.position,
    chainHash: Buffer.from(event.hash, 'hex'),
  };
}
