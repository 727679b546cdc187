import { Module } from '@nestjs/common';
import { AccessLogController } from './access-log.controller';
import { AccessLogQueries } from './access-log.queries';
import { UnusualReadingQueries } from './unusual-reading';

/** `GET /access-log`, and the unusual-reading signal the DCC dashboard shows; the projection runs in the ProjectionsModule. */
@Module({
  controllers: [AccessLogController],
  providers: [AccessLogQueries, UnusualReadingQueries],
  exports: [UnusualReadingQueries],
})
export class AccessLogModule {}
