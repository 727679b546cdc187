import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AccessPurpose } from '../../src/access/access-purpose';
import { CaseReadAccess, ReadsOneCase } from '../../src/access/case-read-access';
import { CurrentActor, ReadRoute, ReadsProjections } from '../../src/http';
import type { Actor } from '../../src/http';
import { CaseIdPipe } from '../common/case-id.pipe';
import { CaseFactsBeforeLoadingSource } from '../common/case-facts-before-loading';
import { CaseHistory } from './case-history';
import { CaseHistoryQuery } from './case-history.dto';
import { CaseHistoryReader } from './case-history.service';

@ApiTags('cases')
@Controller('cases')
export class CaseHistoryController {
  constructor(
    private readonly reader: CaseHistoryReader,
    private readonly access: CaseReadAccess,
    private readonly before: CaseFactsBeforeLoadingSource,
  ) {}

  @Get(':caseId/history')
  @ReadsOneCase()
  // Read from the stream itself, so there is no read model to wait for.
  @ReadsProjections()
  @ReadRoute({
    operationId: 'ReadCaseHistory',
    summary:
      'Every event of the case in stream order, each with its corrections; with asOf, only what had been recorded by then and the status as it then stood',
    response: 'CaseHistory',
    notFound: 'No such case the reader may open (the same answer, whichever).',
  })
  history(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Query() query: CaseHistoryQuery,
    @CurrentActor() actor: Actor,
    @AccessPurpose() purpose: string,
  ): Promise<CaseHistory> {
    // Decided on the case-status row before the stream is read or anything decrypted.
    return this.access.openCostly(
      { reader: actor, purpose, caseId },
      () => this.before.of(caseId),
      () => this.reader.load(caseId, query.asOf),
    );
  }
}
