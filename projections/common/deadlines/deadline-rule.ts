/**
 * What a deadline rule is (deadline-rules.ts lists them): what it applies to, how long it
 * allows and on what authority, and how to find in a case's timeline each time it was set
 * running, when it was met and when the duty fell away. deadlines.ts turns those into due days.
 */
import type { CaseTimeline, SubjectTimeline } from './case-timeline';
import type { Period, PeriodInForce } from './deadline-periods';

export const DEADLINE_RULE_NAMES = [
  'twelveMonthReport',
  'sixMonthFollowUp',
  'suspensionReview',
  'acceleratedHearingHeld',
  'misconductMeetingHeld',
  'meetingAppealWindow',
  'tribunalAppealWindow',
  'barredListReport',
  'advisoryListReport',
  'complainantContact',
  'complaintHandlingDecision',
  'complaintReviewWindow',
  'officerResponse',
  'witnessListExchange',
  'preHearingHeld',
  'alternativePreHearingDate',
  'acceleratedResponse',
  'acceleratedHearingRedated',
  'hearingPublicNotice',
  'reflectiveAccount',
  'reflectiveActionsReview',
  'reflectivePdrFollowUp',
  'performanceBarredListReport',
  'vettingBarredListReport',
] as const;
export type DeadlineRuleName = (typeof DEADLINE_RULE_NAMES)[number];

/** One time a rule was set running: from when, and what became of it. */
export interface Trigger {
  subjectId: string | null;
  from: string;
  metOn: string | null;
  /** The day the duty fell away unmet (investigation over, suspension ended...), if it did. */
  endsOn: string | null;
  /**
   * The due day, where the rule counts it from a fixed anchor rather than from `from` (reg 19:
   * each period ends 12, 18, 24... months after the referral, not 6 months after the last due day).
   */
  dueOn?: string;
  /** Regs 22 and 48: the earliest day does not apply, the limits having been shortened by agreement. */
  noEarliest?: boolean;
  /** What the count assumes for want of a recorded fact (the read shows it beside the deadline). */
  assumption?: string;
  /** What discharged the duty in place of the act, where the law exempts it (the read shows it too). */
  exemption?: string;
}

export interface DeadlineRule {
  rule: DeadlineRuleName;
  /** DUTY: the force must act by the due day. WINDOW: the subject may act until it (appeals). */
  kind: 'DUTY' | 'WINDOW';
  appliesTo: string;
  /** The time allowed, by the day the trigger falls on (an amendment is one more line). */
  periods: readonly PeriodInForce[];
  /** The earliest day allowed, where a regulation sets one. */
  notBefore?: Period;
  /** `dueOf` gives a trigger's due day, for rules whose next trigger runs from the last due day. */
  triggers(timeline: CaseTimeline, dueOf: (from: string) => string): Trigger[];
}

/** The triggers of a rule that applies to each subject on its own. */
export const perSubject = (timeline: CaseTimeline, trigger: (subject: SubjectTimeline) => Trigger | null): Trigger[] =>
  timeline.subjects.map(trigger).filter((found): found is Trigger => found !== null);
