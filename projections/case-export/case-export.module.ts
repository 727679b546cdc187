import { Module } from '@nestjs/common';
import { CaseFactsBeforeLoadingSource } from '../case-status/case-facts-before-loading';
import { CaseStatusQueries } from '../case-status/case-status.queries';
import { AccessModule } from '../../src/access/access.module';
import { LedgerModule } from '../../src/ledger/ledger.module';
import { CaseExportController } from './case-export.controller';
import { CaseExportBuilder } from './case-export.service';

/** `GET /cases/{caseId}/export`: a case's record, verifiable offline. */
@Module({
  imports: [AccessModule, LedgerModule],
  controllers: [CaseExportController],
  providers: [CaseExportBuilder, CaseStatusQueries, CaseFactsBeforeLoadingSource],
})
export class CaseExportModule {}
