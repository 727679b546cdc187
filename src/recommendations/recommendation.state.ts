/**
 * A recommendation as decide and the recommendations list need it, and `evolve` (pure,
 * never throws). Null before RecommendationMade.
 */
import { isBeforeDay } from '../common/days';
import type { RecommendationEvent, RecommendationSource } from './recommendation.events';

/** OPEN until the force responds; then ACCEPTED (until COMPLETED) or NOT_ACCEPTED. */
export type RecommendationStatus = 'OPEN' | 'ACCEPTED' | 'NOT_ACCEPTED' | 'COMPLETED';

export interface Recommendation {
  recommendationId: string;
  source: RecommendationSource;
  force: string;
  madeOn: string;
  dueOn: string;
  reference: string | null;
  /** The free text (`text`, `response`, each `action`) is as stored: a vault envelope, opened when read. */
  text: string;
  status: RecommendationStatus;
  respondedOn: string | null;
  response: string | null;
  actions: { on: string; action: string }[];
  completedOn: string | null;
}

export type RecommendationState = Recommendation | null;

export function evolve(state: RecommendationState, event: RecommendationEvent): RecommendationState {
  if (event.type === 'RecommendationMade') {
    const { recommendationId, source, force, madeOn, dueOn, reference, text } = event.data;
    const made: Recommendation = {
      recommendationId,
      source,
      force,
      madeOn,
      dueOn,
      reference: reference ?? null,
      text,
      status: 'OPEN',
      respondedOn: null,
      response: null,
      actions: [],
      completedOn: null,
    };
    return made;
  }
  if (state === null) return null;
  switch (event.type) {
    case 'RecommendationResponded':
      return { ...state, status: event.data.accepted ? 'ACCEPTED' : 'NOT_ACCEPTED', respondedOn: event.data.respondedOn, response: event.data.response };
    case 'RecommendationActionRecorded':
      return { ...state, actions: [...state.actions, { on: event.data.on, action: event.data.action }] };
    case 'RecommendationCompleted':
      return { ...state, status: 'COMPLETED', completedOn: event.data.completedOn };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

/** Past its due date and neither completed nor declined by the force. */
export function isOverdue(recommendation: Recommendation, today: string): boolean {
  const outstanding = recommendation.status === 'OPEN' || recommendation.status === 'ACCEPTED';
  return outstanding && isBeforeDay(recommendation.dueOn, today);
}
