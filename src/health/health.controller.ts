import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Pool } from 'pg';
import { AccessRecorder } from '../access-log/access-recorder';
import type { DeadLetter } from '../access-log/access-recorder';
import { PG_POOL } from '../database/database.module';
import { EventStore } from '../event-store/event-store';
import { formatPosition } from '../event-store/position';
import { Public } from '../http/public.decorator';
import { ParkedEventReport, ProjectionStatusRegistry } from './projection-status';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly eventStore: EventStore,
    private readonly projections: ProjectionStatusRegistry,
    private readonly accessRecorder: AccessRecorder,
  ) {}

  @Public()
  @Get()
  @ApiOkResponse({ description: '`ok` when the database and the event store answer and no read model has parked an event; `degraded` otherwise, with the parked events in `parkedEvents`.' })
  async health(): Promise<{
    status: 'ok' | 'degraded';
    database: 'ok' | 'unavailable';
    eventStore: { engine: string; status: 'ok' | 'unavailable'; head?: string };
    projections: Record<string, { position: string; lag: number | null }>;
    parkedEvents: ParkedEventReport[] | 'unavailable';
    accessRecorder: { status: 'ok' | 'degraded'; deadLetters: number; latestDeadLetter?: DeadLetter };
  }> {
    const database = await this.pool.query('SELECT 1').then(
      () => 'ok' as const,
      () => 'unavailable' as const,
    );
    const head = await this.eventStore.headPosition().catch(() => undefined);
    const eventStore = head
      ? { engine: this.eventStore.engine, status: 'ok' as const, head: formatPosition(head) }
      : { engine: this.eventStore.engine, status: 'unavailable' as const };
    const projections = head ? await this.projections.report(head) : {};
    // A parked event is one a read model went past: its figures may be missing that event.
    const parkedEvents = database === 'ok' ? await this.projections.parked().catch(() => 'unavailable' as const) : ('unavailable' as const);
    // A read record set aside (it cannot be stored) is an alarm until someone looks at it.
    const deadLetters = this.accessRecorder.deadLetterReport;
    const accessRecorder = { status: deadLetters.count === 0 ? ('ok' as const) : ('degraded' as const), deadLetters: deadLetters.count, latestDeadLetter: deadLetters.latest };
    const healthy = database === 'ok' && eventStore.status === 'ok' && parkedEvents !== 'unavailable' && parkedEvents.length === 0 && accessRecorder.status === 'ok';
    return {
      status: healthy ? 'ok' : 'degraded',
      database,
      eventStore,
      projections,
      parkedEvents,
      accessRecorder,
    };
  }
}
