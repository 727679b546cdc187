/**
 * The chain of command around an investigation (issue 16 points 1 and 2; Conduct Regs 2020
 * regs 15, 21 and 23), declared once here and spread into CASE_EVENTS (case.events.ts):
 * investigators and supervising officers appointed per case or per subject and reassigned with
 * a reason; a subject's line manager, where the force records it; the investigator's report
 * submitted for review and approved or returned; the form of proceedings decided; and the
 * appropriate authority's decisions signed off. Who submits, reviews or signs off is the
 * sender (the token's `sub`), never a field of the body.
 */
import { day, event, id, oneOf, optional, vaultText } from '../common/event-declaration';
import { RANKS } from './case.enums';
import { APPOINTMENT_ROLES, FORMS_OF_PROCEEDINGS, REPORT_REVIEW_RESULTS, SIGNED_OFF_DECISIONS } from './allocation.enums';

export const ALLOCATION_EVENTS = {
  // Allocation (reg 15)
  /**
   * reg 15(2): the appropriate authority appoints an investigator (or a supervising officer):
   * for the whole case, or for one subject (`subjectId`). `investigatorLineManagerId`: the
   * appointee's own line manager where known (reg 15(3)(c): not someone the subject manages).
   */
  InvestigatorAppointed: event({
    command: 'AppointInvestigator',
    version: 1,
    legalDate: 'on',
    fields: {
      appointmentId: id,
      investigatorId: id,
      role: oneOf(APPOINTMENT_ROLES),
      subjectId: optional(id),
      on: day,
      investigatorLineManagerId: optional(id),
    },
  }),
  /** The appointment passes to another person; why, in the vault (it is often about the person replaced). */
  InvestigatorReassigned: event({
    command: 'ReassignInvestigator',
    version: 1,
    legalDate: 'on',
    fields: { appointmentId: id, investigatorId: id, on: day, reason: vaultText, investigatorLineManagerId: optional(id) },
  }),
  /** The subject's line manager, as the force records it, so that they are not appointed to investigate them. */
  SubjectLineManagerRecorded: event({
    command: 'RecordSubjectLineManager',
    version: 1,
    legalDate: 'on',
    fields: { subjectId: id, lineManagerId: id, on: day },
  }),

  // Review and sign-off (regs 21 and 23)
  /** The investigator's report handed in for review before it goes to the appropriate authority (reg 21). */
  InvestigationReportSubmittedForReview: event({
    command: 'SubmitReportForReview',
    version: 1,
    legalDate: 'on',
    fields: { on: day, submittedBy: id },
  }),
  /** The report approved, or returned with the reasons (in the vault); each return and resubmission is kept. */
  InvestigationReportReviewed: event({
    command: 'ReviewInvestigationReport',
    version: 1,
    legalDate: 'on',
    fields: { on: day, reviewedBy: id, result: oneOf(REPORT_REVIEW_RESULTS), reasons: optional(vaultText) },
  }),
  /** reg 23(1)(c): the form of the proceedings the appropriate authority decided on. */
  FormOfProceedingsDecided: event({
    command: 'DecideFormOfProceedings',
    version: 1,
    legalDate: 'on',
    fields: { subjectId: id, form: oneOf(FORMS_OF_PROCEEDINGS), on: day },
  }),
  /** A decision of the appropriate authority signed off by an officer of the rank it needs, not its investigator. */
  DecisionSignedOff: event({
    command: 'SignOffDecision',
    version: 1,
    legalDate: 'on',
    fields: { subjectId: id, decision: oneOf(SIGNED_OFF_DECISIONS), on: day, signedOffBy: id, signerRank: oneOf(RANKS) },
  }),
};
