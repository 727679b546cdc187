import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AccessPurpose } from '../../src/access/access-purpose';
import { CaseReadAccess, ReadsOneCase } from '../../src/access/case-read-access';
import { CurrentActor, ReadRoute, ReadsProjections } from '../../src/http';
import type { Actor } from '../../src/http';
import type { CaseExport } from '../../src/ledger/case-export';
import { CaseIdPipe } from '../common/case-id.pipe';
import { CaseFactsBeforeLoadingSource } from '../common/case-facts-before-loading';
import { CaseExportBuilder } from './case-export.service';

@ApiTags('cases')
@Controller('cases')
export class CaseExportController {
  constructor(
    private readonly exports: CaseExportBuilder,
    private readonly access: CaseReadAccess,
    private readonly before: CaseFactsBeforeLoadingSource,
  ) {}

  @Get(':caseId/export')
  @ReadsOneCase()
  // Read from the stream and the ledger itself: there is no read model to wait for.
  @ReadsProjections()
  @ReadRoute({
    operationId: 'ExportCase',
    response: 'CaseExport',
    notFound: 'No such case the reader may open (the same answer, whichever).',
    summary:
      'The case’s events from revision 0 with their chain hashes, the latest seal, and an inclusion proof per sealed event. ' +
      'Check it offline with `npm run ledger -- verify-export <file>`.',
  })
  export(@Param('caseId', CaseIdPipe) caseId: string, @CurrentActor() actor: Actor, @AccessPurpose() purpose: string): Promise<CaseExport> {
    // Decided on the case-status row before the stream is read, or a seal or proof looked up.
    return this.access.openCostly(
      { reader: actor, purpose, caseId },
      () => this.before.of(caseId),
      () => this.exports.load(caseId),
    );
  }
}
