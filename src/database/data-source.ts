import { Client } from 'pg';
import { DataSource, DataSourceOptions, EntitySchema } from 'typeorm';
import { MIGRATIONS } from './migrations';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type EntityTarget = Function | string | EntitySchema;

export function dataSourceOptions(url: string, entities: EntityTarget[] = [], poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'ledger_migrations',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: { max: poolSize },
  };
}

/**
 * The session advisory lock migrations run under (one bigint key; the append function uses
 * 7411000001 and the sealer 7411000002).
 */
export const MIGRATION_LOCK_KEY = '7411000003';

/**
 * Applies every pending migration, each in its own transaction. Instances starting together
 * on an empty database would otherwise both create the same tables and one would fail: the
 * first takes the lock, the others wait for it and then find nothing left to do.
 * `afterwards` runs under the same lock, on the same session (the service's grants:
 * concurrent GRANTs on one object can fail with "tuple concurrently updated").
 */
export async function migrate(url: string, afterwards?: (client: Client) => Promise<void>): Promise<void> {
  const lock = new Client({ connectionString: url, application_name: 'ledger-migrations' });
  lock.on('error', () => undefined); // a lost lock session fails the migration's own queries
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
    await refuseCapturedNames(lock);
    const dataSource = new DataSource({ ...dataSourceOptions(url), migrationsTransactionMode: 'each' });
    await dataSource.initialize();
    try {
      await dataSource.runMigrations();
    } finally {
      await dataSource.destroy();
    }
    await afterwards?.(lock);
  } finally {
    // Ending the session releases its lock.
    await lock.end().catch(() => undefined);
  }
}

/**
 * A migration resolves the functions and operators it calls through the schema, where the
 * service's role may create (its read models; src/database/roles.ts). One of its own, named
 * like a built-in with a closer argument type, would run with the migrating role's rights.
 * So the migrations do not run while the schema holds a function, operator or conversion of
 * a role that is neither the migrating one nor a superuser (extensions' members aside).
 */
async function refuseCapturedNames(client: Client): Promise<void> {
  const { rows } = await client.query<{ object: string }>(
    `SELECT kind || ' ' || name || ' (owner ' || pg_get_userbyid(owner) || ')' AS object FROM (
        SELECT 'function' AS kind, p.oid::regprocedure::text AS name, p.proowner AS owner, 'pg_proc'::regclass AS catalog, p.oid
          FROM pg_proc p WHERE p.pronamespace = current_schema()::regnamespace
        UNION ALL
        SELECT 'operator', o.oid::regoperator::text, o.oprowner, 'pg_operator'::regclass, o.oid
          FROM pg_operator o WHERE o.oprnamespace = current_schema()::regnamespace
        UNION ALL
        SELECT 'conversion', c.conname::text, c.conowner, 'pg_conversion'::regclass, c.oid
          FROM pg_conversion c WHERE c.connamespace = current_schema()::regnamespace
      ) found
      WHERE owner <> current_user::regrole
        AND NOT (SELECT rolsuper FROM pg_roles WHERE oid = found.owner)
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = found.catalog AND d.objid = found.oid AND d.deptype = 'e')`,
  );
  if (rows.length > 0) {
    throw new Error(
      `refusing to migrate: the schema holds objects the migrations could call by mistake: ${rows.map((row) => row.object).join(', ')}. ` +
        'Drop them, or have the owner or a superuser own them (README "Database roles").',
    );
  }
}
