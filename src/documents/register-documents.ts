/**
 * Documents attached to an entry of a person's registers (a business interest, a notifiable
 * association): what the API's routes do. An upload is checked by its content and sent down
 * the one write path on the person's stream, where its content is sealed under the person's
 * own key; a download is a read of the person's integrity record, refused as that read would
 * be and recorded as `PersonRecordAccessed` with its purpose and the `documentId`.
 */
import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { PersonRecordReads } from '../access-log/person-record-reads';
import { commandResponse, problem } from '../http';
import type { Actor, CommandContext, CommandResponse } from '../http';
import { forceOfEntry } from '../common/force';
import { WriteCommand } from '../common/write-path';
import { EventStore } from '../event-store/event-store';
import { personAccessRefusal, personNotFound } from '../registers/person-access';
import { PERSON_REGISTERS, personStreamName } from '../registers/person.stream';
import { registerEvent } from '../registers/registers.events';
import type { RegisterDocumentAttached } from '../registers/registers.events';
import { workforceHolderOf } from '../workforce/workforce-holder';
import { checkedUpload, unreadableDocument } from './case-documents';
import type { DownloadedDocument, UploadedDocument } from './case-documents';
import { DocumentContent } from './document-content';
import { REGISTER_DOCUMENT_ATTACHED } from './document-reference';
import type { AttachRegisterDocumentBody } from './documents.dto';

/** A read of one register document: who, why, of whom. */
export interface RegisterDocumentRead {
  reader: Actor;
  purpose: string;
  personId: string;
  documentId: string;
}

@Injectable()
export class RegisterDocuments {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly reads: PersonRecordReads,
    private readonly store: EventStore,
    private readonly documents: DocumentContent,
  ) {}

  /** RegisterDocumentAttached for the file and its form's fields, on the person's stream. */
  async attach(personId: string, body: AttachRegisterDocumentBody, file: UploadedDocument | undefined, context: CommandContext): Promise<CommandResponse> {
    const { content, ...checked } = await checkedUpload(file);
    const { force, ...fields } = body;
    const documentId = body.documentId ?? context.newId('document');
    // The stored object's hash is set by the write path once it has stored the content (person.stream.ts).
    const event = registerEvent('RegisterDocumentAttached', { ...fields, ...checked, documentId, force: forceOfEntry(context.actor, force), storedSha256: '' });
    const result = await this.commandBus.execute(new WriteCommand(PERSON_REGISTERS, { personId, event, content }, context));
    return commandResponse({ personId, documentId }, result);
  }

  /** The document's content, to a reader who may read the person's integrity record (the read recorded with its purpose, granted or refused). */
  async read({ reader, purpose, personId, documentId }: RegisterDocumentRead): Promise<DownloadedDocument> {
    const [recorded, holder] = await Promise.all([this.store.readStream(personStreamName(personId)), workforceHolderOf(this.store, personId)]);
    const registers = PERSON_REGISTERS.fold(recorded);
    // The force whose workforce holds the person keeps their record, whoever wrote in it first (as the integrity record's read).
    const personForce = holder ?? registers.force;
    const refusal = registers.force === null ? 'personNotFound' : personAccessRefusal(reader, personId, personForce);
    await this.reads.record({ actor: reader, purpose, personId, personForce, documentId }, refusal);
    if (refusal === 'ownRecord') throw problem(403, 'forbidden', 'Nobody may record in or read their own integrity record.');
    if (refusal !== null) throw personNotFound(personId);
    const attached = recorded.find((event) => event.type === REGISTER_DOCUMENT_ATTACHED && event.data.documentId === documentId);
    if (attached === undefined) throw problem(404, 'not-found', `The person's registers have no document ${documentId}.`);
    const data = attached.data as unknown as RegisterDocumentAttached;
    const opened = await this.documents.open(personId, data);
    if (opened.kind !== 'content') throw unreadableDocument(documentId, opened.kind, 'this person');
    return { content: opened.content, mediaType: data.mediaType };
  }
}
