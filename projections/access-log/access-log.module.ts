import { Module } from '@nestjs/common';
import { AccessModule } from '../../src/access/access.module';
import { AccessLogController } from './access-log.controller';
import { AccessLogQueries } from './access-log.queries';

/** `GET /access-log`; the projection runs in the ProjectionsModule. */
@Module({
  imports: [AccessModule],
  controllers: [AccessLogController],
  providers: [AccessLogQueries],
})
export class AccessLogModule {}
