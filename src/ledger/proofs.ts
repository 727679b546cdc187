import { chainHash, GENESIS_HASH } from '../event-store/hashing';
import { fromHex, isHexHash } from './bytes';
import { checkConsistency, checkInclusion, leafHash, ProofVerdict } from './merkle';
import { LEDGER_STREAM, parseSealData, RecordedSeal, SEAL_EVENT_TYPE } from './seal';

/**
 * Proofs as JSON: what `GET /ledger/proofs/...` answers and what a case export carries, and
 * the one function each that checks them — the service checks its own proofs with these
 * before handing them out, and `verify-export` checks them offline with the same code.
 *
 * The tree size and root are taken from the seal and nowhere else, and the seal's own hash
 * is recomputed from its content: a Merkle proof only speaks about a (size, root) pair that
 * is itself authentic, and it is the seal's hash, linked into the chain of seals, that
 * makes it so. Change a seal's size or root and its hash no longer matches.
 */
export interface ProvenEvent {
  eventId: string;
  streamName: string;
  revision: number;
  /** Text form of the event's global position. */
  position: string;
  /** Hex chain hash of the event: the leaf is SHA-256(0x00 ‖ these 32 bytes). */
  chainHash: string;
}

/** The event is leaf `leafIndex` of the tree the seal committed to. */
export interface InclusionProof {
  event: ProvenEvent;
  leafIndex: number;
  seal: RecordedSeal;
  /** Hex hashes, RFC 9162 order (nearest the leaf first). */
  path: string[];
}

/** The tree of seal `to` extends the tree of seal `from`: nothing sealed was changed. */
export interface ConsistencyProof {
  from: RecordedSeal;
  to: RecordedSeal;
  path: string[];
}

const VALID: ProofVerdict = { valid: true };
const invalid = (reason: string): ProofVerdict => ({ valid: false, reason });

function decodePath(path: unknown): Uint8Array[] | undefined {
  return Array.isArray(path) && path.every(isHexHash) ? path.map(fromHex) : undefined;
}

/**
 * The seal event's chain hash recomputed from its content. `$ledger` holds only seals, so
 * the hash before a seal's is the previous seal's, which the seal names.
 */
export function checkSealEvent(seal: RecordedSeal): ProofVerdict {
  const data = parseSealData(seal);
  if (typeof data === 'string') return invalid(`the seal is malformed: ${data}`);
  if (!isHexHash(seal.hash) || typeof seal.eventId !== 'string' || !Number.isSafeInteger(seal.revision)) {
    return invalid('the seal has no hash, event id or revision');
  }
  if (typeof seal.metadata !== 'object' || seal.metadata === null || Array.isArray(seal.metadata)) return invalid('the seal has no metadata');
  const previous = data.previousSealHash === null ? GENESIS_HASH : Buffer.from(data.previousSealHash, 'hex');
  const hash = chainHash(previous, {
    streamName: LEDGER_STREAM,
    revision: BigInt(seal.revision),
    eventId: seal.eventId,
    type: SEAL_EVENT_TYPE,
    data,
    metadata: seal.metadata,
  });
  return hash.toString('hex') === seal.hash ? VALID : invalid(`seal ${seal.eventId} does not hash to ${seal.hash}: its content was changed`);
}

/** Checks the shape as well as the hashes: an export comes from outside and may hold anything. */
export function checkInclusionProof(proof: InclusionProof): ProofVerdict {
  const { event, seal, leafIndex } = proof;
  if (!isHexHash(event?.chainHash)) return invalid('the event has no hex chain hash');
  if (!isHexHash(seal?.rootHash) || typeof seal.treeSize !== 'number') return invalid('the seal has no tree size and root');
  if (typeof leafIndex !== 'number') return invalid('the proof has no leaf index');
  const path = decodePath(proof.path);
  if (!path) return invalid('the path is not a list of hex SHA-256 hashes');
  const sealVerdict = checkSealEvent(seal);
  if (!sealVerdict.valid) return sealVerdict;
  return checkInclusion(leafHash(fromHex(event.chainHash)), leafIndex, seal.treeSize, path, fromHex(seal.rootHash));
}

export function checkConsistencyProof(proof: ConsistencyProof): ProofVerdict {
  const { from, to } = proof;
  if (!isHexHash(from?.rootHash) || typeof from.treeSize !== 'number') return invalid('the first seal has no tree size and root');
  if (!isHexHash(to?.rootHash) || typeof to.treeSize !== 'number') return invalid('the second seal has no tree size and root');
  const path = decodePath(proof.path);
  if (!path) return invalid('the path is not a list of hex SHA-256 hashes');
  for (const seal of [from, to]) {
    const sealVerdict = checkSealEvent(seal);
    if (!sealVerdict.valid) return sealVerdict;
  }
  return checkConsistency(from.treeSize, to.treeSize, fromHex(from.rootHash), fromHex(to.rootHash), path);
}
