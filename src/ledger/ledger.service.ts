import { Inject, Injectable, Optional } from '@nestjs/common';
import { EventStore } from '../event-store/event-store';
import { formatPosition } from '../event-store/position';
import { NotFoundError } from '../common/domain-error';
import { toHex } from './bytes';
import { LedgerSource } from './ledger-source';
import { PostgresMerkleTree } from './postgres/postgres-merkle-tree';
import { checkConsistencyProof, checkInclusionProof, ConsistencyProof, InclusionProof } from './proofs';
import { RecordedSeal } from './seal';
import { SealIndex } from './seal-index';
import { SealTrust } from './seal-trust';
import type { SealPublicKeys } from './seal-trust';
import { verifyLedger, VerifyResult } from './verify';
import { DocumentStorage } from '../documents/document-storage';

export const LEDGER_SOURCE = Symbol('LEDGER_SOURCE');

/**
 * What the ledger endpoints answer. Proofs come from the stored tree and are checked
 * against their seals before they leave: a damaged tree row becomes an error here, never
 * a proof that fails in an inspector's hands.
 */
@Injectable()
export class LedgerService {
  private readonly seals: SealIndex;
  private running: Promise<VerifyResult> | undefined;

  constructor(
    eventStore: EventStore,
    @Inject(LEDGER_SOURCE) private readonly source: LedgerSource,
    private readonly tree: PostgresMerkleTree,
    private readonly trust: SealTrust,
    /** Where documents' content is stored; without it, verify checks the events only. */
    @Optional() private readonly documents?: DocumentStorage,
  ) {
    this.seals = new SealIndex(eventStore);
  }

  /** A full pass is long on a big ledger: callers arriving meanwhile share the running one. */
  verify(): Promise<VerifyResult> {
    this.running ??= this.verifyWithTrust().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Signatures checked under the trusted keys, and the seals compared with the witness. */
  private async verifyWithTrust(): Promise<VerifyResult> {
    return verifyLedger(this.source, { trustedKeys: this.trust.trustedKeys(), witness: await this.trust.witness.seals(), documents: this.documents });
  }

  publicKeys(): SealPublicKeys {
    return this.trust.publicKeys();
  }

  async latestSeal(): Promise<RecordedSeal> {
    await this.seals.refresh();
    const seal = this.seals.latest();
    if (!seal) throw new NotFoundError('The ledger has not been sealed yet.');
    return seal;
  }

  /**
   * Proves the event is in the latest seal's tree, or in the tree of the seal of that size.
   * `mayProve`: whether the asker may know of the event's stream; when not, the answer is the
   * one for an event that does not exist.
   */
  async inclusionProof(eventId: string, treeSize?: number, mayProve: (streamName: string) => Promise<boolean> = async () => true): Promise<InclusionProof> {
    const seal = treeSize === undefined ? await this.latestSeal() : await this.sealWithTreeSize(treeSize);
    const leaf = await this.tree.leafByEventId(eventId.toLowerCase());
    if (!leaf || !(await mayProve(leaf.streamName))) {
      throw new NotFoundError(`No sealed event has id ${eventId}: it is not in the ledger, came after the latest seal, or is a seal itself.`);
    }
    if (leaf.leafIndex >= seal.treeSize) {
      throw new NotFoundError(`Event ${eventId} came after seal ${seal.eventId} (${seal.treeSize} events): a later seal will cover it.`);
    }
    const path = await this.tree.inclusionProof(leaf.leafIndex, seal.treeSize);
    const proof: InclusionProof = {
      event: {
        eventId: leaf.eventId,
        streamName: leaf.streamName,
        revision: Number(leaf.revision),
        position: formatPosition(leaf.position),
        chainHash: leaf.chainHash.toString('hex'),
      },
      leafIndex: leaf.leafIndex,
      seal,
      path: path.map(toHex),
    };
    const verdict = checkInclusionProof(proof);
    if (!verdict.valid) throw new Error(`the stored Merkle tree disagrees with seal ${seal.eventId}: ${verdict.reason}`);
    return proof;
  }

  /** Proves the later seal's tree extends the earlier one's. Both sizes must be seals'. */
  async consistencyProof(fromTreeSize: number, toTreeSize: number): Promise<ConsistencyProof> {
    const from = await this.sealWithTreeSize(fromTreeSize);
    const to = await this.sealWithTreeSize(toTreeSize);
    const path = await this.tree.consistencyProof(from.treeSize, to.treeSize);
    const proof: ConsistencyProof = { from, to, path: path.map(toHex) };
    const verdict = checkConsistencyProof(proof);
    if (!verdict.valid) throw new Error(`the stored Merkle tree disagrees with seals ${from.eventId} and ${to.eventId}: ${verdict.reason}`);
    return proof;
  }

  private async sealWithTreeSize(treeSize: number): Promise<RecordedSeal> {
    await this.seals.refresh();
    const seal = this.seals.withTreeSize(treeSize);
    if (!seal) throw new NotFoundError(`No seal covers exactly ${treeSize} events.`);
    return seal;
  }
}
