import { applyDecorators, Injectable } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { AccessRecorder } from '../access-log/access-recorder';
import { accessEntry } from '../access-log/access.events';
import { problem, Problem } from '../http/problem';
import { Roles } from '../http/roles';
import { StatesPurpose } from './access-purpose';
import { AccessRefusal, CASE_READER_ROLES, CaseAccessFacts, CaseListScope, decideAccess, listScope, Reader } from './case-access-policy';
import { ConflictRegistry } from './conflicts/conflict-registry';

/** One read of one case: who, why, which. */
export interface CaseRead {
  reader: Reader;
  purpose: string;
  caseId: string;
  /** A download of one of its documents (src/documents): recorded with the read. */
  documentId?: string;
}

/** A case as a reader would get it, with the facts the policy judges it by. */
export interface LoadedCase<T> {
  facts: CaseAccessFacts;
  value: T;
}

/**
 * What is known of a case before its record is loaded: the facts of its case-status row;
 * `noSuchCase` when it has neither row nor stream; `notInReadModelYet` when its stream
 * exists but the read model has not caught up with it.
 */
export type CaseFactsBeforeLoading = { facts: CaseAccessFacts } | 'noSuchCase' | 'notInReadModelYet';

/**
 * Every read of a case goes through here: `open` for one case, `scope` for lists. It adds the
 * reader's declared conflicts (ConflictRegistry) to what the policy judges, decides, and
 * records the read as `CaseAccessed`, granted or refused (AccessRecorder: a granted read waits
 * for its record to be in the store, a refusal does not).
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
    if (loaded === undefined) return this.refuseAsNotFound(read);
    const decision = decideAccess(reader, { ...loaded.facts, caseId: read.caseId });
    if (!decision.granted) return this.refuse(read, loaded.facts.force, decision);
    await this.record(read, loaded.facts.force, { granted: true });
    return loaded.value;
  }

  /**
   * `open` for a read whose record is costly to load and to open (history, export): access is
   * decided first on what `before` knows (the case-status row), so that a refused read loads,
   * decrypts and proves nothing, and takes as long for an existing covert case as for an
   * unknown id. What `load` then reads is judged again (the row may be behind the stream: a
   * correction may just have made the case covert), and the value is made only once granted.
   */
  async openCostly<T>(
    read: CaseRead,
    before: () => Promise<CaseFactsBeforeLoading>,
    load: () => Promise<LoadedCase<() => Promise<T>> | undefined>,
  ): Promise<T> {
    const known = await before();
    if (known === 'noSuchCase') return this.refuseAsNotFound(read);
    if (known !== 'notInReadModelYet') {
      const decision = decideAccess(this.withConflicts(read.reader), { ...known.facts, caseId: read.caseId });
      if (!decision.granted) return this.refuse(read, known.facts.force, decision);
    }
    const make = await this.open(read, load);
    return make();
  }

  /** Whether the reader may read the case, judged on `facts` with their declared conflicts; nothing is recorded. */
  mayRead(reader: Reader, caseId: string, facts: CaseAccessFacts): boolean {
    return decideAccess(this.withConflicts(reader), { ...facts, caseId }).granted;
  }

  scope(reader: Reader): CaseListScope {
    return listScope(this.withConflicts(reader));
  }

  private withConflicts(reader: Reader): Reader {
    return { ...reader, declaredConflicts: this.conflicts.declaredBy(reader.userId) };
  }

  private async refuseAsNotFound(read: CaseRead): Promise<never> {
    await this.record(read, null, { granted: false, reason: 'caseNotFound' });
    throw caseNotFound(read.caseId);
  }

  private async refuse(read: CaseRead, caseForce: string, decision: { status: 403 | 404; reason: AccessRefusal }): Promise<never> {
    await this.record(read, caseForce, { granted: false, reason: decision.reason });
    // The same 404 as for a case that does not exist, so a refusal cannot be told apart from it.
    if (decision.status === 404) throw caseNotFound(read.caseId);
    throw problem(403, 'forbidden', REFUSAL_DETAIL[decision.reason], { extensions: { reason: decision.reason } });
  }

  private record(read: CaseRead, caseForce: string | null, outcome: RecordedOutcome): Promise<void> {
    const entry = accessEntry(
      { kind: 'case', subjectId: read.caseId, reader: read.reader, purpose: read.purpose, force: caseForce, documentId: read.documentId },
      outcome.granted ? null : outcome.reason,
    );
    // A granted read is served only once its record is in the store; a refusal is recorded in the background.
    return outcome.granted ? this.recorder.recordDurably(entry) : this.recorder.record(entry);
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
  applyDecorators(Roles(...CASE_READER_ROLES), StatesPurpose('this case'), ApiParam({ name: 'caseId', schema: { type: 'string', format: 'uuid' } }));
