/**
 * The forms of a page's command routes (docs/web.md: the early-intervention alerts, the
 * inspection's recommendations, erasure, the workforce): the routes under
 * `/api/v1/<resource>` that carry `@CommandStep` or `@CommandAggregate` (command-forms.ts),
 * each offered to the roles of its route at `<root>/steps/{operationId}` (a new record) or
 * `<root>/steps/{operationId}/{id}` (about one), sent through the route's own method
 * (send-form.ts) and, once recorded, back to the page with its banner. A route's path
 * parameters are the page's scope (`?<scope>=`, the force of the workforce's), the record's
 * id in the form's address, or else asked on the form (the person an erasure is asked for).
 * A page's controller extends `CommandStepPages` with where its forms live; nothing here
 * names a command.
 */
import { Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { NotFoundError } from '../common/domain-error';
import { CurrentActor } from '../http';
import type { Actor } from '../http';
import { API_PREFIX } from '../http/configure-http';
import { roleRefusal } from '../http/roles.guard';
import { canonicalUuid } from '../http/uuid';
import type { CommandForm, CommandForms } from './command-forms';
import type { PageRequest } from './configure-pages';
import { formText, labelOf } from './form-fields';
import type { FormValues } from './form-fields';
import { ruleInWords } from './form-refusal';
import { controlsOf, fieldId, words } from './form-view';
import type { Control } from './form-view';
import type { PageRenderer } from './page-renderer';
import { sendForm } from './send-form';
import type { WebSessions } from './web-sessions';

/** Where a page's forms live, and which they are. */
export interface StepPlace {
  /** The page listing the records, e.g. `/early-intervention`; its forms are under `<root>/steps/`. */
  root: string;
  /** The command routes the page offers: those under `/api/v1/<resource>` (`CommandForms.stepsUnder`); the route at it makes a record. */
  resource: string;
  /** The page's name: the caption of a form about no one record. */
  title: string;
  /** The navigation section the page belongs to. */
  section: string;
  /** What an id in a form's address names, said when it names none ("alert or threshold"). */
  records: string;
  /** The shape of an id in a form's address: a UUID unless said (a person's id may be `case-<caseId>`); the route checks it when sent. */
  ids?: RegExp;
  /** The path parameter the whole page is about (the workforce's `force`), carried as `?<scope>=` on its links: the page's `scopeOf` gives it. */
  scope?: string;
  /** How a path parameter asked on the form is labelled (the person an erasure is asked for), its name in words unless said. */
  asked?: Readonly<Record<string, { label: string; hint: string }>>;
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

/**
 * Whether the form is about a record the page lists (its route names the record's id), rather
 * than making one: the route at the place's resource makes the record it names (asking for an
 * erasure), and the page's scope is no record.
 */
export function isAboutOne(place: StepPlace, form: CommandForm): boolean {
  return form.aggregateId !== place.scope && form.apiPath !== `/${API_PREFIX}/${place.resource}` && form.apiPath.includes(`{${form.aggregateId}}`);
}

/** The form's address: about the record `id`, or a new one; in the page's scope (`?force=`). */
export function stepLink(place: StepPlace, form: CommandForm, id?: string, scope: Record<string, string> = {}): StepLink {
  const path = isAboutOne(place, form) && id !== undefined ? `${form.operationId}/${encodeURIComponent(id)}` : form.operationId;
  return { operationId: form.operationId, text: words(form.operationId), action: withQuery(`${place.root}/steps/${path}`, scopeParams(place, scope)) };
}

/** The page's own address in its scope, with `recorded` for the banner of a step just recorded. */
export function placeLink(place: StepPlace, scope: Record<string, string>, recorded?: string): string {
  const query = scopeParams(place, scope);
  if (recorded !== undefined) query.set('recorded', recorded);
  return withQuery(place.root, query);
}

/** The step named by `?recorded=` after a form's redirect, if it is one of the page's the actor may send: the page's banner. */
export function recordedStep(forms: CommandForms, place: StepPlace, actor: Actor, recorded: unknown): string | undefined {
  const named = formText(recorded);
  return offeredSteps(forms, place, actor).some((form) => form.operationId === named) ? named : undefined;
}

/** A form as the page draws it: its route's path parameters given (scope, record) and those asked on it. */
interface StepView {
  form: CommandForm;
  scope: Record<string, string>;
  id: string | undefined;
  values: FormValues;
  errors: Record<string, string>;
  summary?: { text: string; href: string }[];
  status?: number;
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
  newStepForm(
    @Req() request: PageRequest,
    @Res() response: Response,
    @Param('operationId') operationId: string,
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
  ): void {
    const form = this.stepOf(operationId, actor);
    this.renderStep(request, response, { form, scope: this.scopeOf(actor, query), id: undefined, values: {}, errors: {} });
  }

  @Get('steps/:operationId/:id')
  stepForm(
    @Req() request: PageRequest,
    @Res() response: Response,
    @Param('operationId') operationId: string,
    @Param('id') id: string,
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
  ): void {
    const form = this.stepOf(operationId, actor);
    this.renderStep(request, response, { form, scope: this.scopeOf(actor, query), id: this.idOf(form, id), values: {}, errors: {} });
  }

  @Post('steps/:operationId')
  sendNew(
    @Req() request: PageRequest,
    @Res() response: Response,
    @Param('operationId') operationId: string,
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    const form = this.stepOf(operationId, actor);
    return this.send(request, response, form, this.scopeOf(actor, query), undefined);
  }

  @Post('steps/:operationId/:id')
  sendAbout(
    @Req() request: PageRequest,
    @Res() response: Response,
    @Param('operationId') operationId: string,
    @Param('id') id: string,
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    const form = this.stepOf(operationId, actor);
    return this.send(request, response, form, this.scopeOf(actor, query), this.idOf(form, id));
  }

  /** The path parameters the page's scope gives (the workforce's force): none unless the page has a scope. */
  protected scopeOf(_actor: Actor, _query: Record<string, unknown>): Record<string, string> {
    return {};
  }

  /** A warning drawn on every form of the page (the erasure's rules): none unless the page says. */
  protected warning(): string | undefined {
    return undefined;
  }

  /**
   * Sends the command down its route, as `POST /api/v1/<resource>/...` would; draws the form
   * again with what refused it. A record the route does not know by a parameter asked on the
   * form (a person the force holds no record of) is answered on the form, against what was typed,
   * with its rule: the same answer whether it exists elsewhere or not, as over HTTP.
   */
  private async send(request: PageRequest, response: Response, form: CommandForm, scope: Record<string, string>, id: string | undefined): Promise<void> {
    const values = request.body as FormValues;
    const asked = this.askedOf(form, scope, id);
    const params: Record<string, string> = { ...scope, ...(id === undefined ? {} : { [form.aggregateId]: id }) };
    for (const name of asked) params[name] = formText(values[`path.${name}`]);
    const view = { form, scope, id, values };
    try {
      const refusal = await sendForm(this, { request, response }, form, params);
      if (refusal === undefined) return response.redirect(303, placeLink(this.place, scope, form.operationId));
      this.renderStep(request, response, { ...view, ...refusal });
    } catch (error) {
      const typed = asked[0];
      if (typed === undefined || !(error instanceof NotFoundError) || error.rule === undefined) throw error;
      const summary = [{ text: `This step is refused: ${ruleInWords(error.rule)}. Rule ${error.rule}.`, href: `#${fieldId(typed)}` }];
      this.renderStep(request, response, { ...view, errors: { [typed]: `${this.askedLabel(typed).label}: ${error.message}` }, summary, status: 404 });
    }
  }

  private renderStep(request: PageRequest, response: Response, view: StepView): void {
    const { form, scope, id, values, errors } = view;
    const scoped = this.place.scope === undefined ? undefined : scope[this.place.scope];
    const asked = this.askedOf(form, scope, id).map((name) => this.askedControl(name, values, errors));
    this.pages.render(
      request,
      response,
      'step',
      {
        title: words(form.operationId),
        caption:
          id !== undefined ? `${words(form.aggregateId.replace(/Id$/, ''))} ${id}` : scoped === undefined ? this.place.title : `${this.place.title}: ${scoped}`,
        section: this.place.section,
        backLink: placeLink(this.place, scope),
        form,
        action: stepLink(this.place, form, id, scope).action,
        idempotencyKey: canonicalUuid(formText(values._idempotencyKey)) ?? randomUUID(),
        controls: [...asked, ...controlsOf(form.fields, values, errors)],
        errorList: view.summary ?? [],
        warning: this.warning(),
      },
      view.status ?? 200,
    );
  }

  /** The route's path parameters neither the page's scope nor the form's address gives: asked on the form. */
  private askedOf(form: CommandForm, scope: Record<string, string>, id: string | undefined): string[] {
    const named = [...form.apiPath.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
    return named.filter((name) => scope[name] === undefined && !(id !== undefined && name === form.aggregateId));
  }

  private askedLabel(name: string): { label: string; hint?: string } {
    return this.place.asked?.[name] ?? { label: labelOf(name) };
  }

  /** A text input for a path parameter (`path.<name>`); its validation error, the parameter's, stands against it. */
  private askedControl(name: string, values: FormValues, errors: Record<string, string>): Control {
    const { label, hint } = this.askedLabel(name);
    return {
      component: 'input',
      params: {
        id: fieldId(name),
        name: `path.${name}`,
        label: { text: label },
        hint: hint === undefined ? undefined : { text: hint },
        value: formText(values[`path.${name}`]),
        errorMessage: errors[name] === undefined ? undefined : { text: errors[name] },
        spellcheck: false,
        classes: 'govuk-input--width-30',
      },
    };
  }

  private stepOf(operationId: string, actor: Actor): CommandForm {
    const form = this.forms.stepsUnder(this.place.resource).find((step) => step.operationId === operationId);
    if (form === undefined) throw new NotFoundError('There is no such step.');
    const refusal = roleRefusal(form.roles, actor);
    if (refusal !== undefined) throw refusal;
    return form;
  }

  /** The record's id in a form's address: only a form about one takes it, in the place's shape of id. */
  private idOf(form: CommandForm, value: string): string {
    const id = this.place.ids === undefined ? canonicalUuid(value) : this.place.ids.test(value) ? value : undefined;
    if (id === undefined || !isAboutOne(this.place, form)) throw new NotFoundError(`There is no such ${this.place.records}.`);
    return id;
  }
}

/** The page's scope as its links carry it (`?force=KENT`). */
function scopeParams(place: StepPlace, scope: Record<string, string>): URLSearchParams {
  const value = place.scope === undefined ? undefined : scope[place.scope];
  return new URLSearchParams(place.scope === undefined || value === undefined ? {} : { [place.scope]: value });
}

function withQuery(path: string, query: URLSearchParams): string {
  const text = query.toString();
  return text === '' ? path : `${path}?${text}`;
}
