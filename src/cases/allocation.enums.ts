/**
 * The enumerations of the chain of command around an investigation (allocation.events.ts):
 * who is appointed, how a report's review ends, which of the appropriate authority's decisions
 * are signed off, and the rank a sign-off needs (data carrying its mark: regulations.md does not
 * give it).
 */
import type { Confidence } from '../common/confidence';
import type { Rank } from './case.enums';

/** Conduct Regs 2020 reg 15: the investigator; a supervising officer oversees them (force practice). */
export const APPOINTMENT_ROLES = ['INVESTIGATOR', 'SUPERVISING_OFFICER'] as const;
export type AppointmentRole = (typeof APPOINTMENT_ROLES)[number];

/** The review of the investigator's report before it goes to the appropriate authority (reg 21). */
export const REPORT_REVIEW_RESULTS = ['APPROVED', 'RETURNED'] as const;
export type ReportReviewResult = (typeof REPORT_REVIEW_RESULTS)[number];

/** The appropriate authority's decisions under reg 23(1) that are signed off: (a) case to answer, (c) the form. */
export const SIGNED_OFF_DECISIONS = ['CASE_TO_ANSWER', 'FORM_OF_PROCEEDINGS'] as const;
export type SignedOffDecision = (typeof SIGNED_OFF_DECISIONS)[number];

/** reg 23(1)(c): a meeting or a hearing (an accelerated hearing follows a reg 49 certificate instead). */
export const FORMS_OF_PROCEEDINGS = ['MISCONDUCT_MEETING', 'MISCONDUCT_HEARING'] as const;
export type FormOfProceedings = (typeof FORMS_OF_PROCEEDINGS)[number];

export interface MinimumRank {
  rank: Rank;
  confidence: Confidence;
  source: string;
}

/**
 * The lowest rank that signs off a decision, by its gravity: gross misconduct, or a hearing;
 * otherwise misconduct, a meeting, or no case to answer. A member of police staff (rank STAFF)
 * signs off as one the chief officer judges of similar seniority. ✖ unconfirmed: regulations.md
 * does not give the delegation of reg 23 decisions (Conduct Regs 2020 reg 2 is believed to allow
 * delegation to a chief inspector, and to a superintendent for what may end in a hearing).
 */
export const SIGN_OFF_MINIMUM_RANKS: { readonly grave: MinimumRank; readonly other: MinimumRank } = {
  grave: {
    rank: 'SUPERINTENDENT',
    confidence: 'UNCONFIRMED',
    source:
      'Conduct Regs 2020 reg 2 (delegation of the appropriate authority), believed superintendent for gross misconduct and hearings (✖ not in docs/domain/regulations.md)',
  },
  other: {
    rank: 'CHIEF_INSPECTOR',
    confidence: 'UNCONFIRMED',
    source: 'Conduct Regs 2020 reg 2 (delegation of the appropriate authority), believed chief inspector (✖ not in docs/domain/regulations.md)',
  },
};
