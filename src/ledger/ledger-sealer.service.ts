import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, Optional } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/configuration';
import { EventStore } from '../event-store/event-store';
import { HealthChecks, HealthProblem } from '../health/health-checks';
import { LedgerSealer, SealerIntegrityError } from './sealer';
import { WitnessWriteError } from './witness';

/** How often the sealer looks for unsealed events; a cycle with nothing new is a few small queries. */
export const SEALER_TICK_MS = 1000;
/** The same failure is logged at most this often, not once a tick. */
const REPEAT_LOG_MS = 60_000;

/**
 * Runs the sealer in the service: started once the application is up, stopped (and its
 * cycle finished) before the database pool closes. Every process runs one; the advisory
 * lock lets one of them work at a time.
 */
@Injectable()
export class LedgerSealerService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('LedgerSealer');
  private readonly abort = new AbortController();
  private loop: Promise<void> | undefined;
  private lastFailure = { message: '', at: 0 };
  /** Since when every cycle has failed, and the last failure's kind: /health shows it until a cycle succeeds. */
  private failing: { since: string; problem: string } | undefined;

  constructor(
    private readonly sealer: LedgerSealer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly store: EventStore,
    @Optional() health?: HealthChecks,
  ) {
    health?.register('sealer', () => this.healthProblems());
  }

  /**
   * A sealer that keeps failing (the database away, the witness folder full or unwritable)
   * degrades the service without stopping it: commands are still recorded, and sealed once it
   * recovers. A seal that contradicts the stored tree (SealerIntegrityError) is worse: it is
   * named as such. Never personal data: the detail is the error's kind and since when.
   */
  private healthProblems(): HealthProblem[] {
    if (!this.failing) return [];
    return [{ component: 'sealer', problem: this.failing.problem, detail: `sealing has failed since ${this.failing.since}`, blocksService: false }];
  }

  onApplicationBootstrap(): void {
    if (this.store.engine !== 'postgres') {
      // Seals are Merkle roots over chain hashes, which only the PostgreSQL engine computes;
      // sealing empty hashes would give a false sense of tamper evidence.
      this.logger.warn(`the ${this.store.engine} engine keeps no chain hashes: this process does not seal.`);
      return;
    }
    const { sealEveryEvents, sealIntervalSeconds } = this.config.ledger;
    if (sealEveryEvents === 0 && sealIntervalSeconds === 0) {
      this.logger.warn('LEDGER_SEAL_EVERY_EVENTS and LEDGER_SEAL_INTERVAL_SECONDS are both 0: this process does not seal.');
      return;
    }
    this.loop = this.run();
  }

  async onModuleDestroy(): Promise<void> {
    this.abort.abort();
    await this.loop;
  }

  private async run(): Promise<void> {
    const { signal } = this.abort;
    while (!signal.aborted) {
      try {
        const outcome = await this.sealer.sealIfDue(signal);
        this.failing = undefined;
        if (outcome.status === 'sealed') {
          this.logger.log(`sealed ${outcome.seal.treeSize} events through position ${outcome.seal.sealedThroughPosition}`);
        }
      } catch (error) {
        if (!signal.aborted) this.logFailure(error);
      }
      await sleep(SEALER_TICK_MS, undefined, { signal }).catch(() => undefined);
    }
  }

  private logFailure(error: unknown): void {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const now = Date.now();
    this.failing = { since: this.failing?.since ?? new Date(now).toISOString(), problem: failureKind(error) };
    if (message === this.lastFailure.message && now - this.lastFailure.at < REPEAT_LOG_MS) return;
    this.lastFailure = { message, at: now };
    if (error instanceof SealerIntegrityError) this.logger.error(message);
    else this.logger.warn(`sealing failed, will retry: ${message}`);
  }
}

/** A stable name for why sealing failed (HealthProblem.problem). */
function failureKind(error: unknown): string {
  if (error instanceof SealerIntegrityError) return 'integrity';
  if (error instanceof WitnessWriteError) return 'witnessUnwritable';
  return 'failing';
}
