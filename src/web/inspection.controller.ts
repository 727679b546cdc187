/**
 * The inspection pages (docs/web.md, "Inspection"): the HMICFRS figures of a force for a
 * period (charts, the figures in a table, the CSV), the Home Office tables of a financial
 * year, the recommendations and their state (with the forms of their routes,
 * recommendation-pages.controller.ts), the access log, and the check of a case export. Each
 * reads through its API route's own method (`ApiReads`, `@AsApiRead`), so the roles,
 * need-to-know and the force a reader may see are exactly the API's.
 */
import { Controller, Get, Inject, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { addDays, formatISO, parseISO, subYears } from 'date-fns';
import { createPublicKey } from 'node:crypto';
import { CLOCK } from '../common/clock';
import type { Clock } from '../common/clock';
import { ALL_FORCES } from '../common/force';
import { CurrentActor, Problem, problem } from '../http';
import type { Actor } from '../http';
import { verifyCaseExport } from '../ledger/case-export';
import { canonicalUuid } from '../http/uuid';
import type { CaseExport, ExportVerdict } from '../ledger/case-export';
import { LedgerController } from '../ledger/ledger.controller';
import type { SealPublicKeys } from '../ledger/seal-trust';
import { trustedKeys } from '../ledger/seal-signing';
import {
  AccessLogController,
  CaseExportController,
  InspectionMetricsController,
  MisconductStatisticsController,
  RecommendationsController,
} from '../../projections';
import type { AccessLogPage, InspectionFigures, MisconductStatistics, RecommendationPage } from '../../projections';
import { metricRows } from '../../projections/common/figures-http';
import { ApiReads, AsApiRead } from './api-reads';
import { inspectionTabs } from './inspection-tabs';
import { CommandForms } from './command-forms';
import { isAboutOne, offeredSteps, recordedStep, stepLink } from './command-step-pages';
import { RECOMMENDATION_STEPS } from './recommendation-pages.controller';
import { barChart } from './bar-chart';
import type { PageRequest } from './configure-pages';
import { dayOfParts, words } from './form-view';
import { PageErrorFilter } from './page-error.filter';
import { PageRenderer } from './page-renderer';

type Errors = Record<string, string>;

@ApiExcludeController()
@Controller()
@UseFilters(PageErrorFilter)
export class InspectionController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly reads: ApiReads,
    private readonly forms: CommandForms,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('inspection')
  home(@Req() request: PageRequest, @Res() response: Response): void {
    const [first] = inspectionTabs(request.page?.session?.actor);
    response.redirect(303, first?.href ?? '/casework');
  }

  /** The HMICFRS figures of a force over a period: charts, the same figures in a table, and the CSV. */
  @Get('inspection/figures')
  @AsApiRead(InspectionMetricsController, 'inspection')
  async figures(@Req() request: PageRequest, @Res() response: Response, @Query() query: Record<string, unknown>, @CurrentActor() actor: Actor): Promise<void> {
    const period = this.periodOf(query, actor);
    const view = { title: 'Inspection figures', ...this.section(actor, '/inspection/figures'), period };
    if (Object.keys(period.errors).length > 0) return this.renderWithErrors(request, response, 'inspection-figures', view, period.errors);
    let figures: InspectionFigures;
    try {
      figures = await this.reads.read(InspectionMetricsController, 'inspection', { request, response }, { query: period.query });
    } catch (error) {
      return this.refusedQuery(request, response, 'inspection-figures', view, error);
    }
    const csv = `/inspection/figures.csv?${new URLSearchParams(period.query).toString()}`;
    const bars = (record: Record<string, number>) => Object.entries(record).map(([label, value]) => ({ label: words(label), value }));
    const charts = [
      { title: 'Outcomes imposed', bars: bars(figures.outcomes) },
      { title: 'Cases by corruption category', bars: bars(figures.byCorruptionCategory) },
      { title: 'IOPC referrals by mode of investigation', bars: bars(figures.iopcReferrals.byMode) },
    ].map((chart) => ({ ...chart, svg: barChart(chart.title, chart.bars) }));
    this.pages.render(request, response, 'inspection-figures', {
      ...view,
      figures,
      csv,
      charts,
      rows: metricRows(figures)
        .filter(([metric]) => !['force', 'from', 'to'].includes(metric))
        .map(([metric, value]) => ({ metric, label: metric.split('.').map(words).join(': '), value: value === '' ? 'None' : value })),
    });
  }

  /** The same figures as `GET /metrics/inspection` with `Accept: text/csv`, as a file to download. */
  @Get('inspection/figures.csv')
  @AsApiRead(InspectionMetricsController, 'inspection')
  async figuresCsv(
    @Req() request: PageRequest,
    @Res() response: Response,
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    const period = this.periodOf(query, actor);
    if (Object.keys(period.errors).length > 0) throw problem(400, 'bad-request', Object.values(period.errors)[0]);
    const csv = await this.reads.read<InspectionMetricsController, string>(
      InspectionMetricsController,
      'inspection',
      { request, response },
      { query: period.query, headers: { accept: 'text/csv' } },
    );
    const name = `inspection-${period.query.force ?? actor.force}-${period.query.from}-${period.query.to}.csv`.toLowerCase();
    response.setHeader('Content-Disposition', `attachment; filename="${name.replace(/[^a-z0-9_.-]/g, '-')}"`);
    response.setHeader('Cache-Control', 'no-store');
    response.send(csv);
  }

  /** The Home Office's annual misconduct tables of a financial year. */
  @Get('inspection/statistics')
  @AsApiRead(MisconductStatisticsController, 'misconduct')
  async statistics(
    @Req() request: PageRequest,
    @Res() response: Response,
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    const today = this.clock.today();
    // The financial year that ended most recently is the one a return is made for.
    const lastYear = Number(today.slice(0, 4)) - (today.slice(5) >= '04-01' ? 1 : 2);
    const given = { force: forceOf(query, actor), year: text(query.year) || String(lastYear) };
    const view = {
      title: 'Home Office tables',
      ...this.section(actor, '/inspection/statistics'),
      given,
      years: Array.from({ length: 8 }, (_, back) => String(lastYear + 1 - back)).map((year) => ({
        value: year,
        text: `April ${year} to March ${Number(year) + 1}`,
        selected: year === given.year,
      })),
      askForce: actor.force === ALL_FORCES,
    };
    if (given.force === undefined && actor.force === ALL_FORCES) return this.pages.render(request, response, 'inspection-statistics', view);
    let statistics: MisconductStatistics;
    try {
      statistics = await this.reads.read(MisconductStatisticsController, 'misconduct', { request, response }, { query: definedOnly(given) });
    } catch (error) {
      return this.refusedQuery(request, response, 'inspection-statistics', view, error);
    }
    const proceedings = Object.entries(statistics.proceedings.byType).map(([kind, value]) => ({ label: words(kind), value }));
    this.pages.render(request, response, 'inspection-statistics', {
      ...view,
      statistics,
      proceedingsChart: barChart('Proceedings concluded, by type', proceedings),
      tables: statisticsTables(statistics),
    });
  }

  /** The recommendations made to the force, with their state, each with the forms of its follow-up (recommendation-pages.controller.ts). */
  @Get('inspection/recommendations')
  @AsApiRead(RecommendationsController, 'list')
  async recommendations(
    @Req() request: PageRequest,
    @Res() response: Response,
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    const given = definedOnly({ force: forceOf(query, actor), overdue: ['true', 'false'].includes(text(query.overdue)) ? text(query.overdue) : undefined });
    const view = { title: 'Recommendations', ...this.section(actor, '/inspection/recommendations'), given, askForce: actor.force === ALL_FORCES };
    let found: RecommendationPage;
    try {
      found = await this.reads.read(RecommendationsController, 'list', { request, response }, { query: given });
    } catch (error) {
      return this.refusedQuery(request, response, 'inspection-recommendations', view, error);
    }
    const steps = offeredSteps(this.forms, RECOMMENDATION_STEPS, actor);
    this.pages.render(request, response, 'inspection-recommendations', {
      ...view,
      recorded: recordedStep(this.forms, RECOMMENDATION_STEPS, actor, query.recorded),
      recommendations: found.items.map((item) => ({
        ...item,
        // A completed recommendation takes nothing more (recommendationCompleted); the others are judged when sent.
        steps:
          item.status === 'COMPLETED'
            ? []
            : steps.filter((form) => isAboutOne(RECOMMENDATION_STEPS, form)).map((form) => stepLink(RECOMMENDATION_STEPS, form, item.recommendationId)),
      })),
      total: found.total,
      followsUp: steps.some((form) => isAboutOne(RECOMMENDATION_STEPS, form)),
      newSteps: steps.filter((form) => !isAboutOne(RECOMMENDATION_STEPS, form)).map((form) => stepLink(RECOMMENDATION_STEPS, form)),
    });
  }

  /** Who read what, and why: each read recorded with its purpose, granted or refused. */
  @Get('inspection/access-log')
  @AsApiRead(AccessLogController, 'list')
  async accessLog(
    @Req() request: PageRequest,
    @Res() response: Response,
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    const given = definedOnly(
      Object.fromEntries(['caseId', 'userId', 'from', 'to', 'page'].map((name) => [name, text(query[name]) || undefined])) as Record<
        string,
        string | undefined
      >,
    );
    const view = { title: 'Access log', ...this.section(actor, '/inspection/access-log'), given };
    let found: AccessLogPage;
    try {
      found = await this.reads.read(AccessLogController, 'list', { request, response }, { query: given });
    } catch (error) {
      return this.refusedQuery(request, response, 'inspection-access-log', view, error);
    }
    const pages = Math.max(1, Math.ceil(found.total / found.pageSize));
    const link = (to: number): string => `/inspection/access-log?${new URLSearchParams({ ...given, page: String(to) }).toString()}`;
    this.pages.render(request, response, 'inspection-access-log', {
      ...view,
      entries: found.items,
      total: found.total,
      pagination:
        pages > 1
          ? {
              previous: found.page > 1 ? { href: link(found.page - 1) } : undefined,
              next: found.page < pages ? { href: link(found.page + 1) } : undefined,
              items: Array.from({ length: pages }, (_, index) => ({ number: index + 1, href: link(index + 1), current: index + 1 === found.page })),
            }
          : undefined,
    });
  }

  /**
   * A case's export, as `GET /cases/{caseId}/export` answers it (the case read with the
   * purpose stated in the session, and recorded), as a file to download and check.
   */
  @Get('casework/:caseId/export')
  @AsApiRead(CaseExportController, 'export')
  async caseExport(@Req() request: PageRequest, @Res() response: Response, @Param('caseId') caseId: string): Promise<void> {
    const exported = await this.reads.read<CaseExportController, CaseExport>(CaseExportController, 'export', { request, response }, { params: { caseId } });
    response.setHeader('Content-Disposition', `attachment; filename="case-${exported.caseId}.json"`);
    response.setHeader('Cache-Control', 'no-store');
    response.type('application/json').send(JSON.stringify(exported, null, 2));
  }

  /** The case to export, from the verify page's form: its export page (which asks the purpose first). */
  @Get('inspection/export')
  @AsApiRead(LedgerController, 'publicKey')
  async exportOf(@Req() request: PageRequest, @Res() response: Response, @Query('caseId') caseId: unknown, @CurrentActor() actor: Actor): Promise<void> {
    const id = canonicalUuid(text(caseId));
    if (id !== undefined) return response.redirect(303, `/casework/${id}/export`);
    const keys = await this.reads.read<LedgerController, SealPublicKeys>(LedgerController, 'publicKey', { request, response });
    this.renderWithErrors(request, response, 'inspection-verify', this.verifyView(actor, keys, { caseId: text(caseId) }), {
      caseId: 'Enter the case id, a UUID such as 6f1c0a52-8d7e-4c1b-9a8e-2b5d3c4e5f60',
    });
  }

  /** The check of a case export: in the browser with WebCrypto (verify-export.js), or here when scripts do not run. */
  @Get('inspection/verify')
  @AsApiRead(LedgerController, 'publicKey')
  async verifyPage(@Req() request: PageRequest, @Res() response: Response, @Query('caseId') caseId: unknown, @CurrentActor() actor: Actor): Promise<void> {
    const keys = await this.reads.read<LedgerController, SealPublicKeys>(LedgerController, 'publicKey', { request, response });
    this.pages.render(request, response, 'inspection-verify', this.verifyView(actor, keys, { caseId: text(caseId) }));
  }

  /** The same check on the server, for a browser without scripts: the pasted export against the ledger's public keys. */
  @Post('inspection/verify')
  @AsApiRead(LedgerController, 'publicKey')
  async verify(@Req() request: PageRequest, @Res() response: Response, @CurrentActor() actor: Actor): Promise<void> {
    const keys = await this.reads.read<LedgerController, SealPublicKeys>(LedgerController, 'publicKey', { request, response });
    const pasted = text((request.body as Record<string, unknown>).export);
    if (pasted === '') {
      const errors = { export: 'Paste the case export to check' };
      return this.renderWithErrors(request, response, 'inspection-verify', this.verifyView(actor, keys, {}), errors);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(pasted);
    } catch {
      parsed = undefined;
    }
    const verdict = verifyCaseExport(parsed, { trustedKeys: trustedKeys(...keys.keys.map((key) => createPublicKey(key.publicKeyPem))) });
    this.pages.render(request, response, 'inspection-verify', { ...this.verifyView(actor, keys, {}), verdict: describeVerdict(verdict, parsed) });
  }

  private verifyView(actor: Actor, keys: SealPublicKeys, given: { caseId?: string }): Record<string, unknown> {
    return {
      title: 'Verify a case',
      ...this.section(actor, '/inspection/verify'),
      // In a script element: no "<" may end it early.
      keys: JSON.stringify(keys.keys).replace(/</g, '\\u003c'),
      keysText: keys.keys.map((key) => `${key.keyId}\n${key.publicKeyPem}`).join('\n'),
      given,
    };
  }

  private section(actor: Actor, active: string): { section: string; tabs: ReturnType<typeof inspectionTabs> } {
    return { section: 'inspection', tabs: inspectionTabs(actor, active) };
  }

  /** The period and force of a figures page: GOV.UK date inputs (or the API's `from` and `to`), by default the twelve months to today. */
  private periodOf(
    query: Record<string, unknown>,
    actor: Actor,
  ): { query: Record<string, string>; values: Record<string, string>; errors: Errors; force?: string } {
    const today = this.clock.today();
    const from = dayOfParts(query, 'from');
    const to = dayOfParts(query, 'to');
    const errors: Errors = {};
    if (from.error !== undefined) errors['from-day'] = `The first day must be a real date: ${from.error}`;
    if (to.error !== undefined) errors['to-day'] = `The last day must be a real date: ${to.error}`;
    // The CSV link names its days as the API does (`from=YYYY-MM-DD`), checked by the route's own query class.
    const fromDay = from.day ?? (text(query.from) || formatISO(addDays(subYears(parseISO(today), 1), 1), { representation: 'date' }));
    const toDay = to.day ?? (text(query.to) || today);
    const force = forceOf(query, actor);
    if (force === undefined && actor.force === ALL_FORCES) errors.force = 'Enter the code of the force, for example HAMPSHIRE';
    // A blank date input is the default day; a wrong one is shown as it was typed.
    const values = {
      ...(from.error === undefined ? dayValues('from', fromDay) : from.values),
      ...(to.error === undefined ? dayValues('to', toDay) : to.values),
    };
    return { query: definedOnly({ force, from: fromDay, to: toDay }), values, errors, force };
  }

  private renderWithErrors(request: PageRequest, response: Response, view: string, context: Record<string, unknown>, errors: Errors): void {
    this.pages.render(
      request,
      response,
      view,
      {
        ...context,
        errors: Object.fromEntries(Object.entries(errors).map(([name, message]) => [name, { text: message }])),
        errorList: Object.entries(errors).map(([name, message]) => ({ text: message, href: `#${name}` })),
      },
      400,
    );
  }

  /** A query the route refused (400, 403): said on the page, against its field where it names one. */
  private refusedQuery(request: PageRequest, response: Response, view: string, context: Record<string, unknown>, error: unknown): void {
    if (!(error instanceof Problem) || ![400, 403].includes(error.getStatus())) throw error;
    const fields = error.details.errors ?? [];
    const errors: Errors =
      fields.length > 0
        ? Object.fromEntries(
            fields.map(({ field, message }) => [
              view === 'inspection-figures' && ['from', 'to'].includes(field) ? `${field}-day` : field,
              `${words(field)}: ${message}`,
            ]),
          )
        : { force: String(error.details.detail ?? 'The request was refused.') };
    this.renderWithErrors(request, response, view, context, errors);
  }
}

