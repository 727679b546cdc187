import { Module } from '@nestjs/common';
import { AccessModule } from '../../src/access/access.module';
import { ClockModule } from '../../src/common/clock.module';
import { DccOversightController } from './dcc-oversight.controller';
import { DccOversightQueries } from './dcc-oversight.queries';
import { UnusualReadingQueries } from './unusual-reading';
import { AwaitingReviewQueries } from './awaiting-review';
import { BacklogQueries } from './backlog';

/**
 * `GET /dashboards/dcc` and `GET /dashboards/dcc/backlog` (the case-status view): a read of the
 * timeliness read model, judged by the shared clock, of the access log (unusual reading) and of
 * the allocation read model (what waits for review).
 */
@Module({
  imports: [AccessModule, ClockModule],
  controllers: [DccOversightController],
  providers: [DccOversightQueries, UnusualReadingQueries, AwaitingReviewQueries, BacklogQueries],
})
export class DccOversightModule {}
