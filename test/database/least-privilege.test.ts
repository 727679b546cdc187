/**
 * Issue 17, item 1: least privilege in the database (src/database/roles.ts). On a database
 * set up by the code the embedded database uses, the service's role cannot change a recorded
 * event by any route PostgreSQL offers, and still does all its own work: appends, projection
 * rebuilds, seals, erasure, the whole service over HTTP. A data folder from before the roles
 * is upgraded in place.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { Pool } from 'pg';
import { CASE_STATUS_TABLE } from '../../projections/common/case-status-views';
import { ProjectionRunner } from '../../projections/runner/projection-runner';
import type { ProjectionDefinition } from '../../projections/runner/projection';
import { SEED_STORIES } from '../../src/cases/seed-stories';
import { loadConfiguration } from '../../src/config/configuration';
import { migrate } from '../../src/database/data-source';
import { openDatabase } from '../../src/database/database';
import { OWNER_ONLY_TABLES, SERVICE_TABLE_PRIVILEGES, withClient } from '../../src/database/roles';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store';
import { LEDGER_STREAM } from '../../src/ledger/seal';
import { verifyLedger } from '../../src/ledger/verify';
import { Vault } from '../../src/vault/vault';
import { ERASED } from '../../src/vault/vault-envelope';
import { sendCommand } from '../cases/support';
import { TEST_JWT_SECRET } from '../http/support';
import { appendRounds, caseStreams, LedgerFixture, openLedgerFixture, readEverything } from '../ledger/fixture';
import { startTestApp } from '../support/app';
import { testDataDir } from '../support/data-dir';
import { createLeastPrivilegeDatabase, createTestDatabase, LeastPrivilegeDatabase, withAdmin } from '../support/database';

/** A projection of its own: one row per stream, in a read model the service makes and swaps. */
const perStream: ProjectionDefinition = {
  name: 'least-privilege-per-stream',
  version: 1,
  filter: { streamNamePrefixes: ['case-'] },
  tables: [{ name: 'lp_per_stream', ddl: (table) => [`CREATE TABLE ${table} (stream_name text PRIMARY KEY, events int NOT NULL)`] }],
  async apply(events, context) {
    const counts = new Map<string, number>();
    for (const event of events) counts.set(event.streamName, (counts.get(event.streamName) ?? 0) + 1);
    await context.client.query(
      `INSERT INTO ${context.table('lp_per_stream')} AS t (stream_name, events) SELECT * FROM unnest($1::text[], $2::int[])
       ON CONFLICT (stream_name) DO UPDATE SET events = t.events + EXCLUDED.events`,
      [[...counts.keys()], [...counts.values()]],
    );
  },
};

const query = (url: string, sql: string): Promise<unknown> => withClient(url, (client) => client.query(sql));

