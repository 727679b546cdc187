/**
 * The enumerations of the steps before the proceedings and of hearings in public
 * (pre-hearing.events.ts; Conduct Regs 2020 regs 22 and 30-44, 48-52; docs/domain/regulations.md
 * §2.8, §2.11 and §12).
 */

/** reg 30(1)-(3): what the officer was given with the notice of referral. */
export const REFERRAL_DOCUMENTS = [
  'NOTICE_OF_CONDUCT',
  'OWN_STATEMENTS',
  'INVESTIGATION_REPORT',
  'RELEVANT_DOCUMENTS',
  'SPECIAL_CONDITIONS_CERTIFICATE',
] as const;
export type ReferralDocument = (typeof REFERRAL_DOCUMENTS)[number];

/** reg 31(2): whether the officer accepts that the conduct amounts to misconduct or gross misconduct. */
export const RESPONSE_POSITIONS = ['ACCEPTED', 'PARTLY_ACCEPTED', 'DISPUTED'] as const;
export type ResponsePosition = (typeof RESPONSE_POSITIONS)[number];

/** The periods before the proceedings a recorded change can move (regs 22, 31(1), 33(1), 48). */
export const CHANGEABLE_PERIODS = ['OFFICER_RESPONSE', 'WITNESS_LISTS', 'PRE_HEARING', 'ACCELERATED_RESPONSE'] as const;
export type ChangeablePeriod = (typeof CHANGEABLE_PERIODS)[number];

/**
 * How a period changed: extended for exceptional circumstances (reg 31(1), by the authority),
 * by the chair (reg 33(1)), or shortened by agreement of the parties (regs 22 and 48).
 */
export const PERIOD_CHANGES = ['EXTENDED_EXCEPTIONAL_CIRCUMSTANCES', 'EXTENDED_BY_CHAIR', 'SHORTENED_BY_AGREEMENT'] as const;
export type PeriodChange = (typeof PERIOD_CHANGES)[number];

/** Whom an objection names (reg 30 as amended from 2024; reg 51(2C)-(2K) for accelerated hearings, ◐). */
export const PANEL_MEMBERS = ['CHAIR', 'INDEPENDENT_MEMBER', 'LEGALLY_QUALIFIED_ADVISER', 'PERSON_CONDUCTING'] as const;
export type PanelMember = (typeof PANEL_MEMBERS)[number];

/** reg 39 and the national-security directions (◐): what may limit a hearing held in public. */
export const HEARING_DIRECTIONS = ['REPORTING_RESTRICTION', 'WITNESS_ANONYMITY', 'OFFICER_ANONYMITY', 'COMPLAINANT_ANONYMITY', 'EXCLUSION'] as const;
export type HearingDirection = (typeof HEARING_DIRECTIONS)[number];

/** reg 40: who attended besides the parties. */
export const HEARING_ATTENDEES = ['COMPLAINANT', 'INTERESTED_PERSON', 'MEMBER_OF_PUBLIC', 'MEDIA'] as const;
export type HearingAttendee = (typeof HEARING_ATTENDEES)[number];
