import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { addDays } from 'date-fns';
import { ALL_FORCES } from '../../src/access/case-access-policy';
import { CaseReadAccess } from '../../src/access/case-read-access';
import { CurrentActor, problem, ReadRoute, ReadsProjections, Roles } from '../../src/http';
import type { Actor } from '../../src/http';
import { AccessLogQuery } from './access-log.dto';
import { ACCESS_LOG_PROJECTION } from '../common/access-log-views';
import { AccessLogPage, AccessLogQueries } from './access-log.queries';

/**
 * Reads of people's records and of ids that are no case: an auditor sees all; a DCC only
 * those recorded against their own force (all, if national). Reads of cases follow the case
 * read rules (CaseReadAccess.scope).
 */
function forceScope(actor: Actor): string | null {
  if (actor.roles.includes('AUDITOR') || actor.force === ALL_FORCES) return null;
  return actor.force;
}

/** A day stands for its start (`from`) or the start of the next (`to`, so the day is included). */
function instant(value: string | undefined, dayEnd: boolean): string | undefined {
  if (value === undefined) return undefined;
  const parsed = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(parsed.getTime())) {
    throw problem(400, 'bad-request', `${value} is not a date.`, { errors: [{ field: dayEnd ? 'to' : 'from', message: 'not a date' }] });
  }
  return (value.length === 10 && dayEnd ? addDays(parsed, 1) : parsed).toISOString();
}

@ApiTags('access-log')
@Controller('access-log')
export class AccessLogController {
  constructor(
    private readonly queries: AccessLogQueries,
    private readonly access: CaseReadAccess,
  ) {}

  @Get()
  @Roles('AUDITOR', 'DCC')
  @ReadsProjections(ACCESS_LOG_PROJECTION)
  @ReadRoute({
    operationId: 'ReadAccessLog',
    summary: 'Recorded reads of cases and integrity records, granted and refused, newest first',
    response: 'AccessLogPage',
  })
  list(@Query() query: AccessLogQuery, @CurrentActor() actor: Actor): Promise<AccessLogPage> {
    return this.queries.list({
      force: forceScope(actor),
      // Exactly the cases the reader could open: a read of any other case is not shown, nor counted.
      scope: this.access.scope(actor),
      caseId: query.caseId,
      userId: query.userId,
      from: instant(query.from, false),
      to: instant(query.to, true),
      page: query.page,
      pageSize: query.pageSize,
    });
  }
}
