/**
 * Who may write to a case. A writer may change only a case they may see: the need-to-know
 * of docs/api.md, decided by the access policy, applies to commands as it does to reads. So a
 * writer of another force, or one whose role does not see covert cases, gets the same 404
 * as for a case that does not exist (a 201 or a 422 would reveal it); a subject of the case,
 * and a writer who declared a conflict of interest on it, may not record steps on it (403).
 */
import { ALL_FORCES, decideAccess } from '../access/case-access-policy';
import type { AccessRefusal } from '../access/case-access-policy';
import { problem } from '../http/problem';
import type { Problem } from '../http/problem';
import type { Actor } from '../http';
import { NotFoundError } from '../common/domain-error';
import type { Case } from './case.state';

/** Opening a case is for the writer's own force, unless they act for all forces. */
export function mayOpenCaseFor(actor: Pick<Actor, 'force'>, force: string): boolean {
  return actor.force === ALL_FORCES || actor.force === force;
}

/** The 403 for opening a case of a force the writer does not act for. */
export function mayNotOpenCaseFor(force: string): Problem {
  return problem(403, 'forbidden', `Only a user of force ${force}, or one acting for all forces, may open its cases.`);
}

/**
 * Throws NotFoundError (404) or a 403 problem naming the refusal (`reason`) unless the actor
 * may write to the case. `declaredConflicts`: the cases the actor declared a conflict of
 * interest on (src/access/conflicts/conflict-registry.ts).
 */
export function ensureMayWrite(actor: Actor, state: Case, declaredConflicts: readonly string[]): void {
  const subjectPersonIds = Object.values(state.subjects).map((subject) => subject.personId);
  const decision = decideAccess(
    { ...actor, declaredConflicts },
    { force: state.force, sensitivity: state.sensitivity, subjectPersonIds, caseId: state.caseId },
  );
  if (decision.granted) return;
  if (decision.status === 404) throw caseNotFound(state.caseId);
  throw problem(403, 'forbidden', WRITE_REFUSAL_DETAIL[decision.reason] ?? 'You may not write to this case.', { extensions: { reason: decision.reason } });
}

/** What a writer's 403 says; the refusals answered 404 never get here. */
const WRITE_REFUSAL_DETAIL: Partial<Record<AccessRefusal, string>> = {
  readerIsSubject: 'You are a subject of this case, so you may not record steps on it.',
  readerHasConflict: 'You declared a conflict of interest on this case, so you may not record steps on it.',
};

/** The one answer for a case that does not exist and for one the actor may not know of. */
export function caseNotFound(caseId: string): NotFoundError {
  return new NotFoundError(`There is no case ${caseId}.`);
}
