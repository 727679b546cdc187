/**
 * decide(command, state) → the events to append, or a DomainError naming the rule. As for
 * the registers, a command proposes one event, which decide accepts unchanged or refuses.
 */
import { isBeforeDay } from '../common/days';
import type { Decider } from '../common/decider';
import type { RecommendationEvent } from './recommendation.events';
import { ensure, ensureNotBefore, refuse } from './recommendation.rule-book';
import type { Recommendation, RecommendationState } from './recommendation.state';
import { evolve } from './recommendation.state';

export interface RecommendationCommand {
  recommendationId: string;
  event: RecommendationEvent;
}

export function decide(command: RecommendationCommand, state: RecommendationState): RecommendationEvent[] {
  const { event } = command;
  if (event.type === 'RecommendationMade') {
    ensure(state === null, 'recommendationAlreadyMade');
    ensure(!isBeforeDay(event.data.dueOn, event.data.madeOn), 'dueBeforeMade');
    return [event];
  }
  if (state === null) return refuse('recommendationMustExist', command.recommendationId);
  ensure(state.status !== 'COMPLETED', 'recommendationCompleted');
  switch (event.type) {
    case 'RecommendationResponded':
      ensure(state.status === 'OPEN', 'alreadyResponded');
      ensureNotBefore(event.data.respondedOn, state.madeOn, 'the recommendation');
      break;
    case 'RecommendationActionRecorded':
      ensure(state.status === 'ACCEPTED', 'actionNeedsAcceptance');
      ensureNotBefore(event.data.on, acceptedOn(state), 'the acceptance');
      break;
    case 'RecommendationCompleted':
      ensure(state.status === 'ACCEPTED', 'completionNeedsAcceptance');
      ensure(state.actions.length > 0, 'completionNeedsAction');
      ensureNotBefore(event.data.completedOn, acceptedOn(state), 'the acceptance');
      break;
    default: {
      const unhandled: never = event;
      throw new Error(`unknown recommendation event ${JSON.stringify(unhandled)}`);
    }
  }
  return [event];
}

/** Asked only of an accepted recommendation, which has been responded to. */
function acceptedOn(state: Recommendation): string {
  return state.respondedOn ?? state.madeOn;
}

export const recommendationDecider: Decider<RecommendationCommand, RecommendationEvent, RecommendationState> = {
  initialState: null,
  decide,
  evolve,
};
