import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { EventStore } from '../../event-store/event-store';
import { problem } from '../../http/problem';
import type { RecordedEvent, Subscription } from '../../event-store/event-store';
import { CASE_CONFLICT_STREAM_PREFIX, isCaseConflictDeclared } from './case-conflict.events';

/**
 * Who declared a conflict on which case, in memory: every read asks it, so it must cost no
 * query. Filled from the store at start-up and kept current by a subscription to the
 * `conflict-` streams; a declaration made through this process is added at once (`add`), so
 * its author is refused from their very next read here. Another instance learns of it within
 * its subscription's polling interval. Conflicts are never withdrawn, so the sets only grow.
 * Should the subscription stop, the registry no longer knows every conflict: reads then fail
 * (503) rather than let a conflicted reader in.
 */
@Injectable()
export class ConflictRegistry implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ConflictRegistry.name);
  private readonly byUser = new Map<string, Set<string>>();
  private subscription?: Subscription;
  private failure?: unknown;

  constructor(private readonly store: EventStore) {}

  async onModuleInit(): Promise<void> {
    await new Promise<void>((caughtUp, failed) => {
      this.subscription = this.store.subscribeToAll(
        { filter: { streamNamePrefixes: [CASE_CONFLICT_STREAM_PREFIX] } },
        {
          onEvents: async (events) => this.apply(events),
          onCaughtUp: () => caughtUp(),
          onError: (error) => {
            this.logger.error(`conflict subscription stopped: ${String(error)}`);
            this.failure = error;
            failed(error);
          },
        },
      );
    });
  }

  async onApplicationShutdown(): Promise<void> {
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
      throw problem(503, 'internal-error', 'Declared conflicts of interest cannot be checked at the moment; try again shortly.', { headers: { 'Retry-After': '5' } });
    }
    return [...(this.byUser.get(userId) ?? [])];
  }

  private apply(events: readonly RecordedEvent[]): void {
    for (const event of events) {
      if (isCaseConflictDeclared(event.type, event.data)) this.add(event.data.userId, event.data.caseId);
    }
  }
}
