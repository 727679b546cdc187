import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Pool } from 'pg';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/configuration';
import { dataSourceOptions } from './data-source';
import { DATABASE_HANDLE, DatabaseHandle } from './database';
import { connectionConfig, createPool } from './pools';

/** The requests' pg pool, for the hand-written SQL of the event store and the read models. */
export const PG_POOL = Symbol('PG_POOL');

/**
 * The background work's pool (projections, the sealer, subscriptions), sized apart so that
 * it can never take the connections requests need, nor the other way round.
 */
export const BACKGROUND_POOL = Symbol('BACKGROUND_POOL');

@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(BACKGROUND_POOL) private readonly background: Pool,
  ) {}

  /** The database is opened (and migrated) before Nest starts: see main.ts. */
  static forRoot(database: DatabaseHandle): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          // Nothing queries through TypeORM at run time (it applies the migrations): one connection.
          useFactory: (config: AppConfig) => {
            const options = dataSourceOptions(database.url, [], 1);
            return { ...options, extra: { ...connectionConfig(database.url, config.database, 'requests', 'ledger-typeorm'), max: 1 }, autoLoadEntities: true };
          },
        }),
      ],
      providers: [
        { provide: DATABASE_HANDLE, useValue: database },
        { provide: PG_POOL, inject: [APP_CONFIG], useFactory: (config: AppConfig) => createPool(database.url, config.database, 'requests') },
        { provide: BACKGROUND_POOL, inject: [APP_CONFIG], useFactory: (config: AppConfig) => createPool(database.url, config.database, 'background') },
      ],
      exports: [DATABASE_HANDLE, PG_POOL, BACKGROUND_POOL],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.pool.end(), this.background.end()]);
  }
}
