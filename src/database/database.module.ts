import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Pool } from 'pg';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/configuration';
import { dataSourceOptions } from './data-source';
import { DATABASE_HANDLE, DatabaseHandle } from './database';

/** A pg pool for the hand-written SQL of the event store and the projection runner. */
export const PG_POOL = Symbol('PG_POOL');

@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** The database is opened (and migrated) before Nest starts: see main.ts. */
  static forRoot(database: DatabaseHandle): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            ...dataSourceOptions(database.url, [], config.databasePoolSize),
            autoLoadEntities: true,
          }),
        }),
      ],
      providers: [
        { provide: DATABASE_HANDLE, useValue: database },
        {
          provide: PG_POOL,
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => {
            const pool = new Pool({ connectionString: database.url, max: config.databasePoolSize });
            // An idle client that loses its connection must not crash the process.
            pool.on('error', () => undefined);
            return pool;
          },
        },
      ],
      exports: [DATABASE_HANDLE, PG_POOL],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
