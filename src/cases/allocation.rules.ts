/**
 * decide for the chain-of-command commands (allocation.events.ts), and the checks the case's own
 * steps make against it (the reg 21 report, scheduling proceedings). Pure; each rule is named in
 * allocation.rule-book.ts with its source. Whether an appointee declared a conflict on the case
 * is a fact of other streams: the write path adds it to the command (allocation.appointee.ts).
 */
import { RANKS } from './case.enums';
import type { ProceedingsKind, Rank } from './case.enums';
import type { CaseCommand } from './case.command-types';
import type { CaseEvent } from './case.events';
import { ensure, refuse } from './case.rule-book';
import { ensureNotBefore, event, payloadOf, requireSubject } from './case.rules';
import type { Case, SubjectState } from './case.state';
import { SIGN_OFF_MINIMUM_RANKS } from './allocation.enums';
import type { AppointmentRole } from './allocation.enums';
import type { ALLOCATION_EVENTS } from './allocation.events';
import type { AllocationEventType } from './allocation.facts';
import { appointmentsCovering, chainOfCommandRecorded, everyInvestigator, latestSubmission, NO_CHAIN } from './allocation.state';
import type { Appointment, SubjectChain } from './allocation.state';

type AllocationCommandType = (typeof ALLOCATION_EVENTS)[AllocationEventType]['command'];
export type AllocationCommand = Extract<CaseCommand, { type: AllocationCommandType }>;
type CommandOf<T extends AllocationCommandType> = Extract<AllocationCommand, { type: T }>;

/** What the write path learns of the appointee from other streams before decide (case.slice.ts). */
export interface AppointeeFacts {
  /** They declared a conflict of interest on this case (POST /cases/{caseId}/conflicts, or their register naming it). */
  appointeeDeclaredConflict?: boolean;
}

export function chainOf(state: Case, subjectId: string): SubjectChain {
  return Object.prototype.hasOwnProperty.call(state.allocation.subjects, subjectId) ? state.allocation.subjects[subjectId] : NO_CHAIN;
}

/** The subjects an appointment covers: one, or every subject of the case. */
function coveredSubjects(state: Case, subjectId: string | null): SubjectState[] {
  return subjectId === null ? Object.values(state.subjects) : [requireSubject(state, subjectId)];
}

/**
 * reg 15(3): the appointee is independent of the subjects the appointment covers: not one of the
 * case's subjects, no declared conflict on the case, not a subject's recorded line manager, and
 * not managed by a subject.
 */
function ensureIndependent(state: Case, investigatorId: string, subjectId: string | null, facts: AppointeeFacts, lineManagerId: string | null): void {
  ensure(!Object.values(state.subjects).some((subject) => subject.personId === investigatorId), 'investigatorIsSubject');
  ensure(facts.appointeeDeclaredConflict !== true, 'investigatorHasDeclaredConflict');
  const covered = coveredSubjects(state, subjectId);
  const managed = covered.find((subject) => chainOf(state, subject.subjectId).lineManagerId === investigatorId);
  ensure(managed === undefined, 'investigatorIsSubjectsLineManager', managed?.subjectId);
  const manager = lineManagerId === null ? undefined : Object.values(state.subjects).find((subject) => subject.personId === lineManagerId);
  ensure(manager === undefined, 'investigatorManagedBySubject', manager?.subjectId);
}

/** The investigator and the supervising officer of the same scope are two people. */
function ensureSupervisionApart(state: Case, role: AppointmentRole, investigatorId: string, subjectId: string | null, except?: string): void {
  const other: AppointmentRole = role === 'INVESTIGATOR' ? 'SUPERVISING_OFFICER' : 'INVESTIGATOR';
  const clash = Object.values(state.allocation.appointments).some(
    (appointment) =>
      appointment.appointmentId !== except &&
      appointment.role === other &&
      appointment.subjectId === subjectId &&
      appointment.investigatorId === investigatorId,
  );
  ensure(!clash, 'supervisorIsInvestigator');
}

function requireAppointment(state: Case, appointmentId: string): Appointment {
  if (!Object.prototype.hasOwnProperty.call(state.allocation.appointments, appointmentId)) return refuse('appointmentMustExist', appointmentId);
  return state.allocation.appointments[appointmentId];
}

