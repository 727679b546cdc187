import { Injectable } from '@nestjs/common';
import { CaseReadAccess } from '../access/case-read-access';
import { CASE_CONFLICT_STREAM_PREFIX } from '../access/conflicts/case-conflict.events';
import { caseStreamName, loadCase } from '../cases/case.stream';
import { EventStore } from '../event-store/event-store';
import type { Actor } from '../http';

/** `case-`: the prefix of every case stream. */
const CASE_STREAM_PREFIX = caseStreamName('');

/**
 * Whose events a reader may have inclusion proofs of. A proof names the event's stream, and a
 * case's stream (or the stream of the conflicts declared on it) names the case: so it is
 * given only to a reader who may read that case (need-to-know, as a read of the case decides
 * it on the case as it stands now). The other streams name no case and stay provable to
 * every role of the proof routes.
 */
@Injectable()
export class ProvableStreams {
  constructor(
    private readonly store: EventStore,
    private readonly access: CaseReadAccess,
  ) {}

  async mayProve(reader: Actor, streamName: string): Promise<boolean> {
    const caseId = caseIdOf(streamName);
    if (caseId === undefined) return true;
    const { state } = await loadCase(this.store, caseId);
    // Events of a stream that is no case (yet) prove nothing a reader may read.
    if (state === null) return false;
    const subjectPersonIds = Object.values(state.subjects).map((subject) => subject.personId);
    return this.access.mayRead(reader, caseId, { force: state.force, sensitivity: state.sensitivity, subjectPersonIds });
  }
}

function caseIdOf(streamName: string): string | undefined {
  for (const prefix of [CASE_STREAM_PREFIX, CASE_CONFLICT_STREAM_PREFIX]) {
    if (streamName.startsWith(prefix)) return streamName.slice(prefix.length);
  }
  return undefined;
}
