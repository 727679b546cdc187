/**
 * The complaint's rules (complaint.rules.ts), spread into CASE_RULES (case.rule-book.ts): each
 * with the message a refused user reads and its source. A rule resting on a fact marked ◐ or
 * ✖ in docs/domain/regulations.md says so in its message and source: it is data, not law.
 */
import { ALREADY_EXISTS, KEEPS_RECORD_COHERENT as RECORD } from '../common/rule-book';
import type { Rule } from '../common/rule-book';

export const COMPLAINT_RULES = {
  // Logging
  complaintNeedsComplaintCase: {
    message: "a complaint's steps are recorded on a case of type COMPLAINT",
    source: 'PRA 2002 Part 2 (docs/domain/regulations.md §5.1)',
  },
  complaintAlreadyLogged: { message: 'the complaint of this case is already logged', source: RECORD, status: ALREADY_EXISTS },
  complaintMustBeLogged: {
    message: 'the complaint must be logged first',
    source: 'PRA 2002 Sch 3 para 2, as amended from 1 February 2020: every complaint is logged (docs/domain/regulations.md §5.1)',
  },
  complaintNeedsAllegation: { message: 'a complaint is logged with at least one allegation', source: RECORD },
  anonymousComplaintWithoutDetails: {
    message: 'an anonymous complaint holds no complainant details; any other holds them',
    source: RECORD,
  },
  incidentAfterComplaint: { message: "an allegation's incident cannot be after the day the complaint was made", source: RECORD },

  // Contact and handling
  handlingNeedsComplainantContact: {
    message: 'the complainant is contacted, and their views sought, before the handling is decided (not for an anonymous complaint)',
    source: 'PRA 2002 Sch 3 para 2(6) as amended from 1 February 2020',
  },
  mustRecordAtComplainantsWish: {
    message: 'the complainant wants the complaint recorded: it must be handled under Schedule 3',
    source: 'PRA 2002 Sch 3 para 2(6)(a)',
  },
  mustRecordOnSchedule3Grounds: {
    message:
      'a complaint alleging death or serious injury, a criminal offence or conduct justifying disciplinary proceedings, an Article 2 or 3 infringement, or meeting a mandatory referral criterion must be handled under Schedule 3',
    source: 'PRA 2002 Sch 3 para 2(6A); C&M Regs 2020 reg 4',
  },
  recordedComplaintStaysRecorded: {
    message: 'a complaint recorded under Schedule 3 cannot be moved outside it (one handled outside may be recorded later)',
    source: 'PRA 2002 Sch 3 para 2(6) (the duty to record once the complainant wishes it or the authority decides)',
  },
  complaintHandlingMustBeDecided: { message: "the complaint's handling must be decided first", source: 'PRA 2002 Sch 3 para 2(6)-(6C)' },
  investigationNeedsRecordedComplaint: {
    message: 'only a complaint recorded under Schedule 3 is investigated',
    source: 'PRA 2002 Sch 3 paras 2 and 6 (docs/domain/regulations.md §5.2)',
  },
  complaintUnderInvestigation: {
    message: 'a complaint being investigated is concluded through its investigation, not handled otherwise',
    source: 'PRA 2002 Sch 3 para 6 (docs/domain/regulations.md §5.2)',
  },

  // Mandatory referral
  mandatoryReferralNotRecorded: {
    message: 'the matter meets a mandatory referral criterion: record its referral to the IOPC before it is closed, finalised or investigated locally',
    source: 'PRA 2002 Sch 3 paras 4 and 13; C&M Regs 2020 regs 4, 7 and 9 (docs/domain/regulations.md §5.3)',
  },
  referralCriterionNotForCaseType: {
    message:
      'that criterion does not apply to this type of case: gravity or exceptional circumstances is for conduct matters; a DSI matter is referred as such',
    source: 'C&M Regs 2020 regs 4, 7(1)(f) and 9 (src/cases/case-types.ts)',
  },

  // Case types: recording a conduct matter, a conduct matter revealed
  recordingNeedsConductMatter: {
    message: 'only a conduct matter is recorded as a recordable conduct matter (a complaint is recorded by its handling decision)',
    source: 'PRA 2002 Sch 3 paras 10 and 11; C&M Regs 2020 reg 7 (docs/domain/regulations.md §5.1)',
  },
  conductMatterAlreadyRecorded: { message: 'the conduct matter is already recorded under Schedule 3', source: RECORD, status: ALREADY_EXISTS },
  conductMatterIsAnotherCase: {
    message: 'a conduct matter revealed by a complaint is recorded as a case of its own, not this one',
    source: RECORD,
  },

  // Copy of the record (C&M reg 3)
  recordCopyNeedsRecordedComplaint: {
    message: 'copies of the record are given once the complaint is recorded under Schedule 3',
    source: 'C&M Regs 2020 reg 3 (docs/domain/regulations.md §5.2)',
  },
  recordCopyRecipientMismatch: {
    message: 'a copy to the person complained against names a subject of the case; a copy to the complainant names none',
    source: 'C&M Regs 2020 reg 3',
  },
  anonymousComplainantGetsNoCopy: {
    message: 'an anonymous complainant cannot be given a copy of the record',
    source: RECORD,
  },

  // Suspension of the handling
  complaintAlreadySuspended: { message: "the complaint's handling is already suspended", source: RECORD, status: ALREADY_EXISTS },
  complaintNotSuspended: { message: "the complaint's handling is not suspended", source: RECORD },
  complaintSuspended: {
    message: "the complaint's handling is suspended: resume it before its outcome is given",
    source:
      'IOPC complaints statistics count time suspended (docs/domain/regulations.md §8.2 ✔); the power to suspend, believed PRA 2002 Sch 3 para 22, is ✖ unconfirmed',
  },

  // Exception, outcome, withdrawal
  exceptionNeedsComplaintOverTwelveMonths: {
    message: 'the exception is believed (◐ partly confirmed) to apply to a complaint made more than 12 months after every incident it alleges',
    source: 'C&M Regs 2020 reg 6 (◐: docs/domain/regulations.md §5.2 and §12 row 28)',
  },
  complaintOutcomeNeedsHandling: {
    message: 'the outcome is given once the complaint was handled otherwise than by investigation, its investigation reported, or the exception applied',
    source: 'PRA 2002 Sch 3 paras 6, 23-24; C&M Regs 2020 reg 6',
  },
  reviewBodyExactlyUnderSchedule3: {
    message: 'the outcome of a complaint recorded under Schedule 3 names its review body; one handled outside Schedule 3 has no review',
    source: 'PRA 2002 Sch 3 paras 6A and 25; C&M Regs 2020 reg 29',
  },
  complaintFinalised: { message: 'the complaint is finalised: its outcome was given or it was withdrawn', source: RECORD },
  withdrawalDecisionNeedsReferredWithdrawal: {
    message: "the Director General's decision follows the withdrawal of a complaint that was referred to the IOPC",
    source: 'C&M Regs 2020 reg 38 (docs/domain/regulations.md §5.2)',
  },
  withdrawalDecisionAlreadyRecorded: {
    message: "the Director General's decision on the withdrawal is already recorded",
    source: RECORD,
    status: ALREADY_EXISTS,
  },
  conductMatterCaseOnlyWhenTreated: {
    message: 'a conduct matter case is named only when the Director General treats the withdrawn complaint as a conduct matter',
    source: RECORD,
  },
  withdrawalOfReferredComplaintNotifiesDirectorGeneral: {
    message: 'the withdrawal of a complaint referred to the IOPC is notified to the Director General',
    source: 'C&M Regs 2020 reg 38',
  },

  // Review
  reviewNeedsOutcomeWithReviewBody: {
    message: 'a review is applied for after the outcome of a recorded complaint, to the review body it named',
    source: 'PRA 2002 Sch 3 paras 6A and 25; C&M Regs 2020 reg 29',
  },
  reviewApplicationOutOfTime: {
    message:
      'a review is applied for within 28 days starting the day after the outcome was given (days the application spent with the wrong body do not count)',
    source: 'C&M Regs 2020 regs 29 and 33(2)(a); PRA 2002 Sch 3 paras 31-32',
  },
  reviewAlreadyPending: { message: 'a review of this complaint is already awaiting its result', source: RECORD },
  reviewMustBeApplied: { message: 'there is no review application to decide', source: RECORD },
  recommendationsOnlyWhenUpheld: {
    message: 'recommendations follow a review that is upheld (the list of review results is ✖ unconfirmed)',
    source: 'docs/domain/regulations.md §11 "Complaint review" (✖)',
  },
} as const satisfies Record<string, Rule>;
