import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ReadRoute } from '../http/api-docs';
import type { Response } from 'express';
import { Pool } from 'pg';
import { AccessRecorder } from '../access-log/access-recorder';
import type { DeadLetter } from '../access-log/access-recorder';
import { PG_POOL } from '../database/database.module';
import { EventStore } from '../event-store/event-store';
import { formatPosition } from '../event-store/position';
import { Public } from '../http/public.decorator';
import { HealthChecks, HealthProblem } from './health-checks';
import { ParkedEventReport, ProjectionStatusRegistry } from './projection-status';

export interface HealthReport {
  /**
   * `ok`, or `degraded` with its problems listed (docs/api.md). The HTTP status says whether it
   * can serve: 200 while every problem leaves it serving (parked events, access records set
   * aside), 503 when one stops it (the database away, a read model stalled).
   */
  status: 'ok' | 'degraded';
  database: 'ok' | 'unavailable';
  eventStore: { engine: string; status: 'ok' | 'unavailable'; head?: string };
  projections: Record<string, { position: string; lag: number | null }>;
  /** Events a read model could not apply and went past: its figures may be missing them. */
  parkedEvents: ParkedEventReport[] | 'unavailable';
  /** Read records set aside because they cannot be stored: an alarm until someone looks. */
  accessRecorder: { status: 'ok' | 'degraded'; deadLetters: number; latestDeadLetter?: DeadLetter };
  problems: HealthProblem[];
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly eventStore: EventStore,
    private readonly projections: ProjectionStatusRegistry,
    private readonly checks: HealthChecks,
    private readonly accessRecorder: AccessRecorder,
  ) {}

  @Public()
  @Get()
  @ReadRoute({
    operationId: 'ReadHealth',
    summary: 'Whether the service can serve',
    description:
      '`ok`, or `degraded` with the problems listed; answered 200 while none of them stops the service serving (parked events, access records set aside, ...).',
    response: 'HealthReport',
    also: [
      {
        status: 503,
        sameBody: true,
        description:
          'The same body, `degraded`, with a problem that stops the service serving (`blocksService`: the database away, a read model stalled), so a load balancer can take it out.',
      },
    ],
  })
  async health(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const report = await this.report();
    if (report.problems.some((problem) => problem.blocksService)) {
      response.status(503);
      response.setHeader('Retry-After', '5');
    }
    return report;
  }

  private async report(): Promise<HealthReport> {
    const problems: HealthProblem[] = [];
    const database = await this.pool.query('SELECT 1').then(
      () => 'ok' as const,
      () => 'unavailable' as const,
    );
    if (database !== 'ok') problems.push({ component: 'database', problem: 'unavailable', blocksService: true });
    const head = await this.eventStore.headPosition().catch(() => undefined);
    const eventStore = head
      ? { engine: this.eventStore.engine, status: 'ok' as const, head: formatPosition(head) }
      : { engine: this.eventStore.engine, status: 'unavailable' as const };
    if (!head) problems.push({ component: 'eventStore', problem: 'unavailable', blocksService: true });
    const projections = head ? await this.projections.report(head).catch(() => ({})) : {};
    const parkedEvents = database === 'ok' ? await this.projections.parked().catch(() => 'unavailable' as const) : ('unavailable' as const);
    // The read model went on past the event: it serves, with figures that may miss it.
    if (parkedEvents !== 'unavailable') {
      problems.push(
        ...parkedEvents.map((parked) => ({
          component: `projection:${parked.projection}`,
          problem: 'parkedEvent',
          detail: `event ${parked.eventId} (${parked.type})`,
          blocksService: false,
        })),
      );
    }
    const deadLetters = this.accessRecorder.deadLetterReport;
    const accessRecorder = {
      status: deadLetters.count === 0 ? ('ok' as const) : ('degraded' as const),
      deadLetters: deadLetters.count,
      latestDeadLetter: deadLetters.latest,
    };
    // The other records are written; only the read whose record could not be stored was refused.
    if (deadLetters.count > 0)
      problems.push({ component: 'accessRecorder', problem: 'deadLetters', detail: `${deadLetters.count} record(s) set aside`, blocksService: false });
    problems.push(...(await this.checks.problems()));
    const status = problems.length > 0 ? 'degraded' : 'ok';
    return { status, database, eventStore, projections, parkedEvents, accessRecorder, problems };
  }
}
