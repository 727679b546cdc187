/**
 * Every read of a case or of a person's integrity record, granted or refused (docs/api.md
 * "Purpose of access"). Stream `access-<yyyy-mm-dd>`, the UTC day of `at`: one stream a day,
 * appended in batches with expectedRevision 'any' (src/access-log/access-recorder.ts).
 *
 * `CaseAccessed { caseId, userId, role, purpose, at, granted, reasonIfRefused, caseForce, readerForce, documentId? }`
 * (`documentId`: the read was a download of that document of the case, src/documents)
 * `PersonRecordAccessed { personId, personForce, ...the same but caseForce }` (`documentId`: a
 * download of that document of the person's registers)
 * `RecommendationAccessed { recommendationId, recommendationForce, ...the same }`: a
 * recommendation a search returned (projections/search), listed by the access log read model
 * (projections/access-log) as the others are.
 *
 * `role` is every role of the reader (roles add up, so one would not say why a read was
 * granted). `caseForce` is the force of the case read (null when there is no such case) and
 * `readerForce` the reader's claim: the access log scopes a DCC to their force's reads and the
 * DCC dashboard looks for reading outside one's force. `reasonIfRefused` is an AccessRefusal
 * name (src/access/case-access-policy.ts), `caseNotFound`, a person-record refusal, or a
 * refusal before anything was looked up (src/access/access-purpose.ts: the reader's roles,
 * `purposeMissing`, `purposeInvalid`), which has no caseForce.
 */
import type { JsonObject } from '../event-store/event-store';

export const ACCESS_STREAM_PREFIX = 'access-';
export const CASE_ACCESSED = 'CaseAccessed';
export const PERSON_RECORD_ACCESSED = 'PersonRecordAccessed';
export const RECOMMENDATION_ACCESSED = 'RecommendationAccessed';
export const ACCESS_SCHEMA_VERSION = 1;

/** One read, as the recorder buffers it. */
export interface AccessEntry {
  kind: 'case' | 'person' | 'recommendation';
  /** The caseId, the personId of an integrity record, or the recommendationId. */
  subjectId: string;
  userId: string;
  roles: readonly string[];
  readerForce: string;
  /** The force of the case or person read, when it exists. */
  force: string | null;
  purpose: string;
  at: string;
  granted: boolean;
  reasonIfRefused: string | null;
  /** A download of one of the case's (or the person's registers') documents. */
  documentId?: string;
}

/** A read as the access log needs it: what was read (and its force, when it exists), by whom, why. */
export interface AccessRead {
  kind: AccessEntry['kind'];
  subjectId: string;
  reader: { userId: string; roles: readonly string[]; force: string };
  purpose: string;
  force: string | null;
  documentId?: string;
}

/** The read's entry, stamped now: granted when `refusal` is null, otherwise refused for that reason. */
export function accessEntry(read: AccessRead, refusal: string | null): AccessEntry {
  return {
    kind: read.kind,
    subjectId: read.subjectId,
    userId: read.reader.userId,
    roles: read.reader.roles,
    readerForce: read.reader.force,
    force: read.force,
    purpose: read.purpose,
    at: new Date().toISOString(),
    granted: refusal === null,
    reasonIfRefused: refusal,
    ...(read.documentId === undefined ? {} : { documentId: read.documentId }),
  };
}

export function accessStreamName(at: string): string {
  return `${ACCESS_STREAM_PREFIX}${at.slice(0, 10)}`;
}

const EVENT_TYPES: Record<AccessEntry['kind'], string> = { case: CASE_ACCESSED, person: PERSON_RECORD_ACCESSED, recommendation: RECOMMENDATION_ACCESSED };

export function accessEventType(entry: AccessEntry): string {
  return EVENT_TYPES[entry.kind];
}

/** What the read was of, as its event names it. */
function subjectOf(entry: AccessEntry): JsonObject {
  switch (entry.kind) {
    case 'case':
      return { caseId: entry.subjectId, caseForce: entry.force };
    case 'person':
      return { personId: entry.subjectId, personForce: entry.force };
    case 'recommendation':
      return { recommendationId: entry.subjectId, recommendationForce: entry.force };
  }
}

export function accessEventData(entry: AccessEntry): JsonObject {
  return {
    ...subjectOf(entry),
    userId: entry.userId,
    role: [...entry.roles],
    purpose: entry.purpose,
    at: entry.at,
    granted: entry.granted,
    reasonIfRefused: entry.reasonIfRefused,
    readerForce: entry.readerForce,
    ...(entry.documentId === undefined ? {} : { documentId: entry.documentId }),
  };
}
