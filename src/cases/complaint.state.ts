/**
 * What decide and the read models know of a complaint (a case of caseType COMPLAINT once
 * logged): its allegations, contact, handling, finalisation and review. Built by
 * complaint.facts.ts.
 */
import type {
  ComplaintCategory,
  ComplaintHandling,
  ComplaintHandlingOutcome,
  RecordCopyException,
  RecordCopyRecipient,
  ReviewBody,
  ReviewResult,
} from './complaint.enums';

/** A copy of the record given (C&M reg 3), or withheld under an exception. */
export interface RecordCopy {
  on: string;
  to: RecordCopyRecipient;
  subjectId: string | null;
  withheldUnder: RecordCopyException | null;
}

/** A period the complaint's handling was suspended; `to` null while it lasts. */
export interface ComplaintSuspension {
  from: string;
  to: string | null;
}

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
  /** C&M reg 38: the Director General's decision on a referred complaint withdrawn. */
  withdrawalDecision: { on: string; treatAsConductMatter: boolean; conductMatterCaseId: string | null } | null;
  /** The latest review. */
  review: ComplaintReview | null;
  recordCopies: readonly RecordCopy[];
  suspensions: readonly ComplaintSuspension[];
  /** Conduct matters the complaint revealed (the day, and the case opened for each when recorded). */
  revealedConductMatters: readonly { on: string; conductMatterCaseId: string | null }[];
  /** Finalised: its outcome given or the complaint withdrawn; an upheld review reopens it. */
  finalisedOn: string | null;
}
