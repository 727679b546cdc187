/**
 * The DCC's oversight page (docs/web.md): the dashboard of `GET /dashboards/dcc`, drawn by
 * that route's own method with the session's actor, so its roles, need-to-know and the
 * force a reader may see are the API's. Every row links to its case; a departure awaiting
 * approval links to the approve / refuse form of its subject. The force's early-intervention
 * alerts not yet dispositioned, by `GET /alerts`'s method, each linking to the person's record.
 */
import { Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Problem, Roles } from '../http';
import type { Actor } from '../http';
import { createValidationPipe } from '../http/validation';
import { AlertsController, DccDashboardQuery, DccOversightController } from '../../projections';
import { ALERT_READERS } from '../alerts/alert.routes';
import { barChart } from './bar-chart';
import { OVERSEERS } from './oversight-roles';
import type { PageRequest } from './configure-pages';
import { words } from './form-view';
import { PageErrorFilter } from './page-error.filter';
import { PageRenderer } from './page-renderer';

@ApiExcludeController()
@Controller('oversight')
@UseFilters(PageErrorFilter)
export class OversightController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly modules: ModuleRef,
  ) {}

  @Get()
  @Roles(...OVERSEERS)
  async oversight(
    @Req() request: PageRequest,
    @Res() response: Response,
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    const given = typeof query.force === 'string' && query.force.trim() !== '' ? { force: query.force.trim().toUpperCase() } : {};
    const api = this.modules.get(DccOversightController, { strict: false });
    let dashboard: Awaited<ReturnType<DccOversightController['dashboard']>>;
    try {
      const checked = (await createValidationPipe().transform(given, { type: 'query', metatype: DccDashboardQuery })) as DccDashboardQuery;
      dashboard = await api.dashboard(checked, actor);
    } catch (error) {
      // A national reader must name a force, and may name only a well-formed one: asked again on the page.
      if (!(error instanceof Problem) || error.getStatus() !== 400) throw error;
      const message = 'Enter the code of the force to oversee, for example HAMPSHIRE';
      return this.pages.render(
        request,
        response,
        'oversight',
        {
          title: 'Oversight',
          section: 'oversight',
          askForce: true,
          force: given.force ?? '',
          forceError: { text: message },
          errorList: [{ text: message, href: '#force' }],
        },
        given.force === undefined ? 200 : 400,
      );
    }
    const stages = Object.entries(dashboard.liveInvestigations.byStage).map(([stage, count]) => ({ label: words(stage), value: count }));
    // The backlog of the same force, by its own route's method: the same roles and need-to-know.
    const backlog = await api.backlog({ force: dashboard.force }, actor);
    // The force's alerts not yet dispositioned, by `GET /alerts`'s own method, for a reader of its roles.
    const readsAlerts = actor.roles.some((role) => ALERT_READERS.includes(role));
    const alerts = readsAlerts ? await this.modules.get(AlertsController, { strict: false }).list({ force: dashboard.force, open: true }, actor) : undefined;
    this.pages.render(request, response, 'oversight', {
      title: `Oversight: ${dashboard.force}`,
      section: 'oversight',
      dashboard,
      stages,
      stagesChart: barChart('Live investigations by stage', stages),
      backlog,
      alerts,
      trendChart: barChart(
        'Cases open at the end of each month',
        backlog.trend.map((month) => ({ label: month.month, value: month.openAtEnd })),
      ),
      outcomesChart: barChart(
        'Proven gross misconduct dismissed, by rank',
        dashboard.grossMisconductOutcomesByRank.map((row) => ({ label: words(row.rank), value: row.dismissed })),
      ),
    });
  }
}
