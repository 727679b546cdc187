import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { OptionalBooleanQuery } from '../../src/common/dto-fields';
import { CurrentActor, ReadRoute, ReadsProjections, Roles } from '../../src/http';
import type { Actor } from '../../src/http';
import { RECOMMENDATION_READERS } from '../../src/recommendations/recommendation.routes';
import { ALL_FORCES, OptionalForceField } from '../../src/common/force';
import { Vault } from '../../src/vault/vault';
import { CLOCK } from '../../src/common/clock';
import type { Clock } from '../../src/common/clock';
import { RECOMMENDATIONS_PROJECTION } from './recommendations.projection';
import { RecommendationPage, RecommendationsQueries } from './recommendations.queries';

/** `GET /recommendations?force=&overdue=` (docs/api.md). */
export class RecommendationListQuery {
  @OptionalForceField()
  force?: string;

  @OptionalBooleanQuery('true: past their due date and neither completed nor declined; false: the others')
  overdue?: boolean;
}

@ApiTags('recommendations')
@Controller('recommendations')
export class RecommendationsController {
  constructor(
    private readonly queries: RecommendationsQueries,
    private readonly vault: Vault,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * The recommendations made to the reader's force (to every force for a national reader),
   * soonest due first. The read model keeps their free text sealed; it is opened here, each
   * value clear or `{ "erased": true }` once `recommendation-<id>` is erased.
   */
  @Get()
  @Roles(...RECOMMENDATION_READERS)
  @ReadsProjections(RECOMMENDATIONS_PROJECTION)
  @ReadRoute({ operationId: 'ListRecommendations', summary: 'Recommendations made to the force, with whether each is overdue', response: 'RecommendationPage' })
  async list(@Query() query: RecommendationListQuery, @CurrentActor() actor: Actor): Promise<RecommendationPage> {
    const scope = actor.force === ALL_FORCES ? null : actor.force;
    return this.vault.open(await this.queries.list({ scope, force: query.force, overdue: query.overdue, today: this.clock.today() }));
  }
}