function decideAppointment(state: Case, command: CommandOf<'AppointInvestigator'>): CaseEvent[] {
  const { appointeeDeclaredConflict, ...appointment } = payloadOf(command);
  const subjectId = appointment.subjectId ?? null;
  ensure(!Object.prototype.hasOwnProperty.call(state.allocation.appointments, appointment.appointmentId), 'appointmentAlreadyMade');
  ensureNotBefore(appointment.on, state.receivedOn, 'the referral');
  ensureIndependent(state, appointment.investigatorId, subjectId, { appointeeDeclaredConflict }, appointment.investigatorLineManagerId ?? null);
  const filled = Object.values(state.allocation.appointments).some((other) => other.role === appointment.role && other.subjectId === subjectId);
  ensure(!filled, 'roleAlreadyFilled', subjectId === null ? 'the case' : `subject ${subjectId}`);
  ensureSupervisionApart(state, appointment.role, appointment.investigatorId, subjectId);
  return [event('InvestigatorAppointed', appointment)];
}

function decideReassignment(state: Case, command: CommandOf<'ReassignInvestigator'>): CaseEvent[] {
  const { appointeeDeclaredConflict, ...reassignment } = payloadOf(command);
  const appointment = requireAppointment(state, reassignment.appointmentId);
  ensure(appointment.investigatorId !== reassignment.investigatorId, 'reassignmentToSameInvestigator');
  ensureNotBefore(reassignment.on, appointment.holders.at(-1)?.from, 'the current holder’s appointment');
  ensureIndependent(state, reassignment.investigatorId, appointment.subjectId, { appointeeDeclaredConflict }, reassignment.investigatorLineManagerId ?? null);
  ensureSupervisionApart(state, appointment.role, reassignment.investigatorId, appointment.subjectId, appointment.appointmentId);
  return [event('InvestigatorReassigned', reassignment)];
}

function decideLineManager(state: Case, command: CommandOf<'RecordSubjectLineManager'>): CaseEvent[] {
  const subject = requireSubject(state, command.subjectId);
  ensure(subject.personId !== command.lineManagerId, 'lineManagerIsSubject');
  const investigating = appointmentsCovering(state.allocation, subject.subjectId).some((appointment) => appointment.investigatorId === command.lineManagerId);
  ensure(!investigating, 'lineManagerIsAppointedInvestigator');
  return [event('SubjectLineManagerRecorded', payloadOf(command))];
}

function decideSubmissionForReview(state: Case, command: CommandOf<'SubmitReportForReview'>): CaseEvent[] {
  ensure(state.investigationStartedOn !== null, 'investigationReportNeedsInvestigation');
  ensure(state.investigationReportOn === null, 'reportAlreadyWithAuthority', `submitted on ${state.investigationReportOn}`);
  const latest = latestSubmission(state.allocation);
  ensure(latest === null || latest.result !== null, 'reportReviewPending', latest?.submittedOn);
  ensureNotBefore(command.on, latest?.reviewedOn ?? state.investigationStartedOn, latest === null ? 'the start of the investigation' : 'the last review');
  return [event('InvestigationReportSubmittedForReview', payloadOf(command))];
}

function decideReview(state: Case, command: CommandOf<'ReviewInvestigationReport'>): CaseEvent[] {
  const latest = latestSubmission(state.allocation);
  if (latest === null || latest.result !== null) return refuse('reportReviewNeedsSubmission');
  const investigators = currentCaseInvestigators(state);
  ensure(command.reviewedBy !== latest.submittedBy && !investigators.includes(command.reviewedBy), 'reviewerIsAuthor');
  ensure((command.result === 'RETURNED') === (command.reasons !== undefined), 'returnNeedsReasons');
  ensureNotBefore(command.on, latest.submittedOn, 'the submission');
  return [event('InvestigationReportReviewed', payloadOf(command))];
}

/** The case's investigators now: holders of its INVESTIGATOR appointments, and the one who started it. */
function currentCaseInvestigators(state: Case): string[] {
  const appointed = Object.values(state.allocation.appointments)
    .filter((appointment) => appointment.role === 'INVESTIGATOR')
    .map((appointment) => appointment.investigatorId);
  return state.allocation.startingInvestigatorId === null ? appointed : [...appointed, state.allocation.startingInvestigatorId];
}

const isCaseToAnswer = (decision: string | null): boolean => decision === 'CASE_TO_ANSWER_MISCONDUCT' || decision === 'CASE_TO_ANSWER_GROSS_MISCONDUCT';

function decideForm(state: Case, command: CommandOf<'DecideFormOfProceedings'>): CaseEvent[] {
  const subject = requireSubject(state, command.subjectId);
  ensure(isCaseToAnswer(subject.caseToAnswer) && !subject.noProceedings, 'formNeedsCaseToAnswer', subject.caseToAnswer ?? 'no decision');
  // reg 23 (◐ form rules): gross misconduct goes to a hearing.
  if (command.form === 'MISCONDUCT_MEETING') ensure(subject.caseToAnswer === 'CASE_TO_ANSWER_MISCONDUCT', 'meetingOnlyForMisconduct');
  return [event('FormOfProceedingsDecided', payloadOf(command))];
}

