import { Injectable } from '@nestjs/common';
import type { Actor } from '../http';
import { AccessRecorder } from './access-recorder';

/** Why a read of an integrity record was refused: person-access.ts's refusals, or no record at all. */
export type PersonReadRefusal = 'personOfAnotherForce' | 'ownRecord' | 'personNotFound';

/** Records reads of a person's integrity record as `PersonRecordAccessed`, like CaseReadAccess does for cases. */
@Injectable()
export class PersonRecordReads {
  constructor(private readonly recorder: AccessRecorder) {}

  record(read: { actor: Actor; purpose: string; personId: string; personForce: string | null }, refusal: PersonReadRefusal | null): Promise<void> {
    return this.recorder.record({
      kind: 'person',
      subjectId: read.personId,
      userId: read.actor.userId,
      roles: read.actor.roles,
      readerForce: read.actor.force,
      force: read.personForce,
      purpose: read.purpose,
      at: new Date().toISOString(),
      granted: refusal === null,
      reasonIfRefused: refusal,
    });
  }
}
