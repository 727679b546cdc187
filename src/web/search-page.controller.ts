/**
 * The search page, /find (docs/web.md, "Search"): the GOV.UK search pattern over `GET /search`'s own
 * query class, validation and SearchService, so what a reader finds on the page, what is
 * hidden from them and what is recorded of it (each result read, with the purpose the page
 * asks for) are the API's. The query and purpose travel in the page's address as a GET form
 * does; the request log never records a query string (src/http/request-log.ts).
 */
import { Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { MAX_PURPOSE_LENGTH, MIN_PURPOSE_LENGTH } from '../access/access-purpose';
import { CASE_FLAGS, CASE_STAGES, CASE_TYPES, CORRUPTION_CATEGORIES } from '../cases/case.enums';
import { CurrentActor, Problem, ReadsProjections, Roles } from '../http';
import type { Actor } from '../http';
import { createValidationPipe } from '../http/validation';
import { SEARCH_KINDS, SEARCH_PROJECTION, SEARCH_ROLES, SearchQuery, SearchService } from '../../projections';
import type { SearchPage, SearchResult } from '../../projections';
import { CASE_STATUS_PROJECTION } from '../../projections/common/case-status-views';
import type { PageRequest } from './configure-pages';
import { words } from './form-view';
import { PageErrorFilter } from './page-error.filter';
import { PageRenderer } from './page-renderer';

const KIND_NAMES: Record<string, string> = { case: 'Case', person: 'Person in a case', 'register-entry': 'Register entry', recommendation: 'Recommendation' };
const FILTERS = ['kind', 'force', 'caseType', 'stage', 'category', 'flag', 'from', 'to'] as const;

@ApiExcludeController()
@Controller('find')
@UseFilters(PageErrorFilter)
export class SearchPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly search: SearchService,
  ) {}

  @Get()
  @Roles(...SEARCH_ROLES)
  @ReadsProjections(SEARCH_PROJECTION, CASE_STATUS_PROJECTION)
  async page(@Req() request: PageRequest, @Res() response: Response, @Query() query: Record<string, unknown>, @CurrentActor() actor: Actor): Promise<void> {
    // Blank fields are no filters, as on the case list.
    const given = Object.fromEntries(Object.entries(query).filter(([, value]) => typeof value === 'string' && value.trim() !== '')) as Record<string, string>;
    const { purpose = '', ...fields } = given;
    if (fields.q === undefined) return this.pages.render(request, response, 'search', this.view(given, undefined, {}));
    const errors: Record<string, string> = {};
    const stated = purpose.trim();
    if (stated.length < MIN_PURPOSE_LENGTH || stated.length > MAX_PURPOSE_LENGTH) {
      errors.purpose = `Say why you are searching, in ${MIN_PURPOSE_LENGTH} to ${MAX_PURPOSE_LENGTH} characters`;
    }
    let filter: SearchQuery | undefined;
    try {
      filter = (await createValidationPipe().transform(fields, { type: 'query', metatype: SearchQuery })) as SearchQuery;
    } catch (error) {
      if (!(error instanceof Problem)) throw error;
      for (const { field, message } of error.details.errors ?? []) errors[field] ??= message;
    }
    if (filter === undefined || Object.keys(errors).length > 0) {
      const errorList = Object.entries(errors).map(([field, text]) => ({ text, href: `#${field}` }));
      return this.pages.render(request, response, 'search', { ...this.view(given, undefined, errors), errorList }, 400);
    }
    const { q, ...rest } = filter;
    const found = await this.search.search(actor, stated, { ...rest, q: q.trim() });
    this.pages.render(request, response, 'search', this.view(given, found, {}));
  }

  private view(given: Record<string, string>, found: SearchPage | undefined, errors: Record<string, string>): Record<string, unknown> {
    const options = (name: string, values: readonly string[], text: (value: string) => string = words) => [
      { value: '', text: 'Any' },
      ...values.map((value) => ({ value, text: text(value), selected: given[name] === value })),
    ];
    const page = Number(given.page ?? 1);
    const pageSize = Number(given.pageSize ?? 20);
    const pages = found === undefined ? 1 : Math.max(1, Math.ceil(found.total / pageSize));
    const link = (to: number): string => `/find?${new URLSearchParams({ ...given, page: String(to) }).toString()}`;
    return {
      title: 'Search',
      section: 'search',
      values: given,
      errors: Object.fromEntries(Object.entries(errors).map(([field, text]) => [field, { text }])),
      found,
      results: found?.results.map(resultView) ?? [],
      filtered: FILTERS.some((name) => given[name] !== undefined),
      kindItems: options('kind', SEARCH_KINDS, (kind) => KIND_NAMES[kind]),
      caseTypeItems: options('caseType', CASE_TYPES),
      stageItems: options('stage', CASE_STAGES),
      categoryItems: options('category', CORRUPTION_CATEGORIES),
      flagItems: options('flag', CASE_FLAGS),
      pagination:
        found !== undefined && pages > 1
          ? {
              previous: page > 1 ? { href: link(page - 1) } : undefined,
              next: page < pages ? { href: link(page + 1) } : undefined,
              items: Array.from({ length: Math.min(pages, 20) }, (_, index) => ({ number: index + 1, href: link(index + 1), current: index + 1 === page })),
            }
          : undefined,
    };
  }
}

/** A result as the page shows it: what it is, where it leads, and its excerpt in pieces (matches marked). */
function resultView(result: SearchResult): Record<string, unknown> {
  const title =
    result.kind === 'case'
      ? `Case ${result.caseId?.slice(0, 8)}`
      : result.kind === 'person'
        ? `Person ${result.personId?.slice(0, 8) ?? ''} in case ${result.caseId?.slice(0, 8)}`
        : result.kind === 'register-entry'
          ? `${words(result.entry ?? 'Register entry')} of person ${result.personId?.slice(0, 8)}`
          : `Recommendation ${result.recommendationId?.slice(0, 8)}`;
  return {
    ...result,
    kindName: KIND_NAMES[result.kind],
    title,
    href: result.caseId !== null ? `/casework/${result.caseId}` : undefined,
    excerpt: result.excerpt.split(/(\[\[.*?\]\])/).flatMap((piece) => {
      if (piece === '') return [];
      const hit = /^\[\[(.*)\]\]$/.exec(piece);
      return [{ text: hit ? hit[1] : piece, hit: hit !== null }];
    }),
  };
}
