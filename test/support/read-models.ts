import { Pool } from 'pg';
import { PROJECTIONS } from '../../projections';
import { ProjectionRunner } from '../../projections/runner/projection-runner';
import { developmentMasterKey } from '../../src/vault/master-key';
import { Vault } from '../../src/vault/vault';
import { ProjectionStore } from '../../projections/runner/projection-store';
import type { EventStore } from '../../src/event-store/event-store';
import { comparePositions } from '../../src/event-store/position';
import type { GlobalPosition } from '../../src/event-store/position';

/**
 * Every read model compared with a fresh rebuild of it from the first event: what a crash,
 * a fault or a restore must never change. Each projection is rebuilt into a new generation
 * (readers follow it), so call it once the service is stopped.
 */
export async function expectEqualToFullRebuild(store: EventStore, pool: Pool): Promise<void> {
  for (const definition of PROJECTIONS) {
    const afterCrash = await snapshot(
      pool,
      definition.tables.map((table) => table.name),
    );
    // The services run on the development master key (no LEDGER_MASTER_KEY): the search opens their free text with it.
    await new ProjectionRunner(store, pool, definition, { vault: new Vault(pool, developmentMasterKey()) }).rebuild({ fresh: true });
    const rebuilt = await snapshot(
      pool,
      definition.tables.map((table) => table.name),
    );
    expect({ projection: definition.name, rows: afterCrash }).toEqual({ projection: definition.name, rows: rebuilt });
  }
}

/**
 * Every row of every table, as text, sorted: two generations compare equal when their contents
 * do. A case event log (projections/common/case-event-log.ts) keeps a case's events in chunks,
 * one per batch that touched the case, so a replay cut short and resumed chunks them otherwise
 * than a rebuild: its content is each case's events, in order, whatever the chunks.
 */
export async function snapshot(pool: Pool, tables: string[]): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const table of tables) {
    const { rows } = (await isCaseEventLog(pool, table))
      ? await pool.query<{ row: string }>(
          `SELECT case_id || ' ' || json_agg(event ORDER BY from_revision, n)::text AS row
             FROM "${table}", json_array_elements(events) WITH ORDINALITY AS chunk(event, n) GROUP BY case_id`,
        )
      : await pool.query<{ row: string }>(`SELECT t::text AS row FROM "${table}" t`);
    result[table] = rows.map((r) => r.row).sort();
  }
  return result;
}

async function isCaseEventLog(pool: Pool, table: string): Promise<boolean> {
  const { rows } = await pool.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_name = $1 AND table_schema = current_schema()`,
    [table],
  );
  const columns = rows.map((row) => row.column_name).sort();
  return columns.join(',') === 'case_id,events,from_revision';
}

/** Whether every projection's active generation, of its current version, has reached `head`. */
export async function allCaughtUp(pool: Pool, head: GlobalPosition): Promise<boolean> {
  const projections = new ProjectionStore(pool);
  for (const definition of PROJECTIONS) {
    const active = await projections.active(definition.name);
    if (!active || active.version !== definition.version || comparePositions(active.checkpoint, head) < 0) return false;
  }
  return true;
}
