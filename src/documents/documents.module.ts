import { Global, Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { AccessModule } from '../access/access.module';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/configuration';
import { CaseReplayRights } from '../cases/case.replay-rights';
import { CaseDocuments } from './case-documents';
import { DocumentContent } from './document-content';
import { DocumentStorage, FileSystemDocumentStorage } from './document-storage';
import { DocumentsController } from './documents.controller';
import { RegisterDocuments } from './register-documents';
import { RegisterDocumentsController } from './register-documents.controller';

/**
 * Documents and exhibits (src/documents/README.md): the storage port (the data folder by
 * default), the sealed content the write path stores, and the routes. Global, because the one
 * write path (src/common/write-path.ts) stores a document's content before its event.
 */
/**
 * How an upload is read (here and on the case page, src/web): in memory, since the content is
 * hashed, checked and sealed before anything is written; one file of at most
 * LEDGER_DOCUMENT_MAX_BYTES (413 beyond it) and a few fields.
 */
export function documentUploads() {
  return MulterModule.registerAsync({
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) => ({ limits: { fileSize: config.documents.maxBytes, files: 1, fields: 10, parts: 12 } }),
  });
}

@Global()
@Module({
  imports: [AccessModule, documentUploads()],
  controllers: [DocumentsController, RegisterDocumentsController],
  providers: [
    { provide: DocumentStorage, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new FileSystemDocumentStorage(config.documents.dir) },
    DocumentContent,
    CaseDocuments,
    RegisterDocuments,
    CaseReplayRights,
  ],
  exports: [DocumentContent, DocumentStorage, CaseDocuments, RegisterDocuments],
})
export class DocumentsModule {}
