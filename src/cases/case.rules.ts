/**
 * The guards every command shares (the case exists, is open, has the subject) and the
 * facts about a subject that several rules ask.
 */
import { DISMISSAL_OUTCOMES, isOneOf } from './case.enums';
import type { Outcome } from './case.enums';
import type { CaseEvent, CaseEventDataMap, CaseEventType } from './case.events';
import { GOVERNED_BY_CONDUCT_REGULATIONS } from './case.regulations';
import { isBeforeDay } from './case.dates';
import { ensure, refuse } from './case.rule-book';
import type { Case, CaseState, SubjectState } from './case.state';
import { subjectOf } from './case.state';

export function requireCase(state: CaseState): Case {
  if (state === null) return refuse('caseMustExist');
  return state;
}

/** No step after CaseClosed except CaseReopened. */
export function requireOpenCase(state: CaseState): Case {
  const current = requireCase(state);
  ensure(current.closedOn === null, 'caseClosed');
  return current;
}

export function requireSubject(state: Case, subjectId: string): SubjectState {
  const subject = subjectOf(state, subjectId);
  if (subject === null) return refuse('subjectMustExist', subjectId);
  return subject;
}

/** Police officers and special constables: the Conduct Regulations govern them (reg 4). */
export function isGovernedByConductRegulations(subject: SubjectState): boolean {
  return GOVERNED_BY_CONDUCT_REGULATIONS.includes(subject.workforceType);
}

/**
 * Has the subject left the service (before any conclusion)? A transfer to another force is
 * not leaving: the subject is still a serving officer.
 */
export function hasLeftService(subject: SubjectState): boolean {
  const departure = subject.departure;
  return departure !== null && departure.how !== 'TRANSFERRED' && !departure.afterConclusion;
}

/** A former officer to whom Schedule 1 of the Conduct Regulations applies. */
export function isFormerOfficerUnderSchedule1(subject: SubjectState): boolean {
  return isGovernedByConductRegulations(subject) && hasLeftService(subject);
}

export function isDismissal(outcome: Outcome | null): boolean {
  return outcome !== null && isOneOf(DISMISSAL_OUTCOMES, outcome);
}

/** Gross misconduct is alleged: the case-to-answer decision, or failing one the latest severity assessment. */
export function isGrossMisconductAlleged(subject: SubjectState): boolean {
  if (subject.caseToAnswer !== null) return subject.caseToAnswer === 'CASE_TO_ANSWER_GROSS_MISCONDUCT';
  return subject.severity === 'GROSS_MISCONDUCT';
}

/** Refuse a day before the day of the step it depends on (`what` names that step). */
export function ensureNotBefore(day: string, earlier: string | null | undefined, what: string): void {
  if (earlier === null || earlier === undefined) return;
  ensure(!isBeforeDay(day, earlier), 'dateBeforeEarlierStep', `${day} is before ${what} on ${earlier}`);
}

/**
 * reg 11: suspension (or its alternative, restriction) is possible from the start of the
 * process until a decision not to bring proceedings, or their conclusion, and only for a
 * member of the force.
 */
export function isWithinSuspensionWindow(subject: SubjectState): boolean {
  if (hasLeftService(subject) || subject.departure?.afterConclusion === true) return false;
  if (subject.conclusion !== null) return false;
  // Proceedings withdrawn (reg 27), or a Performance or Vetting outcome, end it too.
  if (subject.routes.withdrawnOn !== null || subject.routes.outcome !== null) return false;
  return !isProcessEndedWithoutProceedings(subject);
}

/** No case to answer, or practice requiring improvement: no proceedings will follow (reg 23). */
export function isProcessEndedWithoutProceedings(subject: SubjectState): boolean {
  return subject.noProceedings || subject.caseToAnswer === 'NO_CASE_TO_ANSWER' || subject.caseToAnswer === 'PRACTICE_REQUIRING_IMPROVEMENT';
}

/** An event of type K with its payload (the compiler cannot pair a generic K with its payload in the union). */
export function event<K extends CaseEventType>(type: K, data: CaseEventDataMap[K]): CaseEvent {
  return { type, data } as CaseEvent;
}

/** A command's payload: its fields without `type` and `caseId`. */
export function payloadOf<C extends { type: string; caseId: string }>(command: C): Omit<C, 'type' | 'caseId'> {
  const { type, caseId, ...payload } = command;
  void type;
  void caseId;
  return payload;
}
