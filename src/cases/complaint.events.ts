/**
 * The complaint's case events (PRA 2002 Part 2 and Sch 3; C&M Regs 2020; docs/domain/regulations.md
 * §5), declared once here and spread into CASE_EVENTS (case.events.ts): a complaint is a case
 * of caseType COMPLAINT, opened by its ReferralReceived (`receivedOn`: the day the complaint
 * was made), then logged with its complainant and allegations, handled, finalised and
 * reviewed. What the complainant said and who they are stays in the vault (`vaultText`).
 */
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_HANDLING_OUTCOMES,
  COMPLAINT_HANDLINGS,
  RECORD_COPY_EXCEPTIONS,
  RECORD_COPY_RECIPIENTS,
  REFERRAL_CRITERIA,
  REVIEW_BODIES,
  REVIEW_RESULTS,
  SCHEDULE_3_GROUNDS,
} from './complaint.enums';
import { count, day, event, flag, id, listOf, oneOf, optional, records, vaultText } from '../common/event-declaration';

const dated = { on: day };

export const COMPLAINT_EVENTS = {
  /** The complaint logged (required since 1 February 2020, §5.1): its complainant and each allegation. */
  ComplaintLogged: event({
    command: 'LogComplaint',
    version: 1,
    legalDate: 'loggedOn',
    fields: {
      loggedOn: day,
      /** No complainant details are held for an anonymous complaint. */
      anonymous: flag,
      /** Name and contact details: personal data, in the vault. */
      complainantDetails: optional(vaultText),
      /**
       * As the complainant gave them, for the IOPC returns: the JSON of their coded characteristics
       * (complaint.enums.ts, PROTECTED_CHARACTERISTICS); personal data, in the vault.
       */
      protectedCharacteristics: optional(vaultText),
      allegations: records({ allegationId: id, category: oneOf(COMPLAINT_CATEGORIES), incidentOn: day }),
    },
  }),
  /** Sch 3 para 2(6): the complainant contacted and their views sought on the handling. */
  ComplainantContacted: event({ command: 'RecordComplainantContact', version: 1, legalDate: 'on', fields: dated }),
  /**
   * Which mandatory referral criteria the matter meets, as the appropriate authority assessed
   * it (Sch 3 paras 4 and 13; C&M regs 4, 7 and 9); an empty list: none.
   */
  ReferralCriteriaAssessed: event({
    command: 'AssessReferralCriteria',
    version: 1,
    legalDate: 'on',
    fields: { on: day, criteria: listOf(REFERRAL_CRITERIA) },
  }),
  /** Sch 3 para 2(6)-(6C): handled outside Schedule 3, or recorded under it. */
  ComplaintHandlingDecided: event({
    command: 'DecideComplaintHandling',
    version: 1,
    legalDate: 'on',
    fields: {
      on: day,
      handling: oneOf(COMPLAINT_HANDLINGS),
      complainantWantsRecorded: flag,
      /** What the complaint alleges that makes Schedule 3 handling mandatory (para 2(6A)). */
      schedule3Grounds: listOf(SCHEDULE_3_GROUNDS),
    },
  }),
  /**
   * C&M reg 3 (✔): on recording, a copy of the record to the complainant, a copy of the complaint
   * to the person complained against (`subjectId`); or the exception that withholds it (✖ grounds).
   */
  ComplaintRecordCopied: event({
    command: 'RecordComplaintRecordCopy',
    version: 1,
    legalDate: 'on',
    fields: {
      on: day,
      to: oneOf(RECORD_COPY_RECIPIENTS),
      subjectId: optional(id),
      /** Set when no copy was given, with the ground. */
      withheldUnder: optional(oneOf(RECORD_COPY_EXCEPTIONS)),
    },
  }),
  /**
   * The handling of a recorded complaint suspended (for example while it might prejudice criminal
   * proceedings) and resumed: the IOPC statistics give the time to finalise with and without it
   * (§8.2 ✔); the power itself was not retrieved (✖, believed PRA 2002 Sch 3 para 22).
   */
  ComplaintSuspended: event({ command: 'SuspendComplaint', version: 1, legalDate: 'on', fields: dated }),
  ComplaintResumed: event({ command: 'ResumeComplaint', version: 1, legalDate: 'on', fields: dated }),
  /**
   * PRA 2002 Sch 3 paras 10 and 11; C&M Regs 2020 reg 7 (✔): the conduct matter is recorded under
   * Schedule 3, a recordable conduct matter from this day; `grounds`: the reg 7(1) descriptions it meets.
   */
  ConductMatterRecorded: event({
    command: 'RecordConductMatter',
    version: 1,
    legalDate: 'on',
    fields: { on: day, grounds: listOf(REFERRAL_CRITERIA) },
  }),
  /**
   * The complaint revealed a conduct matter (an indication of an offence or of behaviour that
   * would justify disciplinary proceedings beyond what was complained of, §5.1 ✔), recorded as
   * its own case `conductMatterCaseId` when one is opened.
   */
  ConductMatterRevealed: event({
    command: 'RecordRevealedConductMatter',
    version: 1,
    legalDate: 'on',
    fields: { on: day, conductMatterCaseId: optional(id) },
  }),
  /** Handled outside Schedule 3, or under it otherwise than by investigation, with its outcome. */
  ComplaintHandledOtherwise: event({
    command: 'HandleComplaintOtherwise',
    version: 1,
    legalDate: 'on',
    fields: { on: day, outcome: oneOf(COMPLAINT_HANDLING_OUTCOMES) },
  }),
  /** C&M reg 6 (◐): the complaint was made more than 12 months after the incident. */
  ComplaintExceptionApplied: event({ command: 'ApplyComplaintException', version: 1, legalDate: 'on', fields: dated }),
  /** The outcome given to the complainant, naming the review body for a recorded complaint: the complaint is finalised. */
  ComplaintOutcomeNotified: event({
    command: 'NotifyComplaintOutcome',
    version: 1,
    legalDate: 'on',
    fields: { on: day, reviewBody: optional(oneOf(REVIEW_BODIES)) },
  }),
  /** C&M reg 38: the withdrawal recorded; a referred complaint's withdrawal is notified to the Director General. */
  ComplaintWithdrawn: event({
    command: 'WithdrawComplaint',
    version: 1,
    legalDate: 'on',
    fields: { on: day, directorGeneralNotified: flag },
  }),
  /**
   * C&M reg 38 (✔): after a referred complaint is withdrawn, the Director General decides whether
   * to treat it as a conduct matter (recorded as its own case `conductMatterCaseId` when opened).
   */
  WithdrawalDecisionRecorded: event({
    command: 'RecordWithdrawalDecision',
    version: 1,
    legalDate: 'on',
    fields: { on: day, treatAsConductMatter: flag, conductMatterCaseId: optional(id) },
  }),
  /**
   * C&M reg 29: the complainant applies for a review. `daysInTransit`: days the application
   * spent with the wrong body before it was forwarded, which do not count (reg 33).
   */
  ComplaintReviewApplied: event({
    command: 'ApplyForComplaintReview',
    version: 1,
    legalDate: 'on',
    fields: { on: day, daysInTransit: optional(count) },
  }),
  /** The review body's result; an upheld review puts the complaint back to be dealt with on its recommendations. */
  ComplaintReviewDecided: event({
    command: 'DecideComplaintReview',
    version: 1,
    legalDate: 'on',
    fields: { on: day, result: oneOf(REVIEW_RESULTS), recommendationsMade: flag },
  }),
};