describe('the service role of a least-privilege database', () => {
  let fixture: LedgerFixture;
  let database: LeastPrivilegeDatabase;

  beforeAll(async () => {
    fixture = await openLedgerFixture({ leastPrivilege: true });
    database = fixture.database as LeastPrivilegeDatabase;
    // Appends through the event store, as the service's role.
    await appendRounds(fixture.store, caseStreams(3), 0, 4);
  });
  afterAll(() => fixture.close());

  it('is not a superuser and owns neither ledger table nor the append function', async () => {
    const { rows } = await withClient(database.url, (client) =>
      client.query<{ role: string; superuser: boolean; owners: string[] }>(
        `SELECT current_user AS role, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
                ARRAY[(SELECT tableowner FROM pg_tables WHERE tablename = 'ledger_events'),
                      (SELECT tableowner FROM pg_tables WHERE tablename = 'ledger_streams'),
                      (SELECT pg_get_userbyid(proowner) FROM pg_proc WHERE proname = 'ledger_append')]::text[] AS owners`,
      ),
    );
    expect(rows[0]).toEqual({ role: database.roles.service, superuser: false, owners: [database.roles.owner, database.roles.owner, database.roles.owner] });
  });

  const insertEvent = `INSERT INTO ledger_events (position, stream_name, revision, event_id, event_type, data, metadata, recorded_at, hash)
    VALUES (999999, 'case-forged', 0, '${randomUUID()}', 'ReferralReceived', '{}', '{}', now(), '\\x00')`;

  it.each([
    ['disable the immutability trigger', 'ALTER TABLE ledger_events DISABLE TRIGGER ledger_events_immutable'],
    ['disable every trigger of the ledger', 'ALTER TABLE ledger_events DISABLE TRIGGER ALL'],
    ['switch triggers off for its session', 'SET session_replication_role = replica'],
    ['update an event', `UPDATE ledger_events SET data = '{"forged": true}' WHERE revision = 0`],
    ['delete an event', 'DELETE FROM ledger_events WHERE revision = 0'],
    ['truncate the ledger', 'TRUNCATE ledger_events'],
    ['alter the ledger table', 'ALTER TABLE ledger_events ADD COLUMN note text'],
    ['drop the immutability trigger', 'DROP TRIGGER ledger_events_immutable ON ledger_events'],
    ['add a trigger of its own to the ledger', 'CREATE TRIGGER forged BEFORE INSERT ON ledger_events FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change()'],
    ['drop the ledger', 'DROP TABLE ledger_events'],
    ['insert an event directly', insertEvent],
    ['rewrite a stream head', 'UPDATE ledger_streams SET revision = 0'],
    ['delete stream heads', 'DELETE FROM ledger_streams'],
    ['reset the position sequence', "SELECT setval('ledger_position_seq', 0)"],
    ['call the append path that skips the checks', "SELECT * FROM ledger_append_loop('{}', '{}', '{}', '{}', '{}', '{}', '{}')"],
    [
      'make the append function run with its own rights',
      'ALTER FUNCTION ledger_append(text[], text[], int[], uuid[], text[], text[], text[]) SECURITY INVOKER',
    ],
    ['rewrite the immutability trigger function', 'ALTER FUNCTION ledger_refuse_change() RENAME TO ledger_refuse_nothing'],
    ['alter the migrations record', 'DELETE FROM ledger_migrations'],
  ])('cannot %s', async (_what, sql) => {
    await expect(query(database.url, sql)).rejects.toMatchObject({ code: '42501' });
  });

  it('retries an append through the slow path of ledger_append, which runs with the owner’s rights too', async () => {
    const [stream] = caseStreams(1);
    const event = { eventId: randomUUID(), type: 'ReferralReceived', data: { note: 'sent twice' } };
    const first = await fixture.store.appendToStream(stream, [event], { expectedRevision: 'no_stream' });
    const retry = await fixture.store.appendToStream(stream, [event], { expectedRevision: 'no_stream' });
    expect(retry).toEqual(first);
  });

  it('leaves the ledger as it was after every attempt, verifiable', async () => {
    expect(await readEverything(fixture.store)).toHaveLength(13);
    expect(await verifyLedger(fixture.source)).toMatchObject({ ok: true });
  });

  it('seals and proves the ledger (the Merkle tables, the sealer lock)', async () => {
    expect(await fixture.sealer({ everyEvents: 1 }).sealNow()).toMatchObject({ status: 'sealed', seal: { treeSize: 13 } });
    await appendRounds(fixture.store, caseStreams(2), 0, 1);
    expect(await fixture.sealer({ everyEvents: 1 }).sealIfDue()).toMatchObject({ status: 'sealed', seal: { treeSize: 15 } });
    expect(await verifyLedger(fixture.source)).toMatchObject({ ok: true, sealsChecked: 2, unsealedEvents: 0 });
  });

  it('rebuilds a projection into a new generation and swaps it in, twice', async () => {
    const runner = new ProjectionRunner(fixture.store, fixture.pool, perStream);
    await runner.rebuild({ fresh: true });
    await appendRounds(fixture.store, caseStreams(1), 0, 2);
    await new ProjectionRunner(fixture.store, fixture.pool, perStream).rebuild({ fresh: true });
    const { rows } = await fixture.pool.query<{ streams: number; events: number }>(
      'SELECT count(*)::int AS streams, sum(events)::int AS events FROM lp_per_stream',
    );
    expect(rows[0]).toEqual({ streams: 7, events: 17 });
  });

  it('erases a person in the vault', async () => {
    const vault = new Vault(fixture.pool, randomBytes(32));
    const sealed = await vault.seal('person-erased', 'Lives at 1 Acacia Avenue');
    expect(await vault.erase('person-erased')).toBe(true);
    expect(await new Vault(fixture.pool, randomBytes(32)).isErased('person-erased')).toBe(true);
    expect(await vault.open(sealed)).toBe(ERASED);
  });

  it('cannot plant a function for a later migration to call with the owner’s rights: the migrations refuse to run', async () => {
    await query(database.url, `CREATE FUNCTION quote_ident(name) RETURNS text LANGUAGE sql AS $$ SELECT 'planted' $$`);
    try {
      await expect(migrate(database.migrationUrl)).rejects.toThrow(/refusing to migrate: .*function quote_ident\(name\) \(owner ledger_service_/);
    } finally {
      await query(database.url, 'DROP FUNCTION quote_ident(name)');
    }
    await migrate(database.migrationUrl);
  });

  it('gives the service a grant for every table the migrations make, and nothing on their bookkeeping', async () => {
    const { rows } = await withClient(database.adminUrl, (client) =>
      client.query<{ tablename: string }>('SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tableowner = $1 ORDER BY tablename', [
        database.roles.owner,
      ]),
    );
    expect(rows.map((row) => row.tablename)).toEqual([...Object.keys(SERVICE_TABLE_PRIVILEGES), ...OWNER_ONLY_TABLES].sort());
  });
});

describe('the whole service on its own role', () => {
  it('takes commands with an Idempotency-Key, projects them and seals them', async () => {
    const database = await createLeastPrivilegeDatabase();
    const service = await startTestApp({ LEDGER_JWT_SECRET: TEST_JWT_SECRET, LEDGER_SEAL_EVERY_EVENTS: '1' }, { database });
    try {
      const [story] = SEED_STORIES;
      const force = story.commands[0].type === 'ReceiveReferral' ? story.commands[0].force : 'HAMPSHIRE';
      for (const command of story.commands) {
        const response = await sendCommand(service, command, { force, headers: { 'Idempotency-Key': randomUUID() } });
        expect(response.status).toBe(201);
      }
      const admin = new Pool({ connectionString: database.adminUrl, max: 1 });
      try {
        for (let tries = 0; ; tries++) {
          const { rows } = await admin.query<{ cases: number; seals: number }>(
            `SELECT (SELECT count(*)::int FROM ${CASE_STATUS_TABLE}) AS cases, (SELECT count(*)::int FROM ledger_events WHERE stream_name = $1) AS seals`,
            [LEDGER_STREAM],
          );
          if (rows[0].cases === 1 && rows[0].seals > 0) break;
          if (tries > 150) throw new Error(`the case list and the seals never caught up: ${JSON.stringify(rows[0])}`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      } finally {
        await admin.end();
      }
      expect((await service.http().get('/health')).status).toBe(200);
    } finally {
      await service.close();
    }
  });
});

describe('a database from before the roles', () => {
  it('is handed over: its read models stay the service’s to update, its ledger the owner’s', async () => {
    const streams = caseStreams(2);
    const database = await createLeastPrivilegeDatabase({
      before: async (adminUrl) => {
        // What the previous version left: everything made and owned by the superuser.
        await migrate(adminUrl);
        const pool = new Pool({ connectionString: adminUrl, max: 4 });
        const store = new PostgresEventStore(pool);
        try {
          await appendRounds(store, streams, 0, 2);
          await new ProjectionRunner(store, pool, perStream).rebuild({ fresh: true });
        } finally {
          await store.close();
          await pool.end();
        }
      },
    });
    const pool = new Pool({ connectionString: database.url, max: 4 });
    const store = new PostgresEventStore(pool);
    try {
      await appendRounds(store, streams, 2, 3);
      await new ProjectionRunner(store, pool, perStream).rebuild({ fresh: true });
      const { rows } = await pool.query<{ events: number }>('SELECT sum(events)::int AS events FROM lp_per_stream');
      expect(rows[0].events).toBe(6);
      await expect(pool.query('ALTER TABLE ledger_events DISABLE TRIGGER ALL')).rejects.toMatchObject({ code: '42501' });
    } finally {
      await store.close();
      await pool.end();
      await database.drop();
    }
  });
});

describe('a PostgreSQL of your own (DATABASE_URL)', () => {
  const configFor = (environment: NodeJS.ProcessEnv) => loadConfiguration({ LEDGER_DATA_DIR: testDataDir(), LOG_LEVEL: 'silent', ...environment });

  it('is set up by `npm run db -- create-roles`; the service then migrates as the owner and runs as its own role', async () => {
    const database = await createTestDatabase({ migrate: false });
    const roles = { owner: `${database.name}_owner`, service: `${database.name}_service` };
    try {
      const out = execFileSync(
        'node',
        ['-r', 'ts-node/register/transpile-only', 'scripts/db.ts', 'create-roles', '--owner', roles.owner, '--service', roles.service],
        { cwd: path.resolve(__dirname, '../..'), env: { PATH: process.env.PATH ?? '', LEDGER_ADMIN_DATABASE_URL: database.url }, encoding: 'utf8' },
      );
      const serviceUrl = /^ {2}DATABASE_URL=(\S+)$/m.exec(out)?.[1] ?? '';
      const migrationUrl = /^ {2}LEDGER_MIGRATION_DATABASE_URL=(\S+)$/m.exec(out)?.[1] ?? '';
      expect(new URL(serviceUrl).username).toBe(roles.service);
      expect(new URL(migrationUrl).username).toBe(roles.owner);

      const warn = jest.spyOn(process.stderr, 'write');
      // Three instances starting at once: one migrates, each grants under the migrations' lock.
      const config = configFor({ DATABASE_URL: serviceUrl, LEDGER_MIGRATION_DATABASE_URL: migrationUrl });
      const handles = await Promise.all([openDatabase(config), openDatabase(config), openDatabase(config)]);
      expect(handles.map((handle) => handle.url)).toEqual([serviceUrl, serviceUrl, serviceUrl]);
      expect(warn).not.toHaveBeenCalledWith(expect.stringMatching(/DATABASE_URL connects as/));
      warn.mockRestore();

      const pool = new Pool({ connectionString: serviceUrl, max: 2 });
      const store = new PostgresEventStore(pool);
      try {
        await appendRounds(store, caseStreams(1), 0, 2);
        await expect(pool.query('ALTER TABLE ledger_events DISABLE TRIGGER ALL')).rejects.toMatchObject({ code: '42501' });
        await expect(pool.query('UPDATE ledger_events SET data = data')).rejects.toMatchObject({ code: '42501' });
      } finally {
        await store.close();
        await pool.end();
      }
    } finally {
      await database.drop();
      await withAdmin(async (client) => {
        for (const role of [roles.service, roles.owner]) await client.query(`DROP ROLE IF EXISTS ${client.escapeIdentifier(role)}`);
      });
    }
  });

  it('warns at start-up when DATABASE_URL alone connects as a superuser', async () => {
    const database = await createTestDatabase({ migrate: false });
    const warn = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      await openDatabase(configFor({ DATABASE_URL: database.url }));
      expect(warn).toHaveBeenCalledWith(
        expect.stringMatching(/^WARNING: DATABASE_URL connects as \S+, a superuser: the service could switch the ledger's immutability triggers off/),
      );
    } finally {
      warn.mockRestore();
      await database.drop();
    }
  });
});
