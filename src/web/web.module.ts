import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AccessModule } from '../access/access.module';
import { ClockModule } from '../common/clock.module';
import { CaseHistoryModule, CaseStatusModule, SearchModule, TimelinessModule } from '../../projections';
import { CommandForms } from './command-forms';
import { PageErrorFilter } from './page-error.filter';
import { PageRenderer } from './page-renderer';
import { PagesController } from './pages.controller';
import { OversightController } from './oversight.controller';
import { DocumentPagesController } from './document-pages.controller';
import { documentUploads } from '../documents/documents.module';
import { SearchPageController } from './search-page.controller';
import { InspectionController } from './inspection.controller';
import { PeopleController } from './people.controller';
import { AlertPagesController } from './alert-pages.controller';
import { RecommendationPagesController } from './recommendation-pages.controller';
import { ErasurePagesController } from './erasure-pages.controller';
import { WorkforcePagesController } from './workforce-pages.controller';
import { ApiReads } from './api-reads';
import { WebSessions } from './web-sessions';
import { OidcSignIn } from './oidc-sign-in';
import { CaseFactsBeforeLoadingSource } from '../../projections/common/case-facts-before-loading';

/** The pages (docs/web.md); configurePages sets what they need on the application. */
@Module({
  imports: [DiscoveryModule, AccessModule, ClockModule, CaseStatusModule, TimelinessModule, CaseHistoryModule, SearchModule, documentUploads()],
  controllers: [
    PagesController,
    OversightController,
    DocumentPagesController,
    SearchPageController,
    InspectionController,
    PeopleController,
    AlertPagesController,
    RecommendationPagesController,
    ErasurePagesController,
    WorkforcePagesController,
  ],
  providers: [ApiReads, WebSessions, CommandForms, PageRenderer, PageErrorFilter, OidcSignIn, CaseFactsBeforeLoadingSource],
  exports: [WebSessions, CommandForms],
})
export class WebModule {}
