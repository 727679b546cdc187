import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CaseReadAccess } from '../../src/access/case-read-access';
import { CurrentActor } from '../../src/http';
import type { Actor } from '../../src/http';
import { FiguresRoute, negotiateFigures, readableForce } from '../common/figures-http';
import { MisconductStatisticsQuery } from './misconduct-statistics.dto';
import { MISCONDUCT_STATISTICS_PROJECTION } from './misconduct-statistics.projection';
import { MisconductStatisticsQueries } from './misconduct-statistics.queries';
import { MisconductStatistics } from './statistics-tables';

@ApiTags('statistics')
@Controller('statistics')
export class MisconductStatisticsController {
  constructor(
    private readonly queries: MisconductStatisticsQueries,
    private readonly access: CaseReadAccess,
  ) {}

  @Get('misconduct')
  @FiguresRoute(MISCONDUCT_STATISTICS_PROJECTION, {
    operationId: 'ReadMisconductStatistics',
    response: 'MisconductStatistics',
    summary: 'The annual misconduct statistics tables of a force for the financial year starting 1 April of `year`, of the cases the reader could open',
  })
  async misconduct(
    @Query() query: MisconductStatisticsQuery,
    @CurrentActor() actor: Actor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MisconductStatistics | string> {
    // Need-to-know: the cases counted are those the reader could open, as in a list.
    const statistics = await this.queries.statistics(readableForce(actor, query.force), query.year, this.access.scope(actor));
    return negotiateFigures(request, response, statistics);
  }
}
