import { Module } from '@nestjs/common';
import { CLOCK, LondonClock } from './clock';

/**
 * Today's date for every module that judges "overdue" at read time. Nest builds the module
 * once, so every reader shares one clock and a test's spy on it moves them all.
 */
@Module({
  providers: [{ provide: CLOCK, useFactory: () => new LondonClock() }],
  exports: [CLOCK],
})
export class ClockModule {}
