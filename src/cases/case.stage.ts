/**
 * Where a case stands (docs/api.md `stage`), derived from state by pure functions, never stored.
 *
 * Each subject has its own stage; the case is as far as its least advanced subject, an
 * open appeal counting as not yet concluded. A case with no subjects yet goes by its
 * case-level steps.
 */
import type { CaseStage } from './case.enums';
import type { Case, SubjectState } from './case.state';

/** The stages at which a subject is under investigation or proceedings (for departures). */
export const UNDER_INVESTIGATION_STAGES = ['ASSESSMENT', 'INVESTIGATION', 'DECISION', 'PROCEEDINGS'] as const satisfies readonly CaseStage[];

/** Least advanced first. */
const SUBJECT_STAGE_ORDER: readonly CaseStage[] = ['ASSESSMENT', 'INVESTIGATION', 'DECISION', 'PROCEEDINGS', 'APPEAL', 'CONCLUDED'];

export function subjectStage(state: Case, subject: SubjectState): CaseStage {
  if (subject.appeal !== null && subject.appeal.result === null) return 'APPEAL';
  if (subject.conclusion !== null) return 'CONCLUDED';
  // Proceedings withdrawn (reg 27), or the Performance or Vetting route's own outcome.
  if (subject.routes.withdrawnOn !== null || subject.routes.outcome !== null) return 'CONCLUDED';
  // Routes that end the matter for the subject without proceedings (reg 23; Part 6).
  if (subject.caseToAnswer === 'NO_CASE_TO_ANSWER' || subject.noProceedings) return 'CONCLUDED';
  if (subject.reflectivePractice === 'COMPLETED' || subject.managementActionOn !== null) return 'CONCLUDED';
  if (subject.proceedings !== null) return 'PROCEEDINGS';
  if (subject.caseToAnswer !== null || state.investigationReportOn !== null) return 'DECISION';
  if (state.investigationStartedOn !== null) return 'INVESTIGATION';
  return 'ASSESSMENT';
}

function stageWithoutSubjects(state: Case): CaseStage {
  // A complaint finalised (its outcome given, or withdrawn) with no one's conduct in question is concluded.
  if (state.complaint?.finalisedOn != null) return 'CONCLUDED';
  if (state.investigationReportOn !== null) return 'DECISION';
  if (state.investigationStartedOn !== null) return 'INVESTIGATION';
  if (state.iopcReferral !== null || Object.keys(state.allegations).length > 0 || state.complaint !== null) return 'ASSESSMENT';
  return 'RECEIVED';
}

export function caseStage(state: Case): CaseStage {
  if (state.closedOn !== null) return 'CLOSED';
  const subjects = Object.values(state.subjects);
  if (subjects.length === 0) return stageWithoutSubjects(state);
  const ranks = subjects.map((subject) => SUBJECT_STAGE_ORDER.indexOf(subjectStage(state, subject)));
  return SUBJECT_STAGE_ORDER[Math.min(...ranks)];
}
