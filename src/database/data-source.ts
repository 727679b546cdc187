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
 */
export async function migrate(url: string): Promise<void> {
  const lock = new Client({ connectionString: url, application_name: 'ledger-migrations' });
  lock.on('error', () => undefined); // a lost lock session fails the migration's own queries
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
    const dataSource = new DataSource({ ...dataSourceOptions(url), migrationsTransactionMode: 'each' });
    await dataSource.initialize();
    try {
      await dataSource.runMigrations();
    } finally {
      await dataSource.destroy();
    }
  } finally {
    // Ending the session releases its lock.
    await lock.end().catch(() => undefined);
  }
}
