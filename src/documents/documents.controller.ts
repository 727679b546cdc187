/**
 * A case's documents over HTTP: the upload (a multipart form, through the one write path),
 * a document superseded by another, and the download (a read of the case, recorded with its
 * purpose as every read is). Who may do each is who may record steps on the case, or read it.
 */
import { applyDecorators, Body, Controller, Get, Param, Post, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { DOCUMENT_MEDIA_TYPES } from '../cases/document.enums';
import { AccessPurpose } from '../access/access-purpose';
import { ReadsOneCase } from '../access/case-read-access';
import { ApiCommand, CommandContext, commandResponse, CommandResponse, CurrentActor, ReadsProjections, Roles } from '../http';
import type { Actor } from '../http';
import { RechecksRightsOnReplay } from '../http/replay-rights';
import { CommandAggregate } from '../common/command-routes';
import { WriteCommand } from '../common/write-path';
import { CASE_RECORDERS } from '../cases/case.command-routes';
import type { CaseCommand } from '../cases/case.command-types';
import { CaseReplayRights } from '../cases/case.replay-rights';
import { CASES } from '../cases/case.slice';
import { CaseParams } from '../cases/dto/params.dto';
import { CaseDocuments } from './case-documents';
import type { UploadedDocument } from './case-documents';
import { AttachDocumentBody, AttachDocumentForm, DocumentParams, SupersedeDocumentBody } from './documents.dto';

/** A problem+json answer (the document's one `Problem`). */
export const problemAnswer = (status: number, description: string) => ({
  status,
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/** The OpenAPI answers of a document's download: its bytes, or why not (`whose`: the case's, the person's). */
export const ApiDocumentDownload = (notFound: string, whose: string): MethodDecorator =>
  applyDecorators(
    ApiResponse({
      status: 200,
      description: 'The bytes as uploaded, with the media type read from them',
      content: Object.fromEntries(DOCUMENT_MEDIA_TYPES.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
    }),
    ApiResponse(problemAnswer(404, notFound)),
    ApiResponse(problemAnswer(410, `${whose} personal data is erased: the content cannot be read.`)),
    ApiResponse(problemAnswer(500, 'The stored content is missing or altered: `npm run ledger -- verify` names the document and its event.')),
  );

@ApiTags('cases')
@Controller('cases')
@RechecksRightsOnReplay(CaseReplayRights)
export class DocumentsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly documents: CaseDocuments,
  ) {}

  @Post(':caseId/documents')
  @Roles(...CASE_RECORDERS)
  @ApiCommand('caseId')
  @ApiOperation({ operationId: 'AttachDocument', summary: 'Appends DocumentAttached (multipart/form-data: the file and its fields)' })
  @ApiResponse(problemAnswer(404, 'No such case in a force the actor acts for.'))
  @ApiResponse(problemAnswer(413, 'The document is larger than LEDGER_DOCUMENT_MAX_BYTES.'))
  @ApiResponse(problemAnswer(415, 'The content is not of an accepted type.'))
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
    return this.documents.attach(ids.caseId, body, file, context);
  }

  @Post(':caseId/documents/:documentId/supersession')
  @Roles(...CASE_RECORDERS)
  @ApiCommand('caseId')
  // Each document's row on the case page offers its form (src/web/command-forms.ts).
  @CommandAggregate('caseId')
  @ApiOperation({ operationId: 'SupersedeDocument', summary: 'Appends DocumentSuperseded' })
  @ApiResponse(problemAnswer(404, 'No such case, or no such document of the case.'))
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
  @ApiDocumentDownload('No such case, or no such document of the case.', "The case's")
  async download(@Param() ids: DocumentParams, @CurrentActor() actor: Actor, @AccessPurpose() purpose: string): Promise<StreamableFile> {
    const { content, mediaType } = await this.documents.read({ reader: actor, purpose, caseId: ids.caseId }, ids.documentId);
    return new StreamableFile(content, { type: mediaType, length: content.length, disposition: `attachment; filename="${ids.documentId}"` });
  }
}
