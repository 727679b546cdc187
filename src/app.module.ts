import { DynamicModule, Module, Type } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CasesModule } from './cases/cases.module';
import { RegistersModule } from './registers/registers.module';
import { RecommendationsModule } from './recommendations/recommendations.module';
import { WorkforceModule } from './workforce/workforce.module';
import { ConfigModule } from './config/config.module';
import { AppConfig } from './config/configuration';
import { DatabaseHandle } from './database/database';
import { DatabaseModule } from './database/database.module';
import { EventStoreModule } from './event-store/event-store.module';
import { HealthModule } from './health/health.module';
import { HttpPlumbingModule } from './http/http-plumbing.module';
import { LedgerModule } from './ledger/ledger.module';
import { VaultModule } from './vault/vault.module';
import { WritePathModule } from './common/write-path.module';
import { PROJECTIONS } from '../projections';
import { DccOversightModule, TimelinessModule } from '../projections';
import { ComplaintStatisticsModule, InspectionMetricsModule, MisconductStatisticsModule } from '../projections';
import { IntegrityRecordModule, RecommendationsReadModule } from '../projections';
import { ProjectionsModule } from '../projections/runner/projections.module';
import { CaseExportModule, CaseHistoryModule, CaseStatusModule } from '../projections';
import { AccessLogModule, AlertsReadModule, AllocationModule, ErasureRequestsReadModule, SearchModule } from '../projections';
import { AlertsModule } from './alerts/alerts.module';
import { WebModule } from './web/web.module';
import { DocumentsModule } from './documents/documents.module';

/** A module added beside the service's own (tests mount test-only controllers this way). */
export type AppModuleImport = Type<unknown> | DynamicModule;

@Module({})
export class AppModule {
  /** The database is opened by the caller (main.ts or a test) so it outlives Nest's shutdown. */
  static forRoot(options: { config: AppConfig; database: DatabaseHandle; extraModules?: AppModuleImport[] }): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(options.config),
        DatabaseModule.forRoot(options.database),
        CqrsModule.forRoot(),
        WritePathModule,
        DocumentsModule,
        EventStoreModule,
        VaultModule,
        HttpPlumbingModule,
        HealthModule,
        LedgerModule,
        CaseExportModule,
        ProjectionsModule.forRoot(PROJECTIONS),
        CaseStatusModule,
        CaseHistoryModule,
        TimelinessModule,
        DccOversightModule,
        InspectionMetricsModule,
        MisconductStatisticsModule,
        ComplaintStatisticsModule,
        CasesModule,
        RegistersModule,
        IntegrityRecordModule,
        RecommendationsModule,
        RecommendationsReadModule,
        AccessLogModule,
        AllocationModule,
        SearchModule,
        WorkforceModule,
        AlertsModule,
        AlertsReadModule,
        ErasureRequestsReadModule,
        WebModule,
        ...(options.extraModules ?? []),
      ],
    };
  }
}
