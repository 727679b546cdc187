import { Injectable } from '@nestjs/common';
import { ConflictRegistry } from '../access/conflicts/conflict-registry';
import { EventStore } from '../event-store/event-store';
import type { Actor, LedgerRequest } from '../http/actor';
import type { ReplayRights } from '../http/replay-rights';
import { loadCase } from './case.stream';
import { ensureMayWrite, mayNotOpenCaseFor, mayOpenCaseFor } from './case.write-access';

/**
 * Before a case command is replayed from its Idempotency-Key: the rights the command was
 * first checked with, checked again on the case as it stands and the actor as their token
 * now says (a conflict declared since, another force). The refusal is the one a new request
 * would get; nothing is decided or appended.
 */
@Injectable()
export class CaseReplayRights implements ReplayRights {
  constructor(
    private readonly store: EventStore,
    private readonly conflicts: ConflictRegistry,
  ) {}

  async ensureMayReplay(actor: Actor, request: LedgerRequest, earlierBody: unknown): Promise<void> {
    const caseIdInPath = stringField(request.params, 'caseId');
    if (caseIdInPath === undefined) {
      // POST /cases: the right to open for the force named, then the case it opened.
      const force = stringField(request.body, 'force');
      if (force !== undefined && !mayOpenCaseFor(actor, force)) throw mayNotOpenCaseFor(force);
    }
    const caseId = caseIdInPath ?? stringField(earlierBody, 'caseId');
    if (caseId === undefined) return;
    const { state } = await loadCase(this.store, caseId);
    if (state !== null) ensureMayWrite(actor, state, this.conflicts.declaredBy(actor.userId));
  }
}

function stringField(value: unknown, field: string): string | undefined {
  if (typeof value !== 'object' || value === null || !Object.prototype.hasOwnProperty.call(value, field)) return undefined;
  const found: unknown = (value as Record<string, unknown>)[field];
  return typeof found === 'string' ? found : undefined;
}
