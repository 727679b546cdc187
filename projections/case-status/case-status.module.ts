import { Module } from '@nestjs/common';
import { AccessModule } from '../../src/access/access.module';
import { ClockModule } from '../../src/common/clock.module';
import { CaseStatusController } from './case-status.controller';
import { CaseFactsBeforeLoadingSource } from './case-facts-before-loading';
import { CaseStatusQueries } from './case-status.queries';

/**
 * `GET /cases` and `GET /cases/{caseId}`; the projection itself runs in the ProjectionsModule.
 * The costly reads of one case (history, export) import it to decide access from the row.
 */
@Module({
  imports: [AccessModule, ClockModule],
  controllers: [CaseStatusController],
  providers: [CaseStatusQueries, CaseFactsBeforeLoadingSource],
  exports: [CaseStatusQueries, CaseFactsBeforeLoadingSource],
})
export class CaseStatusModule {}
