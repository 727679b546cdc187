/**
 * The alerts read model: one row per alert (its state as the domain's `evolve` folds it,
 * with who acknowledged and dispositioned it), and one row per change to a force's
 * thresholds (who set or removed which threshold, when), from which the thresholds in force
 * are read.
 */
import type { RecordedEvent } from '../../src/event-store/event-store';
import { formatPosition } from '../../src/event-store/position';
import { ALERT_STREAM_PREFIX, ALERT_THRESHOLDS_STREAM_PREFIX, isAlertEventType, isAlertThresholdEventType } from '../../src/alerts/alert.events';
import type { AlertEvent } from '../../src/alerts/alert.events';
import { evolveAlert } from '../../src/alerts/alert.state';
import type { Alert } from '../../src/alerts/alert.state';
import { toSliceEvent } from '../../src/common/stream-commands';
import type { ProjectionContext, ProjectionDefinition } from '../runner/projection';

export const ALERTS_PROJECTION = 'alerts';
export const ALERTS_TABLE = 'alerts';
export const ALERT_THRESHOLD_CHANGES_TABLE = 'alert_threshold_changes';

/** An alert as listed: its state, and who handled it. */
export interface AlertItem extends Alert {
  acknowledgedBy: string | null;
  dispositionedBy: string | null;
}

export const alertsProjection: ProjectionDefinition = {
  name: ALERTS_PROJECTION,
  version: 1,
  filter: { streamNamePrefixes: [ALERT_STREAM_PREFIX, ALERT_THRESHOLDS_STREAM_PREFIX] },
  tables: [
    {
      name: ALERTS_TABLE,
      ddl: (table) => [
        `CREATE TABLE ${table} (
           alert_id text PRIMARY KEY,
           force text NOT NULL,
           person_id text NOT NULL,
           status text NOT NULL,
           item jsonb NOT NULL,
           last_position text NOT NULL
         )`,
        `CREATE INDEX ON ${table} (force, status)`,
        `CREATE INDEX ON ${table} (person_id)`,
      ],
    },
    {
      name: ALERT_THRESHOLD_CHANGES_TABLE,
      ddl: (table) => [
        `CREATE TABLE ${table} (
           event_id text PRIMARY KEY,
           position numeric NOT NULL,
           force text NOT NULL,
           threshold_id text NOT NULL,
           change text NOT NULL,
           changed_by text NOT NULL,
           recorded_at text NOT NULL,
           data jsonb NOT NULL
         )`,
        `CREATE INDEX ON ${table} (force, position)`,
      ],
    },
  ],
  apply: applyAlerts,
};

function actorOf(recorded: RecordedEvent): string {
  const actor = recorded.metadata.actor;
  return typeof actor === 'object' && actor !== null && !Array.isArray(actor) && typeof actor.userId === 'string' ? actor.userId : 'unknown';
}

async function applyAlerts(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void> {
  await applyThresholdChanges(events, context);
  const alertEvents = events.filter((event) => event.streamName.startsWith(ALERT_STREAM_PREFIX) && isAlertEventType(event.type));
  if (alertEvents.length === 0) return;
  const table = context.table(ALERTS_TABLE);
  const ids = [...new Set(alertEvents.map((event) => event.streamName.slice(ALERT_STREAM_PREFIX.length)))];
  const { rows: earlier } = await context.client.query<{ alert_id: string; item: AlertItem }>(
    `SELECT alert_id, item FROM ${table} WHERE alert_id = ANY($1::text[])`,
    [ids],
  );
  const items = new Map<string, AlertItem>(earlier.map((row) => [row.alert_id, row.item]));
  const positions = new Map<string, string>();
  for (const recorded of alertEvents) {
    const id = recorded.streamName.slice(ALERT_STREAM_PREFIX.length);
    const item = fold(items.get(id) ?? null, recorded);
    if (item !== null) items.set(id, item);
    positions.set(id, formatPosition(recorded.position));
  }
  const rows = [...positions].flatMap(([id, position]) => {
    const item = items.get(id);
    return item === undefined ? [] : [{ alert_id: id, force: item.force, person_id: item.personId, status: item.status, item, last_position: position }];
  });
  await context.client.query(
    `INSERT INTO ${table} (alert_id, force, person_id, status, item, last_position)
     SELECT alert_id, force, person_id, status, item, last_position
       FROM jsonb_to_recordset($1::jsonb) AS t(alert_id text, force text, person_id text, status text, item jsonb, last_position text)
     ON CONFLICT (alert_id) DO UPDATE SET status = EXCLUDED.status, item = EXCLUDED.item, last_position = EXCLUDED.last_position`,
    [JSON.stringify(rows)],
  );
}

function fold(item: AlertItem | null, recorded: RecordedEvent): AlertItem | null {
  const alert = evolveAlert(item, toSliceEvent<AlertEvent>(recorded));
  if (alert === null) return null;
  const by = actorOf(recorded);
  return {
    ...alert,
    acknowledgedBy: recorded.type === 'AlertAcknowledged' ? by : (item?.acknowledgedBy ?? null),
    dispositionedBy: recorded.type === 'AlertDispositioned' ? by : (item?.dispositionedBy ?? null),
  };
}

async function applyThresholdChanges(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void> {
  const changes = events
    .filter((event) => event.streamName.startsWith(ALERT_THRESHOLDS_STREAM_PREFIX) && isAlertThresholdEventType(event.type))
    .map((event) => ({
      event_id: event.eventId,
      // The commit position orders the changes on either engine.
      position: event.position.commit.toString(),
      force: event.streamName.slice(ALERT_THRESHOLDS_STREAM_PREFIX.length),
      threshold_id: String(event.data.thresholdId),
      change: event.type === 'AlertThresholdSet' ? 'SET' : 'REMOVED',
      changed_by: actorOf(event),
      recorded_at: event.recordedAt,
      data: event.data,
    }));
  if (changes.length === 0) return;
  await context.client.query(
    `INSERT INTO ${context.table(ALERT_THRESHOLD_CHANGES_TABLE)} (event_id, position, force, threshold_id, change, changed_by, recorded_at, data)
     SELECT event_id, position, force, threshold_id, change, changed_by, recorded_at, data
       FROM jsonb_to_recordset($1::jsonb) AS t(event_id text, position numeric, force text, threshold_id text, change text, changed_by text, recorded_at text, data jsonb)
     ON CONFLICT (event_id) DO NOTHING`,
    [JSON.stringify(changes)],
  );
}
