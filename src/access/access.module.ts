import { Module } from '@nestjs/common';
import { AccessRecorder } from '../access-log/access-recorder';
import { PersonRecordReads } from '../access-log/person-record-reads';
import { AccessPurposeGuard } from './access-purpose';
import { CaseReadAccess } from './case-read-access';
import { RefusedReadForce } from './refused-read-force';
import { ConflictRegistry } from './conflicts/conflict-registry';
import { ConflictsController } from './conflicts/conflicts.controller';

/**
 * The need-to-know policy for case reads; imported by every module that reads cases. It also
 * serves `POST /cases/{caseId}/conflicts` and owns the recorder of reads (one per process).
 */
@Module({
  controllers: [ConflictsController],
  providers: [CaseReadAccess, AccessPurposeGuard, ConflictRegistry, AccessRecorder, PersonRecordReads, RefusedReadForce],
  exports: [CaseReadAccess, AccessPurposeGuard, ConflictRegistry, AccessRecorder, PersonRecordReads, RefusedReadForce],
})
export class AccessModule {}