function text(value: unknown): string {
  return (Array.isArray(value) ? String(value[0] ?? '') : typeof value === 'string' ? value : '').trim();
}

function forceOf(query: Record<string, unknown>, actor: Actor): string | undefined {
  const force = text(query.force).toUpperCase();
  if (force !== '') return force;
  return actor.force === ALL_FORCES ? undefined : actor.force;
}

function definedOnly<T extends Record<string, string | undefined>>(values: T): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined && value !== '')) as Record<string, string>;
}

function dayValues(prefix: string, day: string): Record<string, string> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return {};
  const [year, month, date] = day.split('-');
  return { [`${prefix}-day`]: String(Number(date)), [`${prefix}-month`]: String(Number(month)), [`${prefix}-year`]: year };
}

interface Table {
  title: string;
  columns: string[];
  rows: { label: string; cells: string[] }[];
}

/**
 * The Home Office tables as tables: each part of the statistics whose entries are rows (a
 * rank, a type of proceedings), each row's figures its columns, named as the API names them.
 */
export function statisticsTables(statistics: MisconductStatistics): Table[] {
  const parts: [string, unknown][] = [
    ['Proceedings concluded, by type', statistics.proceedings.byType],
    ['Outcomes, by type of proceedings', statistics.outcomes.byType],
    ['Outcomes, all proceedings', statistics.outcomes.total],
    ['Findings, by type of proceedings', statistics.findings],
    ['Outcomes, by rank', statistics.byRank],
    ['Outcomes, by workforce type', statistics.byWorkforceType],
    ['Allegations, by corruption category', statistics.byAllegationCategory],
    ['Findings, by standard of professional behaviour', statistics.byBreachType],
    ['Former officers: what would have been imposed', { 'Former officers': statistics.formerOfficers }],
    ['Barred list entries, by basis', statistics.barredListEntries.byBasis],
    ['Barred list entries, by workforce type', statistics.barredListEntries.byWorkforceType],
  ];
  return parts.map(([title, part]) => {
    const entries = Object.entries(part as Record<string, unknown>);
    const columns = [
      ...new Set(entries.flatMap(([, value]) => (typeof value === 'object' && value !== null ? metricRows(value).map(([name]) => name) : ['Number']))),
    ];
    return {
      title,
      columns: columns.map((column) => column.split('.').map(words).join(': ')),
      rows: entries.map(([label, value]) => {
        const cells = typeof value === 'object' && value !== null ? new Map(metricRows(value)) : new Map([['Number', String(value)]]);
        return { label: words(label), cells: columns.map((column) => cells.get(column) ?? '') };
      }),
    };
  });
}

/** A verdict in words: "altered" names the first event that does not hold. */
export function describeVerdict(verdict: ExportVerdict, parsed: unknown): Record<string, unknown> {
  const mismatch = verdict.firstMismatch;
  const events = (parsed as Partial<CaseExport> | undefined)?.events;
  const event = mismatch?.eventId ? events?.find((candidate) => candidate.eventId === mismatch.eventId) : undefined;
  return {
    ok: verdict.ok,
    status: verdict.ok ? 'Intact' : mismatch?.kind === 'MALFORMED_EXPORT' ? 'Not a case export' : 'Altered',
    caseId: verdict.caseId,
    eventsChecked: verdict.eventsChecked,
    sealedEvents: verdict.sealedEvents,
    unsealedEvents: verdict.unsealedEvents,
    sealSignature: words(verdict.sealSignature),
    kind: mismatch === null ? undefined : words(mismatch.kind),
    detail: mismatch?.detail,
    event: mismatch?.eventId ? { eventId: mismatch.eventId, revision: mismatch.revision, type: event?.type } : undefined,
  };
}
