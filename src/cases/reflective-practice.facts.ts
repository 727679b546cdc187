/**
 * How the events of reflective-practice.events.ts and proceedings-routes.events.ts change the
 * case. Called by applyFact (case.facts.ts); never throws: a step for an unknown subject, or a
 * stage of a process never referred, leaves the case as it was.
 */
import type { CaseEvent } from './case.events';
import type { Case, SubjectState } from './case.state';
import type { PROCEEDINGS_ROUTE_EVENTS } from './proceedings-routes.events';
import type { SubjectRoute } from './reflective-practice.enums';
import type { REFLECTIVE_PRACTICE_EVENTS } from './reflective-practice.events';
import type { ReflectivePracticeProcess, SubjectRoutes } from './reflective-practice.state';

export type SubjectRouteEventType = keyof typeof REFLECTIVE_PRACTICE_EVENTS | keyof typeof PROCEEDINGS_ROUTE_EVENTS;
export type SubjectRouteEvent = Extract<CaseEvent, { type: SubjectRouteEventType }>;

type SubjectChange = (subject: SubjectState) => Partial<SubjectState>;
type WithSubject = (state: Case, subjectId: string, change: SubjectChange) => Case;

const notSuspended = { suspension: 'NONE', suspendedSince: null } as const;

/** The routes with the matter moved to `route` on `on` (a move to the route it is on changes nothing). */
export function routedTo(routes: SubjectRoutes, route: SubjectRoute, on: string): SubjectRoutes {
  if (routes.route === route) return routes;
  return { ...routes, route, history: [...routes.history, { route, from: on }] };
}

/** ReflectivePracticeReviewStarted (case.facts.ts): a new run of the process, and the route it puts the matter on. */
export function reflectivePracticeReferred(routes: SubjectRoutes, on: string): SubjectRoutes {
  const process: ReflectivePracticeProcess = {
    referredOn: on,
    noticeOn: null,
    accountOn: null,
    factFindingOn: null,
    discussionOn: null,
    report: null,
    actionsReviewedOn: null,
    pdrFollowUpOn: null,
    engagementFailed: null,
  };
  return { ...routedTo(routes, 'REFLECTIVE_PRACTICE', on), reflectivePractice: process };
}

function withProcess(subject: SubjectState, change: (process: ReflectivePracticeProcess) => Partial<ReflectivePracticeProcess>): Partial<SubjectState> {
  const process = subject.routes.reflectivePractice;
  if (process === null) return {};
  return { routes: { ...subject.routes, reflectivePractice: { ...process, ...change(process) } } };
}

/**
 * Back to the misconduct route after a failure to engage: the determination that sent the
 * matter to reflective practice (practice requiring improvement, no case to answer, no
 * proceedings) no longer stands, so the matter waits for a new assessment or decision.
 */
function backToMisconduct(subject: SubjectState): Partial<SubjectState> {
  const decided = subject.caseToAnswer === 'PRACTICE_REQUIRING_IMPROVEMENT' || subject.caseToAnswer === 'NO_CASE_TO_ANSWER' || subject.noProceedings;
  return {
    severity: subject.severity === 'PRACTICE_REQUIRING_IMPROVEMENT' ? null : subject.severity,
    ...(decided ? { caseToAnswer: null, noProceedings: false } : {}),
  };
}

function engagementFailed(subject: SubjectState, event: Extract<SubjectRouteEvent, { type: 'ReflectivePracticeEngagementFailed' }>): Partial<SubjectState> {
  const { on, referredTo } = event.data;
  const process = subject.routes.reflectivePractice;
  if (process === null) return {};
  const routes = routedTo({ ...subject.routes, reflectivePractice: { ...process, engagementFailed: { on, referredTo } } }, referredTo, on);
  const performance = referredTo === 'PERFORMANCE' ? { performance: { referredOn: on, grossIncompetence: false } } : {};
  return {
    reflectivePractice: 'NONE',
    routes: { ...routes, ...performance },
    ...(referredTo === 'MISCONDUCT' ? backToMisconduct(subject) : {}),
  };
}

function subjectChange(event: SubjectRouteEvent): SubjectChange | null {
  switch (event.type) {
    case 'ReflectivePracticeNoticeGiven':
      return (subject) => withProcess(subject, () => ({ noticeOn: event.data.on }));
    case 'ReflectiveAccountGiven':
      return (subject) => withProcess(subject, () => ({ accountOn: event.data.on }));
    case 'ReflectiveFactFindingCompleted':
      return (subject) => withProcess(subject, () => ({ factFindingOn: event.data.on }));
    case 'ReflectiveReviewDiscussionHeld':
      return (subject) => withProcess(subject, () => ({ discussionOn: event.data.on }));
    case 'ReflectiveReviewReportAgreed': {
      const { on, actionsDueOn, reviewPeriodEndsOn } = event.data;
      return (subject) => withProcess(subject, () => ({ report: { agreedOn: on, actionsDueOn, reviewPeriodEndsOn } }));
    }
    case 'ReflectiveActionsReviewed':
      return (subject) => withProcess(subject, () => ({ actionsReviewedOn: event.data.on }));
    case 'ReflectivePdrFollowUpHeld':
      return (subject) => withProcess(subject, () => ({ pdrFollowUpOn: event.data.on }));
    case 'ReflectivePracticeEngagementFailed':
      return (subject) => engagementFailed(subject, event);
    case 'ProceedingsPaused':
      return (subject) => ({ routes: { ...subject.routes, pausedSince: event.data.on } });
    case 'ProceedingsResumed':
      return (subject) => ({ routes: { ...subject.routes, pausedSince: null } });
    case 'ProceedingsWithdrawn':
      // reg 11: a suspension lasts until it is decided that no proceedings follow.
      return (subject) => ({ ...notSuspended, routes: { ...subject.routes, withdrawnOn: event.data.on, pausedSince: null } });
    case 'ReferredToPerformanceRegulations': {
      const { on, grossIncompetence } = event.data;
      return (subject) => ({ routes: { ...routedTo(subject.routes, 'PERFORMANCE', on), performance: { referredOn: on, grossIncompetence } } });
    }
    case 'PerformanceOutcomeRecorded': {
      const { on, outcome } = event.data;
      return (subject) => ({ ...notSuspended, routes: { ...subject.routes, outcome: { route: 'PERFORMANCE', outcome, on } } });
    }
    case 'ReferredToVettingRegulations':
      return (subject) => ({ routes: { ...routedTo(subject.routes, 'VETTING', event.data.on), vettingReferredOn: event.data.on } });
    case 'VettingOutcomeRecorded': {
      const { on, outcome } = event.data;
      return (subject) => ({ ...notSuspended, routes: { ...subject.routes, outcome: { route: 'VETTING', outcome, on } } });
    }
    case 'JointProceedingsDirected':
      return null;
    default: {
      const unhandled: never = event;
      void unhandled;
      return null;
    }
  }
}

export function applySubjectRouteFact(state: Case, event: SubjectRouteEvent, withSubject: WithSubject): Case {
  if (event.type === 'JointProceedingsDirected') {
    const subjectIds = event.data.subjects.map(({ subjectId }) => subjectId);
    return { ...state, jointProceedings: [...state.jointProceedings, { on: event.data.on, subjectIds }] };
  }
  const change = subjectChange(event);
  return change === null ? state : withSubject(state, event.data.subjectId, change);
}
