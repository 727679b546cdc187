import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AccessPurpose } from '../../src/access/access-purpose';
import { CaseReadAccess, ReadsOneCase } from '../../src/access/case-read-access';
import { CurrentActor, ReadsProjections } from '../../src/http';
import type { Actor } from '../../src/http';
import { CaseIdPipe } from '../case-status/case-id.pipe';
import { CaseHistory } from './case-history';
import { CaseHistoryQuery } from './case-history.dto';
import { CaseHistoryReader } from './case-history.service';

@ApiTags('cases')
@Controller('cases')
export class CaseHistoryController {
  constructor(
    private readonly reader: CaseHistoryReader,
    private readonly access: CaseReadAccess,
  ) {}

  @Get(':caseId/history')
  @ReadsOneCase()
  // Read from the stream itself, so there is no read model to wait for.
  @ReadsProjections()
  history(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Query() query: CaseHistoryQuery,
    @CurrentActor() actor: Actor,
    @AccessPurpose() purpose: string,
  ): Promise<CaseHistory> {
    return this.access.open({ reader: actor, purpose, caseId }, () => this.reader.load(caseId, query.asOf));
  }
}
