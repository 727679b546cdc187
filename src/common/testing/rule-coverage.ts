/**
 * Holds a rule book to its specs, in every slice: every rule must be named by at least one
 * spec title written `ruleTitle('<rule>', ...)` in the given spec files and expected to
 * refuse (`thenThrows('<rule>'...)`), and every such title must name a rule that exists. A rule
 * added without a spec, or a spec left naming a rule that was renamed, fails the build.
 */
import { readFileSync } from 'node:fs';

const TITLE = /ruleTitle\(\s*'(\w+)'/g;
/** `thenThrows('<rule>')`, or with what more the refusal says (`thenThrows('<rule>', { confidence: ... })`). */
const REFUSAL = /thenThrows\(\s*'(\w+)'\s*[,)]/g;

export function rulesNamedInSpecs(specFiles: readonly string[], pattern: RegExp = TITLE): Set<string> {
  const named = new Set<string>();
  for (const file of specFiles) {
    for (const match of readFileSync(file, 'utf8').matchAll(pattern)) named.add(match[1]);
  }
  return named;
}

export function expectEveryRuleSpecified(ruleNames: readonly string[], specFiles: readonly string[]): void {
  const named = rulesNamedInSpecs(specFiles);
  const refusing = rulesNamedInSpecs(specFiles, REFUSAL);
  expect({
    withoutSpec: ruleNames.filter((rule) => !named.has(rule)),
    neverExpectedToRefuse: ruleNames.filter((rule) => !refusing.has(rule)),
    unknown: [...named].filter((rule) => !ruleNames.includes(rule)),
  }).toEqual({ withoutSpec: [], neverExpectedToRefuse: [], unknown: [] });
}
