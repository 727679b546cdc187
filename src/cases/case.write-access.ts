/**
 * Who may write to a case. A writer may change only a case they may see: the need-to-know
 * of api.md, decided by the access policy, applies to commands as it does to reads. So a
 * writer of another force, or one whose role does not see covert cases, gets the same 404
 * as for a case that does not exist (a 201 or a 422 would reveal it), and a subject of the
 * case may not record steps on it (403).
 */
import { ForbiddenException } from '@nestjs/common';
import { ALL_FORCES, decideAccess } from '../access/case-access-policy';
import type { Actor } from '../http';
import { NotFoundError } from '../shared/domain-error';
import type { Case } from './case.state';

/** Opening a case is for the writer's own force, unless they act for all forces. */
export function mayOpenCaseFor(actor: Actor, force: string): boolean {
  return actor.force === ALL_FORCES || actor.force === force;
}

/** Throws NotFoundError (404) or ForbiddenException (403) unless the actor may write to the case. */
export function ensureMayWrite(actor: Actor, state: Case): void {
  const subjectPersonIds = Object.values(state.subjects).map((subject) => subject.personId);
  const decision = decideAccess(actor, { force: state.force, sensitivity: state.sensitivity, subjectPersonIds });
  if (decision.granted) return;
  if (decision.status === 404) throw caseNotFound(state.caseId);
  throw new ForbiddenException(
    decision.reason === 'readerIsSubject' ? 'You are a subject of this case, so you may not record steps on it.' : 'You may not write to this case.',
  );
}

/** The one answer for a case that does not exist and for one the actor may not know of. */
export function caseNotFound(caseId: string): NotFoundError {
  return new NotFoundError(`There is no case ${caseId}.`);
}
