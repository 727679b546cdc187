import { Module } from '@nestjs/common';
import { ClockModule } from '../common/clock.module';
import { AlertCommandsController } from './alert.controller';
import { AlertReactor } from './alert-reactor';

/** The alert commands' routes and the reactor that raises alerts, both sending to the one write path. */
@Module({
  imports: [ClockModule],
  controllers: [AlertCommandsController],
  providers: [AlertReactor],
})
export class AlertsModule {}
