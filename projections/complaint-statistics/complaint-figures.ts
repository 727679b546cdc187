/**
 * The figures of `GET /statistics/complaints`, in the manner of the IOPC's "Police complaints:
 * statistics for England and Wales" (docs/domain/regulations.md §8.2), from a force's counts over a
 * period. Every table lists every value of its enumeration, zero where there is none, so the
 * CSV always has the same lines. Averages are in working days, to one decimal place; shares
 * are percentages to one decimal place; both null where there is nothing to divide.
 */
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_HANDLING_OUTCOMES,
  COMPLAINT_HANDLINGS,
  CONFIRMED_COMPLAINT_CATEGORIES,
  REVIEW_BODIES,
} from '../../src/cases/complaint.enums';
import type { ComplaintCategory, ComplaintHandling, ComplaintHandlingOutcome, ReviewBody } from '../../src/cases/complaint.enums';
import type { Confidence } from '../../src/common/confidence';
import { countOf, Counts } from '../common/dated-facts';
import { COMPLAINT_METRIC as METRIC, FINALISATION_ROUTES, keyOf } from './complaint-facts';
import type { FinalisationRoute } from './complaint-facts';
import type { ComplainantDemographics } from './complaint-demographics';

export interface Finalised {
  cases: number;
  averageWorkingDays: number | null;
  /** The same cases' average less the working days their handling was suspended (IOPC: "excluding suspension"). */
  averageWorkingDaysExcludingSuspension: number | null;
}

interface Measure {
  cases: number;
  averageWorkingDays: number | null;
}

export interface ReviewFigures {
  applied: number;
  decided: number;
  upheld: number;
  upheldPercent: number | null;
}

export interface ComplaintStatistics {
  force: string;
  from: string;
  to: string;
  /** Complaint cases logged in the period, and their allegations. */
  casesLogged: number;
  allegationsLogged: number;
  /** Of the cases logged in the period and contacted: the average working days from logging to contact. */
  contact: { cases: number; averageWorkingDays: number | null };
  /** Handling decided in the period, as it stands. */
  handling: { recordedUnderSchedule3: number; handledOutsideSchedule3: number };
  /** Cases whose outcome was given in the period: informally (outside Schedule 3), formally (under it), and by route. */
  finalised: { total: Finalised; informally: Finalised; formally: Finalised; byRoute: Record<FinalisationRoute, Finalised> };
  /** Allegations logged in the period by IOPC category; `confidence` says whether the category is confirmed. */
  allegationCategories: Record<ComplaintCategory, { allegations: number; percent: number | null; confidence: Confidence }>;
  /** Outcomes of complaints handled without investigation, in the period. */
  handlingOutcomes: Record<ComplaintHandling, Record<ComplaintHandlingOutcome, number>>;
  withdrawn: number;
  exceptionsApplied: number;
  /** Reviews applied for and decided in the period; the share upheld of those decided. */
  reviews: ReviewFigures & { byReviewBody: Record<ReviewBody, ReviewFigures> };
  /** Who complained, of the complaints logged in the period (complaint-demographics.ts). */
  complainants: ComplainantDemographics;
  /** Who was complained about: the subjects of those complaints, counted the same way. */
  subjects: ComplainantDemographics;
}

function table<K extends string, V>(keys: readonly K[], value: (key: K) => V): Record<K, V> {
  return Object.fromEntries(keys.map((key) => [key, value(key)])) as Record<K, V>;
}

const oneDecimal = (value: number): number => Math.round(value * 10) / 10;
export const percentOf = (part: number, whole: number): number | null => (whole === 0 ? null : oneDecimal((100 * part) / whole));

/** Count and average of the measures of `metric` whose key, after `prefix`, is a number of days. */
function measure(counts: Counts, metric: string, accepts: (prefix: string) => boolean): Measure {
  let cases = 0;
  let days = 0;
  for (const [key, n] of counts.get(metric) ?? new Map<string, number>()) {
    const parts = key.split('|');
    const value = Number(parts.pop());
    if (!accepts(parts.join('|')) || !Number.isFinite(value)) continue;
    cases += n;
    days += value * n;
  }
  return { cases, averageWorkingDays: cases === 0 ? null : oneDecimal(days / cases) };
}

function reviewFigures(counts: Counts, bodies: readonly ReviewBody[]): ReviewFigures {
  const sum = (value: (body: ReviewBody) => number): number => bodies.reduce((total, body) => total + value(body), 0);
  const applied = sum((body) => countOf(counts, METRIC.reviewApplied, body));
  const upheld = sum((body) => countOf(counts, METRIC.reviewDecided, keyOf(body, 'UPHELD')));
  const decided = upheld + sum((body) => countOf(counts, METRIC.reviewDecided, keyOf(body, 'NOT_UPHELD')));
  return { applied, decided, upheld, upheldPercent: percentOf(upheld, decided) };
}

export function complaintStatistics(force: string, from: string, to: string, counts: Counts): Omit<ComplaintStatistics, 'complainants' | 'subjects'> {
  const allegationsLogged = countOf(counts, METRIC.allegationsLogged);
  const finalisedBy = (routes: readonly FinalisationRoute[]): Finalised => {
    const accepts = (route: string): boolean => (routes as readonly string[]).includes(route);
    const excluding = measure(counts, METRIC.finalisedExcludingSuspension, accepts);
    return { ...measure(counts, METRIC.finalised, accepts), averageWorkingDaysExcludingSuspension: excluding.averageWorkingDays };
  };
  const contact = measure(counts, METRIC.contactWorkingDays, () => true);
  return {
    force,
    from,
    to,
    casesLogged: countOf(counts, METRIC.casesLogged),
    allegationsLogged,
    contact,
    handling: {
      recordedUnderSchedule3: countOf(counts, METRIC.handling, 'RECORDED_UNDER_SCHEDULE_3'),
      handledOutsideSchedule3: countOf(counts, METRIC.handling, 'OUTSIDE_SCHEDULE_3'),
    },
    finalised: {
      total: finalisedBy(FINALISATION_ROUTES),
      informally: finalisedBy(['OUTSIDE_SCHEDULE_3']),
      formally: finalisedBy(FINALISATION_ROUTES.filter((route) => route !== 'OUTSIDE_SCHEDULE_3')),
      byRoute: table(FINALISATION_ROUTES, (route) => finalisedBy([route])),
    },
    allegationCategories: table(COMPLAINT_CATEGORIES, (category) => {
      const allegations = countOf(counts, METRIC.allegationsLogged, category);
      const confidence: Confidence = CONFIRMED_COMPLAINT_CATEGORIES.includes(category) ? 'CONFIRMED' : 'UNCONFIRMED';
      return { allegations, percent: percentOf(allegations, allegationsLogged), confidence };
    }),
    handlingOutcomes: table(COMPLAINT_HANDLINGS, (handling) =>
      table(COMPLAINT_HANDLING_OUTCOMES, (outcome) => countOf(counts, METRIC.handlingOutcome, keyOf(handling, outcome))),
    ),
    withdrawn: countOf(counts, METRIC.withdrawn),
    exceptionsApplied: countOf(counts, METRIC.exceptionApplied),
    reviews: { ...reviewFigures(counts, REVIEW_BODIES), byReviewBody: table(REVIEW_BODIES, (body) => reviewFigures(counts, [body])) },
  };
}
