/**
 * What the annual misconduct statistics count for one case, in the manner of the Home
 * Office's "Police misconduct, England and Wales" tables (docs/domain/regulations.md 8.1): each subject
 * whose proceedings concluded, on the day they concluded, by proceedings type, outcome,
 * finding level, rank, workforce type, allegation category and breach type; former officers;
 * and barred-list entries on the day they were made. Pure.
 *
 * A conclusion without proceedings (no further action after no case to answer) is not a
 * proceeding and is left out of the proceedings tables; a former officer's is counted among
 * former officers either way. Outcomes are those the proceedings imposed (appeals are not
 * applied), as the published tables count disciplinary action at proceedings.
 *
 * The series counts only matters under the 2020 regulations (those that came to attention on
 * or after 1 February 2020, §8.1 ✔): proceedings of a matter under the 2012 regulations are left
 * out of the proceedings tables. Barred-list entries, which the College of Policing publishes
 * apart from the series, are counted whatever the regulations. Proceedings are also counted by
 * the Home Office case type (complaint, conduct matter, recordable conduct matter) the case had
 * when they concluded; a DSI matter is none of the three and is left out of that table only.
 */
import type { FindingLevel } from '../../src/cases/case.enums';
import type { Finding, ProceedingsConcluded } from '../../src/cases/case.events';
import type { Case, SubjectState } from '../../src/cases/case.state';
import type { CaseStep } from '../common/case-event-log';
import { DatedFact, datedFact } from '../common/dated-facts';
import { homeOfficeCaseTypeOf } from '../../src/cases/case-types';

export const STATISTICS_METRIC = {
  /** Key: proceedings kind. */
  proceedings: 'proceedings',
  /** Key: `kind|outcome`. */
  outcomeByType: 'outcomeByType',
  /** Key: `kind|finding` (FINDING_KEYS). */
  findingByType: 'findingByType',
  /** Key: `rank|outcome`. */
  byRank: 'byRank',
  /** Key: `workforceType|outcome`. */
  byWorkforceType: 'byWorkforceType',
  /** Key: the allegation's corruption category, or NONE. */
  allegationCategory: 'allegationCategory',
  /** Key: `standard|PROVEN` or `standard|NOT_PROVEN`. */
  breachType: 'breachType',
  /** Key: outcome (what would have been imposed). */
  formerOfficers: 'formerOfficers',
  /** Key: `basis|workforceType`. */
  barredList: 'barredList',
  /** Key: `Home Office case type|outcome` (src/cases/case-types.ts). */
  byCaseType: 'byCaseType',
} as const;

/** The finding level of proceedings: the gravest proven finding, or none proven. */
export const FINDING_KEYS = ['GROSS_MISCONDUCT_PROVEN', 'MISCONDUCT_PROVEN', 'NOT_PROVEN'] as const;
export type FindingKey = (typeof FINDING_KEYS)[number];

/** Allegations without a corruption category. */
export const NO_CATEGORY = 'NONE';

export const keyOf = (...parts: string[]): string => parts.join('|');

export function statisticsCaseFacts(steps: readonly CaseStep[], final: Case): DatedFact[] {
  const facts: DatedFact[] = [];
  const fact = (day: string, metric: string, ...key: string[]): void => {
    facts.push(datedFact(final.force, day, metric, keyOf(...key)));
  };
  for (const { event, after } of steps) {
    if (event.type !== 'ProceedingsConcluded' && event.type !== 'BarredListEntryMade') continue;
    const subject = subjectOf(after, event.data.subjectId);
    if (subject === null) continue;
    if (event.type === 'BarredListEntryMade') {
      fact(event.data.on, STATISTICS_METRIC.barredList, event.data.basis, subject.workforceType);
      continue;
    }
    if (after.regulations !== '2020') continue;
    const { on, outcome, formerOfficer } = event.data;
    if (formerOfficer) fact(on, STATISTICS_METRIC.formerOfficers, outcome);
    const kind = subject.proceedings?.kind;
    if (kind === undefined) continue;
    fact(on, STATISTICS_METRIC.proceedings, kind);
    fact(on, STATISTICS_METRIC.outcomeByType, kind, outcome);
    fact(on, STATISTICS_METRIC.findingByType, kind, findingKey(event.data));
    fact(on, STATISTICS_METRIC.byRank, subject.rank, outcome);
    fact(on, STATISTICS_METRIC.byWorkforceType, subject.workforceType, outcome);
    const caseType = homeOfficeCaseTypeOf(after);
    if (caseType !== null) fact(on, STATISTICS_METRIC.byCaseType, caseType, outcome);
    for (const allegation of Object.values(final.allegations)) {
      if (allegation.subjectId === subject.subjectId) fact(on, STATISTICS_METRIC.allegationCategory, allegation.corruptionCategory ?? NO_CATEGORY);
    }
    for (const finding of event.data.findings) fact(on, STATISTICS_METRIC.breachType, finding.standard, finding.proven ? 'PROVEN' : 'NOT_PROVEN');
  }
  return facts;
}

function subjectOf(state: Case, subjectId: string): SubjectState | null {
  return Object.prototype.hasOwnProperty.call(state.subjects, subjectId) ? state.subjects[subjectId] : null;
}

const provenAt = (findings: readonly Finding[], level: FindingLevel): boolean => findings.some((finding) => finding.proven && finding.level === level);

export function findingKey(conclusion: Pick<ProceedingsConcluded, 'findings'>): FindingKey {
  if (provenAt(conclusion.findings, 'GROSS_MISCONDUCT')) return 'GROSS_MISCONDUCT_PROVEN';
  if (provenAt(conclusion.findings, 'MISCONDUCT')) return 'MISCONDUCT_PROVEN';
  return 'NOT_PROVEN';
}
