import { Module } from '@nestjs/common';
import { AccessModule } from '../../src/access/access.module';
import { LedgerModule } from '../../src/ledger/ledger.module';
import { CaseExportController } from './case-export.controller';
import { CaseExportBuilder } from './case-export.service';
import { CaseFactsBeforeLoadingSource } from '../common/case-facts-before-loading';

/** `GET /cases/{caseId}/export`: a case's record, verifiable offline. */
@Module({
  imports: [AccessModule, LedgerModule],
  controllers: [CaseExportController],
  providers: [CaseExportBuilder, CaseFactsBeforeLoadingSource],
})
export class CaseExportModule {}
