import { Module } from '@nestjs/common';
import { commandController } from '../shared/command-routes';
import { ExecuteRecommendationCommand, ExecuteRecommendationCommandHandler } from './recommendation.stream';
import { RECOMMENDATION_ROUTES } from './recommendation.routes';

/** `POST /recommendations` and its steps (docs/api.md, "Registers, recommendations, workforce"). */
export const RecommendationCommandsController = commandController({
  path: 'recommendations',
  tag: 'recommendations',
  name: 'RecommendationCommandsController',
  message: ExecuteRecommendationCommand,
  routes: RECOMMENDATION_ROUTES,
  aggregateId: 'recommendationId',
});

@Module({
  controllers: [RecommendationCommandsController],
  providers: [ExecuteRecommendationCommandHandler],
})
export class RecommendationsModule {}
