import { applyDecorators, Injectable, UseGuards } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { AccessRecorder } from '../access-log/access-recorder';
import { accessEntry } from '../access-log/access.events';
import { problem, Problem } from '../http/problem';
import { Roles } from '../http/roles';
import { AccessPurposeGuard, ACCESS_PURPOSE_HEADER, MIN_PURPOSE_LENGTH } from './access-purpose';
import { AccessRefusal, CASE_READER_ROLES, CaseAccessFacts, CaseListScope, decideAccess, listScope, Reader } from './case-access-policy';
import { ConflictRegistry } from './conflicts/conflict-registry';

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
 * Every read of a case goes through here: `open` for one case, `scope` for lists. It adds the
 * reader's declared conflicts (ConflictRegistry) to what the policy judges, decides, and
 * records the read as `CaseAccessed`, granted or refused (AccessRecorder: buffered, so the
 * read does not wait for the append).
 */
@Injectable()
export class CaseReadAccess {
  constructor(
    private readonly conflicts: ConflictRegistry,
    private readonly recorder: AccessRecorder,
  ) {}

  /** The loaded case if the reader may see it; otherwise a 404 or 403 problem. Recorded either way. */
  async open<T>(read: CaseRead, load: () => Promise<LoadedCase<T> | undefined>): Promise<T> {
    const reader = this.withConflicts(read.reader);
    const loaded = await load();
    if (loaded === undefined) {
      await this.record(read, null, { granted: false, reason: 'caseNotFound' });
      throw caseNotFound(read.caseId);
    }
    const decision = decideAccess(reader, { ...loaded.facts, caseId: read.caseId });
    await this.record(read, loaded.facts.force, decision.granted ? { granted: true } : { granted: false, reason: decision.reason });
    if (decision.granted) return loaded.value;
    // The same 404 as for a case that does not exist, so a refusal cannot be told apart from it.
    if (decision.status === 404) throw caseNotFound(read.caseId);
    throw problem(403, 'forbidden', REFUSAL_DETAIL[decision.reason], { extensions: { reason: decision.reason } });
  }

  scope(reader: Reader): CaseListScope {
    return listScope(this.withConflicts(reader));
  }

  private withConflicts(reader: Reader): Reader {
    return { ...reader, declaredConflicts: this.conflicts.declaredBy(reader.userId) };
  }

  private record(read: CaseRead, caseForce: string | null, outcome: RecordedOutcome): Promise<void> {
    const entry = accessEntry({ kind: 'case', subjectId: read.caseId, reader: read.reader, purpose: read.purpose, force: caseForce }, outcome.granted ? null : outcome.reason);
    return this.recorder.record(entry);
  }
}

type RecordedOutcome = { granted: true } | { granted: false; reason: AccessRefusal | 'caseNotFound' };

/** What a 403 says; the 404 reasons never reach a reader (they get "there is no case"). */
const REFUSAL_DETAIL: Record<AccessRefusal, string> = {
  roleMayNotReadCases: 'None of your roles may read cases.',
  restrictedFromInspectors: 'This case is restricted: it has not been released for inspection.',
  readerIsSubject: 'You are a subject of this case, so you may not read it.',
  caseOfAnotherForce: 'There is no such case.',
  covertCase: 'There is no such case.',
  readerIsSubjectOfCovertCase: 'There is no such case.',
  readerHasConflict: 'You declared a conflict of interest on this case, so you may not read it.',
};

export function caseNotFound(caseId: string): Problem {
  return problem(404, 'not-found', `There is no case ${caseId}.`);
}

/** On a route that lists cases: only the roles that read cases. */
export const ListsCases = (): MethodDecorator & ClassDecorator => Roles(...CASE_READER_ROLES);

/**
 * On a route that reads one case: the reading roles (403), and a stated purpose (400 without),
 * both checked, and a refusal recorded, by AccessPurposeGuard before the case is looked up.
 */
export const ReadsOneCase = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    Roles(...CASE_READER_ROLES),
    UseGuards(AccessPurposeGuard),
    ApiHeader({ name: ACCESS_PURPOSE_HEADER, required: true, description: `Why you are reading this case (at least ${MIN_PURPOSE_LENGTH} characters).` }),
  );
