/**
 * `GET /erasure-requests?state=` (ADMIN): the erasure requests of the ADMIN's force (every
 * force's for a national ADMIN), waiting ones by default, for the second ADMIN who approves or
 * withdraws them (src/vault/erasure.ts). It answers ids, states, users and instants only: an
 * ADMIN reads no case and no person (need-to-know), so neither the reason nor any personal data.
 */
import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { OneOfField } from '../../src/common/dto-fields';
import { ALL_FORCES } from '../../src/common/force';
import { CurrentActor, ReadRoute, ReadsProjections, Roles } from '../../src/http';
import type { Actor } from '../../src/http';
import { ERASURE_REQUEST_STATES, ERASURE_REQUESTS_PROJECTION } from './erasure-requests.projection';
import type { ErasureRequestState } from './erasure-requests.projection';
import { ErasureRequestsQueries } from './erasure-requests.queries';
import type { ErasureRequestPage } from './erasure-requests.queries';

export class ErasureRequestListQuery {
  @OneOfField(ERASURE_REQUEST_STATES, { optional: true, description: 'WAITING (the default): asked, neither approved nor withdrawn' })
  state?: ErasureRequestState;
}

@ApiTags('vault')
@Controller('erasure-requests')
export class ErasureRequestsController {
  constructor(private readonly queries: ErasureRequestsQueries) {}

  @Get()
  @Roles('ADMIN')
  @ReadsProjections(ERASURE_REQUESTS_PROJECTION)
  @ReadRoute({
    operationId: 'ListErasureRequests',
    summary: "The erasure requests of the ADMIN's force (100 beside a total): ids, state, who asked and when, when it may be approved; no personal data",
    response: 'ErasureRequestPage',
  })
  list(@Query() query: ErasureRequestListQuery, @CurrentActor() actor: Actor): Promise<ErasureRequestPage> {
    return this.queries.list({ scope: actor.force === ALL_FORCES ? null : actor.force, state: query.state ?? 'WAITING' });
  }
}
