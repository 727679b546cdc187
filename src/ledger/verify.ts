import type { RecordedEvent } from '../event-store/event-store';
import { chainHash, GENESIS_HASH } from '../event-store/hashing';
import { comparePositions, formatPosition, GlobalPosition, parsePosition, START } from '../event-store/position';
import { toHex } from './bytes';
import { LedgerSource, StreamHead } from './ledger-source';
import { leafHash, MerkleFrontier } from './merkle';
import { isSealEvent, LEDGER_STREAM, parseSealData, SEAL_EVENT_TYPE, SealData } from './seal';
import { sealSignatureProblem } from './seal-signing';
import type { TrustedKeys } from './seal-signing';
import { witnessDifferences } from './witness';
import { documentReferenceOf, storedBytesProblem } from '../documents/document-reference';

/** The document storage as verify reads it (src/documents/document-storage.ts). */
export interface StoredDocuments {
  get(address: string): Promise<Buffer | undefined>;
}
import type { WitnessedSeal } from './witness';

/**
 * `verify`: recompute every stream's hash chain and every seal from the stored events, and
 * name the first event (or seal) that does not match.
 *
 * One pass in global order with keyset pages, so memory is one page, the last hash of each
 * stream and a Merkle frontier, never the ledger. Seals are checked when the pass reaches
 * them, against roots the frontier gave when it held exactly the seal's number of leaves
 * (those sizes are read from `$ledger` first; a seal's own content is judged in the pass).
 *
 * The pass runs to the end even after a mismatch, so the counts describe the whole ledger;
 * after a mismatch a stream is followed from its stored hash, so one altered event is
 * reported once instead of poisoning everything after it.
 */
export type MismatchKind =
  /** The event's content does not give its stored hash: it was altered. */
  | 'HASH_MISMATCH'
  /** A revision is missing from a stream: an event was removed. */
  | 'MISSING_EVENT'
  /** A stream's revisions are out of order in the global order. */
  | 'REORDERED'
  /** A seal's root is not the root of the events it covers: history before it was rewritten. */
  | 'SEAL_ROOT_MISMATCH'
  /** A seal covers what it should, but says its last event is at another position. */
  | 'SEAL_POSITION_MISMATCH'
  /** A seal does not link to the seal before it, or covers less than it. */
  | 'SEAL_CHAIN_BROKEN'
  /** A seal event whose data is not a seal. */
  | 'SEAL_INVALID'
  /** The store's record of a stream's head disagrees with the stream's events. */
  | 'STREAM_HEAD_MISMATCH'
  /** A seal's signature does not hold under a trusted key, or a seal after a signed one is unsigned. */
  | 'SEAL_SIGNATURE_INVALID'
  /** The witness holds a seal that `$ledger` does not, or holds it otherwise: the seals were rewritten. */
  | 'WITNESS_MISMATCH'
  /** A document's stored bytes are not those its DocumentAttached recorded: a byte was changed. */
  | 'DOCUMENT_MISMATCH'
  /** A DocumentAttached names stored bytes that are not there. */
  | 'DOCUMENT_MISSING';

export interface Mismatch {
  kind: MismatchKind;
  /** Text form of the global position of the event named (null when there is none to name). */
  position: string | null;
  streamName: string;
  revision: number | null;
  eventId: string | null;
  detail: string;
}

export interface VerifyResult {
  ok: boolean;
  eventsChecked: number;
  streamsChecked: number;
  sealsChecked: number;
  /**
   * The first mismatch in the events themselves (content, order, completeness) or, when
   * every chain holds, the first seal that does not match.
   */
  firstMismatch: Mismatch | null;
  /** Every mismatch found (the first is named). */
  mismatchCount: number;
  /** The head of the store when verify began: what was checked. */
  checkedThroughPosition: string;
  /** Events after the last seal: chained, but not yet covered by a seal. */
  unsealedEvents: number;
  /** Seals whose signature was checked and holds (0 when no trusted keys were given). */
  signedSeals: number;
  /** Seals made before seals were signed. */
  unsignedSeals: number;
  /** Witnessed seals compared with `$ledger` (0 when no witness was given). */
  witnessedSeals: number;
  /** Documents whose stored bytes were hashed and compared with their DocumentAttached (0 when no document storage was given). */
  documentsChecked: number;
}

