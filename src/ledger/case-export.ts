import { chainHash, GENESIS_HASH } from '../event-store/hashing';
import type { JsonObject } from '../event-store/event-store';
import { checkInclusionProof, checkSealEvent, InclusionProof } from './proofs';
import type { RecordedSeal } from './seal';
import { sealSignatureProblem } from './seal-signing';
import type { TrustedKeys } from './seal-signing';
import { documentReferenceOf, storedBytesProblem } from '../documents/document-reference';

/**
 * A case export: everything an inspector needs to check one case's record offline, with no
 * database and no trust in the service. The events of the case's stream from revision 0
 * (so the hash chain can be recomputed from the start), the latest seal, and for every
 * event that seal covers an inclusion proof against it. Events after the seal are protected
 * by their chain only, and the export says how many there are.
 */
export const CASE_EXPORT_FORMAT = 'integrity-ledger-case-export/1';

export interface ExportedEvent {
  eventId: string;
  type: string;
  revision: number;
  position: string;
  recordedAt: string;
  data: JsonObject;
  metadata: JsonObject;
  /** Hex SHA-256 chain hash as stored. */
  hash: string;
}

export interface CaseExport {
  format: typeof CASE_EXPORT_FORMAT;
  caseId: string;
  streamName: string;
  exportedAt: string;
  events: ExportedEvent[];
  /** The latest seal when exported, or null when the ledger had not been sealed. */
  seal: RecordedSeal | null;
  /** One per event the seal covers, in stream order. */
  inclusionProofs: InclusionProof[];
  /** Events newer than the seal: their chain is checked, no seal covers them yet. */
  unsealedEvents: number;
  /**
   * The stored bytes of each document the events attach, as stored: sealed under the case's
   * key (base64), so the export carries no clear content and its hash is the event's
   * `storedSha256`. Absent from exports made before documents.
   */
  documents?: ExportedDocument[];
}

export interface ExportedDocument {
  documentId: string;
  storedSha256: string;
  /** Base64 of the sealed bytes. */
  sealed: string;
}

export interface ExportVerdict {
  ok: boolean;
  caseId: string | null;
  eventsChecked: number;
  sealedEvents: number;
  unsealedEvents: number;
  /** Documents whose bytes were hashed and compared with their DocumentAttached. */
  documentsChecked: number;
  seal: { eventId: string; treeSize: number; sealedThroughPosition: string; keyId: string | null } | null;
  /**
   * The seal's Ed25519 signature: VALID under a trusted key given to the check, NOT_CHECKED
   * when none was given (pin one: `--public-key`, from GET /ledger/public-key), UNSIGNED for a
   * seal made before seals were signed, NO_SEAL when the export has none.
   */
  sealSignature: 'VALID' | 'NOT_CHECKED' | 'UNSIGNED' | 'NO_SEAL';
  firstMismatch: { eventId: string | null; revision: number | null; kind: ExportMismatchKind; detail: string } | null;
}

export type ExportMismatchKind =
  | 'MALFORMED_EXPORT'
  | 'MISSING_EVENT'
  | 'HASH_MISMATCH'
  | 'PROOF_INVALID'
  | 'PROOF_FOR_OTHER_SEAL'
  | 'PROOF_FOR_OTHER_EVENT'
  | 'EVENT_NOT_PROVEN'
  | 'SEAL_SIGNATURE_INVALID'
  | 'DOCUMENT_MISMATCH'
  | 'DOCUMENT_MISSING';

/**
 * Checks an export offline: the chain from revision 0, the seal's own hash and, given the
 * ledger's public keys, its signature, and every proof.
 */
