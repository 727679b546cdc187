import { Global, Module } from '@nestjs/common';
import { HealthChecks } from './health-checks';
import { HealthController } from './health.controller';
import { ProjectionStatusRegistry } from './projection-status';

@Global()
@Module({
  controllers: [HealthController],
  providers: [ProjectionStatusRegistry, HealthChecks],
  exports: [ProjectionStatusRegistry, HealthChecks],
})
export class HealthModule {}
