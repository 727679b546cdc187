import { Module } from '@nestjs/common';
import { AccessModule } from '../../src/access/access.module';
import { AlertsController } from './alerts.controller';
import { AlertsQueries } from './alerts.queries';

/** `GET /alerts`, `GET /alerts/thresholds`, `GET /people/{personId}/alerts`; the projection runs in the ProjectionsModule. */
@Module({
  imports: [AccessModule],
  controllers: [AlertsController],
  providers: [AlertsQueries],
})
export class AlertsReadModule {}
