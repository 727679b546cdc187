import { Injectable } from '@nestjs/common';
import { AccessRecorder } from '../../src/access-log/access-recorder';
import { accessEntry } from '../../src/access-log/access.events';
import type { AccessEntry } from '../../src/access-log/access.events';
import { CaseReadAccess } from '../../src/access/case-read-access';
import { ALL_FORCES, CASE_READER_ROLES } from '../../src/access/case-access-policy';
import type { Actor, Role } from '../../src/http';
import { RECOMMENDATION_READERS } from '../../src/recommendations/recommendation.routes';
import { REGISTER_READERS } from '../../src/registers/person-access';
import { SearchFilter, SearchPage, SearchQueries, SearchScope } from './search.queries';

/** The roles that may search: any that reads one of the kinds of record found. */
export const SEARCH_ROLES: Role[] = [...new Set<Role>([...CASE_READER_ROLES, ...REGISTER_READERS, ...RECOMMENDATION_READERS])];

/**
 * One search, for the API (GET /search) and the page (/find): the reader's scope per kind of
 * record (the rules of a single read: src/access for cases, with the reader's declared
 * conflicts; src/registers/person-access.ts for a person's entries; the force for
 * recommendations), the query, and every result it returns recorded as a read with the
 * search's purpose: a case or a person in it as `CaseAccessed`, a register entry as
 * `PersonRecordAccessed`, a recommendation as `RecommendationAccessed` (src/access-log).
 */
@Injectable()
export class SearchService {
  constructor(
    private readonly queries: SearchQueries,
    private readonly access: CaseReadAccess,
    private readonly recorder: AccessRecorder,
  ) {}

  async search(actor: Actor, purpose: string, filter: SearchFilter): Promise<SearchPage> {
    const found = await this.queries.search(filter, this.scope(actor));
    const entries = new Map<string, AccessEntry>();
    for (const result of found.results) {
      if ((result.kind === 'case' || result.kind === 'person') && result.caseId !== null) {
        entries.set(`case:${result.caseId}`, accessEntry({ kind: 'case', subjectId: result.caseId, reader: actor, purpose, force: result.force }, null));
      } else if (result.kind === 'register-entry' && result.personId !== null) {
        entries.set(
          `person:${result.personId}`,
          accessEntry({ kind: 'person', subjectId: result.personId, reader: actor, purpose, force: result.force }, null),
        );
      } else if (result.kind === 'recommendation' && result.recommendationId !== null) {
        entries.set(
          `recommendation:${result.recommendationId}`,
          accessEntry({ kind: 'recommendation', subjectId: result.recommendationId, reader: actor, purpose, force: result.force }, null),
        );
      }
    }
    // Recorded before the answer, as a single read is: a read that cannot be recorded is not served.
    await Promise.all([...entries.values()].map((entry) => this.recorder.record(entry)));
    return found;
  }

  private scope(actor: Actor): SearchScope {
    const may = (roles: readonly Role[]) => actor.roles.some((role) => roles.includes(role));
    const force = actor.force === ALL_FORCES ? null : actor.force;
    return {
      cases: may(CASE_READER_ROLES) ? this.access.scope(actor) : null,
      people: may(REGISTER_READERS) ? { force, excludePersonId: actor.userId } : null,
      recommendations: may(RECOMMENDATION_READERS) ? { force } : null,
    };
  }
}
