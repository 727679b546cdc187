import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import { AccessPurpose, AccessPurposeGuard, ACCESS_PURPOSE_HEADER, MIN_PURPOSE_LENGTH } from '../../src/access/access-purpose';
import { CurrentActor, ReadRoute, ReadsProjections, Roles } from '../../src/http';
import type { Actor } from '../../src/http';
import { CASE_STATUS_PROJECTION } from '../common/case-status-views';
import { SearchQuery } from './search.dto';
import type { SearchPage } from './search.queries';
import { SEARCH_ROLES, SearchService } from './search.service';
import { SEARCH_PROJECTION } from './search.tables';

@ApiTags('search')
@Controller('search')
export class SearchController {
  constructor(private readonly service: SearchService) {}

  /**
   * Cases, people in cases, register entries and recommendations the reader may open that match
   * `q`, best first. Each result returned is recorded as a read, with the stated purpose.
   */
  @Get()
  @Roles(...SEARCH_ROLES)
  @UseGuards(AccessPurposeGuard)
  @ApiHeader({
    name: ACCESS_PURPOSE_HEADER,
    required: true,
    description: `Why you are searching (at least ${MIN_PURPOSE_LENGTH} characters): recorded with every result read.`,
  })
  @ReadsProjections(SEARCH_PROJECTION, CASE_STATUS_PROJECTION)
  @ReadRoute({
    operationId: 'Search',
    response: 'SearchPage',
    summary: 'Search the cases, people, registers and recommendations you may open',
    description:
      'The matching documents you may open, best first, and how many there are (hidden ones are neither returned nor counted). `fuzzy` is false where the server has no pg_trgm: whole words only.',
  })
  search(@Query() query: SearchQuery, @CurrentActor() actor: Actor, @AccessPurpose() purpose: string): Promise<SearchPage> {
    const { q, ...filter } = query;
    return this.service.search(actor, purpose, { ...filter, q: q.trim() });
  }
}
