/**
 * A reader's own declaration that they have a conflict of interest on a case (docs/api.md
 * `POST /cases/{caseId}/conflicts`). Stream `conflict-<caseId>`: every conflict on one case
 * side by side, appended by the one write path (conflict.slice.ts).
 * The nature is docs/events.md's ConflictOfInterestDeclared enumeration. The free-text details
 * are personal data: they enter the event only sealed by the vault, under the declaring
 * user's own key (src/vault/README.md, "Whose key"); the policy never reads them.
 */
import { declaredEvents, event, id, instant, oneOf, optional, vaultText } from '../../common/event-declaration';
import type { DataMapOf } from '../../common/event-declaration';
import { CONFLICT_NATURES } from '../../registers/registers.enums';
import type { VaultEnvelope } from '../../vault/vault-envelope';

export const CASE_CONFLICT_STREAM_PREFIX = 'conflict-';
export const CASE_CONFLICT_DECLARED = 'CaseConflictDeclared';

export const CASE_CONFLICT_EVENTS = {
  [CASE_CONFLICT_DECLARED]: event({
    version: 1,
    legalDate: 'declaredOn',
    fields: {
      caseId: id,
      /** The declaring user (the token's `sub`): one declares a conflict only on oneself. */
      userId: id,
      nature: oneOf(CONFLICT_NATURES),
      /** ISO instant of the declaration. */
      declaredOn: instant,
      /** What the conflict is, in the declarer's words, sealed for `userId`; absent when none were given. */
      details: optional(vaultText),
    },
  }),
};
export const CASE_CONFLICT_EVENT_DECLARATIONS = declaredEvents(CASE_CONFLICT_EVENTS);

/** The event as decided, `details` in clear. */
export type CaseConflictDeclaration = DataMapOf<typeof CASE_CONFLICT_EVENTS>[typeof CASE_CONFLICT_DECLARED];
/** The event as stored: `details` sealed by the vault. */
export type CaseConflictDeclared = Omit<CaseConflictDeclaration, 'details'> & { details?: VaultEnvelope };

export function caseConflictStreamName(caseId: string): string {
  return `${CASE_CONFLICT_STREAM_PREFIX}${caseId}`;
}

export function isCaseConflictDeclared(type: string, data: unknown): data is CaseConflictDeclared {
  if (type !== CASE_CONFLICT_DECLARED || typeof data !== 'object' || data === null) return false;
  const { caseId, userId } = data as Record<string, unknown>;
  return typeof caseId === 'string' && typeof userId === 'string';
}
