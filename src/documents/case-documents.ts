/**
 * What the API's document routes and the case page share, so a page sends the same command
 * and reads the same way as the API (docs/style.md, "Pages"): an upload checked by its
 * content and sent down the one write path, and a download decided and recorded as a read of
 * the case.
 */
import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CaseRead } from '../access/case-read-access';
import { CaseReadAccess } from '../access/case-read-access';
import { commandResponse, problem } from '../http';
import type { CommandContext, CommandResponse } from '../http';
import { WriteCommand } from '../common/write-path';
import type { CaseCommand } from '../cases/case.command-types';
import { CASES } from '../cases/case.slice';
import { loadCase } from '../cases/case.stream';
import type { DocumentMediaType } from '../cases/document.enums';
import { documentsOf } from '../cases/document.rules';
import { EventStore } from '../event-store/event-store';
import { casePersonId } from '../vault/case-person';
import { DocumentContent, sha256Of } from './document-content';
import type { OpenedDocument } from './document-content';
import type { AttachDocumentBody } from './documents.dto';
import { mediaTypeOf } from './media-type';

/** The one file of an upload, as multer hands it over (memory storage, within the size limit). */
export interface UploadedDocument {
  buffer: Buffer;
  originalname: string;
  size: number;
}

export interface DownloadedDocument {
  content: Buffer;
  mediaType: DocumentMediaType;
}

export const ACCEPTED_TYPES = 'PDF, PNG, JPEG, plain text, DOCX, ODT, MP3, MP4';

@Injectable()
export class CaseDocuments {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly access: CaseReadAccess,
    private readonly store: EventStore,
    private readonly documents: DocumentContent,
  ) {}

  /** AttachDocument for the file and its form's fields; refused 400 (no file, an empty one) or 415 (its content is of no accepted type). */
  async attach(caseId: string, body: AttachDocumentBody, file: UploadedDocument | undefined, context: CommandContext): Promise<CommandResponse> {
    const checked = await checkedUpload(file);
    const documentId = body.documentId ?? context.newId('document');
    const command: CaseCommand = { ...body, ...checked, type: 'AttachDocument', caseId, documentId };
    const result = await this.commandBus.execute(new WriteCommand(CASES, command, context));
    return commandResponse({ caseId, documentId }, result);
  }

  /** The document's content, to a reader who may read the case (the read recorded with its purpose, granted or refused). */
  async read(asked: CaseRead, documentId: string): Promise<DownloadedDocument> {
    const read = { ...asked, documentId };
    const log = await this.access.open(read, async () => {
      const { state } = await loadCase(this.store, read.caseId);
      if (state === null) return undefined;
      const subjectPersonIds = Object.values(state.subjects).map((subject) => subject.personId);
      return { facts: { force: state.force, sensitivity: state.sensitivity, subjectPersonIds }, value: state.log };
    });
    const document = documentsOf(log).get(documentId);
    if (document === undefined) throw problem(404, 'not-found', `The case has no document ${documentId}.`);
    const opened = await this.documents.open(casePersonId(read.caseId), document.attached);
    if (opened.kind !== 'content') throw unreadableDocument(documentId, opened.kind, 'this case');
    return { content: opened.content, mediaType: document.attached.mediaType };
  }
}

/** What an upload's event records of its file, with the content to store; every document upload (a case's, a register entry's) goes through it. */
export interface CheckedUpload {
  name: string;
  mediaType: DocumentMediaType;
  size: number;
  sha256: string;
  content: Buffer;
}

/** The upload's file checked: refused 400 (no file, an empty one) or 415 (its content is of no accepted type). */
export async function checkedUpload(file: UploadedDocument | undefined): Promise<CheckedUpload> {
  if (file === undefined) throw fileProblem('The form must carry the document as its field `file`.', 'file is missing');
  if (file.size === 0) throw fileProblem('The document is empty.', 'file is empty');
  const mediaType = await mediaTypeOf(file.buffer);
  if (mediaType === undefined) {
    throw problem(415, 'unsupported-media-type', `The document is not one of the accepted types (${ACCEPTED_TYPES}), as its content shows.`);
  }
  const name = file.originalname.trim() === '' ? 'document' : file.originalname;
  return { name, mediaType, size: file.size, sha256: sha256Of(file.buffer), content: file.buffer };
}

/** The answer to a document whose stored content cannot be given: 410 once erased, 500 when missing or altered. */
export function unreadableDocument(documentId: string, kind: Exclude<OpenedDocument['kind'], 'content'>, whose: string) {
  if (kind === 'erased') {
    return problem(410, 'personal-data-erased', `The personal data of ${whose} has been erased: the document can no longer be read.`);
  }
  // `npm run ledger -- verify` names the document and the event.
  return problem(500, 'internal-error', `The stored content of document ${documentId} is ${kind}: run npm run ledger -- verify.`);
}

function fileProblem(detail: string, message: string) {
  return problem(400, 'validation-failed', detail, { errors: [{ field: 'file', message }] });
}
