import { Injectable } from '@nestjs/common';
import type { Actor } from '../http';
import { AccessRecorder } from './access-recorder';
import { accessEntry } from './access.events';

/**
 * Why a read of an integrity record was refused: person-access.ts's refusals, or no record at
 * all. Refusals for the reader's roles or purpose are recorded by their guard (src/access/access-purpose.ts).
 */
export type PersonReadRefusal = 'personOfAnotherForce' | 'ownRecord' | 'personNotFound';

/** Records reads of a person's integrity record as `PersonRecordAccessed`, like CaseReadAccess does for cases. */
@Injectable()
export class PersonRecordReads {
  constructor(private readonly recorder: AccessRecorder) {}

  record(read: { actor: Actor; purpose: string; personId: string; personForce: string | null }, refusal: PersonReadRefusal | null): Promise<void> {
    const entry = accessEntry({ kind: 'person', subjectId: read.personId, reader: read.actor, purpose: read.purpose, force: read.personForce }, refusal);
    // A granted read is served only once its record is in the store.
    return refusal === null ? this.recorder.recordDurably(entry) : this.recorder.record(entry);
  }
}
