/**
 * When a person on the barred list may apply for a review of their entry, by the basis of the
 * entry (docs/domain/regulations.md §4.1 and §12 row 25): 5 years after a conduct dismissal or
 * finding, 3 years after a dismissal under the Performance Regulations (✔ College of Policing).
 * No period was found for a dismissal under the Vetting Regulations 2025: the conduct period
 * is assumed, as data marked ✖, never stated as law.
 */
import type { Confidence } from '../common/confidence';
import { addYearsToDay } from '../common/days';
import type { BarredListBasis } from './case.enums';

export interface ReviewPeriod {
  years: number;
  source: string;
  confidence: Confidence;
}

const CONDUCT: ReviewPeriod = {
  years: 5,
  source: 'College of Policing barred list: a review may be applied for 5 years after a conduct or gross misconduct dismissal or finding',
  confidence: 'CONFIRMED',
};

export const BARRED_LIST_REVIEW_AFTER: { readonly [B in BarredListBasis]: ReviewPeriod } = {
  DISMISSED: CONDUCT,
  WOULD_HAVE_BEEN_DISMISSED: CONDUCT,
  DISMISSED_PERFORMANCE: {
    years: 3,
    source: 'College of Policing barred list: a review may be applied for 3 years after a gross incompetence or performance dismissal',
    confidence: 'CONFIRMED',
  },
  DISMISSED_VETTING: {
    years: 5,
    source:
      'no review period found for a dismissal under the Vetting Regulations 2025 (docs/domain/regulations.md §4.1 names conduct and performance dismissals): the 5 years of a conduct dismissal assumed; verify',
    confidence: 'UNCONFIRMED',
  },
};

/** The first day a review of the entry may be applied for, with the authority for its period. */
export function barredListReviewFrom(basis: BarredListBasis, listedOn: string): { on: string } & ReviewPeriod {
  const period = BARRED_LIST_REVIEW_AFTER[basis];
  return { on: addYearsToDay(listedOn, period.years), ...period };
}
