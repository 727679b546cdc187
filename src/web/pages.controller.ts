/**
 * The pages (docs/web.md): sign-in, the cases, a case, and a form for each of its steps. A
 * page's actor is its session's (configure-pages.ts), the same Actor a bearer token gives,
 * and every read goes where the API's goes: the same guards by the same decorators
 * (@ListsCases, @ReadsOneCase with the purpose stated in the session, @ReadsProjections),
 * the same read models through CaseReadAccess (need-to-know, access recording), and every
 * step through its command route to the one write path (command-forms.ts).
 */
import { Controller, Get, Inject, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { MAX_PURPOSE_LENGTH, MIN_PURPOSE_LENGTH } from '../access/access-purpose';
import { CaseReadAccess, ListsCases, ReadsOneCase } from '../access/case-read-access';
import type { CaseRead } from '../access/case-read-access';
import { CASE_FLAGS, CASE_STAGES, CASE_TYPES, CORRUPTION_CATEGORIES } from '../cases/case.enums';
import { isCaseEventType } from '../cases/case.events';
import type { CaseEvent } from '../cases/case.events';
import { legalInstantOf } from '../cases/case.stream';
import { CLOCK } from '../common/clock';
import type { Clock } from '../common/clock';
import { NotFoundError } from '../common/domain-error';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/configuration';
import { CurrentActor, Problem, Public, ReadsProjections, ROLES } from '../http';
import type { Actor } from '../http';
import type { CommandResponse, CommandResponseBody } from '../http/command-response';
import { signToken, verifyToken } from '../http/token';
import { InvalidTokenError } from '../http/token';
import { canonicalUuid } from '../http/uuid';
import { createValidationPipe } from '../http/validation';
import { CASE_LIST_SORTS, CaseHistoryReader, CaseListQuery, caseTimelinessView, CaseStatusQueries, TimelinessQueries } from '../../projections';
import type { CaseListSort } from '../../projections';
import type { CaseHistory, HistoryEntry } from '../../projections';
import { CaseFactsBeforeLoadingSource } from '../../projections/common/case-facts-before-loading';
import { CaseIdPipe } from '../../projections/common/case-id.pipe';
import { CASE_STATUS_PROJECTION } from '../../projections/common/case-status-views';
import type { CaseStatusItem } from '../../projections/common/case-status-item';
import { caseFormsOffered, documentChoices, documentRows, uploadForm } from './document-views';
import type { DocumentRow } from './document-views';
import type { DeadlineView } from '../../projections/common/deadlines/deadline-view';
import { TIMELINESS_PROJECTION } from '../../projections/common/timeliness-views';
import { ALLOCATION_PROJECTION } from '../../projections/common/allocation-views';
import { commandRequest, CommandForms } from './command-forms';
import type { CommandForm } from './command-forms';
import { cookieOptions, OIDC_COOKIE, parseCookies, SESSION_COOKIE } from './configure-pages';
import { OidcSignIn, OidcSignInError } from './oidc-sign-in';
import type { PendingSignIn } from './oidc-sign-in';
import type { PageRequest } from './configure-pages';
import { bodyOf } from './form-fields';
import type { FormValues } from './form-fields';
import { controlsOf, dayOfParts, longDay, pathChoiceControls, words } from './form-view';
import { fieldErrors, formRefusal, ruleInWords } from './form-refusal';
import { nextSteps, stateOfHistory } from './next-steps';
import { PageErrorFilter } from './page-error.filter';
import { PageRenderer } from './page-renderer';
import { WebSessions } from './web-sessions';

@ApiExcludeController()
@Controller()
@UseFilters(PageErrorFilter)
export class PagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly sessions: WebSessions,
    private readonly oidc: OidcSignIn,
    private readonly forms: CommandForms,
    private readonly access: CaseReadAccess,
    private readonly statuses: CaseStatusQueries,
    private readonly timeliness: TimelinessQueries,
    private readonly history: CaseHistoryReader,
    private readonly before: CaseFactsBeforeLoadingSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  home(@Req() request: PageRequest, @Res() response: Response): void {
    response.redirect(303, request.page?.session ? '/casework' : '/sign-in');
  }

  @Get('sign-in')
  @Public()
  signInPage(@Req() request: PageRequest, @Res() response: Response): void {
    if (request.page?.session) return response.redirect(303, '/casework');
    this.pages.render(request, response, 'sign-in', this.signInView({ userId: '', name: '', role: 'PSD_INVESTIGATOR', force: 'HAMPSHIRE' }, {}));
  }

  /** Development sign-in: the actor a development token for these claims would give, checked as a token is. */
  @Post('sign-in')
  @Public()
  async signIn(@Req() request: PageRequest, @Res() response: Response): Promise<void> {
    if (!this.pages.developmentSignIn) {
      return this.pages.render(request, response, 'sign-in', { title: 'Sign in', errorList: [] }, 403);
    }
    const form = request.body as FormValues;
    const values = { userId: text(form.userId), name: text(form.name), role: text(form.role), force: text(form.force) };
    const errors: Record<string, string> = {};
    if (values.userId === '') errors.userId = 'Enter a user id';
    if (values.name === '') errors.name = 'Enter your name';
    if (!(ROLES as readonly string[]).includes(values.role)) errors.role = 'Choose a role';
    if (values.force === '') errors.force = 'Enter a force code';
    let actor: Actor | undefined;
    if (Object.keys(errors).length === 0) {
      try {
        const token = signToken({ ...values, roles: [values.role as Actor['roles'][number]], expiresInSeconds: 60 }, this.config.jwt);
        actor = verifyToken(token, this.config.jwt);
      } catch (error) {
        if (!(error instanceof InvalidTokenError)) throw error;
        errors[/force/i.test(error.message) ? 'force' : 'userId'] = error.message;
      }
    }
    if (actor === undefined) return this.pages.render(request, response, 'sign-in', this.signInView(values, errors), 400);
    const { token } = await this.sessions.open(actor);
    response.cookie(SESSION_COOKIE, token, { ...cookieOptions(request.page?.secure ?? false), maxAge: 30 * 60_000 });
    response.redirect(303, '/casework');
  }

  /** OpenID Connect sign-in: off to the force's identity provider, with state, nonce and a PKCE challenge. */
  @Get('sign-in/oidc')
  @Public()
  async signInWithProvider(@Req() request: PageRequest, @Res() response: Response): Promise<void> {
    if (!this.oidc.enabled) throw new NotFoundError('OpenID Connect sign-in is not configured.');
    const { url, pending } = await this.oidc.start(`${request.protocol}://${request.get('host') ?? 'localhost'}/sign-in/callback`);
    const value = Buffer.from(JSON.stringify(pending), 'utf8').toString('base64url');
    response.cookie(OIDC_COOKIE, value, { ...cookieOptions(request.page?.secure ?? false), maxAge: 10 * 60_000 });
    response.redirect(303, url);
  }

  /** The provider's answer: checked (state, nonce, PKCE, ID token), then a session for the actor its claims make. */
  @Get('sign-in/callback')
  @Public()
  async signInCallback(@Req() request: PageRequest, @Res() response: Response): Promise<void> {
    if (!this.oidc.enabled) throw new NotFoundError('OpenID Connect sign-in is not configured.');
    const secure = request.page?.secure ?? false;
    response.clearCookie(OIDC_COOKIE, cookieOptions(secure));
    const pending = pendingOf(parseCookies(request.headers.cookie)[OIDC_COOKIE]);
    try {
      if (pending === undefined) throw new OidcSignInError('The sign-in took too long or did not start here: try again.');
      const actor = await this.oidc.finish(new URL(request.originalUrl, pending.redirectUri), pending);
      const { token } = await this.sessions.open(actor);
      response.cookie(SESSION_COOKIE, token, { ...cookieOptions(secure), maxAge: 30 * 60_000 });
      response.redirect(303, '/casework');
    } catch (error) {
      if (!(error instanceof OidcSignInError)) throw error;
      const view = { ...this.signInView({}, {}), signInProblem: error.message };
      this.pages.render(request, response, 'sign-in', view, 400);
    }
  }

  @Post('sign-out')
  @Public()
  async signOut(@Req() request: PageRequest, @Res() response: Response): Promise<void> {
    if (request.page?.session) await this.sessions.close(request.page.session);
    response.clearCookie(SESSION_COOKIE, cookieOptions(request.page?.secure ?? false));
    response.redirect(303, '/sign-in');
  }

  @Get('casework')
  @ListsCases()
  @ReadsProjections(CASE_STATUS_PROJECTION, TIMELINESS_PROJECTION, ALLOCATION_PROJECTION)
  async cases(@Req() request: PageRequest, @Res() response: Response, @Query() query: Record<string, unknown>, @CurrentActor() actor: Actor): Promise<void> {
    // A step that took the case from its sender (a declared conflict) comes back here: not a filter.
    const { recorded, left, ...filters } = query;
    const leftId = canonicalUuid(text(left));
    const leftCase = typeof recorded === 'string' && this.forms.form(recorded) !== undefined && leftId !== undefined ? { recorded, caseId: leftId } : undefined;
    // The API's own query class and validation: blank filters are no filters.
    const given = Object.fromEntries(Object.entries(filters).filter(([, value]) => typeof value === 'string' && value.trim() !== ''));
    let filter: CaseListQuery;
    try {
      filter = (await createValidationPipe().transform(given, { type: 'query', metatype: CaseListQuery })) as CaseListQuery;
    } catch (error) {
      if (!(error instanceof Problem)) throw error;
      const errors = fieldErrors(error);
      return this.pages.render(
        request,
        response,
        'cases',
        { ...this.casesView(given, [], 0, 1, 20), errors: messages(errors), errorList: errorList(errors) },
        400,
      );
    }
    const found = await this.statuses.list(filter, this.access.scope(actor));
    // "My cases": the case list filtered by the reader as investigator (a person id of the ledger only).
    const myCasesLink =
      canonicalUuid(actor.userId) === actor.userId ? `/casework?${new URLSearchParams({ investigator: actor.userId }).toString()}` : undefined;
    this.pages.render(request, response, 'cases', { ...this.casesView(given, found.items, found.total, filter.page, filter.pageSize), myCasesLink, leftCase });
  }

  @Get('casework/new')
  openingForm(@Req() request: PageRequest, @Res() response: Response, @CurrentActor() actor: Actor): void {
    const form = this.opening();
    this.renderStep(request, response, form, undefined, { force: actor.force === '*' ? '' : actor.force }, {});
  }

  @Post('casework/new')
  async open(@Req() request: PageRequest, @Res() response: Response): Promise<void> {
    await this.submit(request, response, this.opening(), undefined);
  }

  @Get('casework/:caseId/purpose')
  purposePage(@Req() request: PageRequest, @Res() response: Response, @Param('caseId', CaseIdPipe) caseId: string, @Query('then') then: unknown): void {
    this.pages.render(request, response, 'purpose', this.purposeView(caseId, '', {}, returnPath(caseId, then)));
  }

  @Post('casework/:caseId/purpose')
  async statePurpose(@Req() request: PageRequest, @Res() response: Response, @Param('caseId', CaseIdPipe) caseId: string): Promise<void> {
    const form = request.body as FormValues;
    const purpose = text(form.purpose);
    const then = returnPath(caseId, text(form.then));
    if (purpose.length < MIN_PURPOSE_LENGTH || purpose.length > MAX_PURPOSE_LENGTH) {
      const errors = { purpose: `Say why you are opening the case, in ${MIN_PURPOSE_LENGTH} to ${MAX_PURPOSE_LENGTH} characters` };
      return this.pages.render(request, response, 'purpose', { ...this.purposeView(caseId, purpose, errors, then), errorList: errorList(errors) }, 400);
    }
    const session = request.page?.session;
    if (session) await this.sessions.statePurpose(session, caseId, purpose);
    response.redirect(303, then ?? `/casework/${caseId}`);
  }

  @Get('casework/:caseId')
  @ReadsOneCase()
  @ReadsProjections(CASE_STATUS_PROJECTION, TIMELINESS_PROJECTION)
  async casePage(
    @Req() request: PageRequest,
    @Res() response: Response,
    @Param('caseId', CaseIdPipe) caseId: string,
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    const recorded = typeof query.recorded === 'string' && this.forms.form(query.recorded) !== undefined ? query.recorded : undefined;
    const asAt = asAtOf(query);
    if (asAt.error !== undefined) {
      return this.pages.render(request, response, 'error', { title: 'There is a problem with the date', message: asAt.error, errorList: [] }, 400);
    }
    const { item, deadlines, events, today } = await this.readCase(request, caseId, actor, asAt.day);
    // A case as it stood is read, not written on; today, the forms the reader may send about it and its documents.
    const offered = caseFormsOffered(asAt.day === undefined ? this.mine(this.forms.caseForms(), actor) : [], documentRows(events));
    this.pages.render(request, response, 'case', {
      title: `Case ${caseId}`,
      section: 'cases',
      backLink: asAt.day === undefined ? '/casework' : `/casework/${caseId}`,
      case: item,
      recorded,
      today,
      asAt: asAt.day,
      asAtValues: asAt.values,
      summaryRows: summaryRows(item),
      deadlines: deadlines.map((deadline) => ({ ...deadline, state: deadlineState(deadline) })),
      timeline: events.map(timelineEntry),
      documents: offered.documents,
      documentForms: offered.documentForms,
      caseForms: offered.onCase,
      uploadForm: uploadForm(actor, item, asAt.day, today),
      // A case as it stood is read, not written on; today, the steps its state allows (decide asked, nothing appended).
      ...(asAt.day !== undefined ? { steps: [], closedSteps: [] } : this.stepsNow(caseId, events, actor)),
    });
  }

  @Get('casework/:caseId/steps/:operationId')
  @ReadsOneCase()
  @ReadsProjections(CASE_STATUS_PROJECTION)
  async stepForm(
    @Req() request: PageRequest,
    @Res() response: Response,
    @Param('caseId', CaseIdPipe) caseId: string,
    @Param('operationId') operationId: string,
    @Query('subject') subject: unknown,
    @Query('document') document: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    const form = this.step(operationId);
    const drawn = await this.readCaseForForm(request, caseId, actor);
    // A link from the oversight page names the subject the step is about; a document's row on the case page, the document.
    const chosen = {
      ...(typeof subject === 'string' && drawn.item.subjects.some((candidate) => candidate.subjectId === subject) ? { 'path.subjectId': subject } : {}),
      ...(typeof document === 'string' && drawn.documents.some((candidate) => candidate.documentId === document) ? { 'path.documentId': document } : {}),
    };
    this.renderStep(request, response, form, drawn, chosen, {});
  }

  @Post('casework/:caseId/steps/:operationId')
  @ReadsOneCase()
  @ReadsProjections(CASE_STATUS_PROJECTION)
  async recordStep(
    @Req() request: PageRequest,
    @Res() response: Response,
    @Param('caseId', CaseIdPipe) caseId: string,
    @Param('operationId') operationId: string,
  ): Promise<void> {
    await this.submit(request, response, this.step(operationId), caseId);
  }

  /** Sends a form's command down its route; draws the form again with what refused it. */
  private async submit(request: PageRequest, response: Response, form: CommandForm, caseId: string | undefined): Promise<void> {
    const values = request.body as FormValues;
    const idempotencyKey = canonicalUuid(text(values._idempotencyKey)) ?? randomUUID();
    // A case step is sent at the revision the page was drawn at (If-Match); a case form of another kind writes to a stream of its own (a conflict's) or is judged on the case as it is.
    const revision = form.caseStep && /^\d{1,15}$/.test(text(values._revision)) ? Number(text(values._revision)) : undefined;
    const params: Record<string, string> = caseId === undefined ? {} : { caseId };
    for (const name of form.pathChoices) params[name] = text(values[`path.${name}`]);
    const body = bodyOf(form.fields, values);
    const redraw = async (status: number, errors: Record<string, string>, summary: { text: string; href: string }[], conflict?: string): Promise<void> => {
      const actor = request.actor as Actor;
      const drawn = caseId === undefined ? undefined : await this.readCaseForForm(request, caseId, actor);
      // After a conflict the page is drawn at the case's new revision, with a new key: the next submission is a new decision.
      const kept = conflict === undefined ? values : { ...values, _idempotencyKey: undefined };
      this.renderStep(request, response, form, drawn, kept, errors, summary, conflict, status);
    };
    try {
      const sent = commandRequest(request, { idempotencyKey, revision }, form.apiPath);
      const result = (await this.forms.send(form.operationId, sent, response, params, body)) as CommandResponse;
      const answer: CommandResponseBody = result.body;
      if (request.page?.session) await this.sessions.rememberPosition(request.page.session, answer.position);
      const opened = typeof answer.caseId === 'string' ? answer.caseId : caseId;
      // A step that takes the case's reads from its sender (a declared conflict) leaves them nothing to see there.
      if (caseId !== undefined && !(await this.mayStillRead(request.actor as Actor, caseId))) {
        return response.redirect(303, `/casework?${new URLSearchParams({ recorded: form.operationId, left: caseId }).toString()}`);
      }
      response.redirect(303, `/casework/${opened}${caseId === undefined ? '/purpose' : `?recorded=${form.operationId}`}`);
    } catch (error) {
      const refusal = formRefusal(error, form, { ...params, ...body });
      return redraw(refusal.status, refusal.errors, refusal.summary, refusal.conflict);
    }
  }

  private renderStep(
    request: PageRequest,
    response: Response,
    form: CommandForm,
    drawn: { item: CaseStatusItem; revision: number; documents: DocumentRow[] } | undefined,
    values: FormValues,
    errors: Record<string, string>,
    summary: { text: string; href: string }[] = [],
    conflict?: string,
    status = 200,
  ): void {
    const caseId = drawn?.item.caseId;
    const subjects = (drawn?.item.subjects ?? []).map((subject) => ({
      value: subject.subjectId,
      text: `Subject ${subject.subjectId.slice(0, 8)}: ${words(subject.rank)}, ${words(subject.workforceType)}`,
    }));
    const documents = documentChoices(form, drawn?.documents ?? [], values);
    const known = { ...documents.known, subjectId: subjects };
    const fixed = new Set(documents.fixed.map((item) => item.name));
    this.pages.render(
      request,
      response,
      'step',
      {
        title: words(form.operationId),
        section: caseId === undefined ? 'new' : 'cases',
        backLink: caseId === undefined ? '/casework' : `/casework/${caseId}`,
        form,
        caseId,
        action: caseId === undefined ? '/casework/new' : `/casework/${caseId}/steps/${form.operationId}`,
        idempotencyKey: canonicalUuid(text(values._idempotencyKey)) ?? randomUUID(),
        revision: form.caseStep ? drawn?.revision : undefined,
        conflict,
        fixed: documents.fixed,
        controls: [
          ...pathChoiceControls(
            form.pathChoices.filter((name) => !fixed.has(`path.${name}`)),
            known,
            values,
            errors,
          ),
          ...controlsOf(form.fields, values, errors, '', known),
        ],
        errorList: summary,
      },
      status,
    );
  }

  /** The case now, or as it stood at the end of `asAt` (what had been recorded by then, as `GET /history?asOf=` answers). */
  private async readCase(request: PageRequest, caseId: string, actor: Actor, asAt?: string) {
    const read = { reader: actor, purpose: purposeOf(request), caseId };
    const today = this.clock.today();
    if (asAt !== undefined) {
      const history = await this.historyOf(read, asAt);
      // Deadlines are judged as of today only: a case as it stood shows its record, not its timeliness then.
      if (history.statusAsOf) return { item: history.statusAsOf, deadlines: [], events: history.events, today };
      throw new NotFoundError('The case had not been recorded by then.');
    }
    const item = await this.access.open(read, () => this.statuses.find(caseId));
    const timeliness = caseTimelinessView(await this.access.open(read, () => this.timeliness.caseTimeliness(caseId)), today);
    const history = await this.historyOf(read);
    return { item, deadlines: timeliness.deadlines, events: history.events, today };
  }

  /** The steps the actor's roles may record, split by whether the case's state allows them now, with the refusing rule in words. */
  private stepsNow(caseId: string, events: HistoryEntry[], actor: Actor): { steps: CommandForm[]; closedSteps: { operationId: string; reason: string }[] } {
    const { open, closed } = nextSteps(this.mine(this.forms.steps(), actor), caseId, stateOfHistory(events));
    return { steps: open, closedSteps: closed.map(({ form, rule }) => ({ operationId: form.operationId, reason: ruleInWords(rule) })) };
  }

  /** The forms the actor's roles may send. */
  private mine(forms: CommandForm[], actor: Actor): CommandForm[] {
    return forms.filter((form) => form.roles.some((role) => actor.roles.includes(role)));
  }

  /** Whether the actor may still read the case, judged as a read would be (their declared conflicts included); nothing is recorded. */
  private async mayStillRead(actor: Actor, caseId: string): Promise<boolean> {
    const known = await this.before.of(caseId);
    return typeof known !== 'object' || this.access.mayRead(actor, caseId, known.facts);
  }

  /** The case as the form is drawn on it: its subjects and documents, and the revision a case step's command will expect. */
  private async readCaseForForm(
    request: PageRequest,
    caseId: string,
    actor: Actor,
  ): Promise<{ item: CaseStatusItem; revision: number; documents: DocumentRow[] }> {
    const read = { reader: actor, purpose: purposeOf(request), caseId };
    const history = await this.historyOf(read);
    const item = await this.access.open(read, () => this.statuses.find(caseId));
    return { item, revision: history.events.at(-1)?.revision ?? 0, documents: documentRows(history.events) };
  }

  /** As `GET /cases/{caseId}/history`: access decided on the case-status row before the stream is read. */
  private historyOf(read: CaseRead, asOf?: string): Promise<CaseHistory> {
    return this.access.openCostly(
      read,
      () => this.before.of(read.caseId),
      () => this.history.load(read.caseId, asOf),
    );
  }

  private opening(): CommandForm {
    const form = this.forms.opening();
    if (!form) throw new NotFoundError('There is no command that opens a case.');
    return form;
  }

  private step(operationId: string): CommandForm {
    const form = this.forms.form(operationId);
    // A step of the case, or another command route on a case (CommandForms.caseForms); not another record's.
    if (!form || form.opensCase || form.aggregateId !== 'caseId') throw new NotFoundError('There is no such step.');
    return form;
  }

  private signInView(values: Record<string, string>, errors: Record<string, string>): Record<string, unknown> {
    return {
      title: 'Sign in',
      values,
      errors: messages(errors),
      errorList: Object.entries(errors).map(([name, message]) => ({ text: message, href: name === 'role' ? '#role' : `#${name}` })),
      roleItems: ROLES.map((role) => ({ value: role, text: words(role), checked: values.role === role })),
    };
  }

  private purposeView(caseId: string, purpose: string, errors: Record<string, string>, then?: string): Record<string, unknown> {
    return {
      then,
      title: 'Why are you opening this case?',
      section: 'cases',
      backLink: '/casework',
      caseId,
      values: { purpose },
      errors: messages(errors),
      minLength: MIN_PURPOSE_LENGTH,
      maxLength: MAX_PURPOSE_LENGTH,
    };
  }

  private casesView(filter: Record<string, unknown>, cases: CaseStatusItem[], total: number, page: number, pageSize: number): Record<string, unknown> {
    const selected = (name: string, value: string): boolean => filter[name] === value;
    const options = (name: string, values: readonly string[]) => [
      { value: '', text: 'Any' },
      ...values.map((value) => ({ value, text: words(value), selected: selected(name, value) })),
    ];
    const pages = Math.max(1, Math.ceil(total / pageSize));
    const link = (to: number): string => `/casework?${new URLSearchParams({ ...(filter as Record<string, string>), page: String(to) }).toString()}`;
    return {
      title: 'Cases',
      section: 'cases',
      filter,
      filtered: Object.keys(filter).some((name) => name !== 'page' && name !== 'sort'),
      order: SORT_NAMES[(filter.sort ?? 'newest') as CaseListSort] ?? SORT_NAMES.newest,
      sortItems: CASE_LIST_SORTS.map((value) => ({ value, text: SORT_NAMES[value], selected: (filter.sort ?? 'newest') === value })),
      cases,
      total,
      stageItems: options('stage', CASE_STAGES),
      caseTypeItems: options('caseType', CASE_TYPES),
      categoryItems: options('category', CORRUPTION_CATEGORIES),
      flagItems: options('flag', CASE_FLAGS),
      overdueItems: [
        { value: '', text: 'Any' },
        { value: 'true', text: 'Overdue', selected: selected('overdue', 'true') },
        { value: 'false', text: 'Not overdue', selected: selected('overdue', 'false') },
      ],
      pagination:
        pages > 1
          ? {
              previous: page > 1 ? { href: link(page - 1) } : undefined,
              next: page < pages ? { href: link(page + 1) } : undefined,
              items: Array.from({ length: pages }, (_, index) => ({ number: index + 1, href: link(index + 1), current: index + 1 === page })),
            }
          : undefined,
    };
  }
}

