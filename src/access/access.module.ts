import { Module } from '@nestjs/common';
import { AccessPurposeGuard } from './access-purpose';
import { CaseReadAccess } from './case-read-access';

/** The need-to-know policy for case reads; imported by every module that reads cases. */
@Module({
  providers: [CaseReadAccess, AccessPurposeGuard],
  exports: [CaseReadAccess, AccessPurposeGuard],
})
export class AccessModule {}
