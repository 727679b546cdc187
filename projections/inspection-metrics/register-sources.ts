/**
 * The register and workforce side of the inspection-metrics projection: one row per event
 * with the facts it was counted as, so a later RecordCorrected in the same stream (a person's
 * or a force's) can take those facts back and count the replacement instead.
 */
import { formatPosition } from '../../src/event-store/position';
import type { JsonObject, JsonValue, RecordedEvent } from '../../src/event-store/event-store';
import type { ProjectionContext, ProjectionTable } from '../runner/projection';
import { CASE_STREAM_PREFIX } from '../common/case-event-log';
import { DatedFact, FactDeltas, validFacts } from '../common/dated-facts';
import { dayOf, isRegisterEventType, RegisterFallback, registerFacts, registerForce } from './register-facts';
import { WORKFORCE_RETURNED, workforceReturnRow, WorkforceReturnRow, writeWorkforceReturns } from './workforce-returns';

interface SourceRow {
  event_id: string;
  event_type: string;
  force: string | null;
  fallback_day: string | null;
  facts: DatedFact[];
}

export function registerSourcesTable(name: string): ProjectionTable {
  return {
    name,
    ddl: (table) => [`CREATE TABLE ${table} (event_id text PRIMARY KEY, event_type text NOT NULL, force text, fallback_day text, facts jsonb NOT NULL)`],
  };
}

const isObject = (value: JsonValue | undefined): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The recording actor's force (not `*`) and the day the event happened, for payloads that lack them. */
function fallbackOf(event: RecordedEvent): RegisterFallback {
  const actor = event.metadata.actor;
  const actorForce = isObject(actor) && typeof actor.force === 'string' && actor.force !== '*' ? actor.force : null;
  return { force: actorForce, day: dayOf(event.metadata.occurredAt) ?? dayOf(event.recordedAt) };
}

export async function applyRegisterEvents(
  events: readonly RecordedEvent[],
  context: ProjectionContext,
  options: { sourcesTable: string; workforceTable: string; deltas: FactDeltas },
): Promise<void> {
  const relevant = events.filter((event) => !event.streamName.startsWith(CASE_STREAM_PREFIX));
  if (relevant.length === 0) return;
  const sources = await loadCorrected(context, options.sourcesTable, relevant);
  const written = new Map<string, SourceRow>();
  const workforce = new Map<string, WorkforceReturnRow>();
  const keep = (row: SourceRow): void => {
    sources.set(row.event_id, row);
    written.set(row.event_id, row);
  };
  for (const event of relevant) {
    const position = formatPosition(event.position);
    if (isRegisterEventType(event.type)) {
      const fallback = fallbackOf(event);
      const facts = validFacts(registerFacts(event.type, event.data, fallback));
      options.deltas.add(facts, 1);
      keep({ event_id: event.eventId, event_type: event.type, force: registerForce(event.data, fallback), fallback_day: fallback.day, facts });
    } else if (event.type === WORKFORCE_RETURNED) {
      const row = workforceReturnRow(event.eventId, event.data, position);
      if (row !== null) workforce.set(row.event_id, row);
      keep({ event_id: event.eventId, event_type: event.type, force: row?.force ?? null, fallback_day: null, facts: [] });
    } else if (event.type === 'RecordCorrected') {
      const target = typeof event.data.correctsEventId === 'string' ? sources.get(event.data.correctsEventId) : undefined;
      const replacement = event.data.replacement;
      if (target === undefined || !isObject(replacement)) continue;
      if (target.event_type === WORKFORCE_RETURNED) {
        const row = workforceReturnRow(target.event_id, replacement, position);
        if (row !== null) workforce.set(row.event_id, { ...row, position: workforce.get(row.event_id)?.position ?? position });
      } else if (isRegisterEventType(target.event_type)) {
        const fallback = { force: target.force, day: target.fallback_day };
        const facts = validFacts(registerFacts(target.event_type, replacement, fallback));
        options.deltas.replace(target.facts, facts);
        keep({ ...target, force: registerForce(replacement, fallback), facts });
      }
    }
  }
  await writeSources(context, options.sourcesTable, [...written.values()]);
  await writeWorkforceReturns(context, options.workforceTable, [...workforce.values()]);
}

/** The rows of the events this batch corrects that earlier batches wrote. */
async function loadCorrected(context: ProjectionContext, tableName: string, events: readonly RecordedEvent[]): Promise<Map<string, SourceRow>> {
  const ids = events
    .filter((event) => event.type === 'RecordCorrected' && typeof event.data.correctsEventId === 'string')
    .map((event) => String(event.data.correctsEventId));
  if (ids.length === 0) return new Map();
  const { rows } = await context.client.query<SourceRow>(
    `SELECT event_id, event_type, force, fallback_day, facts FROM ${context.table(tableName)} WHERE event_id = ANY($1::text[])`,
    [ids],
  );
  return new Map(rows.map((row) => [row.event_id, row]));
}

async function writeSources(context: ProjectionContext, tableName: string, rows: readonly SourceRow[]): Promise<void> {
  if (rows.length === 0) return;
  const table = context.table(tableName);
  await context.client.query(
    `INSERT INTO ${table} AS s (event_id, event_type, force, fallback_day, facts)
     SELECT event_id, event_type, force, fallback_day, facts
       FROM jsonb_to_recordset($1::jsonb) AS r(event_id text, event_type text, force text, fallback_day text, facts jsonb)
     ON CONFLICT (event_id) DO UPDATE SET force = EXCLUDED.force, facts = EXCLUDED.facts`,
    [JSON.stringify(rows)],
  );
}
