/**
 * Documents of a person's register entries over HTTP: the upload (a multipart form, through the
 * one write path on `person-<personId>`) and the download (a read of the person's integrity
 * record, recorded with its purpose). Who may do each is who may record in the registers, or
 * read the record (src/registers/person-access.ts).
 */
import { Body, Controller, Get, Param, Post, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AccessPurpose } from '../access/access-purpose';
import { ApiCommand, CommandContext, CommandResponse, CurrentActor, ReadsProjections, Roles } from '../http';
import type { Actor } from '../http';
import { PersonParams } from '../registers/dto/params.dto';
import { ReadsPersonRecord, REGISTER_RECORDERS } from '../registers/person-access';
import type { UploadedDocument } from './case-documents';
import { ApiDocumentDownload, problemAnswer } from './documents.controller';
import { AttachRegisterDocumentBody, AttachRegisterDocumentForm, RegisterDocumentParams } from './documents.dto';
import { RegisterDocuments } from './register-documents';

@ApiTags('registers')
@Controller('people')
export class RegisterDocumentsController {
  constructor(private readonly documents: RegisterDocuments) {}

  @Post(':personId/documents')
  @Roles(...REGISTER_RECORDERS)
  @ApiCommand(['personId', 'documentId'])
  @ApiOperation({ operationId: 'AttachRegisterDocument', summary: 'Appends RegisterDocumentAttached (multipart/form-data: the file and its fields)' })
  @ApiResponse(problemAnswer(404, "No such person in the actor's force."))
  @ApiResponse(problemAnswer(413, 'The document is larger than LEDGER_DOCUMENT_MAX_BYTES.'))
  @ApiResponse(problemAnswer(415, 'The content is not of an accepted type.'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: AttachRegisterDocumentForm })
  @UseInterceptors(FileInterceptor('file'))
  attach(
    @Param() { personId }: PersonParams,
    @Body() body: AttachRegisterDocumentBody,
    @UploadedFile() file: UploadedDocument | undefined,
    @CommandContext() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.documents.attach(personId, body, file, context);
  }

  @Get(':personId/documents/:documentId/content')
  @ReadsPersonRecord()
  // Read from the person's stream and the document storage: no read model to wait for.
  @ReadsProjections()
  @ApiOperation({ operationId: 'DownloadRegisterDocument', summary: 'A register entry’s document as uploaded (410 once the person’s personal data is erased)' })
  @ApiDocumentDownload("No such person in the reader's force, or no such document in their registers.", "The person's")
  async download(@Param() ids: RegisterDocumentParams, @CurrentActor() actor: Actor, @AccessPurpose() purpose: string): Promise<StreamableFile> {
    const { content, mediaType } = await this.documents.read({ reader: actor, purpose, ...ids });
    return new StreamableFile(content, { type: mediaType, length: content.length, disposition: `attachment; filename="${ids.documentId}"` });
  }
}
