import { Module } from '@nestjs/common';
import { RegistersController } from './registers.controller';

/** The register commands' HTTP routes, sent to the one write path (src/common/write-path.ts). */
@Module({
  controllers: [RegistersController],
})
export class RegistersModule {}
