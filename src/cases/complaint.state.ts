/**
 * What decide and the read models know of a complaint (a case of caseType COMPLAINT once
 * logged): its allegations, contact, handling, finalisation and review. Built by
 * complaint.facts.ts.
 */
import type { ComplaintCategory, ComplaintHandling, ComplaintHandlingOutcome, ReviewBody, ReviewResult } from './complaint.enums';

export interface ComplaintAllegation {
  category: ComplaintCategory;
  incidentOn: string;
}

export interface ComplaintReview {
  appliedOn: string;
  reviewBody: ReviewBody | null;
  decidedOn: string | null;
  result: ReviewResult | null;
  recommendationsMade: boolean;
}

export interface ComplaintState {
  loggedOn: string;
  anonymous: boolean;
  allegations: Readonly<Record<string, ComplaintAllegation>>;
  contactedOn: string | null;
  /** The handling decided (the latest: a complaint handled outside Schedule 3 may be recorded later). */
  handling: ComplaintHandling | null;
  handlingDecidedOn: string | null;
  /** The day the handling was first decided (the clock of the handling decision stops then). */
  firstHandlingDecidedOn: string | null;
  /** The day it was first recorded under Schedule 3. */
  recordedOn: string | null;
  handledOtherwise: { on: string; outcome: ComplaintHandlingOutcome } | null;
  exceptionAppliedOn: string | null;
  outcomeNotified: { on: string; reviewBody: ReviewBody | null } | null;
  withdrawnOn: string | null;
  /** The latest review. */
  review: ComplaintReview | null;
  /** Finalised: its outcome given or the complaint withdrawn; an upheld review reopens it. */
  finalisedOn: string | null;
}