export interface VerifyProgress {
  eventsChecked: number;
  position: GlobalPosition;
  head: GlobalPosition;
}

export interface VerifyOptions {
  pageSize?: number;
  /** The public keys seals may be signed with: each signed seal's signature is checked. */
  trustedKeys?: TrustedKeys;
  /** The witness's copy of the seals (witness.ts): each must be in `$ledger` as witnessed. */
  witness?: readonly WitnessedSeal[];
  /** Where documents' sealed content is stored: each DocumentAttached's bytes are hashed and compared. */
  documents?: StoredDocuments;
  onProgress?: (progress: VerifyProgress) => void;
  signal?: AbortSignal;
}

const SEAL_KINDS = new Set<MismatchKind>([
  'SEAL_ROOT_MISMATCH',
  'SEAL_POSITION_MISMATCH',
  'SEAL_CHAIN_BROKEN',
  'SEAL_INVALID',
  'SEAL_SIGNATURE_INVALID',
  'WITNESS_MISMATCH',
]);

interface StreamState {
  revision: bigint;
  hash: Buffer;
  position: GlobalPosition;
}

interface SnapshotRoot {
  rootHash: string;
  lastLeafPosition: string;
}

interface PreviousSeal {
  hash: string;
  treeSize: number;
  sealedThroughPosition: string;
  /** Its root matched the events: a later mismatch lies after what it covers. */
  matched: boolean;
}

export async function verifyLedger(source: LedgerSource, options: VerifyOptions = {}): Promise<VerifyResult> {
  const pageSize = options.pageSize ?? 1000;
  const head = await source.headPosition();
  const run = new VerificationRun(source, await sealedTreeSizes(source, head), options.trustedKeys, options.documents);

  const read = (after: GlobalPosition): Promise<RecordedEvent[]> =>
    comparePositions(after, head) < 0 ? source.readStored(after, head, pageSize) : Promise.resolve([]);
  // The next page is on its way while this one is hashed: reading and hashing take about
  // as long as each other, so overlapping them nearly halves a pass.
  for (let next = read(START); ;) {
    const page = await next;
    if (page.length === 0) break;
    options.signal?.throwIfAborted();
    const after = page[page.length - 1].position;
    next = read(after);
    // A failed read surfaces when it is awaited; until then it must not count as unhandled.
    next.catch(() => undefined);
    for (const event of page) await run.check(event);
    options.onProgress?.({ eventsChecked: run.eventsChecked, position: after, head });
  }
  if (source.streamHeads) await run.checkStreamHeads(source.streamHeads(), head);
  if (options.witness) run.checkWitness(options.witness, head);
  return run.result(head);
}

/** The tree sizes some seal claims, so the pass knows when to remember a root. */
async function sealedTreeSizes(source: LedgerSource, head: GlobalPosition): Promise<Set<number>> {
  const sizes = new Set<number>();
  for (const event of await source.readLedgerStream(head)) {
    const size = event.data.treeSize;
    if (typeof size === 'number' && Number.isSafeInteger(size)) sizes.add(size);
  }
  return sizes;
}

class VerificationRun {
  eventsChecked = 0;
  private sealsChecked = 0;
  private documentsChecked = 0;
  private mismatchCount = 0;
  private firstChainMismatch: Mismatch | undefined;
  private firstSealMismatch: Mismatch | undefined;
  private readonly streams = new Map<string, StreamState>();
  private readonly frontier = MerkleFrontier.empty();
  private readonly roots = new Map<number, SnapshotRoot>();
  private previousSeal: PreviousSeal | null = null;
  /** Every seal the pass met, as the witness would hold it. */
  private readonly sealsFound = new Map<string, WitnessedSeal>();
  private signedSeals = 0;
  private unsignedSeals = 0;
  private witnessedSeals = 0;
  private sawSignedSeal = false;

  constructor(
    private readonly source: LedgerSource,
    private readonly sealedSizes: Set<number>,
    private readonly trustedKeys: TrustedKeys | undefined,
    private readonly documents: StoredDocuments | undefined,
  ) {}

