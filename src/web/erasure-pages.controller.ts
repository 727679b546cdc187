/**
 * The erasure page, `/erasure` (docs/web.md, "Erasure"), an ADMIN's: the erasure requests
 * waiting for a second ADMIN, read through `GET /erasure-requests`'s own method (ids, states,
 * users and instants: an ADMIN reads no person), each with the forms of its approval and
 * withdrawal, and a form to ask for one; the waiting period and the two-ADMIN rule stated.
 * The forms are derived from the erasure command routes (`POST /people/{personId}/erasure`,
 * `…/erasure/approval`, `…/erasure/withdrawal`, src/vault/erasure.controller.ts) as a case
 * step's are (command-forms.ts), sent through the route's own method (send-form.ts) and
 * refused with the erasure rule book's words and source (form-refusal.ts).
 */
import { Controller, Get, Inject, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { formatDuration, intervalToDuration } from 'date-fns';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/configuration';
import { NotFoundError } from '../common/domain-error';
import { CurrentActor } from '../http';
import type { Actor } from '../http';
import { canonicalUuid } from '../http/uuid';
import { ErasureRequestsController } from '../../projections';
import type { ErasureRequestPage } from '../../projections';
import { ApiReads, AsApiRead } from './api-reads';
import { CommandForms } from './command-forms';
import type { CommandForm } from './command-forms';
import type { PageRequest } from './configure-pages';
import type { FormValues } from './form-fields';
import { ruleInWords } from './form-refusal';
import { controlsOf, fieldId, words } from './form-view';
import type { Control } from './form-view';
import { PageErrorFilter } from './page-error.filter';
import { PageRenderer } from './page-renderer';
import { formNamed, formsFor, sendForm } from './send-form';
import { ERASURE_RULES } from '../vault/erasure';
import { WebSessions } from './web-sessions';

/** The erasure command routes' root in the API: asking is the route at it, approving and withdrawing the routes under it. */
export const ERASURE_ROUTES = 'people/{personId}/erasure';
const PERSON_ID = 'personId';

@ApiExcludeController()
@Controller('erasure')
@UseFilters(PageErrorFilter)
export class ErasurePagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly reads: ApiReads,
    readonly forms: CommandForms,
    readonly sessions: WebSessions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The requests waiting for approval, each with its forms; the form to ask for one; the rules. */
  @Get()
  @AsApiRead(ErasureRequestsController, 'list')
  async requests(@Req() request: PageRequest, @Res() response: Response, @CurrentActor() actor: Actor): Promise<void> {
    const waiting = await this.reads.read<ErasureRequestsController, ErasureRequestPage>(ErasureRequestsController, 'list', { request, response });
    const steps = this.stepsOf(actor);
    const recorded = typeof request.query.recorded === 'string' ? request.query.recorded : '';
    this.pages.render(request, response, 'erasure', {
      title: 'Erasure of personal data',
      section: 'erasure',
      recorded: steps.some((form) => form.operationId === recorded) ? recorded : undefined,
      rules: this.rules(),
      requests: waiting.items.map((item) => ({ ...item, steps: steps.filter(isAboutARequest).map((form) => link(form, item.personId)) })),
      total: waiting.total,
      newSteps: steps.filter((form) => !isAboutARequest(form)).map((form) => link(form)),
    });
  }

  @Get('steps/:operationId')
  newStepForm(@Req() request: PageRequest, @Res() response: Response, @Param('operationId') operationId: string, @CurrentActor() actor: Actor): void {
    this.renderStep(request, response, this.stepOf(operationId, actor, false), undefined, {}, {});
  }

  @Get('steps/:operationId/:personId')
  stepForm(
    @Req() request: PageRequest,
    @Res() response: Response,
    @Param('operationId') operationId: string,
    @Param('personId') personId: string,
    @CurrentActor() actor: Actor,
  ): void {
    this.renderStep(request, response, this.stepOf(operationId, actor, true), personId, {}, {});
  }

  @Post('steps/:operationId')
  sendNew(@Req() request: PageRequest, @Res() response: Response, @Param('operationId') operationId: string, @CurrentActor() actor: Actor): Promise<void> {
    const values = request.body as FormValues;
    return this.send(request, response, this.stepOf(operationId, actor, false), text(values[`path.${PERSON_ID}`]), false);
  }

  @Post('steps/:operationId/:personId')
  sendAbout(
    @Req() request: PageRequest,
    @Res() response: Response,
    @Param('operationId') operationId: string,
    @Param('personId') personId: string,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    return this.send(request, response, this.stepOf(operationId, actor, true), personId, true);
  }

  /**
   * Sends the command down its route, as `POST /people/{personId}/erasure...` would; draws the
   * form again with what refused it. A person the ADMIN's force holds no record of is answered
   * on the form asking for an erasure (its id was typed there), with its rule; the same answer
   * whether the person exists elsewhere or not, as over HTTP.
   */
  private async send(request: PageRequest, response: Response, form: CommandForm, personId: string, about: boolean): Promise<void> {
    const values = request.body as FormValues;
    try {
      const refusal = await sendForm(this, { request, response }, form, { [PERSON_ID]: personId });
      if (refusal === undefined) return response.redirect(303, `/erasure?recorded=${form.operationId}`);
      this.renderStep(request, response, form, about ? personId : undefined, values, refusal.errors, refusal.summary, refusal.status);
    } catch (error) {
      if (about || !(error instanceof NotFoundError) || error.rule === undefined) throw error;
      const summary = [{ text: `This step is refused: ${ruleInWords(error.rule)}. Rule ${error.rule}.`, href: `#${fieldId(PERSON_ID)}` }];
      this.renderStep(request, response, form, undefined, values, { [PERSON_ID]: `Person id: ${error.message}` }, summary, 404);
    }
  }

  private renderStep(
    request: PageRequest,
    response: Response,
    form: CommandForm,
    personId: string | undefined,
    values: FormValues,
    errors: Record<string, string>,
    summary: { text: string; href: string }[] = [],
    status = 200,
  ): void {
    const { action } = link(form, personId);
    const asked: Control[] = personId === undefined ? [personIdControl(values, errors)] : [];
    this.pages.render(
      request,
      response,
      'step',
      {
        title: words(form.operationId),
        caption: personId === undefined ? 'Erasure of personal data' : `Person ${personId}`,
        section: 'erasure',
        backLink: '/erasure',
        form,
        action,
        idempotencyKey: canonicalUuid(text(values._idempotencyKey)) ?? randomUUID(),
        controls: [...asked, ...controlsOf(form.fields, values, errors)],
        errorList: summary,
        warning: this.rules(),
      },
      status,
    );
  }

  /** The two-ADMIN rule and the waiting period (LEDGER_ERASURE_DELAY_SECONDS, for requests asked now), in words. */
  private rules(): string {
    const seconds = this.config.erasureDelaySeconds;
    const period = seconds === 0 ? 'none is set' : formatDuration(intervalToDuration({ start: 0, end: seconds * 1000 }));
    return (
      `Nothing is erased when it is asked for. Another ADMIN of the force than the one who asked approves it, once its waiting period ` +
      `(${period}) has passed; until then any ADMIN of the force may withdraw it. Approval destroys the person's key: their personal data ` +
      `can never be read again (${ERASURE_RULES.sameRequester.source}).`
    );
  }

  /** The erasure command routes the actor may send. */
  private stepsOf(actor: Actor): CommandForm[] {
    return formsFor(this.forms.stepsUnder(ERASURE_ROUTES), actor);
  }

  /** A form about a listed request (`about`), or the form asking for one. */
  private stepOf(operationId: string, actor: Actor, about: boolean): CommandForm {
    return formNamed(
      this.forms.stepsUnder(ERASURE_ROUTES).filter((form) => isAboutARequest(form) === about),
      operationId,
      actor,
    );
  }
}

