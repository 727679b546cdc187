import { Injectable, Logger, OnApplicationShutdown, OnModuleInit, Optional } from '@nestjs/common';
import { EventStore } from '../../event-store/event-store';
import { GlobalPosition, START } from '../../event-store/position';
import { HealthChecks, HealthProblem } from '../../health/health-checks';
import { problem } from '../../http/problem';
import type { RecordedEvent, Subscription } from '../../event-store/event-store';
import { CASE_CONFLICT_STREAM_PREFIX, isCaseConflictDeclared } from './case-conflict.events';

/** The first retry after a failed read, doubling up to the last. */
const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 5000;

/**
 * Who declared a conflict on which case, in memory: every read asks it, so it must cost no
 * query. Filled from the store at start-up and kept current by a subscription to the
 * `conflict-` streams; a declaration made through this process is added at once (`add`), so
 * its author is refused from their very next read here. Another instance learns of it within
 * its subscription's polling interval. Conflicts are never withdrawn, so the sets only grow.
 * Should the subscription fail (the database away for a moment), the registry no longer
 * knows every conflict: reads then fail (503) rather than let a conflicted reader in, /health
 * says so, and the subscription starts again from where it was until it has caught up.
 */
@Injectable()
export class ConflictRegistry implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ConflictRegistry.name);
  private readonly byUser = new Map<string, Set<string>>();
  private subscription?: Subscription;
  /** Set while the registry may not know every conflict: from a failure until caught up again. */
  private failure?: unknown;
  private checkpoint: GlobalPosition = START;
  private stopped = false;
  private retryTimer?: NodeJS.Timeout;
  private retryDelayMs = RETRY_MIN_MS;

  constructor(
    private readonly store: EventStore,
    @Optional() health?: HealthChecks,
  ) {
    health?.register('conflictRegistry', () => this.healthProblems());
  }

  /** Resolves once caught up the first time, or once the first attempt failed (it keeps trying). */
  async onModuleInit(): Promise<void> {
    await new Promise<void>((settled) => this.subscribe(settled));
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    await this.subscription?.stop();
  }

  add(userId: string, caseId: string): void {
    const cases = this.byUser.get(userId) ?? new Set<string>();
    cases.add(caseId);
    this.byUser.set(userId, cases);
  }

  /** The cases this user declared a conflict on. */
  declaredBy(userId: string): string[] {
    if (this.failure !== undefined) {
      throw problem(503, 'internal-error', 'Declared conflicts of interest cannot be checked at the moment; try again shortly.', {
        headers: { 'Retry-After': '5' },
      });
    }
    return [...(this.byUser.get(userId) ?? [])];
  }

  healthProblems(): HealthProblem[] {
    if (this.failure === undefined) return [];
    return [
      { component: 'conflictRegistry', problem: 'notCaughtUp', detail: 'declared conflicts cannot be checked: case reads answer 503', blocksService: true },
    ];
  }

  private subscribe(settled: () => void = () => undefined): void {
    if (this.stopped) return settled();
    this.subscription = this.store.subscribeToAll(
      { after: this.checkpoint, filter: { streamNamePrefixes: [CASE_CONFLICT_STREAM_PREFIX] } },
      {
        onEvents: async (events) => this.apply(events),
        onCheckpoint: async (position) => {
          this.checkpoint = position;
        },
        onCaughtUp: () => {
          if (this.failure !== undefined) this.logger.log('conflict subscription caught up again');
          this.failure = undefined;
          this.retryDelayMs = RETRY_MIN_MS;
          settled();
        },
        onError: (error) => {
          this.logger.error(`conflict subscription stopped, will retry: ${error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error'}`);
          this.failure = error;
          settled();
          this.retryLater();
        },
      },
    );
  }

  private retryLater(): void {
    if (this.stopped) return;
    const delay = this.retryDelayMs;
    this.retryDelayMs = Math.min(this.retryDelayMs * 2, RETRY_MAX_MS);
    this.retryTimer = setTimeout(() => this.subscribe(), delay);
  }

  private apply(events: readonly RecordedEvent[]): void {
    for (const event of events) {
      if (isCaseConflictDeclared(event.type, event.data)) this.add(event.data.userId, event.data.caseId);
    }
    if (events.length > 0) this.checkpoint = events[events.length - 1].position;
  }
}
