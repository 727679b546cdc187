import { Global, Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { AccessModule } from '../access/access.module';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/configuration';
import { CaseReplayRights } from '../cases/case.replay-rights';
import { DocumentContent } from './document-content';
import { DocumentStorage, FileSystemDocumentStorage } from './document-storage';
import { DocumentsController } from './documents.controller';

/**
 * Documents and exhibits (src/documents/README.md): the storage port (the data folder by
 * default), the sealed content the write path stores, and the routes. Global, because the one
 * write path (src/common/write-path.ts) stores a document's content before its event.
 */
@Global()
@Module({
  imports: [
    AccessModule,
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      // In memory: the content is hashed, checked and sealed before anything is written; one file, a few fields.
      useFactory: (config: AppConfig) => ({ limits: { fileSize: config.documents.maxBytes, files: 1, fields: 10, parts: 12 } }),
    }),
  ],
  controllers: [DocumentsController],
  providers: [
    { provide: DocumentStorage, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new FileSystemDocumentStorage(config.documents.dir) },
    DocumentContent,
    CaseReplayRights,
  ],
  exports: [DocumentContent, DocumentStorage],
})
export class DocumentsModule {}
