import { Module } from '@nestjs/common';
import { CaseFactsBeforeLoadingSource } from '../case-status/case-facts-before-loading';
import { CaseStatusQueries } from '../case-status/case-status.queries';
import { AccessModule } from '../../src/access/access.module';
import { CaseHistoryController } from './case-history.controller';
import { CaseHistoryReader } from './case-history.service';

/** `GET /cases/{caseId}/history`: no projection of its own, it reads the case's stream. */
@Module({
  imports: [AccessModule],
  controllers: [CaseHistoryController],
  providers: [CaseHistoryReader, CaseStatusQueries, CaseFactsBeforeLoadingSource],
})
export class CaseHistoryModule {}
