import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { ClockModule } from './clock.module';
import { WriteCommandHandler } from './write-path';

/** The one write path's handler, with what admission needs (declared conflicts) and the clock. */
@Module({
  imports: [AccessModule, ClockModule],
  providers: [WriteCommandHandler],
})
export class WritePathModule {}
