/**
 * Documents on the pages (docs/web.md): a case's on its page, a register entry's on the
 * person's integrity record; the upload form's route and the download link of each. They send
 * the same command and read the same way as the API's document routes
 * (src/documents/case-documents.ts, register-documents.ts): the one write path, need-to-know
 * and the read recorded with the purpose stated in the session. The upload is a multipart form, so its CSRF token is
 * checked here, once multer has read the form and before anything else is done.
 */
import { Controller, Get, Injectable, Param, Post, Req, Res, UploadedFile, UseFilters, UseInterceptors } from '@nestjs/common';
import type { PipeTransform } from '@nestjs/common';
import { NotFoundError } from '../common/domain-error';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { AccessPurpose } from '../access/access-purpose';
import { ReadsOneCase } from '../access/case-read-access';
import { CASE_RECORDERS } from '../cases/case.command-routes';
import { CaseDocuments } from '../documents/case-documents';
import type { UploadedDocument } from '../documents/case-documents';
import { AttachDocumentBody, AttachRegisterDocumentBody } from '../documents/documents.dto';
import { RegisterDocuments } from '../documents/register-documents';
import { ReadsPersonRecord, REGISTER_RECORDERS } from '../registers/person-access';
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

/** A person's or a document's id in a page's path: another is no such page. */
@Injectable()
class PersonIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    const id = canonicalUuid(value);
    if (id === undefined) throw new NotFoundError('There is no such person or document.');
    return id;
  }
}

@ApiExcludeController()
@Controller()
@UseFilters(PageErrorFilter)
export class DocumentPagesController {
  private readonly validation = createValidationPipe();

  constructor(
    private readonly documents: CaseDocuments,
    private readonly registerDocuments: RegisterDocuments,
    private readonly sessions: WebSessions,
  ) {}

  @Post('casework/:caseId/documents')
  @Roles(...CASE_RECORDERS)
  // The size limit (LEDGER_DOCUMENT_MAX_BYTES, 413 beyond it) is the module's multer setting.
  @UseInterceptors(FileInterceptor('file'))
  async upload(
    @Req() request: PageRequest,
    @Res() response: Response,
    @Param('caseId', CaseIdPipe) caseId: string,
    @UploadedFile() file: UploadedDocument | undefined,
  ): Promise<void> {
    const { fields, idempotencyKey } = checkedUpload(request);
    const body = (await this.validation.transform(fields, { type: 'body', metatype: AttachDocumentBody })) as AttachDocumentBody;
    const context = commandContextOf(commandRequest(request, { idempotencyKey }, `/api/v1/cases/${caseId}/documents`));
    const answer = await this.documents.attach(caseId, body, file, context);
    if (request.page?.session) await this.sessions.rememberPosition(request.page.session, answer.body.position);
    response.redirect(303, `/casework/${caseId}#documents`);
  }

  /** A document for a business interest or an association, from the person's record page, as `POST /people/{personId}/documents`. */
  @Post('integrity/:personId/documents')
  @Roles(...REGISTER_RECORDERS)
  @UseInterceptors(FileInterceptor('file'))
  async uploadToRegister(
    @Req() request: PageRequest,
    @Res() response: Response,
    @Param('personId', PersonIdPipe) personId: string,
    @UploadedFile() file: UploadedDocument | undefined,
  ): Promise<void> {
    const { fields, idempotencyKey } = checkedUpload(request);
    // The form chooses the entry as `REGISTER:entryId` (registerUploadForm), the body names them apart.
    const { entry, ...rest } = fields;
    const [register, entryId] = typeof entry === 'string' ? entry.split(':') : [];
    const given = { ...rest, ...(register ? { register } : {}), ...(entryId ? { entryId } : {}) };
    const body = (await this.validation.transform(given, { type: 'body', metatype: AttachRegisterDocumentBody })) as AttachRegisterDocumentBody;
    const context = commandContextOf(commandRequest(request, { idempotencyKey }, `/api/v1/people/${personId}/documents`));
    const answer = await this.registerDocuments.attach(personId, body, file, context);
    if (request.page?.session) await this.sessions.rememberPosition(request.page.session, answer.body.position);
    response.redirect(303, `/integrity/${personId}#documents`);
  }

  /** A register entry's document: a read of the person's record with the purpose stated for them in the session, recorded as the API's is. */
  @Get('integrity/:personId/documents/:documentId')
  @ReadsPersonRecord()
  async downloadFromRegister(
    @Res() response: Response,
    @Param('personId', PersonIdPipe) personId: string,
    @Param('documentId', PersonIdPipe) documentId: string,
    @CurrentActor() actor: Actor,
    @AccessPurpose() purpose: string,
  ): Promise<void> {
    const { content, mediaType } = await this.registerDocuments.read({ reader: actor, purpose, personId, documentId });
    response.type(mediaType).setHeader('Content-Disposition', `attachment; filename="${documentId}"`);
    response.send(content);
  }

  @Get('casework/:caseId/documents/:documentId')
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

/** The upload's fields once its CSRF token is checked (multer has read the form by now), and its idempotency key. */
function checkedUpload(request: PageRequest): { fields: Record<string, unknown>; idempotencyKey: string } {
  const { [CSRF_FIELD]: csrf, _idempotencyKey: key, ...fields } = (request.body ?? {}) as Record<string, unknown>;
  const expected = request.page?.csrfToken;
  if (expected === undefined || !sameToken(csrf, expected)) {
    throw problem(403, 'forbidden', 'This form has expired or did not come from this service: go back, reload the page and try again.');
  }
  return { fields: uploadedFields(fields), idempotencyKey: canonicalUuid(typeof key === 'string' ? key : '') ?? randomUUID() };
}
