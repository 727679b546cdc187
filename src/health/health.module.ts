import { Global, Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { HealthChecks } from './health-checks';
import { HealthController } from './health.controller';
import { ProjectionStatusRegistry } from './projection-status';

@Global()
@Module({
  imports: [AccessModule],
  controllers: [HealthController],
  providers: [ProjectionStatusRegistry, HealthChecks],
  exports: [ProjectionStatusRegistry, HealthChecks],
})
export class HealthModule {}
