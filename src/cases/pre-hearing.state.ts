/**
 * What decide and the read models know of a subject's steps before the proceedings and of the
 * hearing in public (pre-hearing.events.ts). Built by pre-hearing.facts.ts.
 */
import type { ChangeablePeriod, HearingAttendee, HearingDirection, PanelMember, PeriodChange, ResponsePosition } from './pre-hearing.enums';

export interface PeriodChangeState {
  on: string;
  change: PeriodChange;
  dueOn: string;
}

export interface PanelObjection {
  member: PanelMember;
  madeOn: string;
  /** null until determined. */
  upheld: boolean | null;
  determinedOn: string | null;
  replacedOn: string | null;
  /** reg 52(1A): the accelerated hearing's new date, set on the replacement. */
  hearingOn: string | null;
}

export interface PreHearingState {
  referralNotice: { on: string; documentsSuppliedOn: string } | null;
  response: { on: string; position: ResponsePosition } | null;
  witnessListsOn: string | null;
  documentsToChairOn: string | null;
  preHearingSet: { on: string; setFor: string } | null;
  alternativeProposed: { on: string; proposedFor: string } | null;
  preHearingHeldOn: string | null;
  /** The latest change of each period. */
  periodChanges: Readonly<Partial<Record<ChangeablePeriod, PeriodChangeState>>>;
  adjournments: readonly { on: string; adjournedTo: string }[];
  objections: readonly PanelObjection[];
  specialConditionsCertifiedOn: string | null;
  acceleratedResponseOn: string | null;
  publicNotice: { on: string; hearingOn: string } | null;
  /** reg 39: null until decided. */
  inPublic: boolean | null;
  directions: readonly HearingDirection[];
  attendance: Readonly<Partial<Record<HearingAttendee, number>>>;
  outcomePublishedOn: string | null;
  verbatimRecord: string | null;
}

export const NO_PRE_HEARING_STEPS: PreHearingState = {
  referralNotice: null,
  response: null,
  witnessListsOn: null,
  documentsToChairOn: null,
  preHearingSet: null,
  alternativeProposed: null,
  preHearingHeldOn: null,
  periodChanges: {},
  adjournments: [],
  objections: [],
  specialConditionsCertifiedOn: null,
  acceleratedResponseOn: null,
  publicNotice: null,
  inPublic: null,
  directions: [],
  attendance: {},
  outcomePublishedOn: null,
  verbatimRecord: null,
};
