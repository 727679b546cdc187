/**
 * The timeliness read model's tables, each column declared once: the DDL and the multi-row
 * inserts (jsonb_to_recordset) are both built from these lists. Readers use the views named
 * after the tables (the runner points each view at the generation readers should see).
 */
import type { PoolClient } from 'pg';
import type { ProjectionTable } from '../runner/projection';

interface Column {
  name: string;
  type: 'text' | 'date' | 'jsonb' | 'boolean' | 'int';
  notNull: boolean;
}

const required = (name: string, type: Column['type']): Column => ({ name, type, notNull: true });
const optional = (name: string, type: Column['type']): Column => ({ name, type, notNull: false });

export const TIMELINESS_TABLES = {
  cases: 'timeliness_cases',
  subjects: 'timeliness_subjects',
  deadlines: 'timeliness_deadlines',
} as const;

const COLUMNS: { readonly [K in keyof typeof TIMELINESS_TABLES]: readonly Column[] } = {
  cases: [
    required('case_id', 'text'),
    optional('force', 'text'),
    optional('sensitivity', 'text'),
    optional('stage', 'text'),
    optional('received_on', 'date'),
    optional('closed_on', 'date'),
    required('stages', 'jsonb'),
    required('log', 'jsonb'),
  ],
  subjects: [
    required('case_id', 'text'),
    required('subject_id', 'text'),
    required('person_id', 'text'),
    required('rank', 'text'),
    required('workforce_type', 'text'),
    required('suspension', 'text'),
    optional('suspended_since', 'date'),
    optional('last_reviewed_on', 'date'),
    optional('departure_how', 'text'),
    optional('departed_on', 'date'),
    optional('stage_at_departure', 'text'),
    required('awaiting_dcc_decision', 'boolean'),
    optional('proceedings_kind', 'text'),
    optional('concluded_on', 'date'),
    optional('outcome', 'text'),
    required('former_officer', 'boolean'),
    required('gross_misconduct_proven', 'boolean'),
  ],
  deadlines: [
    required('case_id', 'text'),
    required('subject_id', 'text'),
    required('rule', 'text'),
    required('seq', 'int'),
    required('kind', 'text'),
    required('starts_on', 'date'),
    required('due_on', 'date'),
    optional('earliest_on', 'date'),
    optional('met_on', 'date'),
    optional('lapsed_on', 'date'),
  ],
};

const definition = (columns: readonly Column[], withConstraints: boolean): string =>
  columns.map((column) => `${column.name} ${column.type}${withConstraints && column.notNull ? ' NOT NULL' : ''}`).join(', ');

export const timelinessTables: ProjectionTable[] = [
  {
    name: TIMELINESS_TABLES.cases,
    ddl: (table) => [
      `CREATE TABLE ${table} (${definition(COLUMNS.cases, true)}, PRIMARY KEY (case_id))`,
      `CREATE INDEX ON ${table} (force, stage)`,
    ],
  },
  {
    name: TIMELINESS_TABLES.subjects,
    ddl: (table) => [`CREATE TABLE ${table} (${definition(COLUMNS.subjects, true)}, PRIMARY KEY (case_id, subject_id))`],
  },
  {
    name: TIMELINESS_TABLES.deadlines,
    ddl: (table) => [
      `CREATE TABLE ${table} (${definition(COLUMNS.deadlines, true)}, PRIMARY KEY (case_id, rule, subject_id, seq))`,
      // The duties still owed, which the dashboard looks through.
      `CREATE INDEX ON ${table} (due_on) WHERE met_on IS NULL AND lapsed_on IS NULL`,
    ],
  },
];

/**
 * Inserts rows (objects keyed by column name) in one statement; `upsertOn` names the key
 * whose conflict updates every other column.
 */
export async function insertRows(
  client: PoolClient,
  table: keyof typeof TIMELINESS_TABLES,
  physicalName: string,
  rows: readonly object[],
  upsertOn?: string,
): Promise<void> {
  if (rows.length === 0) return;
  const columns = COLUMNS[table];
  const names = columns.map((column) => column.name).join(', ');
  const updates = columns
    .filter((column) => column.name !== upsertOn)
    .map((column) => `${column.name} = EXCLUDED.${column.name}`)
    .join(', ');
  await client.query(
    `INSERT INTO ${physicalName} (${names})
     SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS row(${definition(columns, false)})
     ${upsertOn === undefined ? '' : `ON CONFLICT (${upsertOn}) DO UPDATE SET ${updates}`}`,
    [JSON.stringify(rows)],
  );
}
