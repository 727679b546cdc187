import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CaseReadAccess } from '../../src/access/case-read-access';
import { CurrentActor } from '../../src/http';
import type { Actor } from '../../src/http';
import { FiguresRoute, negotiateFigures, readableForce } from '../common/figures-http';
import { InspectionFigures } from './inspection-figures';
import { InspectionMetricsQuery } from './inspection-metrics.dto';
import { INSPECTION_METRICS_PROJECTION } from './inspection-metrics.projection';
import { InspectionMetricsQueries } from './inspection-metrics.queries';

@ApiTags('metrics')
@Controller('metrics')
export class InspectionMetricsController {
  constructor(
    private readonly queries: InspectionMetricsQueries,
    private readonly access: CaseReadAccess,
  ) {}

  @Get('inspection')
  @FiguresRoute(INSPECTION_METRICS_PROJECTION, {
    operationId: 'ReadInspectionMetrics',
    response: 'InspectionFigures',
    summary: 'The inspection figures of a force for events dated in [from, to], of the cases the reader could open',
  })
  async inspection(
    @Query() query: InspectionMetricsQuery,
    @CurrentActor() actor: Actor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<InspectionFigures | string> {
    const force = readableForce(actor, query.force);
    // Need-to-know: the cases counted are those the reader could open, as in a list.
    const figures = await this.queries.figures({ force, from: query.from, to: query.to }, this.access.scope(actor));
    return negotiateFigures(request, response, figures);
  }
}
