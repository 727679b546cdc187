import { applyDecorators, Injectable, UseGuards } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { problem, Problem } from '../http/problem';
import { Roles } from '../http/roles';
import { AccessPurposeGuard, ACCESS_PURPOSE_HEADER, MIN_PURPOSE_LENGTH } from './access-purpose';
import { AccessRefusal, CASE_READER_ROLES, CaseAccessFacts, CaseListScope, decideAccess, listScope, Reader } from './case-access-policy';

/** One read of one case: who, why, which. */
export interface CaseRead {
  reader: Reader;
  purpose: string;
  caseId: string;
}

/** A case as a reader would get it, with the facts the policy judges it by. */
export interface LoadedCase<T> {
  facts: CaseAccessFacts;
  value: T;
}

/**
 * Every read of a case goes through here: `open` for one case, `scope` for lists. Today it
 * decides and refuses; it is also where each read will be recorded as `CaseAccessed`
 * (granted or refused, with its purpose) and where conflicts of interest will be looked up,
 * so no controller needs to change when they come.
 */
@Injectable()
export class CaseReadAccess {
  /** The loaded case if the reader may see it; otherwise a 404 or 403 problem. */
  async open<T>(read: CaseRead, load: () => Promise<LoadedCase<T> | undefined>): Promise<T> {
    const loaded = await load();
    if (loaded === undefined) throw caseNotFound(read.caseId);
    const decision = decideAccess(read.reader, loaded.facts);
    if (decision.granted) return loaded.value;
    // The same 404 as for a case that does not exist, so a refusal cannot be told apart from it.
    if (decision.status === 404) throw caseNotFound(read.caseId);
    throw problem(403, 'forbidden', REFUSAL_DETAIL[decision.reason]);
  }

  scope(reader: Reader): CaseListScope {
    return listScope(reader);
  }
}

/** What a 403 says; the 404 reasons never reach a reader (they get "there is no case"). */
const REFUSAL_DETAIL: Record<AccessRefusal, string> = {
  roleMayNotReadCases: 'None of your roles may read cases.',
  restrictedFromInspectors: 'This case is restricted: it has not been released for inspection.',
  readerIsSubject: 'You are a subject of this case, so you may not read it.',
  caseOfAnotherForce: 'There is no such case.',
  covertCase: 'There is no such case.',
  readerIsSubjectOfCovertCase: 'There is no such case.',
};

export function caseNotFound(caseId: string): Problem {
  return problem(404, 'not-found', `There is no case ${caseId}.`);
}

/** On a route that lists cases: only the roles that read cases. */
export const ListsCases = (): MethodDecorator & ClassDecorator => Roles(...CASE_READER_ROLES);

/** On a route that reads one case: the reading roles, and a stated purpose (400 without). */
export const ReadsOneCase = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    Roles(...CASE_READER_ROLES),
    UseGuards(AccessPurposeGuard),
    ApiHeader({ name: ACCESS_PURPOSE_HEADER, required: true, description: `Why you are reading this case (at least ${MIN_PURPOSE_LENGTH} characters).` }),
  );
