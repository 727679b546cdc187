/**
 * The reflective practice review process as a process (Conduct Regs 2020 Part 6;
 * docs/domain/regulations.md §2.12), declared once here and spread into CASE_EVENTS
 * (case.events.ts). The referral itself is ReflectivePracticeReviewStarted (case.events.ts);
 * these are its stages: the notice, the participant's account, fact finding, the review
 * discussion, the reg 70 reflective review development report, the review of its actions, the
 * performance and development review that follows it within 12 months, and a failure to engage,
 * which sends the matter back to another route. What the report says about the officer stays
 * in the vault (`vaultText`).
 */
import { ENGAGEMENT_FAILURE_ROUTES } from './reflective-practice.enums';
import { day, event, flag, id, oneOf, vaultText } from '../common/event-declaration';

const subjectDated = { subjectId: id, on: day };

export const REFLECTIVE_PRACTICE_EVENTS = {
  /** Stage 1 (◐): the participant told of the referral and its reasons. */
  ReflectivePracticeNoticeGiven: event({
    command: 'GiveReflectivePracticeNotice',
    version: 1,
    legalDate: 'on',
    fields: { subjectId: id, on: day, reasons: vaultText },
  }),
  /** Stage 2 (◐): the participant's account, believed due within 5 working days of the notice. */
  ReflectiveAccountGiven: event({ command: 'RecordReflectiveAccount', version: 1, legalDate: 'on', fields: subjectDated }),
  /** Stage 3 (◐): the fact-finding stage finished. */
  ReflectiveFactFindingCompleted: event({ command: 'CompleteReflectiveFactFinding', version: 1, legalDate: 'on', fields: subjectDated }),
  /** Stage 4 (◐): the review discussion with the reviewer; `joint` when held with other participants (each still gets their own report). */
  ReflectiveReviewDiscussionHeld: event({
    command: 'HoldReflectiveReviewDiscussion',
    version: 1,
    legalDate: 'on',
    fields: { subjectId: id, on: day, joint: flag },
  }),
  /**
   * Stage 5, reg 70 (✔): the reflective review development report agreed: the issue and the
   * discussion, key actions to be taken by `actionsDueOn` (the specified period), lessons for
   * the officer and for line management or the force, and the specified review period (ending
   * `reviewPeriodEndsOn`). A copy goes to the appropriate authority, which acts on the lessons for the force.
   */
  ReflectiveReviewReportAgreed: event({
    command: 'AgreeReflectiveReviewReport',
    version: 1,
    legalDate: 'on',
    fields: {
      subjectId: id,
      on: day,
      summary: vaultText,
      keyActions: vaultText,
      actionsDueOn: day,
      lessonsForOfficer: vaultText,
      lessonsForForce: vaultText,
      reviewPeriodEndsOn: day,
    },
  }),
  /** Stage 6: the review of the report's actions at the end of the review period; `actionsCompleted` says whether they were done. */
  ReflectiveActionsReviewed: event({
    command: 'ReviewReflectiveActions',
    version: 1,
    legalDate: 'on',
    fields: { subjectId: id, on: day, actionsCompleted: flag },
  }),
  /** reg 70 (✔): the report discussed at the officer's performance and development review, within 12 months of its agreement. */
  ReflectivePdrFollowUpHeld: event({ command: 'RecordReflectivePdrFollowUp', version: 1, legalDate: 'on', fields: subjectDated }),
  /**
   * The participant failed to engage (◐: WMPF guide): the process ends and the matter goes back
   * to the misconduct route, or to the Performance Regulations.
   */
  ReflectivePracticeEngagementFailed: event({
    command: 'RecordReflectiveEngagementFailure',
    version: 1,
    legalDate: 'on',
    fields: { subjectId: id, on: day, referredTo: oneOf(ENGAGEMENT_FAILURE_ROUTES) },
  }),
};
