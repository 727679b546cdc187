import { Module } from '@nestjs/common';
import { CaseCommandsController } from './case.controller';
import { ExecuteCaseCommandHandler } from './case.handlers';

/** The case commands: HTTP routes and the handler that decides and appends. */
@Module({
  controllers: [CaseCommandsController],
  providers: [ExecuteCaseCommandHandler],
})
export class CasesModule {}
