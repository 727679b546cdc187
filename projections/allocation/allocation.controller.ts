import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { CaseReadAccess, ListsCases } from '../../src/access/case-read-access';
import { CurrentActor, ReadRoute, ReadsProjections } from '../../src/http';
import type { Actor } from '../../src/http';
import { CLOCK } from '../../src/common/clock';
import type { Clock } from '../../src/common/clock';
import { IdField } from '../../src/common/dto-fields';
import { ALLOCATION_PROJECTION } from '../common/allocation-views';
import { TIMELINESS_PROJECTION } from '../common/timeliness-views';
import { AllocationQueries } from './allocation.queries';
import type { Caseload, UnallocatedCases } from './allocation.queries';

export class CaseloadQuery {
  @IdField({ optional: true, description: "The investigator's person id; the reader's own caseload when left out" })
  investigatorId?: string;
}

export class UnallocatedQuery {
  @ApiPropertyOptional({ description: 'Force code, e.g. HAMPSHIRE; every force the reader may list when left out' })
  @IsOptional()
  @Matches(/^[A-Z][A-Z0-9_]{0,59}$/, { message: 'force must be a force code such as HAMPSHIRE' })
  force?: string;
}

/** Who investigates what (issue 16): read by anyone who lists cases, and showing only the cases they may open. */
@ApiTags('allocation')
@Controller('allocation')
export class AllocationController {
  constructor(
    private readonly queries: AllocationQueries,
    private readonly access: CaseReadAccess,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('caseload')
  @ListsCases()
  @ReadsProjections(ALLOCATION_PROJECTION, TIMELINESS_PROJECTION)
  @ReadRoute({
    operationId: 'ReadCaseload',
    response: 'Caseload',
    summary: "An investigator's live cases, their part and subjects in each, and the overdue steps (the reader's own when no investigatorId)",
  })
  caseload(@Query() query: CaseloadQuery, @CurrentActor() actor: Actor): Promise<Caseload> {
    return this.queries.caseload(query.investigatorId ?? actor.userId, this.access.scope(actor), this.clock.today());
  }

  @Get('unallocated')
  @ListsCases()
  @ReadsProjections(ALLOCATION_PROJECTION)
  @ReadRoute({ operationId: 'ListUnallocatedCases', response: 'UnallocatedCases', summary: 'Live cases with no investigator, the longest waiting first' })
  unallocated(@Query() query: UnallocatedQuery, @CurrentActor() actor: Actor): Promise<UnallocatedCases> {
    return this.queries.unallocated(query.force, this.access.scope(actor), this.clock.today());
  }
}