  async check(event: RecordedEvent): Promise<void> {
    this.eventsChecked += 1;
    const storedHash = await this.checkChain(event);
    await this.checkDocument(event);
    if (event.streamName !== LEDGER_STREAM) {
      // The leaf is the stored hash: that is what the sealer committed to. An edit that
      // left the hash alone is a HASH_MISMATCH above; one that rewrote the hashes too
      // changes the leaves, and the next seal names it.
      this.frontier.append(leafHash(storedHash));
      if (this.sealedSizes.has(this.frontier.size)) {
        this.roots.set(this.frontier.size, { rootHash: toHex(this.frontier.root()), lastLeafPosition: formatPosition(event.position) });
      }
    } else if (isSealEvent(event)) {
      this.sealsChecked += 1;
      this.checkSeal(event, storedHash.toString('hex'));
    } else {
      // Only the sealer writes here; and a seal's link to the one before assumes as much.
      this.report(event, 'SEAL_INVALID', `$ledger holds only ${SEAL_EVENT_TYPE} events, not ${event.type}`);
    }
  }

  /** Checks the event's place and hash in its stream; answers the hash to carry on from. */
  private async checkChain(event: RecordedEvent): Promise<Buffer> {
    const previous = this.streams.get(event.streamName);
    const expected = previous ? previous.revision + 1n : 0n;
    // An engine without stored hashes gives '': its chain can only be recomputed.
    const stored = event.hash === '' ? undefined : Buffer.from(event.hash, 'hex');
    let carried: Buffer;
    if (event.revision !== expected) {
      await this.reportOutOfPlace(event, expected, previous);
      // The right predecessor is unknown here, so follow the stream from what is stored.
      carried = stored ?? chainHash(previous?.hash ?? GENESIS_HASH, event);
    } else {
      const computed = chainHash(previous?.hash ?? GENESIS_HASH, event);
      if (stored && !computed.equals(stored)) {
        this.report(event, 'HASH_MISMATCH', `the stored hash is ${event.hash}; the event's content and the hash before it give ${computed.toString('hex')}`);
      }
      carried = stored ?? computed;
    }
    this.streams.set(event.streamName, { revision: event.revision, hash: carried, position: event.position });
    return carried;
  }

  /** The bytes a DocumentAttached names, hashed as stored: a changed byte is named with its document and event. */
  private async checkDocument(event: RecordedEvent): Promise<void> {
    const reference = this.documents === undefined ? undefined : documentReferenceOf(event);
    if (this.documents === undefined || reference === undefined) return;
    this.documentsChecked += 1;
    const problem = storedBytesProblem(reference, await this.documents.get(reference.storedSha256));
    if (problem !== undefined) this.report(event, problem.kind, problem.detail);
  }

  private async reportOutOfPlace(event: RecordedEvent, expected: bigint, previous: StreamState | undefined): Promise<void> {
    const after = previous ? `after revision ${previous.revision} (position ${formatPosition(previous.position)})` : "as the stream's first event";
    if (event.revision < expected) {
      this.report(event, 'REORDERED', `revision ${event.revision} comes ${after} in the global order`);
      return;
    }
    const elsewhere = await this.source.positionOf(event.streamName, expected);
    if (elsewhere) {
      this.report(event, 'REORDERED', `revision ${event.revision} comes ${after}; revision ${expected} is at position ${formatPosition(elsewhere)}`);
    } else {
      const missing = expected === event.revision - 1n ? `revision ${expected} is` : `revisions ${expected} to ${event.revision - 1n} are`;
      this.report(event, 'MISSING_EVENT', `${missing} missing before this event`);
    }
  }

