import { Module } from '@nestjs/common';
import { CaseStatusModule } from '../case-status/case-status.module';
import { AccessModule } from '../../src/access/access.module';
import { LedgerModule } from '../../src/ledger/ledger.module';
import { CaseExportController } from './case-export.controller';
import { CaseExportBuilder } from './case-export.service';

/** `GET /cases/{caseId}/export`: a case's record, verifiable offline. */
@Module({
  imports: [AccessModule, LedgerModule, CaseStatusModule],
  controllers: [CaseExportController],
  providers: [CaseExportBuilder],
})
export class CaseExportModule {}
