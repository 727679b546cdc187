import { Module } from '@nestjs/common';
import { commandController } from '../shared/command-routes';
import { RECOMMENDATIONS } from './recommendation.stream';
import { RECOMMENDATION_ROUTES } from './recommendation.routes';

/** `POST /recommendations` and its steps (docs/api.md, "Registers, recommendations, workforce"). */
export const RecommendationCommandsController = commandController({
  path: 'recommendations',
  tag: 'recommendations',
  name: 'RecommendationCommandsController',
  slice: RECOMMENDATIONS,
  routes: RECOMMENDATION_ROUTES,
  aggregateId: 'recommendationId',
});

/** The recommendation commands' HTTP routes, sent to the one write path (src/shared/write-path.ts). */
@Module({
  controllers: [RecommendationCommandsController],
})
export class RecommendationsModule {}
