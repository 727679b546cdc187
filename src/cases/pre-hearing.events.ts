/**
 * The steps between the referral to proceedings and their outcome, and the hearing in public
 * (Conduct Regs 2020 regs 22 and 30-44, 48-52; docs/domain/regulations.md §2.8, §2.11, §12),
 * declared once here and spread into CASE_EVENTS (case.events.ts). Each is a subject's step
 * with its day in the world (`on`); the clocks they start are in
 * projections/common/deadlines/pre-hearing-deadlines.ts.
 */
import { count, day, event, flag, id, listOf, oneOf, optional, text } from '../common/event-declaration';
import {
  CHANGEABLE_PERIODS,
  HEARING_ATTENDEES,
  HEARING_DIRECTIONS,
  PANEL_MEMBERS,
  PERIOD_CHANGES,
  REFERRAL_DOCUMENTS,
  RESPONSE_POSITIONS,
} from './pre-hearing.enums';

const subjectDated = { subjectId: id, on: day };

export const PRE_HEARING_EVENTS = {
  /**
   * reg 30: the officer given written notice of the referral, and the documents supplied
   * (`documentsSuppliedOn`: the reg 31 response runs from it).
   */
  ReferralNoticeServed: event({
    command: 'ServeReferralNotice',
    version: 1,
    legalDate: 'on',
    fields: { ...subjectDated, documentsSuppliedOn: day, documents: listOf(REFERRAL_DOCUMENTS) },
  }),
  /** reg 31(1)-(3): the officer's response to the notice of referral. */
  OfficerResponseGiven: event({
    command: 'RecordOfficerResponse',
    version: 1,
    legalDate: 'on',
    fields: { ...subjectDated, position: oneOf(RESPONSE_POSITIONS) },
  }),
  /** reg 31(4): each side's list of proposed witnesses (0: none). */
  WitnessListsExchanged: event({
    command: 'ExchangeWitnessLists',
    version: 1,
    legalDate: 'on',
    fields: { ...subjectDated, officerWitnesses: count, authorityWitnesses: count },
  }),
  /** reg 32(6): the documents supplied to the person chairing the hearing. */
  DocumentsSuppliedToChair: event({ command: 'SupplyDocumentsToChair', version: 1, legalDate: 'on', fields: subjectDated }),
  /** reg 33: the chair set the pre-hearing for `setFor`. */
  PreHearingDateSet: event({ command: 'SetPreHearingDate', version: 1, legalDate: 'on', fields: { ...subjectDated, setFor: day } }),
  /** reg 33(3): the officer proposed an alternative time for the pre-hearing. */
  AlternativePreHearingDateProposed: event({
    command: 'ProposeAlternativePreHearingDate',
    version: 1,
    legalDate: 'on',
    fields: { ...subjectDated, proposedFor: day },
  }),
  /** reg 33: the pre-hearing held. */
  PreHearingHeld: event({ command: 'HoldPreHearing', version: 1, legalDate: 'on', fields: subjectDated }),
  /**
   * A period before the proceedings moved to `dueOn`: extended (reg 31(1) for exceptional
   * circumstances; reg 33(1) by the chair) or shortened by agreement (regs 22 and 48).
   */
  PeriodChanged: event({
    command: 'ChangePeriod',
    version: 1,
    legalDate: 'on',
    fields: { ...subjectDated, period: oneOf(CHANGEABLE_PERIODS), change: oneOf(PERIOD_CHANGES), dueOn: day, reason: text },
  }),
  /** The proceedings adjourned to `adjournedTo`, with the reason. */
  ProceedingsAdjourned: event({
    command: 'AdjournProceedings',
    version: 1,
    legalDate: 'on',
    fields: { ...subjectDated, adjournedTo: day, reason: text },
  }),
  /** reg 30 as amended (2024) and reg 51(2C)-(2K): the officer objects to the chair or a panel member (◐). */
  PanelObjectionMade: event({ command: 'ObjectToPanelMember', version: 1, legalDate: 'on', fields: { ...subjectDated, member: oneOf(PANEL_MEMBERS) } }),
  PanelObjectionDetermined: event({
    command: 'DeterminePanelObjection',
    version: 1,
    legalDate: 'on',
    fields: { ...subjectDated, member: oneOf(PANEL_MEMBERS), upheld: flag },
  }),
  /**
   * The member objected to replaced; for an accelerated hearing the new date (`hearingOn`) falls
   * 10 to 15 working days after the replacement (reg 52(1A)).
   */
  PanelMemberReplaced: event({
    command: 'ReplacePanelMember',
    version: 1,
    legalDate: 'on',
    fields: { ...subjectDated, member: oneOf(PANEL_MEMBERS), hearingOn: optional(day) },
  }),
  /** reg 49(4): the appropriate authority certified that the special conditions are met. */
  SpecialConditionsCertified: event({ command: 'CertifySpecialConditions', version: 1, legalDate: 'on', fields: subjectDated }),
  /** reg 51: the officer's written response to the accelerated hearing's notice (its period ✖). */
  AcceleratedResponseGiven: event({
    command: 'RecordAcceleratedResponse',
    version: 1,
    legalDate: 'on',
    fields: { ...subjectDated, acceptsGrossMisconduct: flag },
  }),
  /** reg 36: the notice of the hearing published (its period ✖). */
  HearingNoticePublished: event({ command: 'PublishHearingNotice', version: 1, legalDate: 'on', fields: { ...subjectDated, hearingOn: day } }),
  /** reg 39: held in public, or (with the reason) in private in whole or part. */
  HearingPrivacyDecided: event({
    command: 'DecideHearingPrivacy',
    version: 1,
    legalDate: 'on',
    fields: { ...subjectDated, inPublic: flag, reason: optional(text) },
  }),
  /** reg 39 and the Secretary of State's directions: a reporting restriction or an anonymity direction, with the reason. */
  HearingDirectionGiven: event({
    command: 'GiveHearingDirection',
    version: 1,
    legalDate: 'on',
    fields: { ...subjectDated, direction: oneOf(HEARING_DIRECTIONS), reason: text },
  }),
  /** reg 40: complainants and interested persons (and the public) who attended. */
  HearingAttendanceRecorded: event({
    command: 'RecordHearingAttendance',
    version: 1,
    legalDate: 'on',
    fields: { ...subjectDated, attendee: oneOf(HEARING_ATTENDEES), attendees: count },
  }),
  /** reg 43: the outcome of the hearing published. */
  HearingOutcomePublished: event({ command: 'PublishHearingOutcome', version: 1, legalDate: 'on', fields: subjectDated }),
  /** reg 44: the verbatim record of the hearing kept, by its document reference. */
  VerbatimRecordKept: event({
    command: 'KeepVerbatimRecord',
    version: 1,
    legalDate: 'on',
    fields: { ...subjectDated, documentReference: text },
  }),
};
