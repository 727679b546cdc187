/**
 * Whether the person appointed to investigate a case declared a conflict of interest on it: a
 * fact of other streams, read by the one write path before decide (case.slice.ts `complete`, as
 * the registers read a person's holder force), so decide stays pure. A conflict is known from the
 * case's own `conflict-<caseId>` stream (POST /cases/{caseId}/conflicts, the declarations the
 * conflict registry is built from) and from the person's register (`person-<personId>`), where a
 * ConflictOfInterestDeclared may name the case. Both are read from the store, not a cache: a
 * declaration made a moment before the appointment is seen.
 */
import type { EventStore } from '../event-store/event-store';
import { caseConflictStreamName, isCaseConflictDeclared } from '../access/conflicts/case-conflict.events';
import { personStreamName } from '../registers/person.stream';
import type { CaseCommand } from './case.command-types';
import type { AppointeeFacts } from './allocation.rules';

export async function appointeeFacts(store: EventStore, caseId: string, personId: string): Promise<Required<AppointeeFacts>> {
  const [declarations, register] = await Promise.all([store.readStream(caseConflictStreamName(caseId)), store.readStream(personStreamName(personId))]);
  const onCase = declarations.some((recorded) => isCaseConflictDeclared(recorded.type, recorded.data) && recorded.data.userId === personId);
  const inRegister = register.some((recorded) => recorded.type === 'ConflictOfInterestDeclared' && recorded.data.caseId === caseId);
  return { appointeeDeclaredConflict: onCase || inRegister };
}

/** The command with the facts of other streams decide needs; every other command as it came. */
export async function completeCaseCommand(command: CaseCommand, store: EventStore): Promise<CaseCommand> {
  if (command.type !== 'AppointInvestigator' && command.type !== 'ReassignInvestigator') return command;
  return { ...command, ...(await appointeeFacts(store, command.caseId, command.investigatorId)) };
}
