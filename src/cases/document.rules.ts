/**
 * The documents of a case (document.events.ts): attached once, never changed, superseded by
 * another of the same case. Pure, like every rule; the bytes were sealed and stored by the
 * write path before decide (case.slice.ts), which hands decide the stored object's hash.
 */
import { isBeforeDay } from './case.dates';
import type { AttachDocument, CaseCommand } from './case.command-types';
import type { CaseEvent, CaseEventDataMap, CaseEventEnvelope } from './case.events';
import { ensure, refuse } from './case.rule-book';
import { event, payloadOf, requireSubject } from './case.rules';
import type { Case } from './case.state';

/** A document as the case's history holds it. */
export interface CaseDocument {
  documentId: string;
  attached: CaseEventDataMap['DocumentAttached'];
  /** The event that attached it (what a download names, and `verify` reports). */
  eventId: string;
  supersededBy: string | null;
}

/** The case's documents by id, from its history (documents are never corrected, so history is what they are). */
export function documentsOf(log: readonly CaseEventEnvelope[]): Map<string, CaseDocument> {
  const documents = new Map<string, CaseDocument>();
  for (const recorded of log) {
    if (recorded.type === 'DocumentAttached') {
      documents.set(recorded.data.documentId, { documentId: recorded.data.documentId, attached: recorded.data, eventId: recorded.eventId, supersededBy: null });
    } else if (recorded.type === 'DocumentSuperseded') {
      const superseded = documents.get(recorded.data.documentId);
      if (superseded !== undefined) superseded.supersededBy = recorded.data.supersededBy;
    }
  }
  return documents;
}

export type DocumentCommand = Extract<CaseCommand, { type: 'AttachDocument' | 'SupersedeDocument' }>;

export function decideDocument(state: Case, command: DocumentCommand): CaseEvent[] {
  const documents = documentsOf(state.log);
  if (command.type === 'AttachDocument') return decideAttachment(state, documents, command);
  const { documentId, supersededBy, on } = command;
  const superseded = documents.get(documentId);
  if (superseded === undefined) return refuse('documentMustExist', documentId);
  ensure(superseded.supersededBy === null, 'documentAlreadySuperseded', documentId);
  const replacement = documents.get(supersededBy);
  ensure(replacement !== undefined && supersededBy !== documentId && replacement.supersededBy === null, 'supersedingDocumentMustBeCurrent', supersededBy);
  for (const attachedOn of [superseded.attached.attachedOn, replacement.attached.attachedOn]) {
    ensure(!isBeforeDay(on, attachedOn), 'supersedingNotBeforeAttaching', `${on} is before ${attachedOn}`);
  }
  return [event('DocumentSuperseded', payloadOf(command))];
}

function decideAttachment(state: Case, documents: Map<string, CaseDocument>, command: AttachDocument): CaseEvent[] {
  ensure(!documents.has(command.documentId), 'documentAlreadyAttached', command.documentId);
  if (command.subjectId !== undefined) requireSubject(state, command.subjectId);
  const { content, storedSha256, ...attached } = payloadOf(command);
  void content;
  // Only a programming error gets here: the write path stores the content before decide.
  if (storedSha256 === undefined) throw new Error('AttachDocument reached decide with its content not stored');
  return [event('DocumentAttached', { ...attached, storedSha256 })];
}
