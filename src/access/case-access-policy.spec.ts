import fc from 'fast-check';
import { SENSITIVITIES } from '../cases/case.enums';
import type { Sensitivity } from '../cases/case.enums';
import { ROLES } from '../http/roles';
import type { Role } from '../http/roles';
import { CaseAccessFacts, decideAccess, listScope, Reader, scopeAdmits } from './case-access-policy';

const SUBJECT = 'person-subject';

function reader(roles: Role[], force = 'HAMPSHIRE', userId = 'user-reader'): Reader {
  return { userId, roles, force };
}

function facts(sensitivity: Sensitivity, force = 'HAMPSHIRE', subjectPersonIds: string[] = [SUBJECT]): CaseAccessFacts {
  return { force, sensitivity, subjectPersonIds };
}

const outcome = (r: Reader, f: CaseAccessFacts): string => {
  const decision = decideAccess(r, f);
  return decision.granted ? 'granted' : `${decision.status} ${decision.reason}`;
};

describe('need-to-know for reading a case', () => {
  describe('role by sensitivity, same force, reader not a subject', () => {
    // The table of docs/api.md "Need-to-know", written out rather than derived.
    const table: [Role, string, string, string][] = [
      ['PSD_INVESTIGATOR', 'granted', 'granted', '404 covertCase'],
      ['ACU_INVESTIGATOR', 'granted', 'granted', 'granted'],
      ['APPROPRIATE_AUTHORITY', 'granted', 'granted', '404 covertCase'],
      ['DCC', 'granted', 'granted', 'granted'],
      ['INSPECTOR', 'granted', '403 restrictedFromInspectors', '404 covertCase'],
      ['AUDITOR', 'granted', 'granted', 'granted'],
      ['ADMIN', '403 roleMayNotReadCases', '403 roleMayNotReadCases', '403 roleMayNotReadCases'],
    ];
    it.each(table)('%s: STANDARD %s, RESTRICTED %s, COVERT %s', (role, standard, restricted, covert) => {
      expect(SENSITIVITIES.map((sensitivity) => outcome(reader([role]), facts(sensitivity)))).toEqual([standard, restricted, covert]);
    });
  });

  it('hides a case of another force (404) unless the reader is national (*)', () => {
    expect(outcome(reader(['DCC'], 'KENT'), facts('STANDARD'))).toBe('404 caseOfAnotherForce');
    expect(outcome(reader(['INSPECTOR'], '*'), facts('STANDARD', 'KENT'))).toBe('granted');
    expect(outcome(reader(['DCC'], '*'), facts('COVERT', 'KENT'))).toBe('granted');
  });

  it('refuses a subject of the case (403), whatever their role', () => {
    expect(outcome(reader(['DCC'], 'HAMPSHIRE', SUBJECT), facts('STANDARD'))).toBe('403 readerIsSubject');
    expect(outcome(reader(['AUDITOR'], '*', SUBJECT), facts('RESTRICTED', 'KENT'))).toBe('403 readerIsSubject');
  });

  it('does not reveal a covert case to its own subject, even one cleared for covert cases', () => {
    expect(outcome(reader(['ACU_INVESTIGATOR'], 'HAMPSHIRE', SUBJECT), facts('COVERT'))).toBe('404 readerIsSubjectOfCovertCase');
  });

  it('decides 404 before 403, so a refusal never confirms a case the reader may not know of', () => {
    expect(outcome(reader(['INSPECTOR'], 'KENT'), facts('RESTRICTED'))).toBe('404 caseOfAnotherForce');
    expect(outcome(reader(['PSD_INVESTIGATOR'], 'HAMPSHIRE', SUBJECT), facts('COVERT'))).toBe('404 covertCase');
  });

  it('lets roles add up: an inspector who is also an auditor reads a restricted case', () => {
    expect(outcome(reader(['INSPECTOR', 'AUDITOR']), facts('RESTRICTED'))).toBe('granted');
    expect(outcome(reader(['ADMIN', 'PSD_INVESTIGATOR']), facts('STANDARD'))).toBe('granted');
  });

  it('refuses a reader who declared a conflict on the case (403), and only on that case', () => {
    const conflicted = { ...reader(['DCC']), declaredConflicts: ['case-1'] };
    expect(outcome(conflicted, { ...facts('STANDARD'), caseId: 'case-1' })).toBe('403 readerHasConflict');
    expect(outcome(conflicted, { ...facts('COVERT'), caseId: 'case-1' })).toBe('403 readerHasConflict');
    expect(outcome(conflicted, { ...facts('STANDARD'), caseId: 'case-2' })).toBe('granted');
    // Still 404 first: a conflict declared on another force's case confirms nothing.
    expect(outcome({ ...conflicted, force: 'KENT' }, { ...facts('STANDARD'), caseId: 'case-1' })).toBe('404 caseOfAnotherForce');
  });

  it('a list scope admits exactly the cases decideAccess opens', () => {
    const forces = fc.constantFrom('HAMPSHIRE', 'KENT', '*');
    const people = fc.constantFrom('p-1', 'p-2', 'p-3');
    const readers = fc.record({
      userId: people,
      roles: fc.subarray([...ROLES]),
      force: forces,
      declaredConflicts: fc.subarray(['c-1', 'c-2']),
    });
    const cases = fc.record({
      force: fc.constantFrom('HAMPSHIRE', 'KENT'),
      sensitivity: fc.constantFrom(...SENSITIVITIES),
      subjectPersonIds: fc.subarray(['p-1', 'p-2', 'p-3']),
      caseId: fc.constantFrom('c-1', 'c-2', 'c-3'),
    });
    fc.assert(
      fc.property(readers, cases, (r, f) => {
        expect(scopeAdmits(listScope(r), f)).toBe(decideAccess(r, f).granted);
      }),
      { numRuns: 2000 },
    );
  });
});
