import { randomUUID } from 'node:crypto';
import { Client, Pool } from 'pg';
import { EventStore } from '../../src/event-store/event-store';
import { chainHash, GENESIS_HASH } from '../../src/event-store/hashing';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store';
import { createTestDatabase, poolFor, TestDatabase } from '../support/database';
import { eventStoreContract } from './event-store.contract';

describe('PostgreSQL event store', () => {
  let database: TestDatabase;
  let pool: Pool;
  let store: PostgresEventStore;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = poolFor(database, 30);
    store = new PostgresEventStore(pool, { pollIntervalMs: 100 });
  });

  afterAll(async () => {
    await store.close();
    await pool.end();
    await database.drop();
  });

  describe('contract', () => {
    eventStoreContract({
      store: (): EventStore => store,
      eventIdsUniqueAcrossStreams: true,
      openUnrelatedTransaction: async () => {
        const client = new Client({ connectionString: database.url });
        await client.connect();
        await client.query('BEGIN');
        await client.query('CREATE TEMP TABLE unrelated (x int)');
        await client.query('INSERT INTO unrelated VALUES (1)');
        await client.query('SELECT pg_current_xact_id()');
        return {
          end: async () => {
            await client.query('ROLLBACK');
            await client.end();
          },
        };
      },
      openUncommittedAppend: async (streamName) => {
        const client = new Client({ connectionString: database.url });
        await client.connect();
        await client.query('BEGIN');
        await client.query(`SELECT * FROM ledger_append(ARRAY[$1], ARRAY['any'], ARRAY[1], ARRAY[$2]::uuid[], ARRAY['Slow'], ARRAY['{}'], ARRAY['{}'])`, [
          streamName,
          randomUUID(),
        ]);
        return {
          commit: async () => {
            await client.query('COMMIT');
            await client.end();
          },
        };
      },
    });
  });

  describe('recorded events are immutable in the database itself', () => {
    let client: Client;
    beforeAll(async () => {
      await store.appendToStream(`immutable-${randomUUID()}`, [{ type: 'Fact', data: { n: 1 } }], { expectedRevision: 'no_stream' });
      client = new Client({ connectionString: database.url });
      await client.connect();
    });
    afterAll(() => client.end());

    it.each([
      ['UPDATE', `UPDATE ledger_events SET data = '{"n": 2}'`],
      ['DELETE', 'DELETE FROM ledger_events'],
      ['TRUNCATE', 'TRUNCATE ledger_events'],
      ['UPDATE of nothing', 'UPDATE ledger_events SET data = data WHERE false'],
    ])('refuses %s, even for the service’s own connection', async (_operation, sql) => {
      await expect(client.query(sql)).rejects.toThrow(/recorded events are immutable/);
      const { rows } = await client.query('SELECT count(*)::int AS n FROM ledger_events');
      expect(rows[0].n).toBeGreaterThan(0);
    });
  });

  describe('hash chain', () => {
    it('stores for each event SHA-256(previous hash ‖ canonical bytes), computed under the stream lock', async () => {
      const streamName = `chain-${randomUUID()}`;
      await store.appendToStream(streamName, [{ type: 'A', data: { b: 2, a: 'x', list: [1.5, true] }, metadata: { z: 1, actor: { userId: 'u' } } }], {
        expectedRevision: 'no_stream',
      });
      await Promise.all([1, 2, 3].map((n) => store.appendToStream(streamName, [{ type: 'B', data: { n } }], { expectedRevision: 'any' })));
      const events = await store.readStream(streamName);
      let previous: Buffer = GENESIS_HASH;
      for (const recorded of events) {
        const expected = chainHash(previous, recorded);
        expect(recorded.hash).toBe(expected.toString('hex'));
        previous = expected;
      }
      const { rows } = await pool.query('SELECT encode(last_hash, $2) AS hash FROM ledger_streams WHERE stream_name = $1', [streamName, 'hex']);
      expect(rows[0].hash).toBe(previous.toString('hex'));
    });
  });

  describe('group commit', () => {
    it('folds concurrent appends to many streams into fewer database calls without mixing them up', async () => {
      const streams = Array.from({ length: 50 }, () => `group-${randomUUID()}`);
      const results = await Promise.all(
        streams.map((name, index) => store.appendToStream(name, [{ type: 'G', data: { index } }], { expectedRevision: 'no_stream' })),
      );
      for (const [index, result] of results.entries()) {
        expect(result.streamName).toBe(streams[index]);
        const [recorded] = await store.readStream(streams[index]);
        expect(recorded.data.index).toBe(index);
        expect(recorded.position).toEqual(result.position);
      }
    });

    it('fails only the append PostgreSQL refuses, not its neighbours in the batch', async () => {
      const good = `group-${randomUUID()}`;
      const bad = `group-${randomUUID()}`;
      const outcomes = await Promise.allSettled([
        store.appendToStream(good, [{ type: 'G', data: { ok: true } }], { expectedRevision: 'no_stream' }),
        // jsonb cannot hold a NUL character.
        store.appendToStream(bad, [{ type: 'G', data: { text: 'a\u0000b' } }], { expectedRevision: 'no_stream' }),
      ]);
      expect(outcomes[0].status).toBe('fulfilled');
      expect(outcomes[1].status).toBe('rejected');
      expect(await store.readStream(good)).toHaveLength(1);
      expect(await store.readStream(bad)).toHaveLength(0);
    });
  });
});
