/**
 * Need-to-know for reading a case (docs/api.md "Need-to-know", docs/architecture.md "Access"): the
 * one place that says who may see which case. Pure: the HTTP side (case-read-access.ts)
 * loads the facts, asks `decideAccess`, and turns a refusal into 403 or 404; lists ask
 * `listScope` so they never show a case its reader could not open.
 *
 * Each rule is a small named function, tried in order; the first refusal wins. Adding a
 * rule (a declared conflict of interest, a release for inspection) is one more fact in
 * CaseAccessFacts, one more function in CASE_ACCESS_RULES, and its mirror in listScope,
 * which case-access-policy.spec.ts holds to decideAccess.
 */
import { SENSITIVITIES } from '../cases/case.enums';
import type { Sensitivity } from '../cases/case.enums';
import type { Role } from '../http/roles';

/** Who is reading: the claims of the bearer token that matter here. */
export interface Reader {
  userId: string;
  roles: readonly Role[];
  /** Force code, or `*` for national bodies (IOPC, HMICFRS), which see every force. */
  force: string;
  /** The cases this reader declared a conflict of interest on (CaseConflictDeclared); none when absent. */
  declaredConflicts?: readonly string[];
}

/** What the policy needs to know about a case; nothing else of it. */
export interface CaseAccessFacts {
  force: string;
  sensitivity: Sensitivity;
  /** The personId of every subject (pseudonymous ids, the same space as a token's `sub`). */
  subjectPersonIds: readonly string[];
  /** The case's id, which a declared conflict names; without it no conflict can apply (a write's own check). */
  caseId?: string;
}

/**
 * Why a read was refused: stable names for logs and, later, for `CaseAccessed.reasonIfRefused`.
 * `status` 404 where telling the reader "you may not" would tell them the case exists.
 */
export type AccessRefusal =
  | 'roleMayNotReadCases'
  | 'caseOfAnotherForce'
  | 'covertCase'
  | 'restrictedFromInspectors'
  | 'readerIsSubject'
  | 'readerIsSubjectOfCovertCase'
  | 'readerHasConflict';

export type AccessDecision = { granted: true } | { granted: false; status: 403 | 404; reason: AccessRefusal };

/**
 * Every role but ADMIN reads cases. ADMIN runs the service (users, configuration) and has no
 * need to know what a case says; AUDITOR reads cases because docs/api.md lets it into COVERT ones
 * and it checks the ledger's own records of reads. INSPECTOR reads what it is scoped to.
 */
export type CaseReaderRole = Exclude<Role, 'ADMIN'>;

/**
 * Which sensitivities each reading role may see. COVERT: only ACU_INVESTIGATOR, DCC and
 * AUDITOR. RESTRICTED: everyone but INSPECTOR (docs/api.md: not without the case being released
 * for inspection, which nothing records yet). A reader with several roles sees what any of
 * them sees: roles add permissions, they never take them away.
 */
const SENSITIVITIES_BY_ROLE: { readonly [R in CaseReaderRole]: readonly Sensitivity[] } = {
  PSD_INVESTIGATOR: ['STANDARD', 'RESTRICTED'],
  ACU_INVESTIGATOR: ['STANDARD', 'RESTRICTED', 'COVERT'],
  APPROPRIATE_AUTHORITY: ['STANDARD', 'RESTRICTED'],
  DCC: ['STANDARD', 'RESTRICTED', 'COVERT'],
  INSPECTOR: ['STANDARD'],
  AUDITOR: ['STANDARD', 'RESTRICTED', 'COVERT'],
};

/** The roles that read cases: those with a line in the table above. */
export const CASE_READER_ROLES = Object.keys(SENSITIVITIES_BY_ROLE) as CaseReaderRole[];

/** The `force` claim of national bodies (IOPC, HMICFRS): every force's cases are theirs to see. */
export const ALL_FORCES = '*';

/** The sensitivities a reader may see, across all their roles. */
export function visibleSensitivities(reader: Reader): Sensitivity[] {
  const visible = new Set<Sensitivity>();
  for (const role of reader.roles) {
    if (!isCaseReaderRole(role)) continue;
    for (const sensitivity of SENSITIVITIES_BY_ROLE[role]) visible.add(sensitivity);
  }
  return SENSITIVITIES.filter((sensitivity) => visible.has(sensitivity));
}

