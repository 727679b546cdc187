import { Module } from '@nestjs/common';
import { AccessModule } from '../../src/access/access.module';
import { CLOCK, LondonClock } from './clock';
import { TimelinessController } from './timeliness.controller';
import { TimelinessQueries } from './timeliness.queries';

/** `GET /cases/{caseId}/timeliness`; the projection itself runs in the ProjectionsModule. */
@Module({
  imports: [AccessModule],
  controllers: [TimelinessController],
  providers: [TimelinessQueries, { provide: CLOCK, useFactory: () => new LondonClock() }],
  exports: [CLOCK],
})
export class TimelinessModule {}
