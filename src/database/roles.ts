import { Client } from 'pg';
import { migrate } from './data-source';

/**
 * Least privilege in the database (docs: README "Database roles"). Two roles:
 *
 * - the OWNER owns the schema's objects and runs the migrations; `ledger_append` is a
 *   SECURITY DEFINER function it owns, so appends run with its rights;
 * - the SERVICE is what the running service connects as: not a superuser, owner of nothing
 *   the migrations made. It reads the ledger and appends only through `ledger_append`, so it
 *   cannot update, delete or truncate events, alter the ledger tables, disable their
 *   triggers or set `session_replication_role`. It writes exactly the tables listed in
 *   SERVICE_TABLE_PRIVILEGES, and creates (so owns) the projections' read models at run time
 *   through its CREATE right on the schema.
 */
export interface LedgerRoles {
  owner: string;
  service: string;
}

/** The roles of the embedded PostgreSQL. */
export const EMBEDDED_ROLES: LedgerRoles = { owner: 'ledger_owner', service: 'ledger_service' };

/**
 * What the service may do to each table the migrations create; a table missing here is one
 * the service cannot touch (a test holds this list to the schema). The ledger itself is read
 * only: appends go through `ledger_append`.
 */
export const SERVICE_TABLE_PRIVILEGES: Readonly<Record<string, string>> = {
  ledger_events: 'SELECT',
  ledger_streams: 'SELECT',
  // The sealer's tree: derived data, appended to as seals are made.
  ledger_merkle_leaves: 'SELECT, INSERT',
  ledger_merkle_nodes: 'SELECT, INSERT',
  idempotency_keys: 'SELECT, INSERT, UPDATE, DELETE',
  // Erasure replaces a key by a tombstone (src/vault/vault.ts).
  vault_keys: 'SELECT, INSERT, UPDATE',
  projection_state: 'SELECT, INSERT, UPDATE, DELETE',
  projection_generations: 'SELECT, INSERT, UPDATE, DELETE',
  projection_parked_events: 'SELECT, INSERT, UPDATE, DELETE',
  // The pages' sessions (src/web/web-sessions.ts): created, touched, given purposes, ended.
  web_sessions: 'SELECT, INSERT, UPDATE, DELETE',
};

/** The one function the service may execute among the migrations' own. */
export const APPEND_FUNCTION = 'ledger_append(text[], text[], int[], uuid[], text[], text[], text[])';

/** The migrations' own bookkeeping: nothing of the service's business. */
export const OWNER_ONLY_TABLES: readonly string[] = ['ledger_migrations'];

/** Read models are made by the service at run time: `<table>__g<n>` and the view `<table>` over the active one. */
const READ_MODEL_TABLE = /__g[0-9]+$/;

const ident = (client: Client, name: string): string => client.escapeIdentifier(name);

/**
 * Creates the two roles when missing and (re)sets the service's password; run as a superuser
 * (or a role with CREATEROLE). The owner can log in only when given a password: the embedded
 * database migrates as its superuser with `SET ROLE` to the owner (see `asRole`).
 */
export async function createRoles(admin: Client, roles: LedgerRoles, passwords: { service: string; owner?: string }): Promise<void> {
  const existing = await admin.query<{ rolname: string }>('SELECT rolname FROM pg_roles WHERE rolname = ANY($1::text[])', [[roles.owner, roles.service]]);
  const has = new Set(existing.rows.map((row) => row.rolname));
  for (const name of [roles.owner, roles.service]) {
    if (!has.has(name)) {
      await admin.query(`CREATE ROLE ${ident(admin, name)}`).catch((error: unknown) => {
        // Another process created it in the meantime.
        if ((error as { code?: unknown }).code !== '42710') throw error;
      });
    }
  }
  const limits = 'NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS';
  const ownerLogin = passwords.owner === undefined ? 'NOLOGIN' : `LOGIN PASSWORD ${admin.escapeLiteral(passwords.owner)}`;
  await admin.query(`ALTER ROLE ${ident(admin, roles.owner)} WITH ${limits} ${ownerLogin}`);
  await admin.query(`ALTER ROLE ${ident(admin, roles.service)} WITH ${limits} NOINHERIT LOGIN PASSWORD ${admin.escapeLiteral(passwords.service)}`);
}

/**
 * Hands the database the admin client is connected to over to the owner, and gives the
 * service its schema rights; run as a superuser. `legacyOwner`: a role (the embedded
 * superuser, before this version) whose objects in the schema are handed over, the read
 * models to the service and everything else to the owner.
 */
