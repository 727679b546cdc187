import { Module } from '@nestjs/common';
import { MisconductStatisticsController } from './misconduct-statistics.controller';
import { MisconductStatisticsQueries } from './misconduct-statistics.queries';

/** `GET /statistics/misconduct`; the projection itself runs in the ProjectionsModule. */
@Module({
  controllers: [MisconductStatisticsController],
  providers: [MisconductStatisticsQueries],
})
export class MisconductStatisticsModule {}
