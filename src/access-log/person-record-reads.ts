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

  /** `documentId`: the read is a download of that document of the person's registers (src/documents). */
  record(
    read: { actor: Actor; purpose: string; personId: string; personForce: string | null; documentId?: string },
    refusal: PersonReadRefusal | null,
  ): Promise<void> {
    const { actor, purpose, personId, personForce, documentId } = read;
    const entry = accessEntry(
      { kind: 'person', subjectId: personId, reader: actor, purpose, force: personForce, ...(documentId === undefined ? {} : { documentId }) },
      refusal,
    );
    // A granted read is served only once its record is in the store.
    return refusal === null ? this.recorder.recordDurably(entry) : this.recorder.record(entry);
  }
}
