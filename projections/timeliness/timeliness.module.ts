import { Module } from '@nestjs/common';
import { AccessModule } from '../../src/access/access.module';
import { ClockModule } from '../../src/common/clock.module';
import { TimelinessController } from './timeliness.controller';
import { TimelinessQueries } from './timeliness.queries';

/** `GET /cases/{caseId}/timeliness`; the projection itself runs in the ProjectionsModule. */
@Module({
  imports: [AccessModule, ClockModule],
  controllers: [TimelinessController],
  providers: [TimelinessQueries],
  exports: [TimelinessQueries],
})
export class TimelinessModule {}
