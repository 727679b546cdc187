import { Module } from '@nestjs/common';
import { AccessModule } from '../../src/access/access.module';
import { ComplaintStatisticsController } from './complaint-statistics.controller';
import { ComplaintStatisticsQueries } from './complaint-statistics.queries';

/** `GET /statistics/complaints`; the projection itself runs in the ProjectionsModule. */
@Module({
  imports: [AccessModule],
  controllers: [ComplaintStatisticsController],
  providers: [ComplaintStatisticsQueries],
})
export class ComplaintStatisticsModule {}
