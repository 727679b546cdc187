import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, Pool } from 'pg';
import { JsonObject, RecordedEvent } from '../../src/event-store/event-store';
import { chainHash, GENESIS_HASH } from '../../src/event-store/hashing';
import { START } from '../../src/event-store/position';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store';
import { PostgresLedgerSource } from '../../src/ledger/postgres/postgres-ledger-source';
import { PostgresMerkleTree } from '../../src/ledger/postgres/postgres-merkle-tree';
import { LedgerSealer, SealerSettings } from '../../src/ledger/sealer';
import { PostgresSealerLock, SealerLock } from '../../src/ledger/sealer-lock';
import { SealSigner } from '../../src/ledger/seal-signing';
import { SealTrust } from '../../src/ledger/seal-trust';
import { FolderWitness } from '../../src/ledger/witness';
import { createLeastPrivilegeDatabase, createTestDatabase, poolFor, TestDatabase } from '../support/database';

/** A fresh ledger database with the PostgreSQL engine, the tree and a sealer factory. */
export interface LedgerFixture {
  database: TestDatabase;
  pool: Pool;
  store: PostgresEventStore;
  tree: PostgresMerkleTree;
  source: PostgresLedgerSource;
  /** A signing key of its own and a witness in a temporary folder; the fixture's sealers sign and witness with it. */
  trust: SealTrust;
  sealer(settings?: Partial<SealerSettings>, options?: { lock?: SealerLock; clock?: () => Date }): LedgerSealer;
  close(): Promise<void>;
}

/** `leastPrivilege`: the fixture's pool is the service's role (createLeastPrivilegeDatabase). */
export async function openLedgerFixture(options: { leastPrivilege?: boolean } = {}): Promise<LedgerFixture> {
  const database = options.leastPrivilege ? await createLeastPrivilegeDatabase() : await createTestDatabase();
  const pool = poolFor(database, 10);
  const store = new PostgresEventStore(pool, { pollIntervalMs: 100 });
  const tree = new PostgresMerkleTree(pool);
  const witnessDir = mkdtempSync(path.join(tmpdir(), 'ledger-witness-'));
  const trust = new SealTrust(SealSigner.generate(), new FolderWitness(witnessDir));
  return {
    database,
    pool,
    store,
    tree,
    source: new PostgresLedgerSource(pool),
    trust,
    sealer: (settings = {}, options = {}) =>
      new LedgerSealer(
        store,
        tree,
        options.lock ?? new PostgresSealerLock(pool),
        { everyEvents: 10, intervalSeconds: 0, pageSize: 7, ...settings },
        options.clock,
        trust,
      ),
    close: async () => {
      await store.close();
      await pool.end();
      await database.drop();
      rmSync(witnessDir, { recursive: true, force: true });
    },
  };
}

/** Names for `count` new case streams. */
export function caseStreams(count: number): string[] {
  return Array.from({ length: count }, () => `case-${randomUUID()}`);
}

/**
 * Appends one event to each stream per round, round-robin, so the streams interleave in
 * the global order as real cases do.
 */
export async function appendRounds(store: PostgresEventStore, streams: string[], fromRound: number, toRound: number): Promise<void> {
  for (let round = fromRound; round < toRound; round++) {
    for (const name of streams) {
      await store.appendToStream(
        name,
        [{ type: round === 0 ? 'ReferralReceived' : 'InvestigativeActionRecorded', data: { round, note: `event ${round} of ${name}` } }],
        {
          expectedRevision: round === 0 ? 'no_stream' : BigInt(round - 1),
        },
      );
    }
  }
}

export async function readEverything(store: PostgresEventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for (let after = START; ;) {
    const page = await store.readAll({ after, maxCount: 500 });
    events.push(...page.events);
    if (page.events.length < 500) return events;
    after = page.events[page.events.length - 1].position;
  }
}

/**
 * Runs SQL the way an operator with superuser rights could: with replication role
 * `replica`, which switches the immutability triggers off for this session.
 */
export async function asSuperuser(database: TestDatabase, work: (client: Client) => Promise<void>): Promise<void> {
  // A least-privilege database's url is the service's role, which cannot do this.
  const client = new Client({ connectionString: 'adminUrl' in database && typeof database.adminUrl === 'string' ? database.adminUrl : database.url });
  await client.connect();
  try {
    await client.query('SET session_replication_role = replica');
    await work(client);
  } finally {
    await client.end();
  }
}

/**
 * What a careful forger does after editing an event: recompute the hashes of the event and
 * every later event of its stream, and the stream's head, so every chain checks out again.
 */
export async function rewriteStreamHashes(client: Client, streamName: string): Promise<void> {
  const { rows } = await client.query<{ position: string; revision: string; event_id: string; event_type: string; data: JsonObject; metadata: JsonObject }>(
    'SELECT position, revision, event_id, event_type, data, metadata FROM ledger_events WHERE stream_name = $1 ORDER BY revision',
    [streamName],
  );
  let previous: Buffer = GENESIS_HASH;
  for (const row of rows) {
    previous = chainHash(previous, {
      streamName,
      revision: BigInt(row.revision),
      eventId: row.event_id,
      type: row.event_type,
      data: row.data,
      metadata: row.metadata,
    });
    await client.query('UPDATE ledger_events SET hash = $1 WHERE position = $2', [previous, row.position]);
  }
  const last = rows[rows.length - 1];
  await client.query('UPDATE ledger_streams SET revision = $1, last_hash = $2, last_position = $3 WHERE stream_name = $4', [
    last.revision,
    previous,
    last.position,
    streamName,
  ]);
}
