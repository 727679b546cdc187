/**
 * The case slice on the one write path (src/common/write-path.ts): the `case-<caseId>`
 * stream, who may write to it, decide, and the case vault.
 *
 * A referral opens a stream that must not exist, so If-Match means nothing to it. Every
 * other command addresses an existing case, which the actor must be allowed to see: write
 * access is checked before any rule, so a referral naming an existing case the actor may not
 * see gets the answer a read of it would (404 for a covert case or another force's), where a
 * 409 caseAlreadyExists would tell them it exists; and a rule that means "no such case"
 * answers that same 404.
 */
import { visibleSensitivities } from '../access/case-access-policy';
import type { Actor } from '../http';
import type { WriteSlice } from '../common/write-path';
import { casePersonId } from '../vault/case-person';
import { sealCaseEvent } from '../vault/case-vault';
import type { CaseCommand } from './case.command-types';
import { decide } from './case.decide';
import type { CaseEvent, CaseEventEnvelope } from './case.events';
import { CASE_EVENT_SCHEMA_VERSION } from './case.events';
import type { CaseState } from './case.state';
import { foldCase } from './case.state';
import { caseStreamName, legalInstantOf, toCaseEnvelope } from './case.stream';
import { caseNotFound, ensureMayWrite, mayNotOpenCaseFor, mayOpenCaseFor } from './case.write-access';
import { completeCaseCommand } from './allocation.appointee';
import type { CaseWriter } from './case.writer';
import { SANCTION_HISTORY_COMMANDS } from './case.command-types';
import { sanctionHistoryOf } from './sanction-history.reader';
import { loadCase } from './case.stream';
import type { EventStore } from '../event-store/event-store';

export const CASES: WriteSlice<CaseCommand, CaseEvent, CaseState> = {
  streamName: (command) => caseStreamName(command.caseId),
  // Facts of other streams some rules read: an appointee's declared conflicts (allocation.appointee.ts),
  // the subject's sanction history (sanction-history.reader.ts).
  complete: async (command, store) => withSanctionHistory(await completeCaseCommand(command, store), store),
  fold: (recorded) => foldCase(recorded.map(toCaseEnvelope).filter((envelope): envelope is CaseEventEnvelope => envelope !== null)),
  admit: (state, command, { actor, declaredConflicts }) => {
    if (command.type === 'ReceiveReferral' && !mayOpenCaseFor(actor, command.force)) throw mayNotOpenCaseFor(command.force);
    if (state !== null) ensureMayWrite(actor, state, declaredConflicts());
  },
  // A document's content is sealed under the case's key and stored before decide sees the command (document.rules.ts).
  prepare: async (command, documents) =>
    command.type === 'AttachDocument' && command.content !== undefined
      ? { ...command, content: undefined, storedSha256: await documents.store(casePersonId(command.caseId), command.content, command.sha256) }
      : command,
  // A correction of the opening event is held to the rights of the writer who sends it.
  decide: (command, state, { actor }) => decide(command, state, writerOf(actor)),
  seal: (vault, command, event, state, eventId) => sealCaseEvent(vault, command.caseId, event, state, eventId),
  occurredAt: legalInstantOf,
  schemaVersion: (event) => CASE_EVENT_SCHEMA_VERSION[event.type],
  notFound: (command) => caseNotFound(command.caseId),
  opensStream: (command) => command.type === 'ReceiveReferral',
};

function writerOf(actor: Actor): CaseWriter {
  return { force: actor.force, sensitivities: visibleSensitivities(actor) };
}

/**
 * The subject's person's sanction history, for the commands whose rules read it (reg 42(5)-(7),
 * the form of proceedings), read from the ledger at the moment of the decision, so that an
 * outcome appended in another case a moment before counts (sanction-history.reader.ts). Any
 * history a command came with is replaced: it is never the client's word.
 */
async function withSanctionHistory(command: CaseCommand, store: EventStore): Promise<CaseCommand> {
  const subjectId = 'subjectId' in command ? command.subjectId : undefined;
  if (!(SANCTION_HISTORY_COMMANDS as readonly string[]).includes(command.type) || subjectId === undefined) return command;
  const { state } = await loadCase(store, command.caseId);
  const personId = state?.subjects[subjectId]?.personId;
  if (personId === undefined) return command;
  return { ...command, priorSanctions: await sanctionHistoryOf(store, personId, command.caseId) } as CaseCommand;
}
