import { Logger, Module } from '@nestjs/common';
import { Pool } from 'pg';
import { AccessModule } from '../access/access.module';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/configuration';
import { BACKGROUND_POOL, PG_POOL } from '../database/database.module';
import { EventStore } from '../event-store/event-store';
import { LedgerController } from './ledger.controller';
import { LedgerSealerService } from './ledger-sealer.service';
import { LEDGER_SOURCE, LedgerService } from './ledger.service';
import { eventStoreLedgerSource, LedgerSource } from './ledger-source';
import { PostgresLedgerSource } from './postgres/postgres-ledger-source';
import { PostgresMerkleTree } from './postgres/postgres-merkle-tree';
import { LedgerSealer } from './sealer';
import { PostgresSealerLock } from './sealer-lock';
import { SealTrust } from './seal-trust';
import { ProvableStreams } from './provable-streams';

/**
 * Tamper evidence (docs/architecture.md): the sealer, `GET /ledger/verify` and the proof
 * endpoints. The Merkle tree and the sealer lock live in PostgreSQL whichever engine holds
 * the events, as the projections do.
 */
@Module({
  imports: [AccessModule],
  controllers: [LedgerController],
  providers: [
    { provide: PostgresMerkleTree, inject: [PG_POOL], useFactory: (pool: Pool) => new PostgresMerkleTree(pool) },
    {
      provide: SealTrust,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => SealTrust.fromConfig(config, (line) => new Logger('LedgerSealer').warn(line)),
    },
    {
      provide: LEDGER_SOURCE,
      inject: [EventStore, PG_POOL],
      // The PostgreSQL engine's table is read directly (never upcast, and faster). Another
      // engine must hand the ledger a store instance without upcasters: see ledger-source.ts.
      useFactory: (store: EventStore, pool: Pool): LedgerSource =>
        store.engine === 'postgres' ? new PostgresLedgerSource(pool) : eventStoreLedgerSource(store),
    },
    {
      provide: LedgerSealer,
      // The sealer is background work: its own tree writer and lock on the background pool.
      inject: [EventStore, BACKGROUND_POOL, APP_CONFIG, SealTrust],
      useFactory: (store: EventStore, pool: Pool, config: AppConfig, trust: SealTrust) =>
        new LedgerSealer(
          store,
          new PostgresMerkleTree(pool),
          new PostgresSealerLock(pool),
          { everyEvents: config.ledger.sealEveryEvents, intervalSeconds: config.ledger.sealIntervalSeconds },
          undefined,
          trust,
        ),
    },
    LedgerSealerService,
    LedgerService,
    ProvableStreams,
  ],
  exports: [LedgerService, PostgresMerkleTree],
})
export class LedgerModule {}
