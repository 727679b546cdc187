import { Client, Pool, PoolClient } from 'pg';
import { connectDedicated } from '../../src/database/pools';
import { EventStore, RecordedEvent } from '../../src/event-store/event-store';
import { GlobalPosition, isAfter, START } from '../../src/event-store/position';
import { isPassingFailure, ParkedEvent, ProjectionEventError } from './parked-events';
import { PersonalDataOpener, ProjectionContext, ProjectionDefinition } from './projection';
import { CheckpointMovedError, Generation, physicalTable, ProjectionStore } from './projection-store';

/**
 * How often an event that fails on its own is tried before it is taken to be the event's
 * fault, and the pause before each new try: long enough for a passing failure (a
 * restarted connection) to pass, short enough not to hold the read model back for long.
 */
const ATTEMPTS_ALONE = 3;
const PAUSE_BETWEEN_ATTEMPTS_MS = 200;

export interface RunnerOptions {
  /** Events per transaction while following the live ledger. */
  batchSize?: number;
  /** Events per transaction while replaying history into a new generation. */
  rebuildBatchSize?: number;
  /** How often the runner looks for a generation switched by a rebuild elsewhere. */
  checkIntervalMs?: number;
  onError?(projection: string, error: unknown): void;
  /** An event the projection could not apply was set aside (parked-events.ts). */
  onParked?(parked: Omit<ParkedEvent, 'parkedAt' | 'generation'>): void;
  onProgress?(progress: { projection: string; generation: number; eventsApplied: number; checkpoint: GlobalPosition }): void;
  /** Opens vault envelopes for a projection that keeps clear text (ProjectionContext.vault). */
  vault?: PersonalDataOpener;
}

/**
 * Runs one projection: reads the global order from the generation's checkpoint, applies
 * events in batches, and commits the rows and the checkpoint in one transaction, so a crash
 * never double-counts or skips. A session advisory lock per generation keeps one writer
 * across processes. When the definition's version is newer than the generation readers
 * see, it builds a new generation from the first event and swaps it in when caught up.
 */
export class ProjectionRunner {
  private stopped = false;
  private loop: Promise<void> | undefined;
  private wake: () => void = () => undefined;
  /** The session holding this runner's advisory locks; a connection of its own, not the pool's. */
  private session: Promise<Client> | undefined;
  /** Set when that session is lost: the locks went with it, so this writer must stop and start over. */
  private lockLost: Error | undefined;
  /** Since when every attempt has failed, and the last failure's class (for /health). */
  private failing: { since: number; error: string } | undefined;

  constructor(
    private readonly eventStore: EventStore,
    private readonly pool: Pool,
    private readonly definition: ProjectionDefinition,
    private readonly options: RunnerOptions = {},
    private readonly store = new ProjectionStore(pool),
  ) {}