  private checkSeal(event: RecordedEvent, sealHash: string): void {
    const seal = parseSealData(event.data);
    if (typeof seal === 'string') {
      this.report(event, 'SEAL_INVALID', seal);
      return;
    }
    this.checkSealLink(event, seal);
    this.sealsFound.set(event.eventId, {
      eventId: event.eventId,
      position: formatPosition(event.position),
      hash: sealHash,
      sealedThroughPosition: seal.sealedThroughPosition,
      treeSize: seal.treeSize,
      rootHash: seal.rootHash,
      previousSealHash: seal.previousSealHash,
      sealedAt: seal.sealedAt,
      keyId: typeof seal.keyId === 'string' ? seal.keyId : null,
      signature: typeof seal.signature === 'string' ? seal.signature : null,
    });
    const mismatchesBefore = this.mismatchCount;
    const snapshot = this.roots.get(seal.treeSize);
    if (!snapshot) {
      this.report(event, 'SEAL_ROOT_MISMATCH', `the seal covers ${seal.treeSize} events, but only ${this.frontier.size} precede it`);
    } else if (snapshot.rootHash !== seal.rootHash) {
      this.report(
        event,
        'SEAL_ROOT_MISMATCH',
        `the events up to position ${snapshot.lastLeafPosition} give root ${snapshot.rootHash}; the seal says ${seal.rootHash}` +
          this.whereTheDifferenceLies(seal),
      );
    } else if (snapshot.lastLeafPosition !== seal.sealedThroughPosition) {
      this.report(
        event,
        'SEAL_POSITION_MISMATCH',
        `its ${seal.treeSize}th event is at position ${snapshot.lastLeafPosition}, the seal says ${seal.sealedThroughPosition}`,
      );
    }
    this.previousSeal = {
      hash: sealHash,
      treeSize: seal.treeSize,
      sealedThroughPosition: seal.sealedThroughPosition,
      matched: this.mismatchCount === mismatchesBefore,
    };
    // After the root: a rewritten seal is better named by what it no longer covers.
    this.checkSignature(event, seal);
  }

  private checkSealLink(event: RecordedEvent, seal: SealData): void {
    const expected = this.previousSeal?.hash ?? null;
    if (seal.previousSealHash !== expected) {
      this.report(event, 'SEAL_CHAIN_BROKEN', `previousSealHash is ${seal.previousSealHash ?? 'null'}; the seal before it is ${expected ?? 'none'}`);
    } else if (this.previousSeal && seal.treeSize < this.previousSeal.treeSize) {
      this.report(event, 'SEAL_CHAIN_BROKEN', `the seal covers ${seal.treeSize} events, fewer than the ${this.previousSeal.treeSize} of the seal before it`);
    }
  }

  /** A signed seal must verify under a trusted key; once seals are signed, every later one must be. */
  private checkSignature(event: RecordedEvent, seal: SealData): void {
    const signed = typeof seal.signature === 'string';
    if (!signed) {
      if (this.sawSignedSeal) this.report(event, 'SEAL_SIGNATURE_INVALID', 'the seal is unsigned, but a seal before it was signed');
      else this.unsignedSeals += 1;
      return;
    }
    this.sawSignedSeal = true;
    if (!this.trustedKeys) return;
    const problem = sealSignatureProblem(seal, this.trustedKeys);
    if (problem) this.report(event, 'SEAL_SIGNATURE_INVALID', problem);
    else this.signedSeals += 1;
  }

  /** Each witnessed seal the pass should have met must be in `$ledger`, as witnessed. */
  checkWitness(witness: readonly WitnessedSeal[], head: GlobalPosition): void {
    for (const witnessed of witness) {
      const position = parsePosition(String(witnessed.position));
      // Sealed after verify began: the pass did not read that far.
      if (position && comparePositions(position, head) > 0) continue;
      this.witnessedSeals += 1;
      const where = { streamName: LEDGER_STREAM, position: String(witnessed.position), revision: null, eventId: String(witnessed.eventId) };
      const found = this.sealsFound.get(witnessed.eventId);
      if (!found) {
        this.reportAt(
          where,
          'WITNESS_MISMATCH',
          `the witness holds seal ${witnessed.eventId} (${witnessed.treeSize} events, root ${witnessed.rootHash}); $ledger does not`,
        );
        continue;
      }
      const differences = witnessDifferences(witnessed, found);
      if (differences.length > 0) this.reportAt(where, 'WITNESS_MISMATCH', `the seal differs from the witness's copy: ${differences.join('; ')}`);
    }
    // A seal the witness skipped while holding later ones was slipped into $ledger afterwards.
    const witnessedIds = new Set(witness.map((witnessed) => witnessed.eventId));
    const lastWitnessedSize = Math.max(0, ...witness.map((witnessed) => witnessed.treeSize));
    for (const found of this.sealsFound.values()) {
      if (witnessedIds.has(found.eventId) || found.treeSize >= lastWitnessedSize) continue;
      this.reportAt(
        { streamName: LEDGER_STREAM, position: found.position, revision: null, eventId: found.eventId },
        'WITNESS_MISMATCH',
        `$ledger holds seal ${found.eventId} (${found.treeSize} events), which the witness, holding later seals, never saw`,
      );
    }
  }

