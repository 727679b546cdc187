/**
 * The figures of `GET /metrics/inspection`, in exactly docs/api.md's shape, from the counts of a
 * force over `[from, to]` and its workforce. Pure.
 */
import { CASE_FLAGS, CORRUPTION_CATEGORIES, IOPC_MODES, OUTCOMES } from '../../src/cases/case.enums';
import type { CaseFlag, CorruptionCategory, IopcMode, Outcome } from '../../src/cases/case.enums';
import { countOf, Counts, countsByKey } from '../common/dated-facts';
import { INSPECTION_METRIC as METRIC } from './inspection-metric-names';

export interface RateFigure {
  count: number;
  /** count / workforce × 100, to one decimal place (halves up); null without a workforce return. */
  per100Workforce: number | null;
}

export interface InspectionFigures {
  force: string;
  from: string;
  to: string;
  /** Officers + staff of the latest workforce return on or before `to`; null when there is none. */
  workforce: number | null;
  complaints: RateFigure;
  conductCases: RateFigure;
  byCorruptionCategory: Record<CorruptionCategory, number>;
  /** The cases received in the range whose referral carries each flag (a case with two flags counts under both). */
  byFlag: Record<CaseFlag, number>;
  iopcReferrals: { count: number; byMode: Record<IopcMode, number> };
  outcomes: Record<Outcome, number>;
  departuresDuringProceedings: number;
  barredListEntries: number;
  advisoryListEntries: number;
  businessInterests: { applied: number; approved: number; declined: number };
  giftsAndHospitality: { offered: number; accepted: number; declined: number };
  notifiableAssociations: { declared: number };
  drugTests: { random: number; withCause: number; positive: number };
  /** Calendar days from receivedOn to closedOn of the cases closed in the range; null when none. */
  daysToFinalise: { median: number | null; p90: number | null };
  /** Of the cases closed in the range, the share closed within 12 months of receivedOn (0–1, three decimals). */
  finalisedWithin12MonthsShare: number | null;
}

export function inspectionFigures(range: { force: string; from: string; to: string }, counts: Counts, workforce: number | null): InspectionFigures {
  const rate = (metric: string): RateFigure => {
    const count = countOf(counts, metric);
    return { count, per100Workforce: per100Workforce(count, workforce) };
  };
  const finalised = daysDistribution(counts.get(METRIC.daysToFinalise));
  return {
    force: range.force,
    from: range.from,
    to: range.to,
    workforce,
    complaints: rate(METRIC.complaints),
    conductCases: rate(METRIC.conductCases),
    byCorruptionCategory: countsByKey(counts, METRIC.corruptionCategory, CORRUPTION_CATEGORIES),
    byFlag: countsByKey(counts, METRIC.flag, CASE_FLAGS),
    iopcReferrals: { count: countOf(counts, METRIC.iopcReferrals), byMode: countsByKey(counts, METRIC.iopcReferralMode, IOPC_MODES) },
    outcomes: countsByKey(counts, METRIC.outcome, OUTCOMES),
    departuresDuringProceedings: countOf(counts, METRIC.departuresDuringProceedings),
    barredListEntries: countOf(counts, METRIC.barredListEntries),
    advisoryListEntries: countOf(counts, METRIC.advisoryListEntries),
    businessInterests: {
      applied: countOf(counts, METRIC.businessInterestsApplied),
      approved: countOf(counts, METRIC.businessInterestsApproved),
      declined: countOf(counts, METRIC.businessInterestsDeclined),
    },
    giftsAndHospitality: {
      offered: countOf(counts, METRIC.giftsOffered),
      accepted: countOf(counts, METRIC.giftsAccepted),
      declined: countOf(counts, METRIC.giftsDeclined),
    },
    notifiableAssociations: { declared: countOf(counts, METRIC.associationsDeclared) },
    drugTests: {
      random: countOf(counts, METRIC.drugTestsRandom),
      withCause: countOf(counts, METRIC.drugTestsWithCause),
      positive: countOf(counts, METRIC.drugTestsPositive),
    },
    daysToFinalise: { median: median(finalised), p90: nearestRank(finalised, 90) },
    finalisedWithin12MonthsShare: share(countOf(counts, METRIC.finalisedWithin12Months), finalised.total),
  };
}

/** `count / workforce × 100` to one decimal, rounding halves up, in integers so 0.05 never rounds down. */
export function per100Workforce(count: number, workforce: number | null): number | null {
  if (workforce === null || workforce <= 0) return null;
  return Math.floor((count * 2000 + workforce) / (2 * workforce)) / 10;
}

function share(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.floor((part * 2000 + whole) / (2 * whole)) / 1000;
}

/** A histogram of whole days, ascending. */
export interface Distribution {
  bins: { days: number; n: number }[];
  total: number;
}

export function daysDistribution(histogram: ReadonlyMap<string, number> | undefined): Distribution {
  const bins = [...(histogram ?? new Map<string, number>()).entries()]
    .map(([days, n]) => ({ days: Number(days), n }))
    .filter((bin) => Number.isInteger(bin.days) && bin.n > 0)
    .sort((a, b) => a.days - b.days);
  return { bins, total: bins.reduce((sum, bin) => sum + bin.n, 0) };
}

/** The `rank`-th smallest value (1-based). */
function valueAt(distribution: Distribution, rank: number): number {
  let seen = 0;
  for (const bin of distribution.bins) {
    seen += bin.n;
    if (seen >= rank) return bin.days;
  }
  return distribution.bins[distribution.bins.length - 1].days;
}

/** The middle value; for an even count, the mean of the two middle values. */
export function median(distribution: Distribution): number | null {
  const { total } = distribution;
  if (total === 0) return null;
  if (total % 2 === 1) return valueAt(distribution, (total + 1) / 2);
  return (valueAt(distribution, total / 2) + valueAt(distribution, total / 2 + 1)) / 2;
}

/** Nearest-rank percentile: the smallest value with at least `percent` % of the values at or below it. */
export function nearestRank(distribution: Distribution, percent: number): number | null {
  if (distribution.total === 0) return null;
  // In integers: 0.9 × 30 is 27.000000000000004 in floating point, which would take rank 28.
  return valueAt(distribution, Math.max(1, Math.ceil((percent * distribution.total) / 100)));
}
