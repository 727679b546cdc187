/**
 * The alerts page, `/early-intervention` (docs/web.md, "Early-intervention alerts"; not `/alerts`: that path's first segment is the API's, unprefixed for pages): the force's early-intervention alerts and its
 * thresholds with every change to them, read through `GET /alerts` and `GET /alerts/thresholds`'s
 * own methods, and a form for every alert command route (`POST /alerts/...`: set or remove a
 * threshold, acknowledge or disposition an alert), derived from the route and its body as a
 * case step's is (command-forms.ts): nothing here names a command.
 */
import { Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { NotFoundError } from '../common/domain-error';
import { CurrentActor } from '../http';
import type { Actor } from '../http';
import { canonicalUuid } from '../http/uuid';
import { AlertsController } from '../../projections';
import type { AlertPage, AlertThresholds } from '../../projections';
import { ApiReads, AsApiRead } from './api-reads';
import { CommandForms } from './command-forms';
import type { CommandForm } from './command-forms';
import type { PageRequest } from './configure-pages';
import { labelOf } from './form-fields';
import type { FormValues } from './form-fields';
import { controlsOf, words } from './form-view';
import { PageErrorFilter } from './page-error.filter';
import { PageRenderer } from './page-renderer';
import { formNamed, formsFor, sendForm } from './send-form';
import { WebSessions } from './web-sessions';

@ApiExcludeController()
@Controller('early-intervention')
@UseFilters(PageErrorFilter)
export class AlertPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly reads: ApiReads,
    readonly forms: CommandForms,
    readonly sessions: WebSessions,
  ) {}

  /** The force's alerts, each with the forms of its handling; the thresholds, with theirs, and every change. */
  @Get()
  @AsApiRead(AlertsController, 'list')
  async alerts(@Req() request: PageRequest, @Res() response: Response, @Query() query: Record<string, unknown>, @CurrentActor() actor: Actor): Promise<void> {
    const force = text(query.force).toUpperCase();
    const given = force === '' ? {} : { force };
    const page = { request, response };
    const alerts = await this.reads.read<AlertsController, AlertPage>(AlertsController, 'list', page, { query: given });
    const thresholds = await this.reads.read<AlertsController, AlertThresholds>(AlertsController, 'thresholds', page, { query: given });
    const steps = this.stepsOf(actor);
    const about = (kind: CommandForm['aggregateId']) => steps.filter((form) => form.aggregateId === kind && form.apiPath.includes(`{${kind}}`));
    const recorded = text(query.recorded);
    this.pages.render(request, response, 'alerts', {
      title: `Early-intervention alerts: ${thresholds.force}`,
      section: 'alerts',
      recorded: this.forms.form(recorded) !== undefined && steps.some((form) => form.operationId === recorded) ? recorded : undefined,
      alerts: alerts.items.map((alert) => ({
        ...alert,
        // An alert dispositioned takes nothing more (alertAlreadyDispositioned); the others are judged when sent.
        steps: alert.status === 'DISPOSITIONED' ? [] : about('alertId').map((form) => link(form, alert.alertId)),
      })),
      total: alerts.total,
      thresholds: thresholds.thresholds.map((threshold) => ({
        ...threshold,
        parameters: parametersOf(threshold),
        steps: about('thresholdId').map((form) => link(form, threshold.thresholdId)),
      })),
      history: thresholds.history.map((change) => ({ ...change, parameters: parametersOf(change.data) })),
      newSteps: steps.filter((form) => !form.apiPath.includes(`{${form.aggregateId}}`)).map((form) => link(form)),
    });
  }

  @Get('steps/:operationId')
  newStepForm(@Req() request: PageRequest, @Res() response: Response, @Param('operationId') operationId: string, @CurrentActor() actor: Actor): void {
    this.renderStep(request, response, this.stepOf(operationId, actor), undefined, {}, {});
  }

  @Get('steps/:operationId/:id')
  stepForm(
    @Req() request: PageRequest,
    @Res() response: Response,
    @Param('operationId') operationId: string,
    @Param('id') id: string,
    @CurrentActor() actor: Actor,
  ): void {
    this.renderStep(request, response, this.stepOf(operationId, actor), idOf(id), {}, {});
  }

  @Post('steps/:operationId')
  sendNew(@Req() request: PageRequest, @Res() response: Response, @Param('operationId') operationId: string, @CurrentActor() actor: Actor): Promise<void> {
    return this.send(request, response, this.stepOf(operationId, actor), undefined);
  }

  @Post('steps/:operationId/:id')
  sendAbout(
    @Req() request: PageRequest,
    @Res() response: Response,
    @Param('operationId') operationId: string,
    @Param('id') id: string,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    return this.send(request, response, this.stepOf(operationId, actor), idOf(id));
  }

  /** Sends the command down its route, as `POST /alerts/...` would; draws the form again with what refused it. */
  private async send(request: PageRequest, response: Response, form: CommandForm, id: string | undefined): Promise<void> {
    const params: Record<string, string> = id === undefined ? {} : { [form.aggregateId]: id };
    const refusal = await sendForm(this, { request, response }, form, params);
    if (refusal === undefined) return response.redirect(303, `/early-intervention?recorded=${form.operationId}`);
    this.renderStep(request, response, form, id, request.body as FormValues, refusal.errors, refusal.summary, refusal.status);
  }

  private renderStep(
    request: PageRequest,
    response: Response,
    form: CommandForm,
    id: string | undefined,
    values: FormValues,
    errors: Record<string, string>,
    summary: { text: string; href: string }[] = [],
    status = 200,
  ): void {
    const { action } = link(form, id);
    this.pages.render(
      request,
      response,
      'step',
      {
        title: words(form.operationId),
        caption: id === undefined ? 'Early-intervention alerts' : `${words(form.aggregateId.replace(/Id$/, ''))} ${id}`,
        section: 'alerts',
        backLink: '/early-intervention',
        form,
        action,
        idempotencyKey: canonicalUuid(text(values._idempotencyKey)) ?? randomUUID(),
        controls: controlsOf(form.fields, values, errors),
        errorList: summary,
      },
      status,
    );
  }

  /** The alert command routes the actor may send. */
  private stepsOf(actor: Actor): CommandForm[] {
    return formsFor(this.forms.alertSteps(), actor);
  }

  private stepOf(operationId: string, actor: Actor): CommandForm {
    return formNamed(this.forms.alertSteps(), operationId, actor);
  }
}

/** The page of a form: about an alert or a threshold (its id in the path), or a new threshold. */
function link(form: CommandForm, id?: string): { operationId: string; text: string; action: string } {
  const about = form.apiPath.includes(`{${form.aggregateId}}`);
  const action = about && id !== undefined ? `/early-intervention/steps/${form.operationId}/${id}` : `/early-intervention/steps/${form.operationId}`;
  return { operationId: form.operationId, text: words(form.operationId), action };
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

function idOf(value: string): string {
  const id = canonicalUuid(value);
  if (id === undefined) throw new NotFoundError('There is no such alert or threshold.');
  return id;
}

function text(value: unknown): string {
  return (Array.isArray(value) ? String(value[0] ?? '') : typeof value === 'string' ? value : '').trim();
}
