import { DynamicModule, Inject, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import { BACKGROUND_POOL } from '../../src/database/database.module';
import { HealthChecks, HealthProblem } from '../../src/health/health-checks';
import { EventStore } from '../../src/event-store/event-store';
import { ProjectionStatusRegistry } from '../../src/health/projection-status';
import { Vault } from '../../src/vault/vault';
import { ProjectionDefinition } from './projection';
import { ProjectionRunner } from './projection-runner';

export const PROJECTION_RUNNERS = Symbol('PROJECTION_RUNNERS');

/**
 * A runner failing on every attempt for this long has stopped its read model: reads of it are
 * stale and reads waiting for a position time out, so /health says the service cannot serve.
 * Shorter failures (a lost connection, a lock timeout) retry and are not reported.
 */
export const PROJECTION_STALLED_AFTER_MS = 5000;

/** Starts one runner per projection with the service, and stops them with it. */
@Module({})
export class ProjectionsModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Projections');

  constructor(
    @Inject(PROJECTION_RUNNERS) private readonly runners: ProjectionRunner[],
    private readonly registry: ProjectionStatusRegistry,
    private readonly health: HealthChecks,
  ) {}

  static forRoot(definitions: ProjectionDefinition[]): DynamicModule {
    return {
      module: ProjectionsModule,
      providers: [
        {
          provide: PROJECTION_RUNNERS,
          // Background work: the runners never take the requests' connections.
          inject: [EventStore, BACKGROUND_POOL, Vault],
          useFactory: (eventStore: EventStore, pool: Pool, vault: Vault) =>
            definitions.map(
              (definition) =>
                new ProjectionRunner(eventStore, pool, definition, {
                  // The search read model indexes the free text a reader may see (projections/search).
                  vault,
                  onError: (projection, error) =>
                    // The error's class and message only: events may carry personal data.
                    new Logger('Projections').error(
                      `${projection} stopped and will retry: ${error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error'}`,
                    ),
                  onParked: (parked) =>
                    new Logger('Projections').error(
                      `${parked.projection} parked event ${parked.eventId} (${parked.type}) at position ${parked.position} and went on: ${parked.error}`,
                    ),
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
    this.health.register('projections', () => this.runners.flatMap((runner) => stalled(runner)));
    this.logger.log(`started ${this.runners.length} projection(s)`);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.stop()));
  }
}

function stalled(runner: ProjectionRunner, now = Date.now()): HealthProblem[] {
  const failure = runner.failure();
  if (failure === undefined || now - failure.since < PROJECTION_STALLED_AFTER_MS) return [];
  return [
    {
      component: `projection:${runner.name}`,
      problem: 'stalled',
      detail: `failing since ${new Date(failure.since).toISOString()} (${failure.error})`,
      blocksService: true,
    },
  ];
}
