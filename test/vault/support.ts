import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { Client } from 'pg';
import { validatedHttp } from '../support/app';
import { createApp } from '../../src/bootstrap';
import { loadConfiguration } from '../../src/config/configuration';
import type { TestApp } from '../support/app';
import { createTestDatabase } from '../support/database';
import { TEST_JWT_SECRET } from '../http/support';
import { testDataDir } from '../support/data-dir';

/**
 * The one read model that holds free text in clear, by design (issue 18: the search indexes
 * what a reader may see, and empties it when the data subject is erased: projections/search).
 */
export const SEARCH_TEXT_TABLE = /^search_documents__g\d+$/;

/**
 * Every table of every non-system schema of the database, each row as its text form (`SELECT t::text FROM table t`);
 * `except` leaves out the tables whose name it matches.
 */
export async function dumpAllTables(databaseUrl: string, options: { except?: RegExp } = {}): Promise<string> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
    );
    const parts: string[] = [];
    for (const table of tables) {
      if (options.except?.test(table.name)) continue;
      const qualified = `${client.escapeIdentifier(table.schema)}.${client.escapeIdentifier(table.name)}`;
      const { rows } = await client.query<{ row: string }>(`SELECT t::text AS row FROM ${qualified} t`);
      parts.push(`-- ${qualified}`, ...rows.map((row) => row.row));
    }
    return parts.join('\n');
  } finally {
    await client.end();
  }
}

/** Waits for the search read model to reach `position` (a command's X-Ledger-Position): a search that waits for it. */
export async function searchCaughtUp(service: TestApp, position: string, authorization: string): Promise<void> {
  const response = await service
    .http()
    .get('/api/v1/search?q=caught')
    .set('Authorization', authorization)
    .set('X-Access-Purpose', 'Waiting for the search read model')
    .set('X-Wait-For-Position', position);
  expect(response.status).toBe(200);
}

/** The personal values of case commands: every string under a vault field name, however deep (a correction's replacement). */
export function vaultValuesOf(value: unknown, fields: ReadonlySet<string>): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => vaultValuesOf(item, fields));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => (fields.has(key) && typeof item === 'string' ? [item] : vaultValuesOf(item, fields)));
}

/** Where `value` shows in `text`, as it is or JSON-escaped (as it would inside a json column). */
export function occurrences(text: string, values: readonly string[]): string[] {
  return values.filter((value) => text.includes(value) || text.includes(JSON.stringify(value).slice(1, -1)));
}

/**
 * The service on a database of its own (as startTestApp), with every log line it writes
 * captured: the request log (pino, LOG_LEVEL info) and Nest's logger (stdout and stderr,
 * still passed through). Stopped, and the database dropped, by `service.close()`.
 */
export async function startServiceCapturingLogs(): Promise<{ service: TestApp; logs: string[] }> {
  const logs: string[] = [];
  const capture = (text: string): void => {
    logs.push(...text.split('\n').filter((line) => line.trim() !== ''));
  };
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      capture(chunk.toString('utf8'));
      callback();
    },
  });
  const spies = [process.stdout, process.stderr].map((stream) => {
    const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
    return jest.spyOn(stream, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
      capture(String(chunk));
      return write(chunk, ...rest);
    }) as typeof stream.write);
  });
  const database = await createTestDatabase();
  const config = loadConfiguration({
    LEDGER_DATA_DIR: testDataDir(),
    LOG_LEVEL: 'info',
    LEDGER_JWT_SECRET: TEST_JWT_SECRET,
    LEDGER_RATE_LIMIT_PER_MINUTE: '0',
    // Erasures are asked and approved at once here; the waiting period has its own test (erasure-approval.test.ts).
    LEDGER_ERASURE_DELAY_SECONDS: '0',
    LEDGER_MASTER_KEY: randomBytes(32).toString('base64'),
    DATABASE_URL: database.url,
  });
  const app = await createApp(config, { url: database.url, embedded: false, stop: async () => undefined }, { logDestination: destination });
  await app.listen(0, '127.0.0.1');
  const close = async (): Promise<void> => {
    await app.close();
    await database.drop();
    for (const spy of spies) spy.mockRestore();
  };
  return { service: { app, config, database, ...validatedHttp(app), close }, logs };
}
