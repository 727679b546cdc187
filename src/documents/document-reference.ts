/**
 * The bytes a ledger event names outside the ledger: a DocumentAttached's (or a
 * RegisterDocumentAttached's) sealed content, at
 * the SHA-256 the event records (`storedSha256`). `verify` and `verify-export` hash the stored
 * object and compare, so a changed byte is named with its document and event; neither needs a
 * key, so an erased case's documents are still checked (and still unreadable).
 */
import { createHash } from 'node:crypto';

export const DOCUMENT_ATTACHED = 'DocumentAttached';
/** A document attached to an entry of a person's registers, on their `person-<personId>` stream. */
export const REGISTER_DOCUMENT_ATTACHED = 'RegisterDocumentAttached';

/** The event types that name stored bytes, by the prefix of the streams that hold them. */
const ATTACHING_EVENTS: Readonly<Record<string, string>> = { [DOCUMENT_ATTACHED]: 'case-', [REGISTER_DOCUMENT_ATTACHED]: 'person-' };

export interface DocumentReference {
  documentId: string;
  storedSha256: string;
}

/** What a case's DocumentAttached, or a person's RegisterDocumentAttached, names; undefined for any other event. */
export function documentReferenceOf(event: { streamName?: string; type: string; data: unknown }): DocumentReference | undefined {
  const prefix = Object.hasOwn(ATTACHING_EVENTS, event.type) ? ATTACHING_EVENTS[event.type] : undefined;
  if (prefix === undefined || (event.streamName !== undefined && !event.streamName.startsWith(prefix))) return undefined;
  const data = event.data as { documentId?: unknown; storedSha256?: unknown };
  if (typeof data.documentId !== 'string' || typeof data.storedSha256 !== 'string') return undefined;
  return { documentId: data.documentId, storedSha256: data.storedSha256 };
}

/** What is wrong with the stored bytes of a reference, or undefined when they are what the event recorded. */
export function storedBytesProblem(
  reference: DocumentReference,
  stored: Uint8Array | undefined,
): { kind: 'DOCUMENT_MISSING' | 'DOCUMENT_MISMATCH'; detail: string } | undefined {
  if (stored === undefined) return { kind: 'DOCUMENT_MISSING', detail: `document ${reference.documentId}: no stored content at ${reference.storedSha256}` };
  const actual = createHash('sha256').update(stored).digest('hex');
  if (actual === reference.storedSha256) return undefined;
  return {
    kind: 'DOCUMENT_MISMATCH',
    detail: `document ${reference.documentId}: its stored bytes hash to ${actual}, the event recorded ${reference.storedSha256}: a byte was changed`,
  };
}
