/**
 * decide for what happens around the proceedings and for the Performance and Vetting routes
 * (proceedings-routes.events.ts). Pure; each rule is named in proceedings-routes.rule-book.ts
 * with its source. `ensureNotPaused` is asked by the scheduling and the conclusion of
 * proceedings (case.decide.ts).
 */
import type { CaseCommand } from './case.command-types';
import { isBeforeDay } from './case.dates';
import type { CaseEvent } from './case.events';
import { isOneOf } from './case.enums';
import { ensure } from './case.rule-book';
import { ensureNotBefore, event, hasLeftService, payloadOf, requireSubject } from './case.rules';
import type { Case, SubjectState } from './case.state';
import { subjectOf } from './case.state';
import type { PROCEEDINGS_ROUTE_EVENTS } from './proceedings-routes.events';
import { GROSS_INCOMPETENCE_OUTCOMES, UNSATISFACTORY_PERFORMANCE_OUTCOMES } from './reflective-practice.enums';

type RouteCommandType = (typeof PROCEEDINGS_ROUTE_EVENTS)[keyof typeof PROCEEDINGS_ROUTE_EVENTS]['command'];
export type ProceedingsRouteCommand = Extract<CaseCommand, { type: RouteCommandType }>;

/** Conduct Regs 2020 reg 14(2)(aa) (SI 2025/558): referral under the Vetting Regulations, from 28 May 2025. */
export const VETTING_REFERRAL_FROM = '2025-05-28';

/** The subject's matter has ended: an outcome of proceedings, a withdrawal, or a Performance or Vetting outcome. */
function isMatterConcluded(subject: SubjectState): boolean {
  return subject.conclusion !== null || subject.routes.withdrawnOn !== null || subject.routes.outcome !== null;
}

/** reg 10 (◐): no proceedings are scheduled or concluded while they are paused. */
export function ensureNotPaused(subject: SubjectState): void {
  const since = subject.routes.pausedSince;
  ensure(since === null, 'proceedingsPausedUnderReg10', since === null ? undefined : `paused since ${since}`);
}

const hasCaseToAnswer = (subject: SubjectState): boolean =>
  (subject.caseToAnswer === 'CASE_TO_ANSWER_MISCONDUCT' || subject.caseToAnswer === 'CASE_TO_ANSWER_GROSS_MISCONDUCT') && !subject.noProceedings;

function decideJointProceedings(state: Case, command: Extract<ProceedingsRouteCommand, { type: 'DirectJointProceedings' }>): CaseEvent[] {
  const ids = command.subjects.map(({ subjectId }) => subjectId);
  const subjects = ids.map((subjectId) => subjectOf(state, subjectId));
  const eligible = subjects.every((subject) => subject !== null && hasCaseToAnswer(subject) && !isMatterConcluded(subject));
  ensure(new Set(ids).size >= 2 && new Set(ids).size === ids.length && eligible, 'jointProceedingsNeedSubjectsWithCaseToAnswer');
  return [event('JointProceedingsDirected', payloadOf(command))];
}

function ensureRouteOpen(subject: SubjectState): void {
  ensure(!hasLeftService(subject), 'routeNeedsServingSubject');
  ensure(!isMatterConcluded(subject), 'routeMatterConcluded');
}

function decidePerformanceOutcome(subject: SubjectState, command: Extract<ProceedingsRouteCommand, { type: 'RecordPerformanceOutcome' }>): CaseEvent[] {
  const performance = subject.routes.performance;
  ensure(
    subject.routes.route === 'PERFORMANCE' && performance !== null && subject.routes.outcome === null,
    'routeOutcomeNeedsReferral',
    'the Performance Regulations',
  );
  const allowed = performance.grossIncompetence ? GROSS_INCOMPETENCE_OUTCOMES : UNSATISFACTORY_PERFORMANCE_OUTCOMES;
  ensure(
    isOneOf(allowed, command.outcome),
    'performanceOutcomeForProcedure',
    performance.grossIncompetence ? 'gross incompetence' : 'unsatisfactory performance',
  );
  ensureNotBefore(command.on, performance.referredOn, 'the referral');
  return [event('PerformanceOutcomeRecorded', payloadOf(command))];
}

export function decideProceedingsRoute(state: Case, command: ProceedingsRouteCommand): CaseEvent[] {
  if (command.type === 'DirectJointProceedings') return decideJointProceedings(state, command);
  const subject = requireSubject(state, command.subjectId);
  switch (command.type) {
    case 'PauseProceedings':
      ensure(!isMatterConcluded(subject), 'pauseNeedsLiveMatter');
      ensure(subject.routes.pausedSince === null, 'proceedingsAlreadyPaused');
      return [event('ProceedingsPaused', payloadOf(command))];
    case 'ResumeProceedings':
      ensure(subject.routes.pausedSince !== null, 'proceedingsNotPaused');
      ensureNotBefore(command.on, subject.routes.pausedSince, 'the pause');
      return [event('ProceedingsResumed', payloadOf(command))];
    case 'WithdrawProceedings':
      ensure(hasCaseToAnswer(subject) && !isMatterConcluded(subject), 'withdrawalNeedsProceedings');
      ensureNotBefore(command.on, subject.proceedings?.noticeServedOn, 'the notice of the proceedings');
      return [event('ProceedingsWithdrawn', payloadOf(command))];
    case 'ReferToPerformanceRegulations':
      ensureRouteOpen(subject);
      return [event('ReferredToPerformanceRegulations', payloadOf(command))];
    case 'RecordPerformanceOutcome':
      return decidePerformanceOutcome(subject, command);
    case 'ReferToVettingRegulations':
      ensureRouteOpen(subject);
      ensure(!isBeforeDay(command.on, VETTING_REFERRAL_FROM), 'vettingReferralNotInForce', command.on);
      return [event('ReferredToVettingRegulations', payloadOf(command))];
    case 'RecordVettingOutcome': {
      const referredOn = subject.routes.vettingReferredOn;
      ensure(
        subject.routes.route === 'VETTING' && referredOn !== null && subject.routes.outcome === null,
        'routeOutcomeNeedsReferral',
        'the Vetting Regulations',
      );
      ensureNotBefore(command.on, referredOn, 'the referral');
      return [event('VettingOutcomeRecorded', payloadOf(command))];
    }
    default: {
      const unhandled: never = command;
      throw new Error(`unknown proceedings route command ${JSON.stringify(unhandled)}`);
    }
  }
}