/** The lowest rank that signs off the decision, by its gravity (SIGN_OFF_MINIMUM_RANKS, ✖). */
function minimumRankFor(subject: SubjectState, chain: SubjectChain, decision: 'CASE_TO_ANSWER' | 'FORM_OF_PROCEEDINGS'): Rank {
  const grave = decision === 'CASE_TO_ANSWER' ? subject.caseToAnswer === 'CASE_TO_ANSWER_GROSS_MISCONDUCT' : chain.form?.form === 'MISCONDUCT_HEARING';
  return (grave ? SIGN_OFF_MINIMUM_RANKS.grave : SIGN_OFF_MINIMUM_RANKS.other).rank;
}

/** Police staff sign off as of similar seniority; an officer's rank is compared in RANKS order. */
function isAtLeast(rank: Rank, minimum: Rank): boolean {
  return rank === 'STAFF' || RANKS.indexOf(rank) >= RANKS.indexOf(minimum);
}

function decideSignOff(state: Case, command: CommandOf<'SignOffDecision'>): CaseEvent[] {
  const subject = requireSubject(state, command.subjectId);
  const chain = chainOf(state, subject.subjectId);
  const current = command.decision === 'CASE_TO_ANSWER' ? subject.caseToAnswer : (chain.form?.form ?? null);
  if (current === null) return refuse('signOffNeedsDecision', command.decision);
  const signOff = command.decision === 'CASE_TO_ANSWER' ? chain.caseToAnswerSignOff : chain.formSignOff;
  ensure(signOff === null || signOff.signed !== current, 'decisionAlreadySignedOff', signOff?.on);
  ensure(!everyInvestigator(state.allocation).has(command.signedOffBy), 'signOffByInvestigator');
  const minimum = minimumRankFor(subject, chain, command.decision);
  ensure(isAtLeast(command.signerRank, minimum), 'signOffRankTooJunior', `${command.signerRank} is below ${minimum}`);
  return [event('DecisionSignedOff', payloadOf(command))];
}

export function decideAllocation(state: Case, command: AllocationCommand): CaseEvent[] {
  switch (command.type) {
    case 'AppointInvestigator':
      return decideAppointment(state, command);
    case 'ReassignInvestigator':
      return decideReassignment(state, command);
    case 'RecordSubjectLineManager':
      return decideLineManager(state, command);
    case 'SubmitReportForReview':
      return decideSubmissionForReview(state, command);
    case 'ReviewInvestigationReport':
      return decideReview(state, command);
    case 'DecideFormOfProceedings':
      return decideForm(state, command);
    case 'SignOffDecision':
      return decideSignOff(state, command);
    default: {
      const unhandled: never = command;
      throw new Error(`unknown allocation command ${JSON.stringify(unhandled)}`);
    }
  }
}

/**
 * The reg 21 report goes to the appropriate authority once approved: where it was submitted for
 * review, its latest review approved it; where the chain of command is recorded, it was reviewed.
 */
export function ensureReportApproved(state: Case): void {
  const latest = latestSubmission(state.allocation);
  if (latest === null && !chainOfCommandRecorded(state.allocation)) return;
  ensure(latest?.result === 'APPROVED', 'reportNeedsApproval', latest === null ? 'never submitted for review' : (latest.result ?? 'awaiting review'));
}

/**
 * Proceedings (a meeting or hearing) are of the form decided, and, where the chain of command is
 * recorded, follow the case-to-answer decision and the form, each signed off. An accelerated
 * hearing follows the reg 49 certificate instead.
 */
export function ensureProceedingsSignedOff(state: Case, subject: SubjectState, kind: ProceedingsKind): void {
  if (kind === 'ACCELERATED_HEARING') return;
  const chain = chainOf(state, subject.subjectId);
  if (chain.form !== null) ensure(chain.form.form === kind, 'proceedingsKindDiffersFromForm', `decided: ${chain.form.form}`);
  if (!chainOfCommandRecorded(state.allocation)) return;
  const caseToAnswerSigned = chain.caseToAnswerSignOff !== null && chain.caseToAnswerSignOff.signed === subject.caseToAnswer;
  const formSigned = chain.form !== null && chain.formSignOff !== null && chain.formSignOff.signed === chain.form.form;
  const missing = [caseToAnswerSigned ? null : 'case to answer', formSigned ? null : 'form of proceedings'].filter((item) => item !== null);
  ensure(missing.length === 0, 'proceedingsAwaitSignOff', `not signed off: ${missing.join(', ')}`);
}
