import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/configuration';
import { BACKGROUND_POOL, PG_POOL } from '../database/database.module';
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
      inject: [APP_CONFIG, PG_POOL, BACKGROUND_POOL],
      useFactory: (config: AppConfig, pool: Pool, background: Pool): EventStore => {
        if (config.eventStoreConnectionString) {
          return EventStoreDbEventStore.connect(config.eventStoreConnectionString);
        }
        // Appends and reads for requests on the requests' pool; subscriptions (projections,
        // the conflict registry) on the background pool.
        return new PostgresEventStore(pool, { subscriptionPool: background });
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
