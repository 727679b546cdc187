/**
 * Whose key encrypts a case's free text. The vault fields of case events (summary,
 * rationale, termsOfReference, result, text) are about the complainant, witnesses, third
 * parties and anonymous reporters, none of whom the events name: they are one data subject
 * per case, `case-<caseId>`, whose key is the case's. Erasing `case-<caseId>`
 * (POST /people/case-<caseId>/erasure) erases every free text of that case and nothing
 * else; officers are referred to by pseudonymous ids and keep their own keys for their
 * registers (the person id of the register stream).
 */
export function casePersonId(caseId: string): string {
  return `case-${caseId}`;
}
