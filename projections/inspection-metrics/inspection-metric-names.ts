/**
 * The metrics the inspection-metrics projection counts, one name per row kind of its counts
 * table. Each is counted on the day of its own event (docs/api.md: "events whose date falls in
 * [from, to]").
 */
export const INSPECTION_METRIC = {
  /** A case of caseType COMPLAINT, on its receivedOn. */
  complaints: 'complaints',
  /** A case of any other caseType, on its receivedOn. */
  conductCases: 'conductCases',
  /** A case per corruption category of its referral or its allegations (key), on its receivedOn. */
  corruptionCategory: 'corruptionCategory',
  /** A case per flag of its referral (key: APSP, PREJUDICIAL_IMPROPER_BEHAVIOUR, VIOLENCE_AGAINST_WOMEN_AND_GIRLS), on its receivedOn. */
  flag: 'flag',
  /** A referral to the IOPC, on its referredOn. */
  iopcReferrals: 'iopcReferrals',
  /** A referral to the IOPC that has a decision, by the decided mode (key), on the referral's referredOn. */
  iopcReferralMode: 'iopcReferralMode',
  /** Proceedings concluded, by the outcome they imposed (key), on their `on`. */
  outcome: 'outcome',
  /** A subject who left while under investigation or proceedings, on the day they left. */
  departuresDuringProceedings: 'departuresDuringProceedings',
  barredListEntries: 'barredListEntries',
  advisoryListEntries: 'advisoryListEntries',
  /** A closed case, by its calendar days from receivedOn to closedOn (key), on closedOn. */
  daysToFinalise: 'daysToFinalise',
  /** A closed case closed within 12 calendar months of receivedOn, on closedOn. */
  finalisedWithin12Months: 'finalisedWithin12Months',
  businessInterestsApplied: 'businessInterestsApplied',
  businessInterestsApproved: 'businessInterestsApproved',
  businessInterestsDeclined: 'businessInterestsDeclined',
  giftsOffered: 'giftsOffered',
  giftsAccepted: 'giftsAccepted',
  giftsDeclined: 'giftsDeclined',
  associationsDeclared: 'associationsDeclared',
  drugTestsRandom: 'drugTestsRandom',
  drugTestsWithCause: 'drugTestsWithCause',
  drugTestsPositive: 'drugTestsPositive',
} as const;
