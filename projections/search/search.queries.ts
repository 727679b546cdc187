import { Inject, Injectable, Logger } from '@nestjs/common';
import { Pool } from 'pg';
import type { CaseListScope } from '../../src/access/case-access-policy';
import { PG_POOL } from '../../src/database/database.module';
import { caseScopeCondition, CASE_STATUS_TABLE } from '../common/case-status-views';
import { isNotBuiltYet } from '../runner/read-model-errors';
import type { SearchKind } from './search.projection';
import { SEARCH_DOCUMENTS_TABLE, SEARCH_PEOPLE_TABLE } from './search.tables';

/** What a reader may find, as data the query filters on: the rules of a single read of each kind of record. */
export interface SearchScope {
  /** The case read rules with the reader's declared conflicts (CaseReadAccess.scope); null: no case may be read. */
  cases: CaseListScope | null;
  /** Register entries: the reader's force (null: every force), never their own (src/registers/person-access.ts); null: none. */
  people: { force: string | null; excludePersonId: string } | null;
  /** Recommendations made to the reader's force (null: every force); null: none. */
  recommendations: { force: string | null } | null;
}

export interface SearchFilter {
  q: string;
  kind?: SearchKind;
  force?: string;
  caseType?: string;
  stage?: string;
  category?: string;
  flag?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export interface SearchResult {
  kind: SearchKind;
  caseId: string | null;
  personId: string | null;
  recommendationId: string | null;
  /** The register of an entry, the source of a recommendation. */
  entry: string | null;
  force: string | null;
  /** The case's opening day, the entry's or the recommendation's date. */
  on: string | null;
  caseType: string | null;
  stage: string | null;
  flags: string[];
  /** A few words of the text around what matched, the matches in `[[` and `]]`. */
  excerpt: string;
  score: number;
}

export interface SearchPage {
  results: SearchResult[];
  /** How many documents the reader may see match: hidden ones are never counted. */
  total: number;
  /** Whether names and references were matched fuzzily (pg_trgm), or whole words only. */
  fuzzy: boolean;
}

/**
 * The documents a reader may open that match a query, best first. Access is judged in the
 * query, per kind, by the same rules as a single read: a case's documents (the case, a person
 * in it) on the case's current case-status row with the case read rules (caseScopeCondition), a
 * register entry on its person's force and never one's own, a recommendation on its force; a
 * document whose case the case-status read model does not have yet is left out. So a hidden
 * document is neither returned nor counted.
 */
@Injectable()
export class SearchQueries {
  private readonly logger = new Logger(SearchQueries.name);
  private trigrams: Promise<boolean> | undefined;

  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** Whether pg_trgm is installed (checked once per process; the migration installs it where it can). */
  fuzzy(): Promise<boolean> {
    this.trigrams ??= this.pool
      .query<{ installed: boolean }>(`SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') AS installed`)
      .then(({ rows }) => {
        const installed = rows[0]?.installed ?? false;
        if (!installed) this.logger.warn('pg_trgm is not installed: search matches whole words only, without fuzzy matching of names and references');
        return installed;
      });
    return this.trigrams;
  }

