import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { CaseCommandsController } from './case.controller';
import { CaseReplayRights } from './case.replay-rights';

/** The case commands: HTTP routes, sent to the one write path (src/common/write-path.ts); AccessModule for the replay rights' declared conflicts. */
@Module({
  imports: [AccessModule],
  controllers: [CaseCommandsController],
  providers: [CaseReplayRights],
})
export class CasesModule {}
