import { Module } from '@nestjs/common';
import { AccessModule } from '../../src/access/access.module';
import { MisconductStatisticsController } from './misconduct-statistics.controller';
import { MisconductStatisticsQueries } from './misconduct-statistics.queries';

/** `GET /statistics/misconduct`; the projection itself runs in the ProjectionsModule. */
@Module({
  imports: [AccessModule],
  controllers: [MisconductStatisticsController],
  providers: [MisconductStatisticsQueries],
})
export class MisconductStatisticsModule {}
