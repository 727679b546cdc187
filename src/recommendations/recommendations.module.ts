import { Module } from '@nestjs/common';
import { RecommendationCommandsController } from './recommendation.controller';

/** `POST /recommendations` and its steps (docs/api.md, "Registers, recommendations, workforce"), sent to the one write path. */
@Module({
  controllers: [RecommendationCommandsController],
})
export class RecommendationsModule {}
