import type { PoolClient } from 'pg';
import type { ReadFilter, RecordedEvent } from '../../src/event-store/event-store';

/**
 * A read model: which events it reads, the tables it owns, and how a batch of events
 * becomes rows. The runner owns everything else: checkpoints, the one-writer lock, batching,
 * and blue/green rebuilds.
 *
 * Tables are created per *generation* (`<table>__g<n>`) and readers see them through a view
 * named `<table>`; a rebuild fills a new generation and swaps the views in one transaction.
 * So a projection writes to `context.table('case_status')` and reads through `case_status`.
 */
export interface ProjectionDefinition {
  /** Stable name, e.g. `case-status`. */
  readonly name: string;
  /** Bump when the tables or the meaning of the rows change: the runner rebuilds. */
  readonly version: number;
  readonly filter: ReadFilter;
  readonly tables: readonly ProjectionTable[];
  /**
   * Applies events in global order inside the runner's transaction. Must be set-based (fold
   * the batch in memory, then a few multi-row statements): a rebuild replays everything.
   * Must not cause side effects outside its own tables: a rebuild replays history.
   */
  apply(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void>;
}

export interface ProjectionTable {
  /** The name readers use (a view); physical tables are `<name>__g<generation>`. */
  readonly name: string;
  /** `CREATE TABLE` and `CREATE INDEX` statements for the physical table, given its name. */
  ddl(physicalName: string): string[];
}

export interface ProjectionContext {
  readonly client: PoolClient;
  /** The physical table of this generation for a table the projection declared. */
  table(name: string): string;
  /** True while replaying history into a new generation. */
  readonly rebuilding: boolean;
  /**
   * Opens the vault envelopes in a value (an erased person's read `{ "erased": true }`), for
   * the one read model that must hold clear text (projections/search); absent when the runner
   * was given no vault, and a projection that needs it then fails rather than index nothing.
   */
  readonly vault?: PersonalDataOpener;
}

/** What a projection may do with the vault: open, never seal or erase (src/vault/vault.ts). */
export interface PersonalDataOpener {
  open<T>(value: T): Promise<T>;
}
