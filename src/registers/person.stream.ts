/**
 * A person's registers as the event store holds them: the `person-<personId>` stream, and
 * how the one write path (src/common/write-path.ts) decides and appends on it.
 * The free text of the entries (their `vaultText` fields) and the content of the documents attached
 * to them are sealed under the person's own key, the vault person being the register's person id
 * (src/vault/README.md, "Whose key").
 */
import { deciderSlice } from '../common/write-path';
import { ensurePersonAccess } from './person-access';
import { workforceHolderOf } from '../workforce/workforce-holder';
import { registerForce, registersDecider } from './registers.decide';
import type { RegisterCommand } from './registers.decide';
import { REGISTER_EVENT_DECLARATIONS } from './registers.events';
import type { RegisterEvent } from './registers.events';
import type { PersonRegisters } from './registers.state';

export const PERSON_STREAM_PREFIX = 'person-';

export function personStreamName(personId: string): string {
  return `${PERSON_STREAM_PREFIX}${personId}`;
}

export const PERSON_REGISTERS = deciderSlice<RegisterCommand, RegisterEvent, PersonRegisters>({
  decider: registersDecider,
  events: REGISTER_EVENT_DECLARATIONS,
  streamName: (command) => personStreamName(command.personId),
  complete: async (command, store) => ({ ...command, holderForce: await workforceHolderOf(store, command.personId) }),
  admit: (state, command, { actor }) => ensurePersonAccess(actor, command.personId, registerForce(command, state)),
  // A document's content is sealed under the person's own key and stored before decide sees its event (register-entry.rules.ts).
  prepare: async (command, documents) => {
    const { content, event } = command;
    if (content === undefined || event.type !== 'RegisterDocumentAttached') return command;
    const storedSha256 = await documents.store(command.personId, content, event.data.sha256);
    return { ...command, content: undefined, event: { ...event, data: { ...event.data, storedSha256 } } };
  },
  personalData: { personOf: (command) => command.personId },
});
