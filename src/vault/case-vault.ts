/**
 * The case write path's use of the vault: each case event's `vaultText` fields (VAULT_FIELDS, derived in case.events.ts)
 * are sealed under the case person's key (case-person.ts) before the append. A
 * RecordCorrected's replacement carries the corrected event's own vault fields, found
 * through the corrected event's type in the case's log.
 */
import type { CaseEvent } from '../cases/case.events';
import { VAULT_FIELDS } from '../cases/case.events';
import type { CaseState } from '../cases/case.state';
import { casePersonId } from './case-person';
import { sealPersonalFields } from './personal-fields';
import type { Vault } from './vault';

export async function sealCaseEvent(vault: Vault, caseId: string, event: CaseEvent, state: CaseState, eventId: string): Promise<CaseEvent> {
  const personId = casePersonId(caseId);
  if (event.type === 'RecordCorrected') {
    const target = state?.log.find((candidate) => candidate.eventId === event.data.correctsEventId);
    const fields: readonly PropertyKey[] = target === undefined ? [] : VAULT_FIELDS[target.type];
    if (fields.length === 0) return event;
    return {
      ...event,
      data: { ...event.data, replacement: await sealPersonalFields(vault, personId, event.data.replacement, fields, `${eventId}/replacement`) },
    };
  }
  const fields: readonly PropertyKey[] = VAULT_FIELDS[event.type];
  if (fields.length === 0) return event;
  return { ...event, data: await sealPersonalFields(vault, personId, event.data, fields, eventId) } as CaseEvent;
}
