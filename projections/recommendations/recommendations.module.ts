import { Module } from '@nestjs/common';
import { ClockModule } from '../../src/common/clock.module';
import { RecommendationsController } from './recommendations.controller';
import { RecommendationsQueries } from './recommendations.queries';

/** `GET /recommendations`; the projection runs in the ProjectionsModule; the clock is the shared one. */
@Module({
  imports: [ClockModule],
  controllers: [RecommendationsController],
  providers: [RecommendationsQueries],
})
export class RecommendationsReadModule {}
