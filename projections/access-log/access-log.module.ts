import { Module } from '@nestjs/common';
import { AccessModule } from '../../src/access/access.module';
import { AccessLogController } from './access-log.controller';
import { AccessLogQueries } from './access-log.queries';
import { UnusualReadingQueries } from './unusual-reading';

/** `GET /access-log`, and the unusual-reading signal the DCC dashboard shows; the projection runs in the ProjectionsModule. */
@Module({
  imports: [AccessModule],
  controllers: [AccessLogController],
  providers: [AccessLogQueries, UnusualReadingQueries],
  exports: [UnusualReadingQueries],
})
export class AccessLogModule {}
