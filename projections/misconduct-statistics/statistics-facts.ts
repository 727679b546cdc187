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
 */
import type { FindingLevel } from '../../src/cases/case.enums';
import type { Finding, ProceedingsConcluded } from '../../src/cases/case.events';
import type { Case, SubjectState } from '../../src/cases/case.state';
import type { CaseStep } from '../common/case-event-log';
import { DatedFact, datedFact } from '../common/dated-facts';

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
    const { on, outcome, formerOfficer } = event.data;
    if (formerOfficer) fact(on, STATISTICS_METRIC.formerOfficers, outcome);
    const kind = subject.proceedings?.kind;
    if (kind === undefined) continue;
    fact(on, STATISTICS_METRIC.proceedings, kind);
    fact(on, STATISTICS_METRIC.outcomeByType, kind, outcome);
    fact(on, STATISTICS_METRIC.findingByType, kind, findingKey(event.data));
    fact(on, STATISTICS_METRIC.byRank, subject.rank, outcome);
    fact(on, STATISTICS_METRIC.byWorkforceType, subject.workforceType, outcome);
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
