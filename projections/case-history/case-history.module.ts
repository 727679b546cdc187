import { Module } from '@nestjs/common';
import { AccessModule } from '../../src/access/access.module';
import { CaseHistoryController } from './case-history.controller';
import { CaseHistoryReader } from './case-history.service';
import { CaseFactsBeforeLoadingSource } from '../common/case-facts-before-loading';

/** `GET /cases/{caseId}/history`: no projection of its own, it reads the case's stream. */
@Module({
  imports: [AccessModule],
  controllers: [CaseHistoryController],
  providers: [CaseHistoryReader, CaseFactsBeforeLoadingSource],
  exports: [CaseHistoryReader],
})
export class CaseHistoryModule {}
