import { Client } from 'pg';

/** Every table of every non-system schema of the database, each row as its text form (`SELECT t::text FROM table t`). */
export async function dumpAllTables(databaseUrl: string): Promise<string> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
    );
    const parts: string[] = [];
    for (const table of tables) {
      const qualified = `${client.escapeIdentifier(table.schema)}.${client.escapeIdentifier(table.name)}`;
      const { rows } = await client.query<{ row: string }>(`SELECT t::text AS row FROM ${qualified} t`);
      parts.push(`-- ${qualified}`, ...rows.map((row) => row.row));
    }
    return parts.join('\n');
  } finally {
    await client.end();
  }
}

/** The personal values of case commands: every string under a vault field name, however deep (a correction's replacement). */
export function vaultValuesOf(value: unknown, fields: ReadonlySet<string>): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => vaultValuesOf(item, fields));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => (fields.has(key) && typeof item === 'string' ? [item] : vaultValuesOf(item, fields)));
}

/** Where `value` shows in `text`, as it is or JSON-escaped (as it would inside a json column). */
export function occurrences(text: string, values: readonly string[]): string[] {
  return values.filter((value) => text.includes(value) || text.includes(JSON.stringify(value).slice(1, -1)));
}
