/**
 * A case's documents on its page (docs/web.md): the upload form's route and the download
 * link. They send the same command and read the same way as the API's document routes
 * (src/documents/case-documents.ts): the one write path, need-to-know and the read recorded
 * with the purpose stated in the session. The upload is a multipart form, so its CSRF token is
 * checked here, once multer has read the form and before anything else is done.
 */
import { Controller, Get, Param, Post, Req, Res, UploadedFile, UseFilters, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { AccessPurpose } from '../access/access-purpose';
import { ReadsOneCase } from '../access/case-read-access';
import { CASE_RECORDERS } from '../cases/case.command-routes';
import { CaseDocuments } from '../documents/case-documents';
import type { UploadedDocument } from '../documents/case-documents';
import { AttachDocumentBody } from '../documents/documents.dto';
import { CurrentActor, problem, Roles } from '../http';
import type { Actor } from '../http';
import { commandContextOf } from '../http/command-context';
import { canonicalUuid } from '../http/uuid';
import { createValidationPipe } from '../http/validation';
import { CaseIdPipe } from '../../projections/common/case-id.pipe';
import { commandRequest } from './command-forms';
import { CSRF_FIELD } from './configure-pages';
import { uploadedFields } from './document-views';
import type { PageRequest } from './configure-pages';
import { PageErrorFilter } from './page-error.filter';
import { sameToken, WebSessions } from './web-sessions';

@ApiExcludeController()
@Controller('casework')
@UseFilters(PageErrorFilter)
export class DocumentPagesController {
  private readonly validation = createValidationPipe();

  constructor(
    private readonly documents: CaseDocuments,
    private readonly sessions: WebSessions,
  ) {}

  @Post(':caseId/documents')
  @Roles(...CASE_RECORDERS)
  // The size limit (LEDGER_DOCUMENT_MAX_BYTES, 413 beyond it) is the module's multer setting.
  @UseInterceptors(FileInterceptor('file'))
  async upload(
    @Req() request: PageRequest,
    @Res() response: Response,
    @Param('caseId', CaseIdPipe) caseId: string,
    @UploadedFile() file: UploadedDocument | undefined,
  ): Promise<void> {
    const { [CSRF_FIELD]: csrf, _idempotencyKey: key, ...fields } = (request.body ?? {}) as Record<string, unknown>;
    const expected = request.page?.csrfToken;
    if (expected === undefined || !sameToken(csrf, expected)) {
      throw problem(403, 'forbidden', 'This form has expired or did not come from this service: go back, reload the page and try again.');
    }
    const given = uploadedFields(fields);
    const body = (await this.validation.transform(given, { type: 'body', metatype: AttachDocumentBody })) as AttachDocumentBody;
    const idempotencyKey = canonicalUuid(typeof key === 'string' ? key : '') ?? randomUUID();
    const context = commandContextOf(commandRequest(request, { idempotencyKey }, `/api/v1/cases/${caseId}/documents`));
    const answer = await this.documents.attach(caseId, body, file, context);
    if (request.page?.session) await this.sessions.rememberPosition(request.page.session, answer.body.position);
    response.redirect(303, `/casework/${caseId}#documents`);
  }

  @Get(':caseId/documents/:documentId')
  @ReadsOneCase()
  async download(
    @Res() response: Response,
    @Param('caseId', CaseIdPipe) caseId: string,
    @Param('documentId', CaseIdPipe) documentId: string,
    @CurrentActor() actor: Actor,
    @AccessPurpose() purpose: string,
  ): Promise<void> {
    const { content, mediaType } = await this.documents.read({ reader: actor, purpose, caseId }, documentId);
    response.type(mediaType).setHeader('Content-Disposition', `attachment; filename="${documentId}"`);
    response.send(content);
  }
}
