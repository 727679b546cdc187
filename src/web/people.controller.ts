/**
 * The people pages (docs/web.md, "People"): a person's integrity record with its signals,
 * read through `GET /people/{personId}/integrity-record`'s own method (its roles, the purpose
 * of access asked once per person in the session, the read recorded, another force's person
 * a 404 and one's own record a 403, as over HTTP), and a form for every register route
 * (`POST /people/{personId}/...`), derived from the route and its body as a case step's is
 * (command-forms.ts): a new register command gets its form with no page code.
 *
 * The record page lists the person's early-intervention alerts to a reader of the alerts'
 * roles, read from the alerts read model once the record's read has checked the reader's
 * access and recorded it: one page view, one recorded read of the person (not a second
 * through `GET /people/{personId}/alerts`, which would record another).
 */
import { Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { MAX_PURPOSE_LENGTH, MIN_PURPOSE_LENGTH } from '../access/access-purpose';
import { ALERT_READERS } from '../alerts/alert.routes';
import { ALL_FORCES } from '../common/force';
import { NotFoundError } from '../common/domain-error';
import { CurrentActor } from '../http';
import type { Actor } from '../http';
import { canonicalUuid } from '../http/uuid';
import { AlertsQueries, IntegrityRecordController } from '../../projections';
import type { AlertPage } from '../../projections';
import { ApiReads, AsApiRead, mayRead } from './api-reads';
import { CommandForms } from './command-forms';
import type { CommandForm } from './command-forms';
import type { PageRequest } from './configure-pages';
import { labelOf } from './form-fields';
import type { FormValues } from './form-fields';
import { registerDocumentRows, registerUploadForm } from './document-views';
import { controlsOf, longDay, pathChoiceControls, words } from './form-view';
import { PageErrorFilter } from './page-error.filter';
import { PageRenderer } from './page-renderer';
import { sendForm } from './send-form';
import { WebSessions } from './web-sessions';

type IntegrityRecord = Record<string, unknown> & {
  personId: string;
  force: string;
  asOf: string;
  signals: { kind: string; reference: string | null; on: string }[];
  businessInterests: Record<string, unknown>[];
  associations: Record<string, unknown>[];
  documents: Record<string, unknown>[];
};

/** The registers of a record, in the order the record lists them, each a table. */
const REGISTERS: [string, string][] = [
  ['businessInterests', 'Business interests'],
  ['giftsAndHospitality', 'Gifts and hospitality'],
  ['associations', 'Notifiable associations'],
  ['conflictsOfInterest', 'Conflicts of interest'],
  ['drugTests', 'Drug tests'],
  ['systemAccessFindings', 'System access findings'],
];

@ApiExcludeController()
@Controller('integrity')
@UseFilters(PageErrorFilter)
export class PeopleController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly reads: ApiReads,
    readonly forms: CommandForms,
    readonly sessions: WebSessions,
    private readonly modules: ModuleRef,
  ) {}

  /** Find a person by their id: their record, or the register forms. */
  @Get()
  find(@Req() request: PageRequest, @Res() response: Response, @Query() query: Record<string, unknown>, @CurrentActor() actor: Actor): void {
    const given = text(query.personId);
    const personId = canonicalUuid(given);
    if (personId !== undefined) return response.redirect(303, query.record === 'entries' ? `/integrity/${personId}/registers` : `/integrity/${personId}`);
    const error = given === '' ? undefined : 'Enter the person’s id, a UUID such as 6f1c0a52-8d7e-4c1b-9a8e-2b5d3c4e5f60';
    this.pages.render(
      request,
      response,
      'people',
      {
        title: 'People',
        section: 'people',
        personId: given,
        mayReadRecords: mayRead(actor, IntegrityRecordController, 'read'),
        mayRecord: this.registerForms(actor).length > 0,
        errors: error === undefined ? {} : { personId: { text: error } },
        errorList: error === undefined ? [] : [{ text: error, href: '#personId' }],
      },
      error === undefined ? 200 : 400,
    );
  }

  @Get(':personId/purpose')
  purposePage(@Req() request: PageRequest, @Res() response: Response, @Param('personId') personId: string, @Query('then') then: unknown): void {
    const id = this.personIdOf(personId);
    this.pages.render(request, response, 'purpose', this.purposeView(id, '', {}, returnPath(id, then)));
  }

  @Post(':personId/purpose')
  async statePurpose(@Req() request: PageRequest, @Res() response: Response, @Param('personId') personId: string): Promise<void> {
    const id = this.personIdOf(personId);
    const form = request.body as FormValues;
    const purpose = text(form.purpose);
    const then = returnPath(id, text(form.then));
    if (purpose.length < MIN_PURPOSE_LENGTH || purpose.length > MAX_PURPOSE_LENGTH) {
      const message = `Say why you are opening the record, in ${MIN_PURPOSE_LENGTH} to ${MAX_PURPOSE_LENGTH} characters`;
      const view = { ...this.purposeView(id, purpose, { purpose: { text: message } }, then), errorList: [{ text: message, href: '#purpose' }] };
      return this.pages.render(request, response, 'purpose', view, 400);
    }
    if (request.page?.session) await this.sessions.statePurpose(request.page.session, id, purpose);
    response.redirect(303, then ?? `/integrity/${id}`);
  }

  /** The integrity record, as `GET /people/{personId}/integrity-record` answers it. */
  @Get(':personId')
  @AsApiRead(IntegrityRecordController, 'read')
  async record(
    @Req() request: PageRequest,
    @Res() response: Response,
    @Param('personId') personId: string,
    @Query('recorded') recorded: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    const record = await this.readRecord(request, response, personId);
    const alerts = await this.alertsOf(record, actor);
    this.pages.render(request, response, 'person', {
      title: `Integrity record ${record.personId}`,
      section: 'people',
      backLink: '/integrity',
      record,
      recorded: typeof recorded === 'string' && this.forms.form(recorded)?.aggregateId === 'personId' ? recorded : undefined,
      signals: record.signals.map((signal) => ({ ...signal, kind: words(signal.kind), reference: signal.reference?.slice(0, 8) ?? '' })),
      vetting: record.vetting === null ? [] : rowsOf(record.vetting as Record<string, unknown>),
      registers: REGISTERS.map(([key, title]) => ({ key, title, ...tableOf(record[key] as Record<string, unknown>[]) })),
      steps: this.registerForms(actor),
      alerts,
      documents: registerDocumentRows(record.documents),
      uploadForm: registerUploadForm(actor, record),
    });
  }

  /** The person's alerts, for a reader of the alerts' roles, once the record's read has checked access and been recorded. */
  private async alertsOf(record: IntegrityRecord, actor: Actor): Promise<AlertPage | undefined> {
    if (!actor.roles.some((role) => ALERT_READERS.includes(role))) return undefined;
    return this.modules.get(AlertsQueries, { strict: false }).ofPerson(record.personId, actor.force === ALL_FORCES ? null : actor.force);
  }

  /** Every register entry the reader may record for this person. */
  @Get(':personId/registers')
  registers(@Req() request: PageRequest, @Res() response: Response, @Param('personId') personId: string, @CurrentActor() actor: Actor): void {
    const id = this.personIdOf(personId);
    this.pages.render(request, response, 'person-registers', {
      title: 'Record a register entry',
      section: 'people',
      backLink: `/integrity/${id}`,
      personId: id,
      steps: this.registerForms(actor),
    });
  }

  @Get(':personId/registers/:operationId')
  async entryForm(
    @Req() request: PageRequest,
    @Res() response: Response,
    @Param('personId') personId: string,
    @Param('operationId') operationId: string,
  ): Promise<void> {
    const id = this.personIdOf(personId);
    const form = this.registerForm(operationId);
    const record = form.pathChoices.length > 0 ? await this.readRecord(request, response, id) : undefined;
    this.renderEntry(request, response, form, id, record, {}, {});
  }

  /** Sends the entry down its register route, as `POST /people/{personId}/...` would; draws the form again with what refused it. */
  @Post(':personId/registers/:operationId')
  async recordEntry(
    @Req() request: PageRequest,
    @Res() response: Response,
    @Param('personId') personId: string,
    @Param('operationId') operationId: string,
  ): Promise<void> {
    const id = this.personIdOf(personId);
    const form = this.registerForm(operationId);
    const values = request.body as FormValues;
    const params: Record<string, string> = { personId: id };
    for (const name of form.pathChoices) params[name] = text(values[`path.${name}`]);
    const refusal = await sendForm(this, { request, response }, form, params);
    if (refusal === undefined) return response.redirect(303, `/integrity/${id}?recorded=${form.operationId}`);
    const record = form.pathChoices.length > 0 ? await this.readRecord(request, response, id).catch(() => undefined) : undefined;
    this.renderEntry(request, response, form, id, record, values, refusal.errors, refusal.summary, refusal.status);
  }

  private renderEntry(
    request: PageRequest,
    response: Response,
    form: CommandForm,
    personId: string,
    record: IntegrityRecord | undefined,
    values: FormValues,
    errors: Record<string, string>,
    summary: { text: string; href: string }[] = [],
    status = 200,
  ): void {
    // An entry about an earlier one (a decision on a business interest) chooses it among the record's entries that carry its id.
    const known = Object.fromEntries(form.pathChoices.map((name) => [name, entriesWith(record, name)]));
    this.pages.render(
      request,
      response,
      'step',
      {
        title: words(form.operationId),
        caption: `Integrity record ${personId}`,
        section: 'people',
        backLink: `/integrity/${personId}/registers`,
        form,
        action: `/integrity/${personId}/registers/${form.operationId}`,
        idempotencyKey: canonicalUuid(text(values._idempotencyKey)) ?? randomUUID(),
        controls: [...pathChoiceControls(form.pathChoices, known, values, errors), ...controlsOf(form.fields, values, errors, '', known)],
        errorList: summary,
      },
      status,
    );
  }

  private async readRecord(request: PageRequest, response: Response, personId: string): Promise<IntegrityRecord> {
    return this.reads.read<IntegrityRecordController, IntegrityRecord>(IntegrityRecordController, 'read', { request, response }, { params: { personId } });
  }

  private registerForms(actor: Actor): CommandForm[] {
    return this.forms.registerSteps().filter((form) => form.roles.some((role) => actor.roles.includes(role)));
  }

  private registerForm(operationId: string): CommandForm {
    const form = this.forms.form(operationId);
    if (form?.aggregateId !== 'personId') throw new NotFoundError('There is no such register entry.');
    return form;
  }

  private personIdOf(value: string): string {
    const id = canonicalUuid(value);
    if (id === undefined) throw new NotFoundError('There is no such person.');
    return id;
  }

  private purposeView(personId: string, purpose: string, errors: Record<string, { text: string }>, then?: string): Record<string, unknown> {
    return {
      then,
      title: 'Why are you opening this integrity record?',
      section: 'people',
      backLink: '/integrity',
      action: `/integrity/${personId}/purpose`,
      what: 'an integrity record',
      thing: 'person',
      button: 'Open the record',
      values: { purpose },
      errors,
      minLength: MIN_PURPOSE_LENGTH,
      maxLength: MAX_PURPOSE_LENGTH,
    };
  }
}

