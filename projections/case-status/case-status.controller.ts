import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AccessPurpose } from '../../src/access/access-purpose';
import { CaseReadAccess, ListsCases, ReadsOneCase } from '../../src/access/case-read-access';
import { CurrentActor, ReadRoute, ReadsProjections } from '../../src/http';
import type { Actor } from '../../src/http';
import { CaseIdPipe } from '../common/case-id.pipe';
import { CaseListQuery } from './case-status.dto';
import { CaseStatusItem } from '../common/case-status-item';
import { CASE_STATUS_PROJECTION } from '../common/case-status-views';
import { CaseStatusPage, CaseStatusQueries } from './case-status.queries';
import { TIMELINESS_PROJECTION } from '../common/timeliness-views';
import { ALLOCATION_PROJECTION } from '../common/allocation-views';

@ApiTags('cases')
@Controller('cases')
export class CaseStatusController {
  constructor(
    private readonly queries: CaseStatusQueries,
    private readonly access: CaseReadAccess,
  ) {}

  /** The cases the reader may open, newest first. */
  @Get()
  @ListsCases()
  @ReadsProjections(CASE_STATUS_PROJECTION, TIMELINESS_PROJECTION, ALLOCATION_PROJECTION)
  @ReadRoute({ operationId: 'ListCases', summary: 'The cases the reader may open, newest first', response: 'CaseStatusPage' })
  list(@Query() query: CaseListQuery, @CurrentActor() actor: Actor): Promise<CaseStatusPage> {
    return this.queries.list(query, this.access.scope(actor));
  }

  @Get(':caseId')
  @ReadsOneCase()
  @ReadsProjections(CASE_STATUS_PROJECTION, TIMELINESS_PROJECTION)
  @ReadRoute({
    operationId: 'ReadCase',
    summary: 'The case as it stands: stage, subjects, next deadline',
    response: 'CaseStatusItem',
    notFound: 'No such case the reader may open (the same answer, whichever).',
  })
  item(@Param('caseId', CaseIdPipe) caseId: string, @CurrentActor() actor: Actor, @AccessPurpose() purpose: string): Promise<CaseStatusItem> {
    return this.access.open({ reader: actor, purpose, caseId }, () => this.queries.find(caseId));
  }
}