/** The case list's orders, as the "Sort by" choice and the table's caption say them. */
const SORT_NAMES: Record<CaseListSort, string> = {
  newest: 'newest first',
  oldest: 'oldest first',
  nextDeadline: 'next deadline first',
};

/** The "as at" day of a case page's query (`asAt-day`, `-month`, `-year`), checked as the history's asOf is. */
function asAtOf(query: Record<string, unknown>): { day?: string; values: Record<string, string>; error?: string } {
  const asAt = dayOfParts(query, 'asAt');
  return asAt.error === undefined ? asAt : { ...asAt, error: `The date to show the case at must be a real date: ${asAt.error}.` };
}

/** The pending sign-in the cookie holds, if it holds one. */
function pendingOf(cookie: string | undefined): PendingSignIn | undefined {
  if (cookie === undefined) return undefined;
  try {
    const value = JSON.parse(Buffer.from(cookie, 'base64url').toString('utf8')) as Partial<PendingSignIn>;
    const { state, nonce, codeVerifier, redirectUri } = value;
    if ([state, nonce, codeVerifier, redirectUri].some((part) => typeof part !== 'string')) return undefined;
    return value as PendingSignIn;
  } catch {
    return undefined;
  }
}

/** Where to go once the purpose is stated: a page of the same case only (never another site, never another case). */
function returnPath(caseId: string, then: unknown): string | undefined {
  if (typeof then !== 'string') return undefined;
  const page = new RegExp(`^/casework/${caseId}(/steps/[A-Za-z]{1,64}|/export)?(\\?(subject|document)=[0-9a-f-]{36})?$`);
  return page.test(then) ? then : undefined;
}

