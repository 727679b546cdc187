/**
 * The alert reactor: follows the ledger in its global order (cases, people's registers, the
 * forces' thresholds), keeps the facts the thresholds count (alert.facts.ts), and when a
 * newly recorded fact crosses a threshold (alert.evaluate.ts) sends `AlertRaised` to the one
 * write path, as the ledger's own actor, on the command bus like every command. When a
 * threshold is set (or changed) it is evaluated against the history so far: everyone of the
 * force at or over it as at the day it is set is alerted (`alertsDueOnSetting`).
 *
 * Raised once per crossing: the alert's id, and its event's id, are named by the threshold,
 * the person and the crossing fact (or the threshold's setting), so a second process, or this one following the ledger
 * again from the start after a restart, proposes the same alert and is refused
 * `alertAlreadyRaised`, which it takes as done. The facts are held in memory and rebuilt
 * from the ledger at start-up (as the conflict registry is).
 */
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CLOCK } from '../common/clock';
import type { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { WriteCommand } from '../common/write-path';
import { EventStore } from '../event-store/event-store';
import type { AppendResult, RecordedEvent, Subscription } from '../event-store/event-store';
import type { CommandContext } from '../http';
import { nameBasedUuid } from '../http/uuid';
import { alertsDue, alertsDueOnSetting } from './alert.evaluate';
import type { DueAlert } from './alert.evaluate';
import { alertEvent } from './alert.events';
import { AlertFacts, ALERT_SOURCE_EVENT_TYPES, ALERT_SOURCE_STREAM_PREFIXES } from './alert.facts';
import { ALERT_REACTOR_ACTOR, ALERTS } from './alert.stream';

const RETRY_MS = 1000;

/** The stable id of the alert a crossing raises. */
export function alertIdOf(due: Pick<DueAlert, 'thresholdId' | 'personId' | 'crossedBy'>): string {
  return nameBasedUuid(['alert', due.thresholdId, due.personId, due.crossedBy]);
}

/** The command context of the ledger's own alert: its ids derived from the alert's, so a second proposal appends the same ids. */
export function reactorContext(alertId: string): CommandContext {
  const derived = (parts: string[]): string => nameBasedUuid([ALERT_REACTOR_ACTOR.userId, alertId, ...parts]);
  const commandId = derived(['command']);
  return {
    actor: ALERT_REACTOR_ACTOR,
    correlationId: commandId,
    causationId: commandId,
    commandId,
    eventIds: (streamName, count) => Array.from({ length: count }, (_, index) => derived(['event', streamName, String(index)])),
    earlierAppend: () => undefined,
    newId: (purpose) => derived(['id', purpose]),
    metadata: (occurredAt, schemaVersion) => ({
      correlationId: commandId,
      causationId: commandId,
      commandId,
      actor: { userId: ALERT_REACTOR_ACTOR.userId, roles: [], force: ALERT_REACTOR_ACTOR.force },
      occurredAt,
      schemaVersion,
    }),
  };
}

@Injectable()
export class AlertReactor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AlertReactor.name);
  private subscription?: Subscription;
  private facts = new AlertFacts();
  private stopped = false;
  private retryTimer?: NodeJS.Timeout;
  /** Resolved once the reactor has first read the ledger to its end (whenCaughtUp). */
  private caughtUp!: () => void;
  private readonly caughtUpOnce = new Promise<void>((resolve) => (this.caughtUp = resolve));

  constructor(
    private readonly store: EventStore,
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.follow();
  }

  /**
   * Resolves once the reactor has first followed the ledger to its end: until then it is
   * rebuilding its facts from the first event (a start on a ledger of millions takes minutes,
   * and shares the process with the requests), so the benchmark times reads after it.
   */
  whenCaughtUp(): Promise<void> {
    return this.caughtUpOnce;
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    await this.subscription?.stop();
  }

  /** From the start each time: the facts are rebuilt, and crossings already raised are refused as such. */
  private follow(): void {
    if (this.stopped) return;
    this.facts = new AlertFacts();
    this.subscription = this.store.subscribeToAll(
      { filter: { streamNamePrefixes: ALERT_SOURCE_STREAM_PREFIXES, eventTypes: [...ALERT_SOURCE_EVENT_TYPES] } },
      {
        onEvents: (events) => this.react(events),
        onCaughtUp: () => this.caughtUp(),
        onError: (error) => {
          if (this.stopped) return;
          this.logger.error(
            `alert reactor stopped, will follow the ledger again: ${error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error'}`,
          );
          this.retryTimer = setTimeout(() => this.follow(), RETRY_MS);
        },
      },
    );
  }

  private async react(events: readonly RecordedEvent[]): Promise<void> {
    for (const recorded of events) {
      for (const fact of this.facts.apply(recorded)) {
        for (const due of alertsDue(this.facts.thresholdsOf(fact.force), this.facts.factsOf(fact.force), fact)) await this.raise(due);
      }
      const setting = this.facts.lastSetting();
      if (setting === undefined) continue;
      const { threshold, replaced, settingId } = setting;
      for (const due of alertsDueOnSetting(threshold, replaced, this.facts.factsOf(threshold.force), settingId)) await this.raise(due);
    }
  }

  private async raise(due: DueAlert): Promise<AppendResult | undefined> {
    const alertId = alertIdOf(due);
    const { crossedBy: _crossedBy, ...fields } = due;
    const event = alertEvent('AlertRaised', { alertId, ...fields, raisedOn: this.clock.today() });
    try {
      return await this.commandBus.execute(new WriteCommand(ALERTS, { alertId, event, sentBy: ALERT_REACTOR_ACTOR.userId }, reactorContext(alertId)));
    } catch (error) {
      if (error instanceof DomainError && error.rule === 'alertAlreadyRaised') return undefined;
      throw error;
    }
  }
}
