import { Module } from '@nestjs/common';
import { AccessModule } from '../../src/access/access.module';
import { InspectionMetricsController } from './inspection-metrics.controller';
import { InspectionMetricsQueries } from './inspection-metrics.queries';

/** `GET /metrics/inspection`; the projection itself runs in the ProjectionsModule. */
@Module({
  imports: [AccessModule],
  controllers: [InspectionMetricsController],
  providers: [InspectionMetricsQueries],
})
export class InspectionMetricsModule {}
