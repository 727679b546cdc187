import { Global, Logger, Module } from '@nestjs/common';
import type { Pool } from 'pg';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/configuration';
import { DATABASE_HANDLE, DatabaseHandle } from '../database/database';
import { PG_POOL } from '../database/database.module';
import { ErasureController } from './erasure.controller';
import { masterKeyWarning, resolveMasterKey } from './master-key';
import { Vault } from './vault';

/** The personal-data vault (docs/architecture.md, "Personal data and erasure"): global, as writers and readers of every slice use it. */
@Global()
@Module({
  controllers: [ErasureController],
  providers: [
    {
      provide: Vault,
      inject: [PG_POOL, APP_CONFIG, DATABASE_HANDLE],
      useFactory: (pool: Pool, config: AppConfig, database: DatabaseHandle): Vault => {
        const masterKey = resolveMasterKey({ masterKey: config.masterKey, dataDir: config.dataDir, embedded: database.embedded });
        const warning = masterKeyWarning(masterKey);
        if (warning !== undefined && config.logLevel !== 'silent') new Logger('Vault').warn(warning);
        return new Vault(pool, masterKey.key);
      },
    },
  ],
  exports: [Vault],
})
export class VaultModule {}
