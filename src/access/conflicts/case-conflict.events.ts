/**
 * A reader's own declaration that they have a conflict of interest on a case (docs/api.md
 * `POST /cases/{caseId}/conflicts`). Stream `conflict-<caseId>`: every conflict on one case
 * side by side, appended by the one write path (conflict.slice.ts).
 * The nature is docs/events.md's ConflictOfInterestDeclared enumeration. The free-text details
 * are personal data: they enter the event only sealed by the vault, under the declaring
 * user's own key (src/vault/README.md, "Whose key"); the policy never reads them.
 */
import type { ConflictNature } from '../../registers/registers.enums';
import type { VaultEnvelope } from '../../vault/vault-envelope';

export const CASE_CONFLICT_STREAM_PREFIX = 'conflict-';
export const CASE_CONFLICT_DECLARED = 'CaseConflictDeclared';
export const CASE_CONFLICT_SCHEMA_VERSION = 1;

export interface CaseConflictDeclared {
  caseId: string;
  /** The declaring user (the token's `sub`): one declares a conflict only on oneself. */
  userId: string;
  nature: ConflictNature;
  /** ISO instant of the declaration. */
  declaredOn: string;
  /** What the conflict is, in the declarer's words, sealed for `userId`; absent when none were given. */
  details?: VaultEnvelope;
}

/** The vault fields of the event, sealed for the declaring user (`userId`). */
export const CASE_CONFLICT_VAULT_FIELDS = ['details'] as const;

export function caseConflictStreamName(caseId: string): string {
  return `${CASE_CONFLICT_STREAM_PREFIX}${caseId}`;
}

export function isCaseConflictDeclared(type: string, data: unknown): data is CaseConflictDeclared {
  if (type !== CASE_CONFLICT_DECLARED || typeof data !== 'object' || data === null) return false;
  const { caseId, userId } = data as Record<string, unknown>;
  return typeof caseId === 'string' && typeof userId === 'string';
}
