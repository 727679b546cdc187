/**
 * Workforce returns (`WorkforceReturned`, stream `workforce-<force>`): the headcounts that
 * rates per 100 workforce divide by. Kept one row per return, so a correction replaces the
 * row of the return it corrects and the "latest return on or before `to`" is one index probe.
 */
import { isIsoDay } from '../../src/common/days';
import type { JsonObject } from '../../src/event-store/event-store';
import type { ProjectionContext, ProjectionTable } from '../runner/projection';
import type { CountsReader } from '../common/dated-facts';

export const WORKFORCE_RETURNED = 'WorkforceReturned';

export interface WorkforceReturnRow {
  event_id: string;
  force: string;
  as_at: string;
  officers: number;
  staff: number;
  specials: number;
  volunteers: number;
  in_psd_or_acu: number;
  /** Orders two returns with the same asAt: the later recorded wins. */
  position: string;
}

export function workforceTable(name: string): ProjectionTable {
  return {
    name,
    ddl: (table) => [
      `CREATE TABLE ${table} (
         event_id text PRIMARY KEY,
         force text NOT NULL,
         as_at date NOT NULL,
         officers integer NOT NULL,
         staff integer NOT NULL,
         specials integer NOT NULL,
         volunteers integer NOT NULL,
         in_psd_or_acu integer NOT NULL,
         position numeric(20, 0) NOT NULL
       )`,
      `CREATE INDEX ON ${table} (force, as_at DESC, position DESC)`,
    ],
  };
}

const isHeadcount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 10_000_000;

/** The row of a return, or null for a payload that is not one (it is then not counted). */
export function workforceReturnRow(eventId: string, data: JsonObject, position: string): WorkforceReturnRow | null {
  const { force, asAt, officers, staff } = data;
  if (typeof force !== 'string' || force.length === 0 || !isIsoDay(asAt) || !isHeadcount(officers) || !isHeadcount(staff)) return null;
  const optional = (value: unknown): number => (isHeadcount(value) ? value : 0);
  return {
    event_id: eventId,
    force,
    as_at: asAt,
    officers,
    staff,
    specials: optional(data.specials),
    volunteers: optional(data.volunteers),
    in_psd_or_acu: optional(data.inPsdOrAcu),
    position,
  };
}

/** A correction keeps the position of the return it corrects. */
export async function writeWorkforceReturns(context: ProjectionContext, tableName: string, rows: readonly WorkforceReturnRow[]): Promise<void> {
  if (rows.length === 0) return;
  const table = context.table(tableName);
  await context.client.query(
    `INSERT INTO ${table} AS w (event_id, force, as_at, officers, staff, specials, volunteers, in_psd_or_acu, position)
     SELECT event_id, force, as_at, officers, staff, specials, volunteers, in_psd_or_acu, position
       FROM jsonb_to_recordset($1::jsonb) AS r(event_id text, force text, as_at date, officers int, staff int,
                                               specials int, volunteers int, in_psd_or_acu int, position numeric)
     ON CONFLICT (event_id) DO UPDATE SET
       force = EXCLUDED.force, as_at = EXCLUDED.as_at, officers = EXCLUDED.officers, staff = EXCLUDED.staff,
       specials = EXCLUDED.specials, volunteers = EXCLUDED.volunteers, in_psd_or_acu = EXCLUDED.in_psd_or_acu`,
    [JSON.stringify(rows)],
  );
}

/** docs/api.md: officers + staff of the latest return on or before `to`; null without one. */
export async function readWorkforce(reader: CountsReader, view: string, force: string, to: string): Promise<number | null> {
  const { rows } = await reader.query<{ workforce: number }>(
    `SELECT officers + staff AS workforce FROM ${view}
      WHERE force = $1 AND as_at <= $2::date
      ORDER BY as_at DESC, position DESC
      LIMIT 1`,
    [force, to],
  );
  return rows[0]?.workforce ?? null;
}
