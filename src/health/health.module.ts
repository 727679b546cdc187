import { Global, Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { HealthController } from './health.controller';
import { ProjectionStatusRegistry } from './projection-status';

@Global()
@Module({
  imports: [AccessModule],
  controllers: [HealthController],
  providers: [ProjectionStatusRegistry],
  exports: [ProjectionStatusRegistry],
})
export class HealthModule {}
