import { Global, Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { ProjectionStatusRegistry } from './projection-status';

@Global()
@Module({
  controllers: [HealthController],
  providers: [ProjectionStatusRegistry],
  exports: [ProjectionStatusRegistry],
})
export class HealthModule {}
