/**
 * The case write path's use of the vault: each case event's VAULT_FIELDS (case.events.ts)
 * are sealed under the case person's key (case-person.ts) before the append. A
 * RecordCorrected's replacement carries the corrected event's own vault fields, found
 * through the corrected event's type in the case's log.
 */
import type { CaseEvent } from '../cases/case.events';
import { VAULT_FIELDS } from '../cases/case.events';
import type { CaseState } from '../cases/case.state';
import { casePersonId } from './case-person';
import { problem } from '../http/problem';
import { PersonErasedError } from './vault';
import type { Vault } from './vault';

export async function sealCaseEvent(vault: Vault, caseId: string, event: CaseEvent, state: CaseState, eventId: string): Promise<CaseEvent> {
  try {
    return await sealFieldsOf(vault, caseId, event, state, eventId);
  } catch (error) {
    // Recording personal data of an erased person would undo the erasure.
    if (error instanceof PersonErasedError) throw problem(409, 'personal-data-erased', error.message);
    throw error;
  }
}

async function sealFieldsOf(vault: Vault, caseId: string, event: CaseEvent, state: CaseState, eventId: string): Promise<CaseEvent> {
  const personId = casePersonId(caseId);
  if (event.type === 'RecordCorrected') {
    const target = state?.log.find((candidate) => candidate.eventId === event.data.correctsEventId);
    const fields: readonly PropertyKey[] = target === undefined ? [] : VAULT_FIELDS[target.type];
    if (fields.length === 0) return event;
    return { ...event, data: { ...event.data, replacement: await vault.sealFields(personId, event.data.replacement, fields, `${eventId}/replacement`) } };
  }
  const fields: readonly PropertyKey[] = VAULT_FIELDS[event.type];
  if (fields.length === 0) return event;
  return { ...event, data: await vault.sealFields(personId, event.data, fields, eventId) } as CaseEvent;
}
