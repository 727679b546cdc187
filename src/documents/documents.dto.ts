/** The bodies of the document routes (documents.controller.ts). */
import { ApiProperty } from '@nestjs/swagger';
import { DayField, IdField, OneOfField, REASON_MAX_LENGTH, TextField } from '../common/dto-fields';
import { DOCUMENT_KINDS } from '../cases/document.enums';
import type { DocumentKind } from '../cases/document.enums';
import { CaseParams } from '../cases/dto/params.dto';
import { OptionalForceField } from '../common/force';
import { PersonParams } from '../registers/dto/params.dto';
import { DOCUMENT_REGISTERS } from '../registers/registers.enums';
import type { DocumentRegister } from '../registers/registers.enums';

/** The text fields of the upload form, beside its one file (`file`). */
export class AttachDocumentBody {
  @IdField({ optional: true, description: 'Chosen by the service (from the Idempotency-Key when there is one) when left out' })
  documentId?: string;

  @IdField({ optional: true, description: 'The subject of the case the document is about, when it is about one' })
  subjectId?: string;

  @DayField()
  attachedOn!: string;

  @OneOfField(DOCUMENT_KINDS)
  kind!: DocumentKind;
}

/** The OpenAPI schema of the multipart upload: the form's fields and its file. */
export class AttachDocumentForm extends AttachDocumentBody {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: 'The document. Its type is recognised from its content (PDF, PNG, JPEG, plain text, DOCX, ODT, MP3, MP4)',
  })
  file!: unknown;
}

/** The text fields of a register entry's upload form, beside its one file (`file`). */
export class AttachRegisterDocumentBody {
  @OptionalForceField()
  force?: string;

  @IdField({ optional: true, description: 'Chosen by the service (from the Idempotency-Key when there is one) when left out' })
  documentId?: string;

  @OneOfField(DOCUMENT_REGISTERS, { description: 'The register of the entry the document is attached to' })
  register!: DocumentRegister;

  @IdField({ description: 'The entry’s id in its register: a businessInterestId or an associationId' })
  entryId!: string;

  @DayField()
  attachedOn!: string;

  @OneOfField(DOCUMENT_KINDS)
  kind!: DocumentKind;
}

/** The OpenAPI schema of a register entry's multipart upload. */
export class AttachRegisterDocumentForm extends AttachRegisterDocumentBody {
  @ApiProperty({ type: 'string', format: 'binary', description: 'The document. Its type is recognised from its content, as a case document’s' })
  file!: unknown;
}

export class SupersedeDocumentBody {
  @IdField({ description: 'The document of the same case that replaces it (attached first)' })
  supersededBy!: string;

  @DayField()
  on!: string;

  @TextField(REASON_MAX_LENGTH)
  reason!: string;
}

export class DocumentParams extends CaseParams {
  @IdField()
  documentId!: string;
}

export class RegisterDocumentParams extends PersonParams {
  @IdField()
  documentId!: string;
}
