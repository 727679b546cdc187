import { Module } from '@nestjs/common';
import { AccessModule } from '../../src/access/access.module';
import { ClockModule } from '../../src/common/clock.module';
import { CaseStatusController } from './case-status.controller';
import { CaseStatusQueries } from './case-status.queries';

/** `GET /cases` and `GET /cases/{caseId}`; the projection itself runs in the ProjectionsModule. */
@Module({
  imports: [AccessModule, ClockModule],
  controllers: [CaseStatusController],
  providers: [CaseStatusQueries],
  // The pages (src/web) list cases through the same queries.
  exports: [CaseStatusQueries],
})
export class CaseStatusModule {}
