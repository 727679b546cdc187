import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';
import { migrate } from '../../src/database/data-source';
import { generatePassword } from '../../src/database/embedded-credentials';
import { LedgerRoles, setUpLedgerDatabase, withClient } from '../../src/database/roles';

/** A database of its own for one test file, migrated, dropped by `drop()`. */
export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/**
 * A test database set up the way the embedded one is (src/database/roles.ts): `url` is the
 * service's role, `adminUrl` the superuser's and `migrationUrl` the owner's, on this database.
 */
export interface LeastPrivilegeDatabase extends TestDatabase {
  adminUrl: string;
  migrationUrl: string;
  roles: LedgerRoles;
}

export function adminUrl(): string {
  const url = process.env.LEDGER_TEST_ADMIN_URL;
  if (!url) throw new Error('LEDGER_TEST_ADMIN_URL is not set: run the tests through jest (see jest.config.js)');
  return url;
}

export function databaseUrl(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const name = `ledger_test_${randomBytes(6).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`));
  const url = databaseUrl(name);
  if (options.migrate !== false) await migrate(url);
  return {
    url,
    name,
    drop: () => withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`)).then(() => undefined),
  };
}

/**
 * Roles of its own per database (roles are the server's, shared by every test file), made
 * and migrated by the code the embedded database uses. `before` runs on the superuser's
 * fresh database first: what an earlier version left there, for an upgrade.
 */
export async function createLeastPrivilegeDatabase(options: { before?: (adminUrl: string) => Promise<void> } = {}): Promise<LeastPrivilegeDatabase> {
  const database = await createTestDatabase({ migrate: false });
  const suffix = database.name.replace(/^ledger_test_/, '');
  const roles = { owner: `ledger_owner_${suffix}`, service: `ledger_service_${suffix}` };
  await options.before?.(database.url);
  const legacyOwner = await withAdmin(async (client) => (await client.query<{ name: string }>('SELECT current_user AS name')).rows[0].name);
  const { serviceUrl, migrationUrl } = await setUpLedgerDatabase(database.url, roles, { service: generatePassword() }, { legacyOwner });
  return {
    url: serviceUrl,
    adminUrl: database.url,
    migrationUrl,
    roles,
    name: database.name,
    drop: async () => {
      await database.drop();
      await withAdmin(async (client) => {
        for (const role of [roles.service, roles.owner]) await client.query(`DROP ROLE IF EXISTS ${client.escapeIdentifier(role)}`);
      });
    },
  };
}

export function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  return withClient(adminUrl(), work);
}

export function poolFor(database: TestDatabase, max = 20): Pool {
  return poolOn(database.url, max);
}

/**
 * A pool on any server's URL (a test's private PostgreSQL, one it stops and starts), that
 * ignores the errors of its idle connections: a server stopped under them (or terminating
 * them as it shuts down at the end of a test) would otherwise end the test process. A query's
 * own error still rejects it.
 */
export function poolOn(url: string, max = 20): Pool {
  const pool = new Pool({ connectionString: url, max });
  pool.on('error', () => undefined);
  return pool;
}
