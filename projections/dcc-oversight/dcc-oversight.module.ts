import { Module } from '@nestjs/common';
import { AccessModule } from '../../src/access/access.module';
import { TimelinessModule } from '../timeliness/timeliness.module';
import { DccOversightController } from './dcc-oversight.controller';
import { DccOversightQueries } from './dcc-oversight.queries';

/** `GET /dashboards/dcc`: a read of the timeliness read model, judged by its clock. */
@Module({
  imports: [AccessModule, TimelinessModule],
  controllers: [DccOversightController],
  providers: [DccOversightQueries],
})
export class DccOversightModule {}
