import { Module } from '@nestjs/common';
import { AccessModule } from '../../src/access/access.module';
import { AccessLogModule } from '../access-log/access-log.module';
import { TimelinessModule } from '../timeliness/timeliness.module';
import { DccOversightController } from './dcc-oversight.controller';
import { DccOversightQueries } from './dcc-oversight.queries';

/** `GET /dashboards/dcc`: a read of the timeliness read model, judged by its clock, and of the access log (unusual reading). */
@Module({
  imports: [AccessModule, TimelinessModule, AccessLogModule],
  controllers: [DccOversightController],
  providers: [DccOversightQueries],
})
export class DccOversightModule {}