export async function prepareDatabase(admin: Client, roles: LedgerRoles, options: { legacyOwner?: string } = {}): Promise<void> {
  const owner = ident(admin, roles.owner);
  const service = ident(admin, roles.service);
  const { rows } = await admin.query<{ database: string; schema: string }>('SELECT current_database() AS database, current_schema() AS schema');
  const database = ident(admin, rows[0].database);
  const schema = ident(admin, rows[0].schema);
  await admin.query(`ALTER DATABASE ${database} OWNER TO ${owner}`);
  await admin.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${database} TO ${service}`);
  // Before PostgreSQL 15 everyone may create in `public`.
  await admin.query(`REVOKE CREATE ON SCHEMA ${schema} FROM PUBLIC`);
  await admin.query(`GRANT USAGE, CREATE ON SCHEMA ${schema} TO ${owner}, ${service}`);
  if (options.legacyOwner !== undefined) await handOver(admin, options.legacyOwner, roles);
}

async function handOver(admin: Client, legacyOwner: string, roles: LedgerRoles): Promise<void> {
  // Sequences that belong to a table follow it.
  const relations = await admin.query<{ name: string; kind: string }>(
    `SELECT c.relname AS name, c.relkind AS kind FROM pg_class c
      WHERE c.relnamespace = current_schema()::regnamespace AND c.relowner = $1::regrole AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i'))`,
    [legacyOwner],
  );
  for (const { name, kind } of relations.rows) {
    const readModel = kind === 'v' || READ_MODEL_TABLE.test(name);
    const what = kind === 'v' ? 'VIEW' : kind === 'm' ? 'MATERIALIZED VIEW' : kind === 'S' ? 'SEQUENCE' : 'TABLE';
    await admin.query(`ALTER ${what} ${ident(admin, name)} OWNER TO ${ident(admin, readModel ? roles.service : roles.owner)}`);
  }
  const functions = await admin.query<{ signature: string }>(
    // An extension's functions (pg_trgm's) stay with the extension.
    `SELECT p.oid::regprocedure::text AS signature FROM pg_proc p WHERE p.pronamespace = current_schema()::regnamespace AND p.proowner = $1::regrole
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')`,
    [legacyOwner],
  );
  for (const { signature } of functions.rows) await admin.query(`ALTER ROUTINE ${signature} OWNER TO ${ident(admin, roles.owner)}`);
}

/**
 * Grants the service what it needs on the owner's objects; run as the owner after every
 * migration run, under the migrations' lock (see `migrate`), so a new migration's table gets its grant in
 * SERVICE_TABLE_PRIVILEGES or none.
 */
export async function grantServicePrivileges(owner: Client, service: string): Promise<void> {
  const role = ident(owner, service);
  // One transaction: a service already running on the database never sees its rights gone.
  await owner.query('BEGIN');
  try {
    for (const [table, privileges] of Object.entries(SERVICE_TABLE_PRIVILEGES)) {
      await owner.query(`REVOKE ALL ON TABLE ${ident(owner, table)} FROM ${role}`);
      await owner.query(`GRANT ${privileges} ON TABLE ${ident(owner, table)} TO ${role}`);
    }
    await owner.query(`GRANT EXECUTE ON FUNCTION ${APPEND_FUNCTION} TO ${role}`);
    await owner.query('COMMIT');
  } catch (error) {
    await owner.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** The same server and database, as another role (a password of its own). */
export function urlAs(url: string, user: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(user);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

/** The same session, switched to `role` as it starts (`SET ROLE`): objects it creates are that role's. */
export function asRole(url: string, role: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c role=${role}`);
  return parsed.toString();
}

/** Who a URL connects as: the role, whether it is a superuser, and whether it owns the ledger. */
export async function describeRole(url: string): Promise<{ role: string; superuser: boolean; ownsLedger: boolean }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ role: string; superuser: boolean; owns_ledger: boolean }>(
      `SELECT current_user AS role, r.rolsuper AS superuser,
              coalesce((SELECT pg_has_role(current_user, c.relowner, 'USAGE') FROM pg_class c WHERE c.oid = to_regclass('ledger_events')), false) AS owns_ledger
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    return { role: rows[0].role, superuser: rows[0].superuser, ownsLedger: rows[0].owns_ledger };
  } finally {
    await client.end();
  }
}

export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * The whole set-up on one database, as a superuser connected to it (`adminUrl`): the roles,
 * the hand-over, the migrations as the owner, the service's grants. Returns the URLs the
 * service and its migrations then use. The embedded database, `npm run db -- create-roles`
 * (scripts/db.ts) and the tests go through this.
 */
export async function setUpLedgerDatabase(
  adminUrl: string,
  roles: LedgerRoles,
  passwords: { service: string; owner?: string },
  options: { legacyOwner?: string } = {},
): Promise<{ serviceUrl: string; migrationUrl: string }> {
  await withClient(adminUrl, async (admin) => {
    await createRoles(admin, roles, passwords);
    await prepareDatabase(admin, roles, options);
  });
  // An owner that can log in migrates as itself, as the service will have it do.
  const migrationUrl = passwords.owner === undefined ? asRole(adminUrl, roles.owner) : urlAs(adminUrl, roles.owner, passwords.owner);
  await migrate(migrationUrl, (owner) => grantServicePrivileges(owner, roles.service));
  return { serviceUrl: urlAs(adminUrl, roles.service, passwords.service), migrationUrl };
}
