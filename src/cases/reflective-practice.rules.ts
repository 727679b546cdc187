/**
 * decide for the reflective practice review process (reflective-practice.events.ts). Pure; each
 * rule is named in reflective-practice.rule-book.ts with its source. The referral
 * (StartReflectivePractice) stays in case.decide.ts, which asks `ensureNotGrossMisconduct`.
 */
import type { CaseCommand } from './case.command-types';
import { isBeforeDay } from './case.dates';
import type { CaseEvent } from './case.events';
import { ensure } from './case.rule-book';
import { ensureNotBefore, event, payloadOf, requireSubject } from './case.rules';
import type { Case, SubjectState } from './case.state';
import type { REFLECTIVE_PRACTICE_EVENTS } from './reflective-practice.events';
import type { ReflectivePracticeProcess } from './reflective-practice.state';

type ReflectiveCommandType = (typeof REFLECTIVE_PRACTICE_EVENTS)[keyof typeof REFLECTIVE_PRACTICE_EVENTS]['command'];
export type ReflectivePracticeCommand = Extract<CaseCommand, { type: ReflectiveCommandType }>;

/**
 * Part 6 is for practice requiring improvement and conduct found neither misconduct nor gross
 * misconduct: a matter that stands as gross misconduct (its case-to-answer decision, or failing
 * one its latest severity assessment) is not referred to it, unless proceedings found otherwise.
 */
export function ensureNotGrossMisconduct(subject: SubjectState): void {
  // A direction at proceedings (reg 42(1)(b)) follows a finding that it was neither.
  if (subject.outcome === 'REFLECTIVE_PRACTICE_DIRECTED') return;
  const standing = subject.caseToAnswer ?? subject.severity;
  ensure(standing !== 'CASE_TO_ANSWER_GROSS_MISCONDUCT' && standing !== 'GROSS_MISCONDUCT', 'reflectivePracticeNotForGrossMisconduct');
}

/** The running process: referred, not ended by a failure to engage; `whileRunning`: not yet completed either. */
function requireProcess(subject: SubjectState, whileRunning: boolean): ReflectivePracticeProcess {
  const process = subject.routes.reflectivePractice;
  const open = process !== null && process.engagementFailed === null && (subject.reflectivePractice === 'STARTED' || !whileRunning);
  ensure(open && process !== null, 'reflectiveProcessNotOpen');
  return process;
}

/** A stage recorded once, after the stage it follows (named for the refusal), and not dated before it. */
function ensureStage(recorded: string | null, previous: string | null, previousName: string, on: string): void {
  ensure(recorded === null, 'reflectiveStageAlreadyRecorded');
  ensure(previous !== null, 'reflectiveStageOutOfOrder', `${previousName} first`);
  ensureNotBefore(on, previous, previousName);
}

function decideEngagementFailure(
  subject: SubjectState,
  command: Extract<ReflectivePracticeCommand, { type: 'RecordReflectiveEngagementFailure' }>,
): CaseEvent[] {
  const process = requireProcess(subject, true);
  ensureNotBefore(command.on, process.referredOn, 'the referral');
  // A direction at proceedings (reg 42(1)(b)) rests on a finding: the misconduct route is closed.
  ensure(command.referredTo !== 'MISCONDUCT' || subject.conclusion === null, 'misconductRouteClosedAfterFinding');
  return [event('ReflectivePracticeEngagementFailed', payloadOf(command))];
}

export function decideReflectivePractice(state: Case, command: ReflectivePracticeCommand): CaseEvent[] {
  const subject = requireSubject(state, command.subjectId);
  switch (command.type) {
    case 'GiveReflectivePracticeNotice': {
      const process = requireProcess(subject, true);
      ensureStage(process.noticeOn, process.referredOn, 'the referral', command.on);
      return [event('ReflectivePracticeNoticeGiven', payloadOf(command))];
    }
    case 'RecordReflectiveAccount': {
      const process = requireProcess(subject, true);
      ensureStage(process.accountOn, process.noticeOn, 'the notice', command.on);
      return [event('ReflectiveAccountGiven', payloadOf(command))];
    }
    case 'CompleteReflectiveFactFinding': {
      // The account is the participant's to give: fact finding follows the notice, account or not.
      const process = requireProcess(subject, true);
      ensureStage(process.factFindingOn, process.noticeOn, 'the notice', command.on);
      return [event('ReflectiveFactFindingCompleted', payloadOf(command))];
    }
    case 'HoldReflectiveReviewDiscussion': {
      const process = requireProcess(subject, true);
      ensureStage(process.discussionOn, process.factFindingOn, 'fact finding', command.on);
      return [event('ReflectiveReviewDiscussionHeld', payloadOf(command))];
    }
    case 'AgreeReflectiveReviewReport': {
      const process = requireProcess(subject, true);
      ensureStage(process.report?.agreedOn ?? null, process.discussionOn, 'the review discussion', command.on);
      ensure(isBeforeDay(command.on, command.actionsDueOn) && isBeforeDay(command.on, command.reviewPeriodEndsOn), 'reflectiveReportPeriodsAfterAgreement');
      return [event('ReflectiveReviewReportAgreed', payloadOf(command))];
    }
    case 'ReviewReflectiveActions': {
      // The report's follow-up outlives the process: recorded after its completion too.
      const process = requireProcess(subject, false);
      ensureStage(process.actionsReviewedOn, process.report?.agreedOn ?? null, 'the report', command.on);
      return [event('ReflectiveActionsReviewed', payloadOf(command))];
    }
    case 'RecordReflectivePdrFollowUp': {
      const process = requireProcess(subject, false);
      ensureStage(process.pdrFollowUpOn, process.report?.agreedOn ?? null, 'the report', command.on);
      return [event('ReflectivePdrFollowUpHeld', payloadOf(command))];
    }
    case 'RecordReflectiveEngagementFailure':
      return decideEngagementFailure(subject, command);
    default: {
      const unhandled: never = command;
      throw new Error(`unknown reflective practice command ${JSON.stringify(unhandled)}`);
    }
  }
}
