import { Module } from '@nestjs/common';
import { AccessModule } from '../../src/access/access.module';
import { ClockModule } from '../../src/common/clock.module';
import { IntegrityRecordController } from './integrity-record.controller';
import { IntegrityRecordQueries } from './integrity-record.queries';

/**
 * `GET /people/{personId}/integrity-record`; the projection itself runs in the
 * ProjectionsModule. The clock is the shared one (ClockModule), so every read model judges
 * "overdue" against the same day (and a test's spy moves them all).
 */
@Module({
  imports: [ClockModule, AccessModule],
  controllers: [IntegrityRecordController],
  providers: [IntegrityRecordQueries],
})
export class IntegrityRecordModule {}
