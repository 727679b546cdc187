import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { CaseCommandsController } from './case.controller';
import { ExecuteCaseCommandHandler } from './case.handlers';
import { CaseReplayRights } from './case.replay-rights';

/** The case commands: HTTP routes and the handler that decides and appends (refusing a writer with a declared conflict: AccessModule). */
@Module({
  imports: [AccessModule],
  controllers: [CaseCommandsController],
  providers: [ExecuteCaseCommandHandler, CaseReplayRights],
})
export class CasesModule {}