function text(value: unknown): string {
  return (Array.isArray(value) ? String(value[0] ?? '') : typeof value === 'string' ? value : '').trim();
}

/** The purpose the session stated for this case (the guard has checked it is there). */
function purposeOf(request: Request): string {
  const header = request.headers['x-access-purpose'];
  return typeof header === 'string' ? Buffer.from(header, 'latin1').toString('utf8').trim() : '';
}

/** Field errors as the GOV.UK macros take them (`errorMessage: { text }`). */
function messages(errors: Record<string, string>): Record<string, { text: string }> {
  return Object.fromEntries(Object.entries(errors).map(([name, message]) => [name, { text: message }]));
}

function errorList(errors: Record<string, string>): { text: string; href: string }[] {
  return Object.entries(errors).map(([name, message]) => ({ text: message, href: `#${name}` }));
}

function summaryRows(item: CaseStatusItem): { key: { text: string }; value: { text: string } }[] {
  const rows: [string, string][] = [
    ['Stage', words(item.stage)],
    ['Case type', words(item.caseType)],
    ['Source', words(item.source)],
    ['Opened (came to attention)', longDay(item.openedOn)],
    ['Sensitivity', words(item.sensitivity)],
    ['Corruption categories', item.corruptionCategories.map(words).join(', ') || 'None'],
    ['IOPC mode', item.iopcMode === null ? 'Not referred' : words(item.iopcMode)],
    ['Closed', item.closedOn === null ? 'Open' : longDay(item.closedOn)],
  ];
  return rows.map(([key, value]) => ({ key: { text: key }, value: { text: value } }));
}

