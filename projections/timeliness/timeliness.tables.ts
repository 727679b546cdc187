/**
 * The timeliness read model's tables, each column declared once: the DDL and the multi-row
 * inserts (jsonb_to_recordset) are both built from these lists. Readers use the views named
 * after the tables (the runner points each view at the generation readers should see).
 */
import type { ProjectionTable } from '../runner/projection';
import { caseEventLogTable } from '../common/case-event-log';
import { OPEN_DUTY, TIMELINESS_TABLES } from '../common/timeliness-views';
import { AWAITING_DCC, PROVEN_NOT_DISMISSED } from '../common/timeliness-counts';

interface Column {
  name: string;
  type: 'text' | 'date' | 'json' | 'jsonb' | 'boolean' | 'int';
  notNull: boolean;
}

const required = (name: string, type: Column['type']): Column => ({ name, type, notNull: true });
const optional = (name: string, type: Column['type']): Column => ({ name, type, notNull: false });

/**
 * The tables written from rows (json_to_recordset); `counts` is kept by the projection's own
 * SQL, `events` by case-event-log.ts.
 */
type RowTable = Exclude<keyof typeof TIMELINESS_TABLES, 'counts' | 'events'>;

const COLUMNS: { readonly [K in RowTable]: readonly Column[] } = {
  cases: [
    required('case_id', 'text'),
    optional('force', 'text'),
    optional('sensitivity', 'text'),
    optional('stage', 'text'),
    optional('received_on', 'date'),
    optional('closed_on', 'date'),
    required('stages', 'jsonb'),
  ],
  subjects: [
    required('case_id', 'text'),
    required('subject_id', 'text'),
    // The case's, so the dashboard finds a force's subjects and deadlines by index.
    required('force', 'text'),
    required('sensitivity', 'text'),
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
    required('force', 'text'),
    required('sensitivity', 'text'),
    required('rule', 'text'),
    required('seq', 'int'),
    required('kind', 'text'),
    required('starts_on', 'date'),
    required('due_on', 'date'),
    optional('earliest_on', 'date'),
    optional('met_on', 'date'),
    optional('lapsed_on', 'date'),
    optional('assumption', 'text'),
    optional('exemption', 'text'),
  ],
};

const definition = (columns: readonly Column[], withConstraints: boolean): string =>
  columns.map((column) => `${column.name} ${column.type}${withConstraints && column.notNull ? ' NOT NULL' : ''}`).join(', ');

export const timelinessTables: ProjectionTable[] = [
  // Apart from the case rows readers scan, so their rows stay small.
  caseEventLogTable(TIMELINESS_TABLES.events),
  {
    name: TIMELINESS_TABLES.cases,
    ddl: (table) => [`CREATE TABLE ${table} (${definition(COLUMNS.cases, true)}, PRIMARY KEY (case_id))`, `CREATE INDEX ON ${table} (force, stage)`],
  },
  {
    name: TIMELINESS_TABLES.subjects,
    ddl: (table) => [
      `CREATE TABLE ${table} (${definition(COLUMNS.subjects, true)}, PRIMARY KEY (case_id, subject_id))`,
      // Need-to-know leaves out every case about the reader.
      `CREATE INDEX ON ${table} (person_id)`,
      // What the DCC's dashboard lists: the suspended and restricted, and, longest waiting
      // first, the departures awaiting the DCC.
      `CREATE INDEX ON ${table} (force, suspended_since) WHERE suspension <> 'NONE'`,
      `CREATE INDEX ON ${table} (force, departed_on, case_id, subject_id) WHERE ${AWAITING_DCC}`,
      // The few proven gross misconduct findings that did not end in dismissal, which the
      // dashboard lists (the counts by rank come from timeliness_counts).
      `CREATE INDEX ON ${table} (force, case_id, subject_id) WHERE ${PROVEN_NOT_DISMISSED}`,
    ],
  },
  {
    name: TIMELINESS_TABLES.deadlines,
    ddl: (table) => [
      `CREATE TABLE ${table} (${definition(COLUMNS.deadlines, true)}, PRIMARY KEY (case_id, rule, subject_id, seq))`,
      // The duties still owed, in the order the dashboard lists the overdue ones.
      `CREATE INDEX ON ${table} (force, due_on, case_id, rule, subject_id, seq) WHERE ${OPEN_DUTY}`,
    ],
  },
  {
    name: TIMELINESS_TABLES.counts,
    // Per force and sensitivity: cases by stage, proven gross misconduct and its dismissals by
    // rank (COUNTED). Kept in step with the rows by the projection, in the same transaction, so
    // the dashboard need not count a force's every case on each request.
    ddl: (table) => [
      `CREATE TABLE ${table} (force text NOT NULL, sensitivity text NOT NULL, measure text NOT NULL, key text NOT NULL,
         n int NOT NULL, PRIMARY KEY (force, sensitivity, measure, key))`,
    ],
  },
];

/**
 * An INSERT of the rows passed as parameter `$<parameter>` (a JSON array of objects keyed
 * by column name, read with json_to_recordset: text parsed once, no binary jsonb made of
 * it); `upsertOn` names the key whose conflict updates every other column, `returning` the
 * columns of the rows written that the statement hands on. The projection
 * puts one per table in a single statement.
 */
export function insertStatement(table: RowTable, physicalName: string, parameter: number, upsertOn?: string, returning?: string): string {
  const columns = COLUMNS[table];
  const names = columns.map((column) => column.name).join(', ');
  const updates = columns
    .filter((column) => column.name !== upsertOn)
    .map((column) => `${column.name} = EXCLUDED.${column.name}`)
    .join(', ');
  return `INSERT INTO ${physicalName} (${names})
     SELECT ${names} FROM json_to_recordset($${parameter}::json) AS row(${definition(columns, false)})
     ${upsertOn === undefined ? '' : `ON CONFLICT (${upsertOn}) DO UPDATE SET ${updates}`}
     ${returning === undefined ? '' : `RETURNING ${returning}`}`;
}
