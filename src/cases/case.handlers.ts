/**
 * The one handler of every case command: load the `case-<caseId>` stream, fold it, decide,
 * append at the revision the decision was made on. Two writers deciding on the same
 * revision cannot both append: the second gets a WrongExpectedRevisionError (409) and
 * retries on the new state.
 */
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { AppendResult, ExpectedRevision } from '../event-store/event-store';
import { EventStore } from '../event-store/event-store';
import { WrongExpectedRevisionError } from '../event-store/errors';
import { DomainError } from '../shared/domain-error';
import type { CaseCommand } from './case.command-types';
import { ExecuteCaseCommand } from './case.commands';
import { decide } from './case.decide';
import type { CaseEvent } from './case.events';
import { CASE_EVENT_SCHEMA_VERSION } from './case.events';
import type { CaseRuleName } from './case.rule-book';
import type { CaseState } from './case.state';
import { caseStreamName, loadCase, occurredAt, toJsonObject } from './case.stream';
import { caseNotFound, ensureMayWrite } from './case.write-access';
import { Vault } from '../vault/vault';
import { sealCaseEvent } from '../vault/case-vault';
import { ConflictRegistry } from '../access/conflicts/conflict-registry';
import { visibleSensitivities } from '../access/case-access-policy';
import type { Actor } from '../http';
import { problem } from '../http/problem';
import type { CaseWriter } from './case.writer';

const CASE_MUST_EXIST: CaseRuleName = 'caseMustExist';

@CommandHandler(ExecuteCaseCommand)
export class ExecuteCaseCommandHandler implements ICommandHandler<ExecuteCaseCommand, AppendResult> {
  constructor(
    private readonly store: EventStore,
    private readonly vault: Vault,
    private readonly conflicts: ConflictRegistry,
  ) {}

  async execute({ command, context }: ExecuteCaseCommand): Promise<AppendResult> {
    const requestedAt = new Date().toISOString();
    const streamName = caseStreamName(command.caseId);
    const { state, revision, recorded } = await loadCase(this.store, command.caseId);
    // A referral opens a stream that must not exist (so If-Match means nothing to it); the
    // other commands address an existing case, which the actor must be allowed to see. A
    // referral naming an existing case the actor may not see gets the answer a read of it
    // would (404 for a covert case or another force's): a 409 would tell them it exists.
    const opening = command.type === 'ReceiveReferral';
    if (state !== null) {
      ensureMayWrite(context.actor, state, this.conflicts.declaredBy(context.actor.userId));
    }
    // A retry of a command whose answer was lost in a crash: its events are there; answer them.
    const earlier = context.earlierAppend(streamName, recorded);
    if (earlier !== undefined) return earlier;
    if (!opening && state !== null) {
      // A client that saw an older revision decided on an older case: 409 before any rule.
      if (!opening && context.expectedRevision !== undefined && context.expectedRevision !== revision) {
        throw new WrongExpectedRevisionError(streamName, context.expectedRevision, revision);
      }
    }
    const decided = decideOnExistingCase(command, state, writerOf(context.actor));
    const eventIds = context.eventIds(streamName, decided.length);
    // Personal data is encrypted before the append, so the events' hashes cover the ciphertext.
    const events = await Promise.all(decided.map((event, index) => sealCaseEvent(this.vault, command.caseId, event, state, eventIds[index])));
    const expectedRevision: ExpectedRevision = opening ? 'no_stream' : revision;
    return this.store.appendToStream(
      streamName,
      events.map((event: CaseEvent, index) => ({
        eventId: eventIds[index],
        type: event.type,
        data: toJsonObject(event.data),
        metadata: context.metadata(occurredAt(event, requestedAt), CASE_EVENT_SCHEMA_VERSION[event.type]),
      })),
      { expectedRevision },
    );
  }
}

/**
 * The rules that refuse a writer for their rights rather than for the state of the case: a
 * 403 naming the rule, as write access refuses (case.write-access.ts), not a 422.
 */
const WRITER_RIGHTS_RULES: readonly CaseRuleName[] = ['correctionBeyondWritersForce', 'correctionBeyondWritersSensitivity'];

function writerOf(actor: Actor): CaseWriter {
  return { force: actor.force, sensitivities: visibleSensitivities(actor) };
}

/** decide, with its refusal for a case that does not exist answered as a 404, and a writer's rights as a 403, rather than a 422. */
function decideOnExistingCase(command: CaseCommand, state: CaseState, writer: CaseWriter): CaseEvent[] {
  try {
    return decide(command, state, writer);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.rule === CASE_MUST_EXIST) throw caseNotFound(command.caseId);
    if (WRITER_RIGHTS_RULES.some((rule) => rule === error.rule)) {
      throw problem(403, 'forbidden', `${error.rule}: ${error.message}.`, { extensions: { rule: error.rule, reason: error.rule } });
    }
    throw error;
  }
}