function text(value: unknown): string {
  return (Array.isArray(value) ? String(value[0] ?? '') : typeof value === 'string' ? value : '').trim();
}

/** Where to go once the purpose is stated: a page of the same person only. */
function returnPath(personId: string, then: unknown): string | undefined {
  if (typeof then !== 'string') return undefined;
  return new RegExp(`^/integrity/${personId}(/registers(/[A-Za-z]{1,64})?)?$`).test(then) ? then : undefined;
}

/** The record's entries carrying an id of this name, as choices. */
function entriesWith(record: IntegrityRecord | undefined, name: string): { value: string; text: string }[] {
  if (record === undefined) return [];
  return Object.values(record)
    .filter((value): value is Record<string, unknown>[] => Array.isArray(value))
    .flat()
    .filter((entry) => typeof entry?.[name] === 'string')
    .map((entry) => ({
      value: entry[name] as string,
      text: [String(entry[name]).slice(0, 8), ...['nature', 'status', 'details', 'person'].map((key) => shown(entry[key])).filter((part) => part !== '')].join(
        ': ',
      ),
    }));
}

/** A value as a cell shows it: a day in words, erased text as such, a flag as yes or no. */
function shown(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(value) ? longDay(value) : /^[A-Z0-9_]+$/.test(value) ? words(value) : value;
  if (Array.isArray(value)) return `${value.length}`;
  if (typeof value === 'object' && (value as { erased?: unknown }).erased === true) return 'Erased';
  return JSON.stringify(value);
}

/** A register's entries as a table: a column per field the entries have (ids and event ids left out). */
function tableOf(entries: Record<string, unknown>[]): { columns: string[]; rows: string[][] } {
  const names = [...new Set(entries.flatMap((entry) => Object.keys(entry)))].filter((name) => name !== 'eventId' && name !== 'personId');
  return {
    columns: names.map(labelOf),
    rows: entries.map((entry) =>
      names.map((name) => (name.endsWith('Id') && typeof entry[name] === 'string' ? String(entry[name]).slice(0, 8) : shown(entry[name]))),
    ),
  };
}

function rowsOf(item: Record<string, unknown>): { key: { text: string }; value: { text: string } }[] {
  return Object.entries(item).map(([name, value]) => ({ key: { text: labelOf(name) }, value: { text: shown(value) || 'None' } }));
}