function deadlineState(deadline: DeadlineView): { text: string; classes: string } {
  if (deadline.overdue) return { text: 'Overdue', classes: 'govuk-tag--red' };
  if (deadline.metOn !== null) return deadline.outOfTime ? { text: 'Met late', classes: 'govuk-tag--orange' } : { text: 'Met', classes: 'govuk-tag--green' };
  if (deadline.lapsedOn !== null) return { text: 'Lapsed', classes: 'govuk-tag--grey' };
  return { text: 'Due', classes: 'govuk-tag--blue' };
}

function legalDayOf(entry: HistoryEntry): string | null {
  if (!isCaseEventType(entry.type)) return null;
  const event: unknown = { type: entry.type, data: entry.data };
  return legalInstantOf(event as CaseEvent)?.slice(0, 10) ?? null;
}

function timelineEntry(entry: HistoryEntry): Record<string, unknown> {
  const actor = (entry.actor ?? {}) as { userId?: string; roles?: string[]; force?: string };
  const corrects = entry.type === 'RecordCorrected' ? String((entry.data as { correctsEventId?: unknown }).correctsEventId ?? '') : undefined;
  return {
    what: words(entry.type),
    // Only an event with a legal date of its own has one to show (SubjectAdded's occurredAt is when it was decided).
    legalDate: legalDayOf(entry),
    recordedAt: entry.recordedAt,
    by: `${actor.userId ?? 'unknown'} (${(actor.roles ?? []).map(words).join(', ')}, ${actor.force ?? ''})`,
    corrects: corrects === undefined ? undefined : `the event ${corrects.slice(0, 8)}`,
    corrections: entry.correctedBy.map((note) => `by event ${note.eventId.slice(0, 8)}: ${note.reason}`),
  };
}
