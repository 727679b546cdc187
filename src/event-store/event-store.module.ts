import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/configuration';
import { PG_POOL } from '../database/database.module';
import { EventStore } from './event-store';
import { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';
import { PostgresEventStore } from './postgres/postgres-event-store';

/**
 * Provides the EventStore port: the PostgreSQL engine by default, EventStoreDB when
 * EVENTSTORE_CONNECTION_STRING is set.
 */
@Global()
@Module({
  providers: [
    {
      provide: EventStore,
      inject: [APP_CONFIG, PG_POOL],
      useFactory: (config: AppConfig, pool: Pool): EventStore => {
        if (config.eventStoreConnectionString) {
          return EventStoreDbEventStore.connect(config.eventStoreConnectionString);
        }
        return new PostgresEventStore(pool);
      },
    },
  ],
  exports: [EventStore],
})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EventStore) private readonly eventStore: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.eventStore.close();
  }
}
