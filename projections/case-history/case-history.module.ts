import { Module } from '@nestjs/common';
import { CaseStatusModule } from '../case-status/case-status.module';
import { AccessModule } from '../../src/access/access.module';
import { CaseHistoryController } from './case-history.controller';
import { CaseHistoryReader } from './case-history.service';

/** `GET /cases/{caseId}/history`: no projection of its own, it reads the case's stream. */
@Module({
  imports: [AccessModule, CaseStatusModule],
  controllers: [CaseHistoryController],
  providers: [CaseHistoryReader],
  exports: [CaseHistoryReader],
})
export class CaseHistoryModule {}