export function isCaseReaderRole(role: Role): role is CaseReaderRole {
  return Object.prototype.hasOwnProperty.call(SENSITIVITIES_BY_ROLE, role);
}

type AccessRule = (reader: Reader, facts: CaseAccessFacts) => Exclude<AccessDecision, { granted: true }> | undefined;

const refuse = (status: 403 | 404, reason: AccessRefusal) => ({ granted: false, status, reason }) as const;

const roleMayReadCases: AccessRule = (reader) => (reader.roles.some(isCaseReaderRole) ? undefined : refuse(403, 'roleMayNotReadCases'));

/** Another force's case does not exist for this reader (404), unless they are national (`*`). */
const sameForce: AccessRule = (reader, facts) => (reader.force === ALL_FORCES || reader.force === facts.force ? undefined : refuse(404, 'caseOfAnotherForce'));

const sensitivityAllows: AccessRule = (reader, facts) => {
  if (visibleSensitivities(reader).includes(facts.sensitivity)) return undefined;
  // A covert case's existence is itself secret; a restricted one's is not.
  return facts.sensitivity === 'COVERT' ? refuse(404, 'covertCase') : refuse(403, 'restrictedFromInspectors');
};

/**
 * Nobody reads a case about themselves (403). Of a COVERT case the subject gets 404 even
 * with a role that may see covert cases: the investigation must not be revealed to the
 * person it is about (tipping off), which a 403 would do.
 */
const readerIsNotSubject: AccessRule = (reader, facts) => {
  if (!facts.subjectPersonIds.includes(reader.userId)) return undefined;
  return facts.sensitivity === 'COVERT' ? refuse(404, 'readerIsSubjectOfCovertCase') : refuse(403, 'readerIsSubject');
};

/**
 * docs/api.md "Need-to-know": a user who declared a conflict of interest on the case may not read
 * it (403). A 403 reveals nothing: they named the case themselves.
 */
const readerHasNoConflict: AccessRule = (reader, facts) =>
  facts.caseId !== undefined && (reader.declaredConflicts ?? []).includes(facts.caseId) ? refuse(403, 'readerHasConflict') : undefined;

/** In order: the first refusal wins, and every 404 rule comes before a 403 one could reveal the case. */
const CASE_ACCESS_RULES: readonly AccessRule[] = [roleMayReadCases, sameForce, sensitivityAllows, readerIsNotSubject, readerHasNoConflict];

export function decideAccess(reader: Reader, facts: CaseAccessFacts): AccessDecision {
  for (const rule of CASE_ACCESS_RULES) {
    const refusal = rule(reader, facts);
    if (refusal) return refusal;
  }
  return { granted: true };
}

/**
 * What a list may show a reader, as data a query can filter on: exactly the cases for which
 * decideAccess grants (case-access-policy.spec.ts checks the two agree).
 */
export interface CaseListScope {
  /** null: every force. */
  force: string | null;
  sensitivities: Sensitivity[];
  /** Cases with a subject of this personId are left out. */
  excludeSubjectPersonId: string;
  /** Cases the reader declared a conflict on are left out. */
  excludeCaseIds: string[];
}

export function listScope(reader: Reader): CaseListScope {
  return {
    force: reader.force === ALL_FORCES ? null : reader.force,
    // A reader with no reading role sees no sensitivity, hence nothing.
    sensitivities: visibleSensitivities(reader),
    excludeSubjectPersonId: reader.userId,
    excludeCaseIds: [...(reader.declaredConflicts ?? [])],
  };
}

/** The scope's meaning in code, for tests and in-memory filtering; queries say it in SQL. */
export function scopeAdmits(scope: CaseListScope, facts: CaseAccessFacts): boolean {
  return (
    (scope.force === null || scope.force === facts.force) &&
    scope.sensitivities.includes(facts.sensitivity) &&
    !facts.subjectPersonIds.includes(scope.excludeSubjectPersonId) &&
    !(facts.caseId !== undefined && scope.excludeCaseIds.includes(facts.caseId))
  );
}
