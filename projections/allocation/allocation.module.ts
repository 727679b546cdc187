import { Module } from '@nestjs/common';
import { AccessModule } from '../../src/access/access.module';
import { ClockModule } from '../../src/common/clock.module';
import { AllocationController } from './allocation.controller';
import { AllocationQueries } from './allocation.queries';

/** `GET /allocation/caseload` and `GET /allocation/unallocated`; the projection itself runs in the ProjectionsModule. */
@Module({
  imports: [AccessModule, ClockModule],
  controllers: [AllocationController],
  providers: [AllocationQueries],
})
export class AllocationModule {}
