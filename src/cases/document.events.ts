/**
 * A case's documents and exhibits (issue 18), declared once here and spread into CASE_EVENTS
 * (case.events.ts). The bytes are not in the event: they are sealed under the case's vault key
 * and stored content-addressed (src/documents/); the event carries their hashes, so `verify`
 * and `verify-export` check the bytes as they check the events. A document is never changed:
 * a new one is attached, and the old one superseded by it.
 */
import { count, day, event, id, oneOf, optional, text, vaultText } from '../common/event-declaration';
import { DOCUMENT_KINDS, DOCUMENT_MEDIA_TYPES } from './document.enums';

/**
 * What a document's attaching event records of its file, whatever it is attached to (a case
 * here, a register entry in src/registers/registers.events.ts): the day, what it is, its name
 * (in the vault), its type, size and both hashes.
 */
export const DOCUMENT_FILE_FIELDS = {
  attachedOn: day,
  kind: oneOf(DOCUMENT_KINDS),
  /** The file's name as uploaded: it may name a complainant, a witness or a third party, so it is in the vault. */
  name: vaultText,
  /** Recognised from the content (src/documents/media-type.ts), never from the name. */
  mediaType: oneOf(DOCUMENT_MEDIA_TYPES),
  /** Bytes of the content as uploaded. */
  size: count,
  /** Hex SHA-256 of the content as uploaded: a download is these bytes. */
  sha256: text,
  /**
   * Hex SHA-256 of the content as stored, sealed under the vault key of whom it is about (the
   * case's, the person's): its address in the document storage, and what `verify` and
   * `verify-export` check without any key.
   */
  storedSha256: text,
};

export const DOCUMENT_EVENTS = {
  /** A document attached to the case, or to one of its subjects. */
  DocumentAttached: event({
    command: 'AttachDocument',
    version: 1,
    legalDate: 'attachedOn',
    fields: {
      documentId: id,
      /** The subject it is about, when it is about one. */
      subjectId: optional(id),
      ...DOCUMENT_FILE_FIELDS,
    },
  }),
  /** A document replaced by another of the case's (a corrected statement, a fuller exhibit): it stays, marked superseded. */
  DocumentSuperseded: event({
    command: 'SupersedeDocument',
    version: 1,
    legalDate: 'on',
    fields: { documentId: id, supersededBy: id, on: day, reason: text },
  }),
};
