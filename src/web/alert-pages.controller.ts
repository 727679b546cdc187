/**
 * The alerts page, `/early-intervention` (docs/web.md, "Early-intervention alerts"; not `/alerts`: that path's first segment is the API's, unprefixed for pages): the force's early-intervention alerts and its
 * thresholds with every change to them, read through `GET /alerts` and `GET /alerts/thresholds`'s
 * own methods, and a form for every alert command route (`POST /alerts/...`: set or remove a
 * threshold, acknowledge or disposition an alert), derived from the route and its body as a
 * case step's is (command-forms.ts), at `/early-intervention/steps/...` (command-step-pages.ts):
 * nothing here names a command.
 */
import { Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor } from '../http';
import type { Actor } from '../http';
import { AlertsController } from '../../projections';
import type { AlertPage, AlertThresholds } from '../../projections';
import { ApiReads, AsApiRead } from './api-reads';
import { CommandForms } from './command-forms';
import type { CommandForm } from './command-forms';
import { CommandStepPages, isAboutOne, offeredSteps, recordedStep, stepLink } from './command-step-pages';
import type { StepPlace } from './command-step-pages';
import type { PageRequest } from './configure-pages';
import { formText, labelOf } from './form-fields';
import { words } from './form-view';
import { PageErrorFilter } from './page-error.filter';
import { PageRenderer } from './page-renderer';
import { WebSessions } from './web-sessions';

/** Where the alert forms live: `/early-intervention/steps/...`, the command routes under `/api/v1/alerts`. */
export const ALERT_STEPS: StepPlace = {
  root: '/early-intervention',
  resource: 'alerts',
  title: 'Early-intervention alerts',
  section: 'alerts',
  records: 'alert or threshold',
};

@ApiExcludeController()
@Controller('early-intervention')
@UseFilters(PageErrorFilter)
export class AlertPagesController extends CommandStepPages {
  constructor(
    pages: PageRenderer,
    private readonly reads: ApiReads,
    forms: CommandForms,
    sessions: WebSessions,
  ) {
    super(pages, forms, sessions, ALERT_STEPS);
  }

  /** The force's alerts, each with the forms of its handling; the thresholds, with theirs, and every change. */
  @Get()
  @AsApiRead(AlertsController, 'list')
  async alerts(@Req() request: PageRequest, @Res() response: Response, @Query() query: Record<string, unknown>, @CurrentActor() actor: Actor): Promise<void> {
    const force = formText(query.force).toUpperCase();
    const given = force === '' ? {} : { force };
    const page = { request, response };
    const alerts = await this.reads.read<AlertsController, AlertPage>(AlertsController, 'list', page, { query: given });
    const thresholds = await this.reads.read<AlertsController, AlertThresholds>(AlertsController, 'thresholds', page, { query: given });
    const steps = offeredSteps(this.forms, ALERT_STEPS, actor);
    const about = (kind: CommandForm['aggregateId']) => steps.filter((form) => form.aggregateId === kind && isAboutOne(ALERT_STEPS, form));
    this.pages.render(request, response, 'alerts', {
      title: `Early-intervention alerts: ${thresholds.force}`,
      section: 'alerts',
      recorded: recordedStep(this.forms, ALERT_STEPS, actor, query.recorded),
      alerts: alerts.items.map((alert) => ({
        ...alert,
        // An alert dispositioned takes nothing more (alertAlreadyDispositioned); the others are judged when sent.
        steps: alert.status === 'DISPOSITIONED' ? [] : about('alertId').map((form) => stepLink(ALERT_STEPS, form, alert.alertId)),
      })),
      total: alerts.total,
      thresholds: thresholds.thresholds.map((threshold) => ({
        ...threshold,
        parameters: parametersOf(threshold),
        steps: about('thresholdId').map((form) => stepLink(ALERT_STEPS, form, threshold.thresholdId)),
      })),
      history: thresholds.history.map((change) => ({ ...change, parameters: parametersOf(change.data) })),
      newSteps: steps.filter((form) => !isAboutOne(ALERT_STEPS, form)).map((form) => stepLink(ALERT_STEPS, form)),
    });
  }
}

/** A threshold's parameters in words: its count and window, and what it counts. */
function parametersOf(threshold: object): string {
  const fields = threshold as Record<string, unknown>;
  const parts: string[] = [];
  for (const name of ['count', 'windowDays', 'category', 'standard', 'corruptionCategory', 'flag', 'percentile', 'personId']) {
    const value = fields[name];
    if (value === undefined || value === null) continue;
    parts.push(`${labelOf(name)}: ${words(value)}`);
  }
  return parts.join(', ');
}
