import type { JsonObject, RecordedEvent } from '../event-store/event-store';
import { formatPosition } from '../event-store/position';
import { isHexHash } from './bytes';

/**
 * A seal: the Merkle root over the chain hashes of every event outside `$ledger`, in global
 * order, up to a position, appended to `$ledger` and linked to the seal before it.
 *
 * Leaves are chain hashes (not event bytes) because a chain hash already commits to the
 * event and everything before it in its stream; the tree adds the one thing the per-stream
 * chains cannot show: the order and completeness of the whole ledger. `$ledger` itself is
 * left out so a seal never has to cover itself.
 */
export const LEDGER_STREAM = '$ledger';
export const SEAL_EVENT_TYPE = 'LedgerSealed';

/** What every seal says. */
export interface SealContent extends JsonObject {
  /** Text form of the global position of the last event the tree covers. */
  sealedThroughPosition: string;
  /** Leaves covered: events outside $ledger up to and including that position. */
  treeSize: number;
  /** Hex RFC 6962 root of those leaves. */
  rootHash: string;
  /** Hex chain hash of the previous LedgerSealed event, or null for the first seal. */
  previousSealHash: string | null;
  /** ISO instant at which the sealer computed the root. */
  sealedAt: string;
}

/** A signed seal (seal-signing.ts); seals made before seals were signed have neither field. */
export interface SignedSealContent extends SealContent {
  /** The signing key's id. */
  keyId: string;
  /** Base64 Ed25519 signature over the content (sealSigningBytes). */
  signature: string;
}

export type SealData = SealContent | SignedSealContent;

/** A seal as recorded: its data plus where it sits. Plain JSON, as proofs carry it. */
export interface RecordedSeal extends SealContent {
  eventId: string;
  /** Revision of the seal event in `$ledger`. */
  revision: number;
  /** Text form of the seal event's own global position. */
  position: string;
  /** Hex chain hash of the seal event itself: the next seal links to it. */
  hash: string;
  /** The seal event's metadata: with the data, what its hash covers. */
  metadata: JsonObject;
}

export function isSealEvent(event: Pick<RecordedEvent, 'streamName' | 'type'>): boolean {
  return event.streamName === LEDGER_STREAM && event.type === SEAL_EVENT_TYPE;
}

/** Every field checked, because verify must name a malformed seal rather than crash on it. */
export function parseSealData(data: JsonObject): SealData | string {
  const { sealedThroughPosition, treeSize, rootHash, previousSealHash, sealedAt, keyId, signature } = data;
  if (typeof sealedThroughPosition !== 'string' || !/^\d+(:\d+)?$/.test(sealedThroughPosition)) return 'sealedThroughPosition is not a position';
  if (typeof treeSize !== 'number' || !Number.isSafeInteger(treeSize) || treeSize < 1) return 'treeSize is not a positive whole number';
  if (!isHexHash(rootHash)) return 'rootHash is not a hex SHA-256';
  if (previousSealHash !== null && !isHexHash(previousSealHash)) return 'previousSealHash is neither null nor a hex SHA-256';
  if (typeof sealedAt !== 'string' || Number.isNaN(Date.parse(sealedAt))) return 'sealedAt is not an instant';
  if ((keyId === undefined) !== (signature === undefined)) return 'keyId and signature come together';
  if (keyId === undefined || signature === undefined) return { sealedThroughPosition, treeSize, rootHash, previousSealHash, sealedAt };
  if (typeof keyId !== 'string' || !/^[0-9a-f]{16}$/.test(keyId)) return 'keyId is not a key id';
  if (typeof signature !== 'string' || !/^[A-Za-z0-9+/]{86}==$/.test(signature)) return 'signature is not a base64 Ed25519 signature';
  return { sealedThroughPosition, treeSize, rootHash, previousSealHash, sealedAt, keyId, signature };
}

export function toRecordedSeal(event: RecordedEvent): RecordedSeal | undefined {
  if (!isSealEvent(event)) return undefined;
  const data = parseSealData(event.data);
  if (typeof data === 'string') return undefined;
  return {
    ...data,
    eventId: event.eventId,
    revision: Number(event.revision),
    position: formatPosition(event.position),
    hash: event.hash,
    metadata: event.metadata,
  };
}
