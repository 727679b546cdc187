/**
 * The annual tables of `GET /statistics/misconduct`, from a force's counts over one
 * financial year. Every table lists every value of its enumerations, zero where there is
 * none, so a year's tables always have the same rows and columns (and CSV the same lines).
 */
import { BARRED_LIST_BASES, CORRUPTION_CATEGORIES, OUTCOMES, PROCEEDINGS_KINDS, RANKS, STANDARDS, WORKFORCE_TYPES } from '../../src/cases/case.enums';
import type { BarredListBasis, CorruptionCategory, Outcome, ProceedingsKind, Rank, Standard, WorkforceType } from '../../src/cases/case.enums';
import { countOf, Counts } from '../common/dated-facts';
import { HOME_OFFICE_CASE_TYPES } from '../../src/cases/case-types';
import type { HomeOfficeCaseType } from '../../src/cases/case-types';
import type { FinancialYear } from './financial-year';
import { FINDING_KEYS, FindingKey, keyOf, NO_CATEGORY, STATISTICS_METRIC as METRIC } from './statistics-facts';

export interface OutcomeRow {
  total: number;
  outcomes: Record<Outcome, number>;
}

export interface MisconductStatistics {
  force: string;
  /** The financial year starting 1 April of `year`. */
  year: number;
  financialYear: string;
  from: string;
  to: string;
  /** Subjects whose misconduct meeting, hearing or accelerated hearing concluded in the year. */
  proceedings: { total: number; byType: Record<ProceedingsKind, number> };
  /** The outcomes those proceedings imposed, in all and by type of proceedings. */
  outcomes: { total: Record<Outcome, number>; byType: Record<ProceedingsKind, Record<Outcome, number>> };
  /** The gravest proven finding of each, by type of proceedings. */
  findings: Record<ProceedingsKind, Record<FindingKey, number>>;
  byRank: Record<Rank, OutcomeRow>;
  byWorkforceType: Record<WorkforceType, OutcomeRow>;
  /** The proceedings by the case's Home Office case type (a DSI matter is none of them). */
  byCaseType: Record<HomeOfficeCaseType, OutcomeRow>;
  /** The proceedings tables count matters under these regulations only, as the series does. */
  regulations: '2020';
  /** The allegations against those subjects, by corruption category (NONE: not a corruption allegation). */
  byAllegationCategory: Record<CorruptionCategory | typeof NO_CATEGORY, number>;
  /** The findings at those proceedings, by the standard of professional behaviour in question. */
  byBreachType: Record<Standard, { proven: number; notProven: number }>;
  /** Conclusions for subjects who had left: what would have been imposed. */
  formerOfficers: OutcomeRow;
  /** Entries made in the year. */
  barredListEntries: { total: number; byBasis: Record<BarredListBasis, number>; byWorkforceType: Record<WorkforceType, number> };
}

function table<K extends string, V>(keys: readonly K[], value: (key: K) => V): Record<K, V> {
  return Object.fromEntries(keys.map((key) => [key, value(key)])) as Record<K, V>;
}

function outcomeRow(counts: Counts, metric: string, ...prefix: string[]): OutcomeRow {
  const outcomes = table(OUTCOMES, (outcome) => countOf(counts, metric, keyOf(...prefix, outcome)));
  return { total: Object.values<number>(outcomes).reduce((sum, n) => sum + n, 0), outcomes };
}

export function misconductStatistics(force: string, year: FinancialYear, counts: Counts): MisconductStatistics {
  const byType = table(PROCEEDINGS_KINDS, (kind) => countOf(counts, METRIC.proceedings, kind));
  const barredByBasis = table(BARRED_LIST_BASES, (basis) => table(WORKFORCE_TYPES, (type) => countOf(counts, METRIC.barredList, keyOf(basis, type))));
  return {
    force,
    year: year.year,
    financialYear: year.label,
    from: year.from,
    to: year.to,
    proceedings: { total: countOf(counts, METRIC.proceedings), byType },
    outcomes: {
      total: table(OUTCOMES, (outcome) => PROCEEDINGS_KINDS.reduce((sum, kind) => sum + countOf(counts, METRIC.outcomeByType, keyOf(kind, outcome)), 0)),
      byType: table(PROCEEDINGS_KINDS, (kind) => outcomeRow(counts, METRIC.outcomeByType, kind).outcomes),
    },
    findings: table(PROCEEDINGS_KINDS, (kind) => table(FINDING_KEYS, (finding) => countOf(counts, METRIC.findingByType, keyOf(kind, finding)))),
    byRank: table(RANKS, (rank) => outcomeRow(counts, METRIC.byRank, rank)),
    byWorkforceType: table(WORKFORCE_TYPES, (type) => outcomeRow(counts, METRIC.byWorkforceType, type)),
    byCaseType: table(HOME_OFFICE_CASE_TYPES, (caseType) => outcomeRow(counts, METRIC.byCaseType, caseType)),
    regulations: '2020',
    byAllegationCategory: table([...CORRUPTION_CATEGORIES, NO_CATEGORY], (category) => countOf(counts, METRIC.allegationCategory, category)),
    byBreachType: table(STANDARDS, (standard) => ({
      proven: countOf(counts, METRIC.breachType, keyOf(standard, 'PROVEN')),
      notProven: countOf(counts, METRIC.breachType, keyOf(standard, 'NOT_PROVEN')),
    })),
    formerOfficers: outcomeRow(counts, METRIC.formerOfficers),
    barredListEntries: {
      total: countOf(counts, METRIC.barredList),
      byBasis: table(BARRED_LIST_BASES, (basis) => Object.values<number>(barredByBasis[basis]).reduce((sum, n) => sum + n, 0)),
      byWorkforceType: table(WORKFORCE_TYPES, (type) => BARRED_LIST_BASES.reduce((sum, basis) => sum + barredByBasis[basis][type], 0)),
    },
  };
}
