import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AccessPurpose } from '../../src/access/access-purpose';
import { CaseReadAccess, ReadsOneCase } from '../../src/access/case-read-access';
import { CurrentActor, ReadRoute, ReadsProjections } from '../../src/http';
import type { Actor } from '../../src/http';
import { CaseIdPipe } from '../common/case-id.pipe';
import { CLOCK } from '../../src/common/clock';
import type { Clock } from '../../src/common/clock';
import { TIMELINESS_PROJECTION } from '../common/timeliness-views';
import { TimelinessQueries } from './timeliness.queries';
import { caseTimelinessView } from './timeliness-view';
import type { CaseTimelinessView } from './timeliness-view';

@ApiTags('cases')
@Controller('cases')
export class TimelinessController {
  constructor(
    private readonly queries: TimelinessQueries,
    private readonly access: CaseReadAccess,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':caseId/timeliness')
  @ReadsOneCase()
  @ReadsProjections(TIMELINESS_PROJECTION)
  @ReadRoute({
    operationId: 'ReadCaseTimeliness',
    summary: 'Days open, time between stages, and each statutory deadline, judged overdue or not as of today',
    response: 'CaseTimelinessView',
    notFound: 'No such case the reader may open (the same answer, whichever).',
  })
  async timeliness(@Param('caseId', CaseIdPipe) caseId: string, @CurrentActor() actor: Actor, @AccessPurpose() purpose: string): Promise<CaseTimelinessView> {
    const stored = await this.access.open({ reader: actor, purpose, caseId }, () => this.queries.caseTimeliness(caseId));
    return caseTimelinessView(stored, this.clock.today());
  }
}
