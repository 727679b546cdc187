/**
 * Given / when / then for a projection, on a real PostgreSQL, in the manner of Emmett's
 * projection specifications:
 *
 *   const spec = projectionSpec(caseStatusProjection); // in a describe: makes and drops a database
 *   it('...', () =>
 *     spec.given(ledger.caseEvents(id, [referral()]))
 *       .when(ledger.caseEvents(id, [subjectAdded()]))
 *       .then(async (db) => expect(await db.rows('SELECT stage FROM case_status')).toEqual([{ stage: 'ASSESSMENT' }])));
 *
 * Each specification runs in one transaction that is rolled back: the projection's tables
 * are created under the names readers use (the views of a real generation), the given events
 * are applied as one batch and the when events as the next (so the second finds what the
 * first kept, as a live projection does), then the check reads the tables. Nothing is left
 * behind, so the specifications of a file share one database and never see each other.
 */
import type { PoolClient } from 'pg';
import type { JsonObject, RecordedEvent } from '../../../src/event-store/event-store';
import type { CaseEvent } from '../../../src/cases/case.events';
import { CASE_EVENT_SCHEMA_VERSION } from '../../../src/cases/case.events';
import { caseStreamName, occurredAt, toJsonObject } from '../../../src/cases/case.stream';
import { positionOf } from '../../../src/event-store/position';
import { createTestDatabase, poolFor } from '../../../test/support/database';
import type { TestDatabase } from '../../../test/support/database';
import type { ProjectionContext, ProjectionDefinition } from '../projection';

/** The tables, as the check sees them. */
export interface SpecTables {
  readonly client: PoolClient;
  rows<T extends object = Record<string, unknown>>(sql: string, parameters?: unknown[]): Promise<T[]>;
}

export interface ProjectionSpec {
  given(...batches: (readonly RecordedEvent[])[]): {
    when(events: readonly RecordedEvent[]): { then(check: (tables: SpecTables) => Promise<void>): Promise<void> };
  };
}

const quote = (identifier: string): string => `"${identifier.replace(/"/g, '""')}"`;

/** Registers beforeAll / afterAll: call it inside a describe. */
export function projectionSpec(definition: ProjectionDefinition): ProjectionSpec {
  let database: TestDatabase | undefined;
  let pool: ReturnType<typeof poolFor> | undefined;
  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
    pool = poolFor(database, 2);
  });
  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  const run = async (batches: readonly (readonly RecordedEvent[])[], check: (tables: SpecTables) => Promise<void>): Promise<void> => {
    if (pool === undefined) throw new Error('projectionSpec must be called inside a describe, before the tests run');
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      for (const table of definition.tables) for (const statement of table.ddl(quote(table.name))) await client.query(statement);
      const context = contextOf(definition, client);
      for (const batch of batches) if (batch.length > 0) await definition.apply(batch, context);
      await check({ client, rows: async <T extends object>(sql: string, parameters: unknown[] = []) => (await client.query<T>(sql, parameters)).rows });
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  };

  return {
    given: (...given) => ({
      when: (events) => ({ then: (check) => run([...given, events], check) }),
    }),
  };
}

function contextOf(definition: ProjectionDefinition, client: PoolClient): ProjectionContext {
  const declared = new Set(definition.tables.map((table) => table.name));
  return {
    client,
    rebuilding: false,
    table: (name) => {
      if (!declared.has(name)) throw new Error(`projection ${definition.name} did not declare table ${name}`);
      return quote(name);
    },
  };
}

/**
 * Recorded events as the store hands them to a projection: each stream's revisions from 0,
 * one global order across streams. One ledger per specification keeps positions increasing.
 */
export class SpecLedger {
  private position = 0n;
  private readonly revisions = new Map<string, bigint>();

  record(streamName: string, type: string, data: JsonObject, metadata: JsonObject = {}): RecordedEvent {
    const revision = this.revisions.get(streamName) ?? 0n;
    this.revisions.set(streamName, revision + 1n);
    this.position += 1n;
    return {
      streamName,
      revision,
      position: positionOf(this.position),
      eventId: `event-${this.position}`,
      type,
      data,
      metadata,
      recordedAt: new Date(Number(this.position) * 1000).toISOString(),
      hash: '',
    };
  }

  /** A case's events, appended to its stream, with the metadata the write path gives them. */
  caseEvents(caseId: string, events: readonly CaseEvent[]): RecordedEvent[] {
    return events.map((event) =>
      this.record(caseStreamName(caseId), event.type, toJsonObject(event.data), {
        occurredAt: occurredAt(event, '2024-01-01T00:00:00.000Z'),
        schemaVersion: CASE_EVENT_SCHEMA_VERSION[event.type],
      }),
    );
  }
}
