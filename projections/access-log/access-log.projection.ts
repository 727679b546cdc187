/**
 * The access log read model: one row per recorded read (CaseAccessed, PersonRecordAccessed,
 * RecommendationAccessed),
 * with the columns `GET /access-log` filters on and the DCC dashboard's unusual-reading
 * signal counts. A batch is one multi-row insert whatever its size.
 */
import type { RecordedEvent } from '../../src/event-store/event-store';
import { formatPosition } from '../../src/event-store/position';
import { ACCESS_STREAM_PREFIX, CASE_ACCESSED, PERSON_RECORD_ACCESSED, RECOMMENDATION_ACCESSED } from '../../src/access-log/access.events';
import type { ProjectionContext, ProjectionDefinition } from '../runner/projection';
import { ACCESS_LOG_PROJECTION, ACCESS_LOG_TABLE } from '../common/access-log-views';

interface Row {
  event_id: string;
  position: string;
  case_id: string | null;
  person_id: string | null;
  recommendation_id: string | null;
  user_id: string;
  roles: string[];
  reader_force: string;
  force: string | null;
  purpose: string;
  at: string;
  granted: boolean;
  reason_if_refused: string | null;
}

export const accessLogProjection: ProjectionDefinition = {
  name: ACCESS_LOG_PROJECTION,
  // 2: reads of recommendations (a search's results) are listed too.
  version: 2,
  filter: { streamNamePrefixes: [ACCESS_STREAM_PREFIX], eventTypes: [CASE_ACCESSED, PERSON_RECORD_ACCESSED, RECOMMENDATION_ACCESSED] },
  tables: [
    {
      name: ACCESS_LOG_TABLE,
      ddl: (table) => [
        `CREATE TABLE ${table} (
           event_id text PRIMARY KEY,
           position text NOT NULL,
           case_id text,
           person_id text,
           recommendation_id text,
           user_id text NOT NULL,
           roles text[] NOT NULL,
           reader_force text NOT NULL,
           force text,
           purpose text NOT NULL,
           at timestamptz NOT NULL,
           granted boolean NOT NULL,
           reason_if_refused text
         )`,
        `CREATE INDEX ON ${table} (at DESC)`,
        `CREATE INDEX ON ${table} (case_id, at DESC)`,
        `CREATE INDEX ON ${table} (user_id, at DESC)`,
        `CREATE INDEX ON ${table} (force, at DESC)`,
      ],
    },
  ],
  apply: applyAccessLog,
};

async function applyAccessLog(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void> {
  const rows = events.flatMap((event) => {
    const row = toRow(event);
    return row === undefined ? [] : [row];
  });
  if (rows.length === 0) return;
  await context.client.query(
    `INSERT INTO ${context.table(ACCESS_LOG_TABLE)} (event_id, position, case_id, person_id, recommendation_id, user_id, roles, reader_force, force, purpose, at, granted, reason_if_refused)
     SELECT event_id, position, case_id, person_id, recommendation_id, user_id, roles, reader_force, force, purpose, at, granted, reason_if_refused
       FROM jsonb_to_recordset($1::jsonb) AS t(event_id text, position text, case_id text, person_id text, recommendation_id text, user_id text, roles text[],
            reader_force text, force text, purpose text, at timestamptz, granted boolean, reason_if_refused text)
     ON CONFLICT (event_id) DO NOTHING`,
    [JSON.stringify(rows)],
  );
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** What each access event reads; its id is `<kind>Id` and the force it belongs to `<kind>Force`. */
const KINDS: Partial<Record<string, 'case' | 'person' | 'recommendation'>> = {
  [CASE_ACCESSED]: 'case',
  [PERSON_RECORD_ACCESSED]: 'person',
  [RECOMMENDATION_ACCESSED]: 'recommendation',
};

function toRow(event: RecordedEvent): Row | undefined {
  const data = event.data;
  const kind = KINDS[event.type];
  if (kind === undefined) return undefined;
  const roles = Array.isArray(data.role) ? data.role.filter((role): role is string => typeof role === 'string') : [];
  return {
    event_id: event.eventId,
    position: formatPosition(event.position),
    case_id: kind === 'case' ? text(data.caseId) : null,
    person_id: kind === 'person' ? text(data.personId) : null,
    recommendation_id: kind === 'recommendation' ? text(data.recommendationId) : null,
    user_id: text(data.userId) ?? '',
    roles,
    reader_force: text(data.readerForce) ?? '',
    force: text(data[`${kind}Force`]),
    purpose: text(data.purpose) ?? '',
    at: text(data.at) ?? event.recordedAt,
    granted: data.granted === true,
    reason_if_refused: text(data.reasonIfRefused),
  };
}
