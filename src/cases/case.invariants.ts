/**
 * States the process must never reach, whatever the order of commands. decide's rules keep
 * a case out of them step by step; this check is for what cannot be seen one step at a
 * time: a correction that rewrites history, and the property tests.
 */
import { outcomesUnder, regimeOf } from './case.regulations';
import { hasLeftService, isDismissal, isFormerOfficerUnderSchedule1 } from './case.rules';
import type { Case, SubjectState } from './case.state';
import { routeDismissalOf } from './reflective-practice.state';

function subjectViolations(state: Case, subject: SubjectState): string[] {
  const problems: string[] = [];
  const conclusion = subject.conclusion;
  const proceedings = subject.proceedings;

  // A dismissal under the Performance or Vetting Regulations gives its own basis (proceedings-routes.events.ts).
  const routeDismissal = routeDismissalOf(subject.routes);
  if (subject.barredList && routeDismissal !== null) {
    if (subject.barredListBasis !== routeDismissal.basis) problems.push(`on the barred list on a basis other than ${routeDismissal.basis}`);
  } else if (subject.barredList) {
    if (!isDismissal(subject.outcome)) problems.push('on the barred list without a dismissal outcome');
    const expected = conclusion?.formerOfficer === true ? 'WOULD_HAVE_BEEN_DISMISSED' : 'DISMISSED';
    if (subject.barredListBasis !== expected) problems.push(`on the barred list on a basis other than ${expected}`);
  }
  if (subject.advisoryList && (subject.departure === null || conclusion !== null)) {
    problems.push('on the advisory list without a departure before any conclusion');
  }
  if (subject.departure?.awaitingDccDecision === true && subject.departure.approvedByDcc) {
    problems.push('an approved departure still awaiting a decision');
  }
  if (conclusion === null) {
    if (subject.outcome !== null) problems.push('an outcome without concluded proceedings');
    return problems;
  }
  if (proceedings === null && conclusion.outcome !== 'NO_FURTHER_ACTION') {
    problems.push('an outcome other than no further action without proceedings');
  }
  if (conclusion.formerOfficer !== hasLeftService(subject)) problems.push('formerOfficer does not match the departure');
  if (!outcomesUnder(state.regulations).includes(conclusion.outcome)) {
    problems.push(`outcome ${conclusion.outcome} does not exist under the ${state.regulations} regulations`);
  }
  if (proceedings !== null) {
    const powers = regimeOf(state.regulations).powers[proceedings.kind];
    for (const outcome of [conclusion.outcome, subject.outcome]) {
      if (outcome !== null && !powers.includes(outcome)) problems.push(`outcome ${outcome} beyond a ${proceedings.kind}`);
    }
    const grossMisconductProven = conclusion.findings.some((f) => f.proven && f.level === 'GROSS_MISCONDUCT');
    if (grossMisconductProven && proceedings.kind === 'MISCONDUCT_MEETING') {
      problems.push('gross misconduct found at a misconduct meeting');
    }
  }
  if (isFormerOfficerUnderSchedule1(subject) && conclusion.formerOfficer) {
    const outcome = subject.outcome;
    if (outcome !== null && outcome !== 'NO_FURTHER_ACTION' && !isDismissal(outcome)) {
      problems.push(`former officer with outcome ${outcome}`);
    }
  }
  return problems;
}

/** Every forbidden thing about the case, as plain sentences; empty when there is none. */
export function caseInvariantViolations(state: Case): string[] {
  return Object.values(state.subjects).flatMap((subject) => subjectViolations(state, subject).map((problem) => `subject ${subject.subjectId}: ${problem}`));
}
