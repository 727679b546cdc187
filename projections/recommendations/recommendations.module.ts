import { Module } from '@nestjs/common';
import { TimelinessModule } from '../timeliness/timeliness.module';
import { RecommendationsController } from './recommendations.controller';
import { RecommendationsQueries } from './recommendations.queries';

/** `GET /recommendations`; the projection runs in the ProjectionsModule; the clock is timeliness's. */
@Module({
  imports: [TimelinessModule],
  controllers: [RecommendationsController],
  providers: [RecommendationsQueries],
})
export class RecommendationsReadModule {}
