/**
 * A case's documents over HTTP: the upload (a multipart form, through the one write path),
 * a document superseded by another, and the download (a read of the case, recorded with its
 * purpose as every read is). Who may do each is who may record steps on the case, or read it.
 */
import { Body, Controller, Get, Param, Post, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AccessPurpose } from '../access/access-purpose';
import { CaseReadAccess, ReadsOneCase } from '../access/case-read-access';
import { ApiCommand, CommandContext, commandResponse, CommandResponse, CurrentActor, problem, ReadsProjections, Roles } from '../http';
import type { Actor } from '../http';
import { RechecksRightsOnReplay } from '../http/replay-rights';
import { WriteCommand } from '../common/write-path';
import { CASE_RECORDERS } from '../cases/case.command-routes';
import type { CaseCommand } from '../cases/case.command-types';
import { CaseReplayRights } from '../cases/case.replay-rights';
import { CASES } from '../cases/case.slice';
import { loadCase } from '../cases/case.stream';
import { documentsOf } from '../cases/document.rules';
import { EventStore } from '../event-store/event-store';
import { DocumentContent, sha256Of } from './document-content';
import { AttachDocumentBody, AttachDocumentForm, DocumentParams, SupersedeDocumentBody } from './documents.dto';
import { CaseParams } from '../cases/dto/params.dto';
import { mediaTypeOf } from './media-type';

/** The one file of an upload, as multer hands it over (memory storage, within the size limit). */
interface UploadedDocument {
  buffer: Buffer;
  originalname: string;
  size: number;
}

@ApiTags('cases')
@Controller('cases')
@RechecksRightsOnReplay(CaseReplayRights)
export class DocumentsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly access: CaseReadAccess,
    private readonly store: EventStore,
    private readonly documents: DocumentContent,
  ) {}

  @Post(':caseId/documents')
  @Roles(...CASE_RECORDERS)
  @ApiCommand('caseId')
  @ApiOperation({ operationId: 'AttachDocument', summary: 'Appends DocumentAttached (multipart/form-data: the file and its fields)' })
  @ApiResponse({ status: 404, description: 'No such case in a force the actor acts for.' })
  @ApiResponse({ status: 413, description: 'The document is larger than LEDGER_DOCUMENT_MAX_BYTES.' })
  @ApiResponse({ status: 415, description: 'The content is not of an accepted type.' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: AttachDocumentForm })
  // The size limit (LEDGER_DOCUMENT_MAX_BYTES, 413 beyond it) is the module's multer setting.
  @UseInterceptors(FileInterceptor('file'))
  async attach(
    @Param() ids: CaseParams,
    @Body() body: AttachDocumentBody,
    @UploadedFile() file: UploadedDocument | undefined,
    @CommandContext() context: CommandContext,
  ): Promise<CommandResponse> {
    if (file === undefined)
      throw problem(400, 'validation-failed', 'The form must carry the document as its field `file`.', {
        errors: [{ field: 'file', message: 'file is missing' }],
      });
    if (file.size === 0) throw problem(400, 'validation-failed', 'The document is empty.', { errors: [{ field: 'file', message: 'file is empty' }] });
    const mediaType = await mediaTypeOf(file.buffer);
    if (mediaType === undefined) {
      throw problem(
        415,
        'unsupported-media-type',
        'The document is not one of the accepted types (PDF, PNG, JPEG, plain text, DOCX, ODT, MP3, MP4), as its content shows.',
      );
    }
    const documentId = body.documentId ?? context.newId('document');
    const command: CaseCommand = {
      ...body,
      type: 'AttachDocument',
      caseId: ids.caseId,
      documentId,
      name: file.originalname.trim() === '' ? 'document' : file.originalname,
      mediaType,
      size: file.size,
      sha256: sha256Of(file.buffer),
      content: file.buffer,
    };
    const result = await this.commandBus.execute(new WriteCommand(CASES, command, context));
    return commandResponse({ caseId: ids.caseId, documentId }, result);
  }

  @Post(':caseId/documents/:documentId/supersession')
  @Roles(...CASE_RECORDERS)
  @ApiCommand('caseId')
  @ApiOperation({ operationId: 'SupersedeDocument', summary: 'Appends DocumentSuperseded' })
  @ApiResponse({ status: 404, description: 'No such case, or no such document of the case.' })
  async supersede(@Param() ids: DocumentParams, @Body() body: SupersedeDocumentBody, @CommandContext() context: CommandContext): Promise<CommandResponse> {
    const command: CaseCommand = { ...body, type: 'SupersedeDocument', caseId: ids.caseId, documentId: ids.documentId };
    const result = await this.commandBus.execute(new WriteCommand(CASES, command, context));
    return commandResponse({ caseId: ids.caseId }, result);
  }

  @Get(':caseId/documents/:documentId/content')
  @ReadsOneCase()
  // Read from the case's stream and the document storage: no read model to wait for.
  @ReadsProjections()
  @ApiOperation({ operationId: 'DownloadDocument', summary: 'The document as uploaded (410 once the case’s personal data is erased)' })
  @ApiProduces('application/octet-stream')
  @ApiResponse({ status: 410, description: "The case's personal data is erased: the content cannot be read." })
  async download(@Param() ids: DocumentParams, @CurrentActor() actor: Actor, @AccessPurpose() purpose: string): Promise<StreamableFile> {
    const { caseId, documentId } = ids;
    // Need-to-know exactly as a read of the case, and recorded as one (CaseAccessed, with its purpose).
    const log = await this.access.open({ reader: actor, purpose, caseId }, async () => {
      const { state } = await loadCase(this.store, caseId);
      if (state === null) return undefined;
      const subjectPersonIds = Object.values(state.subjects).map((subject) => subject.personId);
      return { facts: { force: state.force, sensitivity: state.sensitivity, subjectPersonIds }, value: state.log };
    });
    const document = documentsOf(log).get(documentId);
    if (document === undefined) throw problem(404, 'not-found', `The case has no document ${documentId}.`);
    const opened = await this.documents.open(caseId, document.attached);
    switch (opened.kind) {
      case 'content':
        return new StreamableFile(opened.content, {
          type: document.attached.mediaType,
          length: opened.content.length,
          disposition: `attachment; filename="${documentId}"`,
        });
      case 'erased':
        throw problem(410, 'personal-data-erased', 'The personal data of this case has been erased: the document can no longer be read.');
      case 'missing':
      case 'altered':
        // The ledger names the bytes; `npm run ledger -- verify` says which document and event.
        throw problem(500, 'internal-error', `The stored content of document ${documentId} is ${opened.kind}: run npm run ledger -- verify.`);
    }
  }
}