/** Approving or withdrawing (a route under the root) is about a request already asked; asking (the root) is not. */
function isAboutARequest(form: CommandForm): boolean {
  return !form.apiPath.endsWith(`/${ERASURE_ROUTES}`);
}

function link(form: CommandForm, personId?: string): { operationId: string; text: string; action: string } {
  const action = personId === undefined ? `/erasure/steps/${form.operationId}` : `/erasure/steps/${form.operationId}/${encodeURIComponent(personId)}`;
  return { operationId: form.operationId, text: words(form.operationId), action };
}

/** The person id asked for on the request's form (its route's path parameter); its validation error stands against it. */
function personIdControl(values: FormValues, errors: Record<string, string>): Control {
  return {
    component: 'input',
    params: {
      id: fieldId(PERSON_ID),
      name: `path.${PERSON_ID}`,
      label: { text: 'Person id' },
      hint: { text: "A register person id, case-<case id> for the people a case's free text is about, or recommendation-<id> for a recommendation's" },
      value: text(values[`path.${PERSON_ID}`]),
      errorMessage: errors[PERSON_ID] === undefined ? undefined : { text: errors[PERSON_ID] },
      spellcheck: false,
      classes: 'govuk-input--width-30',
    },
  };
}

function text(value: unknown): string {
  return (Array.isArray(value) ? String(value[0] ?? '') : typeof value === 'string' ? value : '').trim();
}
