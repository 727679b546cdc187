import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import type { CaseListScope } from '../../src/access/case-access-policy';
import { CaseReadAccess } from '../../src/access/case-read-access';
import { CurrentActor, problem, ReadRoute, ReadsProjections, Roles } from '../../src/http';
import type { Actor } from '../../src/http';
import { CLOCK } from '../../src/common/clock';
import type { Clock } from '../../src/common/clock';
import { TIMELINESS_PROJECTION } from '../common/timeliness-views';
import { ACCESS_LOG_PROJECTION } from '../common/access-log-views';
import { UnusualReadingQueries } from './unusual-reading';
import { AwaitingReviewQueries } from './awaiting-review';
import type { AwaitingReview } from './awaiting-review';
import { ALLOCATION_PROJECTION } from '../common/allocation-views';
import type { UnusualReading } from './unusual-reading';
import { dccDashboard } from './dcc-dashboard';
import type { DccDashboard } from './dcc-dashboard';
import { DccOversightQueries } from './dcc-oversight.queries';
import { BacklogQueries } from './backlog';
import type { Backlog } from './backlog';
import { CASE_STATUS_PROJECTION } from '../common/case-status-views';

export class DccDashboardQuery {
  /** A force code such as HAMPSHIRE; the reader's own force when left out. */
  @ApiPropertyOptional({
    description: "A force code such as HAMPSHIRE: the reader's own force when left out; required for a national reader (force `*`)",
    pattern: '^[A-Z][A-Z0-9_]{0,59}$',
  })
  @IsOptional()
  @Matches(/^[A-Z][A-Z0-9_]{0,59}$/, { message: 'force must be a force code such as HAMPSHIRE' })
  force?: string;
}

/** The force asked for, if the reader may see it: their own, or any for national bodies. */
function forceToShow(scope: CaseListScope, requested: string | undefined): string {
  if (requested === undefined) {
    if (scope.force !== null) return scope.force;
    throw problem(400, 'bad-request', 'Name the force to show: ?force=<force code>.', {
      errors: [{ field: 'force', message: 'a national user must name a force' }],
    });
  }
  if (scope.force !== null && scope.force !== requested) throw problem(403, 'forbidden', `You may not see the dashboard of ${requested}.`);
  return requested;
}

@ApiTags('dashboards')
@Controller('dashboards')
export class DccOversightController {
  constructor(
    private readonly queries: DccOversightQueries,
    private readonly access: CaseReadAccess,
    private readonly unusualReading: UnusualReadingQueries,
    private readonly awaitingReview: AwaitingReviewQueries,
    private readonly backlogs: BacklogQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Read-only for inspectors and auditors; each reader sees only the cases need-to-know lets them list. */
  @Get('dcc')
  @Roles('DCC', 'INSPECTOR', 'AUDITOR')
  @ReadsProjections(TIMELINESS_PROJECTION, ACCESS_LOG_PROJECTION, ALLOCATION_PROJECTION)
  @ReadRoute({
    operationId: 'ReadDccDashboard',
    response: 'DccDashboardView',
    summary:
      'Live investigations by stage, suspended and restricted subjects, departures awaiting DCC approval, overdue deadlines, outcomes by rank for proven gross misconduct, and what waits for review or sign-off',
  })
  async dashboard(
    @Query() query: DccDashboardQuery,
    @CurrentActor() actor: Actor,
  ): Promise<DccDashboard & { unusualReading: UnusualReading[]; awaitingReview: AwaitingReview }> {
    const scope = this.access.scope(actor);
    const force = forceToShow(scope, query.force);
    const today = this.clock.today();
    const dashboard = dccDashboard(force, await this.queries.forForce(force, scope, today), today);
    // Who reads the force's cases, from the access log (unusual-reading.ts).
    // What waits for review or sign-off, and how long (awaiting-review.ts).
    return {
      ...dashboard,
      unusualReading: await this.unusualReading.forForce(force, today, scope),
      awaitingReview: await this.awaitingReview.forForce(force, today, scope),
    };
  }

  /** The force's live cases by allocation, age, year, stage, type and investigator, and month by month (backlog.ts). */
  @Get('dcc/backlog')
  @Roles('DCC', 'INSPECTOR', 'AUDITOR')
  @ReadsProjections(CASE_STATUS_PROJECTION)
  @ReadRoute({
    operationId: 'ReadDccBacklog',
    response: 'DccBacklog',
    summary:
      'The backlog: live cases allocated and unallocated, in age bands (under 3 months, 3–6, 6–12, over 12), open since an earlier year, by stage, type and investigator, and month by month over the last 12 months',
  })
  backlog(@Query() query: DccDashboardQuery, @CurrentActor() actor: Actor): Promise<Backlog> {
    const scope = this.access.scope(actor);
    return this.backlogs.forForce(forceToShow(scope, query.force), scope, this.clock.today());
  }
}
