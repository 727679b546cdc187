import { Injectable, Logger } from '@nestjs/common';
import { loadCase } from '../cases/case.stream';
import { EventStore } from '../event-store/event-store';
import { personStreamName } from '../registers/person.stream';
import { workforceHolderOf } from '../workforce/workforce-holder';

/** What a refused read named: one case or one person's record. */
export interface NamedRecord {
  kind: 'case' | 'person';
  subjectId: string;
}

/**
 * The force of the case or person a read named when it was refused before anything was
 * looked up (for the reader's roles or purpose: src/access/access-purpose.ts), so that the
 * refusal is recorded against that force: its DCC sees it in the access log and in the
 * dashboard's unusual-reading signal. Only the record uses it, never the answer, which stays
 * the same whether the record exists or not. A case's force is its folded state's (a
 * correction may have moved it); a person's is the force whose workforce holds them, else
 * their first register entry's, as the registers decide it. Null when there is no such record, or the store could not say.
 */
@Injectable()
export class RefusedReadForce {
  private readonly logger = new Logger(RefusedReadForce.name);

  constructor(private readonly store: EventStore) {}

  async of(record: NamedRecord): Promise<string | null> {
    try {
      if (record.kind === 'case') return (await loadCase(this.store, record.subjectId)).state?.force ?? null;
      const holder = await workforceHolderOf(this.store, record.subjectId);
      if (holder !== null) return holder;
      const [first] = await this.store.readStream(personStreamName(record.subjectId), { maxCount: 1 });
      const force = first?.data.force;
      return typeof force === 'string' ? force : null;
    } catch (error) {
      // The refusal is still recorded, without the force.
      this.logger.warn(`the force of a refused read could not be read: ${String(error)}`);
      return null;
    }
  }
}
