import { DynamicModule, Inject, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import { PG_POOL } from '../../src/database/database.module';
import { EventStore } from '../../src/event-store/event-store';
import { ProjectionStatusRegistry } from '../../src/health/projection-status';
import { ProjectionDefinition } from './projection';
import { ProjectionRunner } from './projection-runner';

export const PROJECTION_RUNNERS = Symbol('PROJECTION_RUNNERS');

/** Starts one runner per projection with the service, and stops them with it. */
@Module({})
export class ProjectionsModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Projections');

  constructor(
    @Inject(PROJECTION_RUNNERS) private readonly runners: ProjectionRunner[],
    private readonly registry: ProjectionStatusRegistry,
  ) {}

  static forRoot(definitions: ProjectionDefinition[]): DynamicModule {
    return {
      module: ProjectionsModule,
      providers: [
        {
          provide: PROJECTION_RUNNERS,
          inject: [EventStore, PG_POOL],
          useFactory: (eventStore: EventStore, pool: Pool) =>
            definitions.map(
              (definition) =>
                new ProjectionRunner(eventStore, pool, definition, {
                  onError: (projection, error) =>
                    // The error's class and message only: events may carry personal data.
                    new Logger('Projections').error(`${projection} stopped and will retry: ${error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error'}`),
                  onParked: (parked) =>
                    new Logger('Projections').error(`${parked.projection} parked event ${parked.eventId} (${parked.type}) at position ${parked.position} and went on: ${parked.error}`),
                }),
            ),
        },
      ],
      exports: [PROJECTION_RUNNERS],
    };
  }

  onApplicationBootstrap(): void {
    for (const runner of this.runners) {
      this.registry.register({ name: runner.name, position: () => runner.position(), parked: () => runner.parked() });
      runner.start();
    }
    this.logger.log(`started ${this.runners.length} projection(s)`);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.stop()));
  }
}