  async search(filter: SearchFilter, scope: SearchScope): Promise<SearchPage> {
    const fuzzy = await this.fuzzy();
    const parameters: unknown[] = [];
    const parameter = (value: unknown): string => `$${parameters.push(value)}`;
    const q = parameter(filter.q);
    const tsquery = `websearch_to_tsquery('english', ${q})`;
    const reference = parameter(`%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const matches = [`d.tsv @@ ${tsquery}`, `d.reference ILIKE ${reference}`];
    if (fuzzy) matches.push(`${q} <% d.body`, `${q} <% d.reference`);
    const score = `ts_rank_cd(d.tsv, ${tsquery}) * 2${fuzzy ? ` + greatest(word_similarity(${q}, d.body), word_similarity(${q}, d.reference))` : ''} + CASE WHEN d.reference ILIKE ${reference} THEN 1 ELSE 0 END`;

    const visible: string[] = [];
    if (scope.cases !== null) visible.push(`(d.kind IN ('case', 'person') AND c.case_id IS NOT NULL AND ${caseScopeCondition(scope.cases, parameter)})`);
    if (scope.people !== null) {
      const force = scope.people.force === null ? 'true' : `coalesce(p.holder_force, p.register_force, d.force) = ${parameter(scope.people.force)}`;
      visible.push(`(d.kind = 'register-entry' AND d.person_id <> ${parameter(scope.people.excludePersonId)} AND ${force})`);
    }
    if (scope.recommendations !== null) {
      const force = scope.recommendations.force === null ? 'true' : `d.force = ${parameter(scope.recommendations.force)}`;
      visible.push(`(d.kind = 'recommendation' AND ${force})`);
    }
    if (visible.length === 0) return { results: [], total: 0, fuzzy };

    const forceOf = `CASE WHEN d.kind IN ('case', 'person') THEN c.force WHEN d.kind = 'register-entry' THEN coalesce(p.holder_force, p.register_force, d.force) ELSE d.force END`;
    const dayOf = `CASE WHEN d.kind IN ('case', 'person') THEN c.received_on ELSE d.on_day END`;
    const where = [`(${matches.join(' OR ')})`, `(${visible.join(' OR ')})`];
    if (filter.kind !== undefined) where.push(`d.kind = ${parameter(filter.kind)}`);
    if (filter.force !== undefined) where.push(`${forceOf} = ${parameter(filter.force)}`);
    // A case's attributes filter to the documents of cases that have them.
    if (filter.caseType !== undefined) where.push(`c.case_type = ${parameter(filter.caseType)}`);
    if (filter.stage !== undefined) where.push(`c.stage = ${parameter(filter.stage)}`);
    if (filter.category !== undefined) where.push(`c.corruption_categories @> ARRAY[${parameter(filter.category)}::text]`);
    if (filter.flag !== undefined) where.push(`c.flags @> ARRAY[${parameter(filter.flag)}::text]`);
    if (filter.from !== undefined) where.push(`${dayOf} >= ${parameter(filter.from)}::date`);
    if (filter.to !== undefined) where.push(`${dayOf} <= ${parameter(filter.to)}::date`);
    const limit = parameter(filter.pageSize);
    const offset = parameter((filter.page - 1) * filter.pageSize);

    const text = `
      WITH found AS (
        SELECT d.kind, d.case_id, d.person_id, d.reference, d.entry, d.body,
               ${forceOf} AS force, to_char(${dayOf}, 'YYYY-MM-DD') AS on_day, c.case_type, c.stage, c.flags,
               ${score} AS score
          FROM ${SEARCH_DOCUMENTS_TABLE} d
          LEFT JOIN ${CASE_STATUS_TABLE} c ON c.case_id = d.case_id AND d.kind IN ('case', 'person')
          LEFT JOIN ${SEARCH_PEOPLE_TABLE} p ON p.person_id = d.person_id AND d.kind = 'register-entry'
         WHERE ${where.join(' AND ')}
      )
      SELECT (SELECT count(*) FROM found) AS total, page.*,
             ts_headline('english', page.body, ${tsquery}, 'StartSel=[[, StopSel=]], MaxWords=25, MinWords=10, MaxFragments=2') AS excerpt
        FROM (SELECT * FROM found
               ORDER BY score DESC, array_position(ARRAY['case', 'person', 'register-entry', 'recommendation'], kind), reference
               LIMIT ${limit} OFFSET ${offset}) AS page
       ORDER BY score DESC, array_position(ARRAY['case', 'person', 'register-entry', 'recommendation'], kind), reference`;
    let rows: Row[];
    try {
      rows = (await this.pool.query<Row>(text, parameters)).rows;
    } catch (error) {
      // Before the runners have made the first generations there are no views: nothing to find yet.
      if (isNotBuiltYet(error)) return { results: [], total: 0, fuzzy };
      throw error;
    }
    const total = rows.length > 0 ? Number(rows[0].total) : await this.count(text, parameters, filter);
    return { results: rows.map(toResult), total, fuzzy };
  }

  /** The total when the page is past the last result (no row carries it). */
  private async count(text: string, parameters: unknown[], filter: SearchFilter): Promise<number> {
    if (filter.page === 1) return 0;
    const first = parameters.slice();
    first[first.length - 1] = 0;
    const { rows } = await this.pool.query<Row>(text, first);
    return rows.length > 0 ? Number(rows[0].total) : 0;
  }
}

interface Row {
  total: string;
  kind: SearchKind;
  case_id: string | null;
  person_id: string | null;
  reference: string;
  entry: string | null;
  force: string | null;
  on_day: string | null;
  case_type: string | null;
  stage: string | null;
  flags: string[] | null;
  score: number;
  excerpt: string;
}

function toResult(row: Row): SearchResult {
  return {
    kind: row.kind,
    caseId: row.case_id,
    personId: row.person_id,
    recommendationId: row.kind === 'recommendation' ? row.reference.split(' ')[0] : null,
    entry: row.entry,
    force: row.force,
    on: row.on_day,
    caseType: row.case_type,
    stage: row.stage,
    flags: row.flags ?? [],
    excerpt: row.excerpt,
    score: Number(row.score),
  };
}
