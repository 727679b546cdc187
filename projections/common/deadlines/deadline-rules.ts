/**
 * The statutory deadlines as data (docs/domain/reference.md: "make such rules data, so a correction is
 * one line"), with the source and confidence mark of docs/domain/regulations.md's time-limit table.
 *
 * Rules rest only on dated events in the world (`on`, `servedOn`...), so history recorded
 * late gives the same deadlines as history recorded on the day. The steps before the
 * proceedings (regs 31-36, 51-52) are pre-hearing-deadlines.ts's.
 */
import type { DeadlineRule, DeadlineRuleName } from './deadline-rule';
import { complainantContact, complaintHandlingDecision, complaintReviewWindow } from './complaint-deadlines';
import { sixMonthFollowUp, twelveMonthReport } from './investigation-deadlines';
import { performanceBarredListReport, reflectiveAccount, reflectiveActionsReview, reflectivePdrFollowUp, vettingBarredListReport } from './route-deadlines';
import {
  acceleratedHearingRedated,
  acceleratedResponse,
  alternativePreHearingDate,
  hearingPublicNotice,
  officerResponse,
  preHearingHeld,
  witnessListExchange,
} from './pre-hearing-deadlines';
import {
  acceleratedHearingHeld,
  advisoryListReport,
  barredListReport,
  meetingAppealWindow,
  misconductMeetingHeld,
  suspensionReview,
  tribunalAppealWindow,
} from './subject-deadlines';

export { DEADLINE_RULE_NAMES } from './deadline-rule';
export type { DeadlineRule, DeadlineRuleName, Trigger } from './deadline-rule';

export const DEADLINE_RULES: readonly DeadlineRule[] = [
  twelveMonthReport,
  sixMonthFollowUp,
  suspensionReview,
  acceleratedHearingHeld,
  misconductMeetingHeld,
  meetingAppealWindow,
  tribunalAppealWindow,
  barredListReport,
  advisoryListReport,
  complainantContact,
  complaintHandlingDecision,
  complaintReviewWindow,
  officerResponse,
  witnessListExchange,
  preHearingHeld,
  alternativePreHearingDate,
  acceleratedResponse,
  acceleratedHearingRedated,
  hearingPublicNotice,
  reflectiveAccount,
  reflectiveActionsReview,
  reflectivePdrFollowUp,
  performanceBarredListReport,
  vettingBarredListReport,
];

export function deadlineRule(name: DeadlineRuleName): DeadlineRule {
  const found = DEADLINE_RULES.find((candidate) => candidate.rule === name);
  if (found === undefined) throw new Error(`no deadline rule ${name}`);
  return found;
}