  /** A seal whose predecessor matched narrows the change down to what it added. */
  private whereTheDifferenceLies(seal: SealData): string {
    const previous = this.previousSeal;
    if (!previous?.matched || previous.treeSize >= seal.treeSize) return '';
    return (
      `; the seal before it (${previous.treeSize} events, through position ${previous.sealedThroughPosition}) matches, ` +
      `so an event after that position was altered, removed, added or moved`
    );
  }

  /** The store's stream heads must be the last events the pass found. */
  async checkStreamHeads(heads: AsyncIterable<StreamHead>, head: GlobalPosition): Promise<void> {
    const accounted = new Set<string>();
    for await (const recorded of heads) {
      accounted.add(recorded.streamName);
      // Past the head: appended after verify began (the pass did not read that far), unless
      // the event the store names is not there at all.
      if (comparePositions(recorded.position, head) > 0) {
        const there = await this.source.positionOf(recorded.streamName, recorded.revision);
        if (there) continue;
      }
      const found = this.streams.get(recorded.streamName);
      const name = { streamName: recorded.streamName, position: formatPosition(recorded.position), revision: Number(recorded.revision) };
      if (!found) {
        this.reportAt({ ...name, eventId: null }, 'MISSING_EVENT', 'the store records this stream, but none of its events are there');
      } else if (found.revision < recorded.revision) {
        this.reportAt(
          { ...name, eventId: null },
          'MISSING_EVENT',
          `the stream ends at revision ${found.revision}; the store records revision ${recorded.revision} as its last`,
        );
      } else if (found.revision !== recorded.revision || found.hash.toString('hex') !== recorded.hash) {
        this.reportAt(
          { ...name, eventId: null },
          'STREAM_HEAD_MISMATCH',
          `the store records revision ${recorded.revision} with hash ${recorded.hash} as the stream's last; ` +
            `its events end at revision ${found.revision} with hash ${found.hash.toString('hex')}`,
        );
      }
    }
    for (const [streamName, state] of this.streams) {
      if (accounted.has(streamName)) continue;
      this.reportAt(
        { streamName, position: formatPosition(state.position), revision: Number(state.revision), eventId: null },
        'STREAM_HEAD_MISMATCH',
        'the stream has events, but the store keeps no record of it',
      );
    }
  }

  result(head: GlobalPosition): VerifyResult {
    return {
      ok: this.mismatchCount === 0,
      eventsChecked: this.eventsChecked,
      streamsChecked: this.streams.size,
      sealsChecked: this.sealsChecked,
      firstMismatch: this.firstChainMismatch ?? this.firstSealMismatch ?? null,
      mismatchCount: this.mismatchCount,
      checkedThroughPosition: formatPosition(head),
      // Fewer events than the last seal covers is a mismatch already named, not a count.
      unsealedEvents: Math.max(0, this.frontier.size - (this.previousSeal?.treeSize ?? 0)),
      signedSeals: this.signedSeals,
      unsignedSeals: this.unsignedSeals,
      witnessedSeals: this.witnessedSeals,
      documentsChecked: this.documentsChecked,
    };
  }

  private report(event: RecordedEvent, kind: MismatchKind, detail: string): void {
    this.reportAt(
      { position: formatPosition(event.position), streamName: event.streamName, revision: Number(event.revision), eventId: event.eventId },
      kind,
      detail,
    );
  }

  /**
   * A broken seal is usually the consequence of a broken chain (a removed event leaves
   * every later seal one leaf short), so the first mismatch of the events themselves is
   * named when there is one, and a seal only when the chains all hold.
   */
  private reportAt(where: Omit<Mismatch, 'kind' | 'detail'>, kind: MismatchKind, detail: string): void {
    this.mismatchCount += 1;
    const mismatch = { kind, ...where, detail };
    if (SEAL_KINDS.has(kind)) this.firstSealMismatch ??= mismatch;
    else this.firstChainMismatch ??= mismatch;
  }
}
