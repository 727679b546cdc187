/**
 * Who may record in, and read, a person's integrity record. The roles are checked by
 * @Roles on each route; this is the rest.
 *
 * - Another force's person does not exist for the user (404), unless the user acts for all
 *   forces (`*`): the same as a case of another force (docs/api.md, "Need-to-know"). A person's
 *   force is the force whose workforce holds them (src/workforce/workforce-members.ts)
 *   where that is recorded, else the force of the first entry in their registers: so no
 *   force takes a person's record from the force that employs them by writing first.
 * - Nobody records in or reads their own record (403). A member of PSD or the ACU is in the
 *   registers like everyone else; their business interest is approved, their association
 *   assessed and their audit findings read by colleagues. The record holds the ACU's risk
 *   assessments and audit findings, which the person must not see through this service
 *   (as a subject may not read their own case); what they are owed of it they get through
 *   a subject access request, which is not this API.
 */
import { applyDecorators } from '@nestjs/common';
import { StatesPurpose } from '../access/access-purpose';
import type { Actor } from '../http';
import { problem, Roles } from '../http';
import type { Problem } from '../http';
import { actsForForce } from '../common/force';

/** Who records the registers: investigators and the appropriate authority. */
export const REGISTER_RECORDERS = ['PSD_INVESTIGATOR', 'ACU_INVESTIGATOR', 'APPROPRIATE_AUTHORITY'] as const;
/** Who reads an integrity record: the recorders, the DCC, inspectors and auditors; never ADMIN. */
export const REGISTER_READERS = [...REGISTER_RECORDERS, 'DCC', 'INSPECTOR', 'AUDITOR'] as const;

/** A read of a person's integrity record (or of a document of it): its readers' roles, and a stated purpose. */
export const ReadsPersonRecord = (): MethodDecorator & ClassDecorator => applyDecorators(Roles(...REGISTER_READERS), StatesPurpose('this record'));

export type PersonAccessRefusal = 'personOfAnotherForce' | 'ownRecord';

/** null when the actor may act on the person's record; `personForce` null for a person with no record yet. */
export function personAccessRefusal(actor: Pick<Actor, 'userId' | 'force'>, personId: string, personForce: string | null): PersonAccessRefusal | null {
  if (personForce !== null && !actsForForce(actor, personForce)) return 'personOfAnotherForce';
  if (actor.userId === personId) return 'ownRecord';
  return null;
}

export function personNotFound(personId: string): Problem {
  return problem(404, 'not-found', `There is no integrity record of person ${personId}.`);
}

/** Throws the answer to a refused actor: 404 for another force's person, 403 for their own record. */
export function ensurePersonAccess(actor: Actor, personId: string, personForce: string | null): void {
  const refusal = personAccessRefusal(actor, personId, personForce);
  if (refusal === 'personOfAnotherForce') throw personNotFound(personId);
  if (refusal === 'ownRecord') throw problem(403, 'forbidden', 'Nobody may record in or read their own integrity record.');
}
