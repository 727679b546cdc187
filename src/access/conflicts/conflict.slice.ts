/**
 * A declaration of one's own conflict of interest on a case, on the one write path
 * (src/common/write-path.ts), in stream `conflict-<caseId>`. No rule refuses it and the case
 * is not looked up: a declaration on a case one cannot see (or that does not exist) is
 * accepted the same way, so the answer reveals nothing. The details are sealed under the
 * declarer's own vault key; the instant is the write path's clock.
 */
import type { ConflictNature } from '../../registers/registers.enums';
import { sealPersonalFields } from '../../vault/personal-fields';
import type { WriteSlice } from '../../common/write-path';
import { CASE_CONFLICT_DECLARED, CASE_CONFLICT_EVENT_DECLARATIONS, caseConflictStreamName } from './case-conflict.events';
import type { CaseConflictDeclaration } from './case-conflict.events';

export interface DeclareCaseConflict {
  caseId: string;
  /** The declaring user (the token's `sub`). */
  userId: string;
  nature: ConflictNature;
  details?: string;
}

/** The event before sealing: `details` in clear. */
export interface CaseConflictEvent {
  type: typeof CASE_CONFLICT_DECLARED;
  data: CaseConflictDeclaration;
}

export const CASE_CONFLICTS: WriteSlice<DeclareCaseConflict, CaseConflictEvent, null> = {
  streamName: (command) => caseConflictStreamName(command.caseId),
  // Declarations never refuse one another: nothing of the stream is needed to decide.
  fold: () => null,
  decide: ({ caseId, userId, nature, details }, _state, { now }) => [
    { type: CASE_CONFLICT_DECLARED, data: { caseId, userId, nature, declaredOn: now, ...(details === undefined ? {} : { details }) } },
  ],
  seal: async (vault, command, event, _state, eventId) => ({
    ...event,
    data: await sealPersonalFields(vault, command.userId, event.data, CASE_CONFLICT_EVENT_DECLARATIONS.vaultFields[event.type], eventId),
  }),
  occurredAt: (event) => CASE_CONFLICT_EVENT_DECLARATIONS.legalInstantOf(event),
  schemaVersion: (event) => CASE_CONFLICT_EVENT_DECLARATIONS.schemaVersions[event.type],
};