  get name(): string {
    return this.definition.name;
  }

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.loop;
    await this.closeSession();
  }

  /** Since when this runner has failed on every attempt, if it has; undefined while it works. */
  failure(): { since: number; error: string } | undefined {
    return this.failing;
  }

  /** Where readers' data stands: the checkpoint of the active generation. */
  async position(): Promise<GlobalPosition> {
    return (await this.store.active(this.definition.name))?.checkpoint ?? START;
  }

  /** The events this projection has set aside, for /health. */
  parked(): Promise<ParkedEvent[]> {
    return this.store.parked(this.definition.name);
  }

  /**
   * Replays the ledger into a fresh generation and swaps it in (blue/green), then returns.
   * Resumes an unfinished build of the same version rather than starting over. An event
   * it cannot apply stops it with a ProjectionEventError naming the event: a rebuild is
   * meant to be complete, so it neither parks the event nor tries it for ever.
   */
  async rebuild(options: { fresh?: boolean } = {}): Promise<Generation> {
    const target = (!options.fresh && (await this.store.building(this.definition))) || (await this.store.createGeneration(this.definition));
    const lock = await this.tryLock(target.generation);
    if (!lock) throw new Error(`generation ${target.generation} of ${this.definition.name} is being written by another process`);
    try {
      await this.follow(target, { exitWhenActive: true });
    } finally {
      await this.unlock(lock, target.generation);
    }
    await this.dropRetired();
    await this.closeSession();
    return (await this.store.active(this.definition.name)) ?? target;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      try {
        const target = await this.chooseGeneration();
        const lock = await this.tryLock(target.generation);
        if (!lock) {
          await this.pause(1000);
          continue;
        }
        try {
          await this.follow(target, { exitWhenActive: false });
          failures = 0;
        } finally {
          await this.unlock(lock, target.generation);
        }
        await this.dropRetired();
      } catch (error) {
        if (this.stopped) return;
        failures += 1;
        this.failing = { since: this.failing?.since ?? Date.now(), error: error instanceof Error ? error.name : 'unknown error' };
        this.options.onError?.(this.definition.name, error);
        await this.pause(Math.min(30_000, 250 * 2 ** Math.min(failures, 7)));
      }
    }
  }

  /** The active generation if it has this version; otherwise the build of this version. */
  private async chooseGeneration(): Promise<Generation> {
    const active = await this.store.active(this.definition.name);
    if (active && active.version === this.definition.version) return active;
    return (await this.store.building(this.definition)) ?? (await this.store.createGeneration(this.definition));
  }

  /**
   * Applies events to `target` until stopped, or until another generation becomes active
   * (a rebuild elsewhere swapped it in), or — with exitWhenActive — until `target` itself
   * has caught up and been swapped in.
   */
  private async follow(target: Generation, options: { exitWhenActive: boolean }): Promise<void> {
    let generation = target;
    let caughtUp = false;
    let failure: unknown;
    // A generation replaying history (a rebuild, or a first start on an existing ledger)
    // takes big batches; one following the live ledger takes small ones.
    const rebuilding = target.status === 'BUILDING' || !isAfter(target.checkpoint, START);
    const subscription = this.eventStore.subscribeToAll(
      {
        after: generation.checkpoint,
        filter: this.definition.filter,
        batchSize: rebuilding ? (this.options.rebuildBatchSize ?? 5000) : (this.options.batchSize ?? 500),
      },
      {
        onEvents: async (events) => {
          generation = await this.applyEvents(generation, events, { replaying: rebuilding && !caughtUp, stopAtFailure: options.exitWhenActive });
        },
        onCheckpoint: async (position) => {
          generation = await this.applyBatch(generation, [], position, false);
        },
        onCaughtUp: () => {
          caughtUp = true;
          this.failing = undefined;
          this.wake();
        },
        onError: (error) => {
          failure = error;
          this.wake();
        },
      },
    );
    let analysed = false;
    try {
      while (!this.stopped && failure === undefined && this.lockLost === undefined) {
        // A replay fills its tables faster than autovacuum notices: without statistics the
        // planner guesses (measured: the DCC dashboard's plans 3× slower at a million events).
        if (caughtUp && rebuilding && !analysed) {
          await this.store.analyse(this.definition, generation.generation);
          analysed = true;
        }
        if (caughtUp && generation.status === 'BUILDING') {
          await this.store.activate(this.definition, generation.generation);
          generation = { ...generation, status: 'ACTIVE' };
        }
        // A first generation is active from the start (readers need tables), so a rebuild
        // of it is done once it has caught up.
        if (options.exitWhenActive) {
          if (caughtUp && generation.status === 'ACTIVE') return;
        } else if (generation.status === 'ACTIVE') {
          const active = await this.store.active(this.definition.name);
          if (active?.generation !== generation.generation) return;
        }
        await this.pause(this.options.checkIntervalMs ?? 500);
      }
      if (failure !== undefined) throw failure;
      if (this.lockLost !== undefined) throw this.lockLost;
    } finally {
      await subscription.stop();
    }
  }

  /**
   * Applies a batch; when it fails, applies its events one at a time to find the one at
   * fault, which is parked (or, in a rebuild, stops it) so that the events after it are
   * not held back for ever by one the projection cannot apply.
   */
  private async applyEvents(
    generation: Generation,
    events: readonly RecordedEvent[],
    options: { replaying: boolean; stopAtFailure: boolean },
  ): Promise<Generation> {
    try {
      return await this.applyBatch(generation, events, events[events.length - 1].position, options.replaying);
    } catch (error) {
      if (!this.mayBeTheEvents(error)) throw error;
    }
    let current = generation;
    for (const event of events) current = await this.applyAlone(current, event, options);
    return current;
  }

  private async applyAlone(generation: Generation, event: RecordedEvent, options: { replaying: boolean; stopAtFailure: boolean }): Promise<Generation> {
    let failure: unknown;
    for (let attempt = 1; attempt <= ATTEMPTS_ALONE; attempt += 1) {
      try {
        return await this.applyBatch(generation, [event], event.position, options.replaying);
      } catch (error) {
        if (!this.mayBeTheEvents(error)) throw error;
        failure = error;
      }
      if (attempt < ATTEMPTS_ALONE) await new Promise((resolve) => setTimeout(resolve, PAUSE_BETWEEN_ATTEMPTS_MS * attempt));
    }
    // A database that does not answer is no fault of the event: retried later, not parked.
    await this.pool.query('SELECT 1');
    const fault = new ProjectionEventError(this.definition.name, event, failure);
    if (options.stopAtFailure) throw fault;
    await this.store.park(generation, fault);
    this.options.onParked?.(fault.summary());
    const next = { ...generation, checkpoint: event.position };
    this.options.onProgress?.({
      projection: this.definition.name,
      generation: next.generation,
      eventsApplied: next.eventsApplied,
      checkpoint: next.checkpoint,
    });
    return next;
  }

  /** Another writer, a stop, or a failure of the database's own say nothing about the events. */
  private mayBeTheEvents(error: unknown): boolean {
    return !this.stopped && !(error instanceof CheckpointMovedError) && !isPassingFailure(error);
  }

  private async applyBatch(generation: Generation, events: readonly RecordedEvent[], to: GlobalPosition, replaying: boolean): Promise<Generation> {
    if (!isAfter(to, generation.checkpoint)) return generation;
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // While replaying history a lost commit is simply replayed again after a crash (rows
      // and checkpoint are in the same transaction), so it need not wait for the disk.
      if (replaying) await client.query('SET LOCAL synchronous_commit = off');
      if (events.length > 0) await this.definition.apply(events, this.context(client, generation.generation, replaying));
      await this.store.advance(client, generation, to, events.length);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    this.failing = undefined;
    const next = { ...generation, checkpoint: to, eventsApplied: generation.eventsApplied + events.length };
    this.options.onProgress?.({ projection: this.definition.name, generation: next.generation, eventsApplied: next.eventsApplied, checkpoint: to });
    return next;
  }

  private context(client: PoolClient, generation: number, rebuilding: boolean): ProjectionContext {
    const declared = new Set(this.definition.tables.map((table) => table.name));
    return {
      client,
      rebuilding,
      vault: this.options.vault,
      table: (name) => {
        if (!declared.has(name)) throw new Error(`projection ${this.definition.name} did not declare table ${name}`);
        return `"${physicalTable(name, generation)}"`;
      },
    };
  }

  private async dropRetired(): Promise<void> {
    for (const generation of await this.store.generations(this.definition.name)) {
      if (generation.status !== 'RETIRED') continue;
      // Whoever still writes it holds its lock; drop it only once nobody does.
      const lock = await this.tryLock(generation.generation);
      if (!lock) continue;
      try {
        await this.store.dropRetired(this.definition, generation.generation);
      } finally {
        await this.unlock(lock, generation.generation);
      }
    }
  }

  /**
   * A session lock on this runner's own connection, held exactly as long as this writer runs.
   * It is not taken from the pool: a runner holding a pooled connection for ever would starve
   * the pool (a small one hung at start-up), and pg leaves a checked-out client without an
   * 'error' listener, so a terminated session would have ended the process.
   */
  private async tryLock(generation: number): Promise<Client | undefined> {
    const client = await this.connectSession();
    const { rows } = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(hashtext('ledger-projection:' || $1::text), $2::int) AS locked`, [
      this.definition.name,
      generation,
    ]);
    return rows[0].locked ? client : undefined;
  }

  private async unlock(client: Client, generation: number): Promise<void> {
    // A lost session has lost its locks anyway.
    await client
      .query(`SELECT pg_advisory_unlock(hashtext('ledger-projection:' || $1::text), $2::int)`, [this.definition.name, generation])
      .catch(() => undefined);
  }

  private connectSession(): Promise<Client> {
    if (this.session === undefined) {
      this.lockLost = undefined;
      const connecting = connectDedicated({ ...this.pool.options, application_name: `ledger-projection-lock:${this.definition.name}` }, (error) => {
        if (this.session !== connecting) return; // closed on purpose
        this.session = undefined;
        if (this.stopped) return;
        this.lockLost = error;
        this.wake();
      });
      this.session = connecting;
      connecting.catch(() => {
        if (this.session === connecting) this.session = undefined;
      });
    }
    return this.session;
  }

  private async closeSession(): Promise<void> {
    const session = this.session;
    this.session = undefined;
    if (session) await (await session.catch(() => undefined))?.end().catch(() => undefined);
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
