/**
 * The recommendation rows of docs/api.md: `POST /recommendations`, and its response, actions and
 * completion under `/recommendations/{recommendationId}`.
 */
import type { Type } from '@nestjs/common';
import type { Role } from '../http';
import { commandRoute, givenOrNewId } from '../shared/command-routes';
import type { CommandRoute } from '../shared/command-routes';
import { forceOfEntry } from '../shared/force';
import {
  CompleteRecommendationBody,
  MakeRecommendationBody,
  RecommendationActionBody,
  RecommendationParams,
  RespondToRecommendationBody,
} from './dto/recommendation.dto';
import type { RecommendationCommand } from './recommendation.decide';
import type { RecommendationEvent, RecommendationEventDataMap, RecommendationEventType } from './recommendation.events';

/** The force records recommendations made to it and what it does about them; inspectors and auditors read. */
export const RECOMMENDATION_RECORDERS: readonly Role[] = ['PSD_INVESTIGATOR', 'ACU_INVESTIGATOR', 'APPROPRIATE_AUTHORITY', 'DCC'];
export const RECOMMENDATION_READERS: readonly Role[] = [...RECOMMENDATION_RECORDERS, 'INSPECTOR', 'AUDITOR'];

/** `POST /recommendations` has no path parameters: Object, which validation passes over. */
const NO_PARAMS = Object;

/** The command proposing `type` with these fields (the body's types were checked by the row). */
function proposal(recommendationId: string, type: RecommendationEventType, data: object): RecommendationCommand {
  const event = { type, data } as unknown as RecommendationEvent;
  return { recommendationId, event };
}

const make = commandRoute(
  { name: 'MakeRecommendation', path: '', params: NO_PARAMS, body: MakeRecommendationBody, roles: RECOMMENDATION_RECORDERS, events: 'RecommendationMade' },
  ({ type, fields: { force, ...fields } }, { context }) => {
    const recommendationId = givenOrNewId(fields, 'recommendationId', context);
    const data = { ...fields, recommendationId, force: forceOfEntry(context.actor, force) };
    return { command: proposal(recommendationId, type, data), ids: { recommendationId } };
  },
);

function step<K extends Exclude<RecommendationEventType, 'RecommendationMade'>>(name: string, path: string, type: K, body: Type<RecommendationEventDataMap[K]>): CommandRoute<RecommendationCommand> {
  const spec = { name, path: `:recommendationId/${path}`, params: RecommendationParams, body, roles: RECOMMENDATION_RECORDERS, events: type };
  return commandRoute(spec, ({ fields }, { params: { recommendationId } }) => ({ command: proposal(recommendationId, type, fields), ids: { recommendationId } }));
}

export const RECOMMENDATION_ROUTES: readonly CommandRoute<RecommendationCommand>[] = [
  make,
  step('RespondToRecommendation', 'response', 'RecommendationResponded', RespondToRecommendationBody),
  step('RecordRecommendationAction', 'actions', 'RecommendationActionRecorded', RecommendationActionBody),
  step('CompleteRecommendation', 'complete', 'RecommendationCompleted', CompleteRecommendationBody),
];
