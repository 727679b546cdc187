import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { JsonObject } from './event-store';

/**
 * The per-stream hash chain: `hash(n) = SHA-256(hash(n-1) ‖ canonical bytes of event n)`,
 * with 32 zero bytes before the first event of a stream.
 *
 * The canonical bytes are the RFC 8785 (JCS) serialisation of
 * `{ data, id, metadata, revision, stream, type }`. JCS fixes key order and number format,
 * so anyone can recompute a hash from an export without our code or our database. The
 * PostgreSQL engine builds the same bytes inside its append function (it learns the
 * revision only under the stream lock) from the pieces `canonicalJson` gives it.
 */

export const GENESIS_HASH = Buffer.alloc(32);

export interface HashedFields {
  streamName: string;
  revision: bigint;
  eventId: string;
  type: string;
  data: JsonObject;
  metadata: JsonObject;
}

export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('value has no canonical JSON form');
  return text;
}

export function canonicalEventBytes(event: HashedFields): Buffer {
  return Buffer.from(
    canonicalJson({
      data: event.data,
      id: event.eventId.toLowerCase(),
      metadata: event.metadata,
      revision: Number(event.revision),
      stream: event.streamName,
      type: event.type,
    }),
    'utf8',
  );
}

export function chainHash(previousHash: Buffer, event: HashedFields): Buffer {
  return createHash('sha256').update(previousHash).update(canonicalEventBytes(event)).digest();
}
