import { Module } from '@nestjs/common';
import { AccessModule } from '../../src/access/access.module';
import { TimelinessModule } from '../timeliness/timeliness.module';
import { IntegrityRecordController } from './integrity-record.controller';
import { IntegrityRecordQueries } from './integrity-record.queries';

/**
 * `GET /people/{personId}/integrity-record`; the projection itself runs in the
 * ProjectionsModule. The clock is the one the timeliness module provides, so every read
 * model judges "overdue" against the same day (and a test's spy moves them all).
 */
@Module({
  imports: [TimelinessModule, AccessModule],
  controllers: [IntegrityRecordController],
  providers: [IntegrityRecordQueries],
})
export class IntegrityRecordModule {}
