/**
 * A recommendation as the event store holds it (`recommendation-<id>`), how the one write
 * path (src/common/write-path.ts) decides and appends on it, and who may: the writer must act for the force the
 * recommendation was made to (404 otherwise, so another force's recommendations stay unseen).
 * Its free text (its `vaultText` fields) is sealed under the key of `recommendation-<id>`.
 */
import { NotFoundError } from '../common/domain-error';
import { actsForForce } from '../common/force';
import { deciderSlice } from '../common/write-path';
import { recommendationDecider } from './recommendation.decide';
import type { RecommendationCommand } from './recommendation.decide';
import { RECOMMENDATION_EVENT_DECLARATIONS } from './recommendation.events';
import type { RecommendationEvent } from './recommendation.events';
import type { RecommendationState } from './recommendation.state';

export const RECOMMENDATION_STREAM_PREFIX = 'recommendation-';

/**
 * Whose key encrypts a recommendation's free text (its text, response and actions). Such
 * text is about the people of the matter it arose from (an IOPC learning recommendation
 * comes out of a case), none of whom the events name: as for a case's free text, they are
 * one data subject per recommendation. Erasing `recommendation-<id>`
 * (POST /people/recommendation-<id>/erasure) erases that recommendation's free text and
 * nothing else; its source, force and dates stay.
 */
export function recommendationPersonId(recommendationId: string): string {
  return `recommendation-${recommendationId}`;
}

export const RECOMMENDATIONS = deciderSlice<RecommendationCommand, RecommendationEvent, RecommendationState>({
  decider: recommendationDecider,
  events: RECOMMENDATION_EVENT_DECLARATIONS,
  streamName: (command) => `${RECOMMENDATION_STREAM_PREFIX}${command.recommendationId}`,
  admit: (state, command, { actor }) => {
    if (state !== null && !actsForForce(actor, state.force)) throw recommendationNotFound(command.recommendationId);
  },
  // recommendationMustExist answers as another force's recommendation does.
  notFound: (command) => recommendationNotFound(command.recommendationId),
  personalData: { personOf: (command) => recommendationPersonId(command.recommendationId) },
});

function recommendationNotFound(recommendationId: string): NotFoundError {
  return new NotFoundError(`There is no recommendation ${recommendationId}.`);
}
