/**
 * The forms of a page's command routes (docs/web.md: the early-intervention alerts, the
 * inspection's recommendations): the routes under `/api/v1/<resource>` that carry
 * `@CommandStep` (command-forms.ts), each offered to the roles of its route at
 * `<root>/steps/{operationId}` (a new record) or `<root>/steps/{operationId}/{id}` (about
 * one), sent through the route's own method (send-form.ts) and, once recorded, back to the
 * page with its banner. A page's controller extends `CommandStepPages` with where its forms
 * live; nothing here names a command.
 */
import { Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { NotFoundError } from '../common/domain-error';
import { CurrentActor } from '../http';
import type { Actor } from '../http';
import { roleRefusal } from '../http/roles.guard';
import { canonicalUuid } from '../http/uuid';
import type { CommandForm, CommandForms } from './command-forms';
import type { PageRequest } from './configure-pages';
import type { FormValues } from './form-fields';
import { controlsOf, words } from './form-view';
import type { PageRenderer } from './page-renderer';
import { sendForm } from './send-form';
import type { WebSessions } from './web-sessions';

/** Where a page's forms live, and which they are. */
export interface StepPlace {
  /** The page listing the records, e.g. `/early-intervention`; its forms are under `<root>/steps/`. */
  root: string;
  /** The command routes the page offers: those under `/api/v1/<resource>` (`CommandForms.stepsUnder`). */
  resource: string;
  /** The page's name: the caption of a form about no one record. */
  title: string;
  /** The navigation section the page belongs to. */
  section: string;
  /** What an id in a form's address names, said when it names none ("alert or threshold"). */
  records: string;
}

/** A form's page and its name: about a record (its id in the path) or a new one. */
export interface StepLink {
  operationId: string;
  text: string;
  action: string;
}

/** The command routes of the place the actor's roles may send, in the order the controllers declare them. */
export function offeredSteps(forms: CommandForms, place: StepPlace, actor: Actor): CommandForm[] {
  return forms.stepsUnder(place.resource).filter((form) => form.roles.some((role) => actor.roles.includes(role)));
}

/** Whether the form is about a record the page lists (its route names the record's id), rather than making one. */
export function isAboutOne(form: CommandForm): boolean {
  return form.apiPath.includes(`{${form.aggregateId}}`);
}

export function stepLink(place: StepPlace, form: CommandForm, id?: string): StepLink {
  const action = isAboutOne(form) && id !== undefined ? `${place.root}/steps/${form.operationId}/${id}` : `${place.root}/steps/${form.operationId}`;
  return { operationId: form.operationId, text: words(form.operationId), action };
}

/** The step named by `?recorded=` after a form's redirect, if it is one of the page's the actor may send: the page's banner. */
export function recordedStep(forms: CommandForms, place: StepPlace, actor: Actor, recorded: unknown): string | undefined {
  const named = text(recorded);
  return offeredSteps(forms, place, actor).some((form) => form.operationId === named) ? named : undefined;
}

/** The four routes of a page's forms: draw a form (new, or about a record) and send it. */
export abstract class CommandStepPages {
  protected constructor(
    protected readonly pages: PageRenderer,
    readonly forms: CommandForms,
    readonly sessions: WebSessions,
    protected readonly place: StepPlace,
  ) {}

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
    this.renderStep(request, response, this.stepOf(operationId, actor), this.idOf(id), {}, {});
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
    return this.send(request, response, this.stepOf(operationId, actor), this.idOf(id));
  }

  /** Sends the command down its route, as `POST /api/v1/<resource>/...` would; draws the form again with what refused it. */
  private async send(request: PageRequest, response: Response, form: CommandForm, id: string | undefined): Promise<void> {
    const params: Record<string, string> = id === undefined ? {} : { [form.aggregateId]: id };
    const refusal = await sendForm(this, { request, response }, form, params);
    if (refusal === undefined) return response.redirect(303, `${this.place.root}?recorded=${form.operationId}`);
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
    const { action } = stepLink(this.place, form, id);
    this.pages.render(
      request,
      response,
      'step',
      {
        title: words(form.operationId),
        caption: id === undefined ? this.place.title : `${words(form.aggregateId.replace(/Id$/, ''))} ${id}`,
        section: this.place.section,
        backLink: this.place.root,
        form,
        action,
        idempotencyKey: canonicalUuid(text(values._idempotencyKey)) ?? randomUUID(),
        controls: controlsOf(form.fields, values, errors),
        errorList: summary,
      },
      status,
    );
  }

  private stepOf(operationId: string, actor: Actor): CommandForm {
    const form = this.forms.stepsUnder(this.place.resource).find((step) => step.operationId === operationId);
    if (form === undefined) throw new NotFoundError('There is no such step.');
    const refusal = roleRefusal(form.roles, actor);
    if (refusal !== undefined) throw refusal;
    return form;
  }

  private idOf(value: string): string {
    const id = canonicalUuid(value);
    if (id === undefined) throw new NotFoundError(`There is no such ${this.place.records}.`);
    return id;
  }
}

function text(value: unknown): string {
  return (Array.isArray(value) ? String(value[0] ?? '') : typeof value === 'string' ? value : '').trim();
}