export function verifyCaseExport(input: unknown, options: { trustedKeys?: TrustedKeys } = {}): ExportVerdict {
  const verdict: ExportVerdict = {
    ok: false,
    caseId: null,
    eventsChecked: 0,
    sealedEvents: 0,
    unsealedEvents: 0,
    documentsChecked: 0,
    seal: null,
    sealSignature: 'NO_SEAL',
    firstMismatch: null,
  };
  const fail = (kind: ExportMismatchKind, detail: string, event?: { eventId: string; revision: number }): ExportVerdict => ({
    ...verdict,
    ok: false,
    firstMismatch: { eventId: event?.eventId ?? null, revision: event?.revision ?? null, kind, detail },
  });
  if (!isCaseExport(input)) return fail('MALFORMED_EXPORT', `not a ${CASE_EXPORT_FORMAT} document`);
  verdict.caseId = input.caseId;
  if (input.streamName !== `case-${input.caseId}`) return fail('MALFORMED_EXPORT', 'the stream is not the case’s');

  const computed = new Map<string, string>();
  let previous: Buffer = GENESIS_HASH;
  for (const [index, event] of input.events.entries()) {
    if (event.revision !== index) return fail('MISSING_EVENT', `expected revision ${index}, found ${event.revision}`, event);
    const hash = chainHash(previous, {
      streamName: input.streamName,
      revision: BigInt(event.revision),
      eventId: event.eventId,
      type: event.type,
      data: event.data,
      metadata: event.metadata,
    });
    if (hash.toString('hex') !== event.hash)
      return fail('HASH_MISMATCH', 'the event does not hash to its recorded hash: its content or an earlier event was changed', event);
    computed.set(event.eventId, event.hash);
    previous = hash;
    verdict.eventsChecked += 1;
  }
  // The bytes each document event names: hashed as exported, against the event's (chained, sealed) storedSha256.
  for (const event of input.events) {
    const reference = documentReferenceOf(event);
    if (reference === undefined) continue;
    const exported = (input.documents ?? []).find((document) => document.storedSha256 === reference.storedSha256);
    const problem = storedBytesProblem(reference, exported === undefined ? undefined : Buffer.from(exported.sealed, 'base64'));
    if (problem !== undefined) return fail(problem.kind, problem.detail, event);
    verdict.documentsChecked += 1;
  }

  const { seal } = input;
  if (seal !== null) {
    const sealVerdict = checkSealEvent(seal);
    if (!sealVerdict.valid) return fail('PROOF_INVALID', sealVerdict.reason);
    const keyId = typeof seal.keyId === 'string' ? seal.keyId : null;
    verdict.seal = { eventId: seal.eventId, treeSize: seal.treeSize, sealedThroughPosition: seal.sealedThroughPosition, keyId };
    if (keyId === null) verdict.sealSignature = 'UNSIGNED';
    else if (!options.trustedKeys) verdict.sealSignature = 'NOT_CHECKED';
    else {
      const problem = sealSignatureProblem(seal, options.trustedKeys);
      if (problem) return fail('SEAL_SIGNATURE_INVALID', problem);
      verdict.sealSignature = 'VALID';
    }
  }
  const proven = new Set<string>();
  for (const proof of input.inclusionProofs) {
    const event = input.events.find((candidate) => candidate.eventId === proof.event?.eventId);
    if (!event) return fail('PROOF_FOR_OTHER_EVENT', `a proof names event ${String(proof.event?.eventId)}, which is not in this export`);
    if (seal === null || proof.seal?.eventId !== seal.eventId || proof.seal.hash !== seal.hash) {
      return fail('PROOF_FOR_OTHER_SEAL', 'a proof is against another seal than the export’s', event);
    }
    if (proof.event.chainHash !== computed.get(event.eventId) || proof.event.streamName !== input.streamName || proof.event.revision !== event.revision) {
      return fail('PROOF_FOR_OTHER_EVENT', 'the proof’s leaf is not this event', event);
    }
    const checked = checkInclusionProof(proof);
    if (!checked.valid) return fail('PROOF_INVALID', checked.reason, event);
    proven.add(event.eventId);
  }
  // Every event the seal covers must be proven, or a forger could drop the proofs that fail.
  const sealedThrough = seal === null ? -1n : BigInt(seal.sealedThroughPosition.split(':')[0]);
  for (const event of input.events) {
    const covered = BigInt(event.position.split(':')[0]) <= sealedThrough;
    if (covered && !proven.has(event.eventId)) return fail('EVENT_NOT_PROVEN', 'the seal covers this event but the export has no proof for it', event);
    if (!covered && proven.has(event.eventId)) return fail('PROOF_FOR_OTHER_SEAL', 'a proof for an event after the seal', event);
  }
  verdict.sealedEvents = proven.size;
  verdict.unsealedEvents = input.events.length - proven.size;
  return { ...verdict, ok: true };
}

function isCaseExport(value: unknown): value is CaseExport {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<CaseExport>;
  return (
    candidate.format === CASE_EXPORT_FORMAT &&
    typeof candidate.caseId === 'string' &&
    typeof candidate.streamName === 'string' &&
    Array.isArray(candidate.events) &&
    candidate.events.every(isExportedEvent) &&
    Array.isArray(candidate.inclusionProofs) &&
    (candidate.documents === undefined || (Array.isArray(candidate.documents) && candidate.documents.every(isExportedDocument))) &&
    (candidate.seal === null ||
      (typeof candidate.seal === 'object' && candidate.seal !== undefined && typeof candidate.seal.sealedThroughPosition === 'string'))
  );
}

function isExportedEvent(value: unknown): value is ExportedEvent {
  if (typeof value !== 'object' || value === null) return false;
  const event = value as Partial<ExportedEvent>;
  return (
    typeof event.eventId === 'string' &&
    typeof event.type === 'string' &&
    Number.isSafeInteger(event.revision) &&
    typeof event.position === 'string' &&
    /^\d+(:\d+)?$/.test(event.position) &&
    typeof event.hash === 'string' &&
    typeof event.data === 'object' &&
    event.data !== null &&
    typeof event.metadata === 'object' &&
    event.metadata !== null
  );
}

function isExportedDocument(value: unknown): value is ExportedDocument {
  if (typeof value !== 'object' || value === null) return false;
  const document = value as Partial<ExportedDocument>;
  return typeof document.documentId === 'string' && typeof document.storedSha256 === 'string' && typeof document.sealed === 'string';
}
