import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CaseReadAccess } from '../../src/access/case-read-access';
import { CurrentActor } from '../../src/http';
import type { Actor } from '../../src/http';
import { FiguresRoute, negotiateFigures, readableForce } from '../common/figures-http';
import { ComplaintStatistics } from './complaint-figures';
import { ComplaintStatisticsQuery } from './complaint-statistics.dto';
import { COMPLAINT_STATISTICS_PROJECTION } from './complaint-statistics.projection';
import { ComplaintStatisticsQueries } from './complaint-statistics.queries';

@ApiTags('statistics')
@Controller('statistics')
export class ComplaintStatisticsController {
  constructor(
    private readonly queries: ComplaintStatisticsQueries,
    private readonly access: CaseReadAccess,
  ) {}

  @Get('complaints')
  @FiguresRoute(COMPLAINT_STATISTICS_PROJECTION, {
    operationId: 'ReadComplaintStatistics',
    response: 'ComplaintStatistics',
    summary: 'The IOPC complaints statistics of a force for [from, to], of the cases the reader could open',
  })
  async complaints(
    @Query() query: ComplaintStatisticsQuery,
    @CurrentActor() actor: Actor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ComplaintStatistics | string> {
    // Need-to-know: the cases counted are those the reader could open, as in a list.
    const statistics = await this.queries.statistics(readableForce(actor, query.force), query.from, query.to, this.access.scope(actor));
    return negotiateFigures(request, response, statistics);
  }
}
