import { Module } from '@nestjs/common';
import { AccessModule } from '../../src/access/access.module';
import { AccessLogModule } from '../access-log/access-log.module';
import { ClockModule } from '../../src/common/clock.module';
import { DccOversightController } from './dcc-oversight.controller';
import { DccOversightQueries } from './dcc-oversight.queries';

/** `GET /dashboards/dcc`: a read of the timeliness read model, judged by the shared clock, and of the access log (unusual reading). */
@Module({
  imports: [AccessModule, ClockModule, AccessLogModule],
  controllers: [DccOversightController],
  providers: [DccOversightQueries],
})
export class DccOversightModule {}
