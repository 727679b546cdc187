/**
 * The integrity-record read model: one row per person with a register entry, holding the
 * person's force (readers are scoped by it) and their register events as the view folds
 * them. What the record means is computed at read time by `integrityRecordView`, since
 * "falling due" and "overdue" depend on the day it is read.
 *
 * A batch is two statements whatever its size: read the touched people's force, then one
 * that appends the new events and upserts the rows (docs/event-store-notes.md, "Write set-based").
 * The force is the first entry's, as for decide (forceMustMatchPerson).
 */
import type { RecordedEvent } from '../../src/event-store/event-store';
import { formatPosition } from '../../src/event-store/position';
import { PERSON_STREAM_PREFIX } from '../../src/registers/person.stream';
import { isRegisterEventType } from '../../src/registers/registers.events';
import type { RegisterEvent } from '../../src/registers/registers.events';
import { toSliceEvent } from '../../src/common/stream-commands';
import type { ProjectionContext, ProjectionDefinition } from '../runner/projection';
import type { RecordedEntry } from './integrity-record.view';

export const INTEGRITY_RECORD_PROJECTION = 'integrity-record';
/** The view readers query. */
export const INTEGRITY_RECORD_TABLE = 'integrity_record';

interface TouchedPerson {
  person_id: string;
  force: string;
  events: RecordedEntry[];
  last_position: string;
}

export const integrityRecordProjection: ProjectionDefinition = {
  name: INTEGRITY_RECORD_PROJECTION,
  // Bump when the rows' shape or meaning changes: the runner then rebuilds from the first event.
  version: 1,
  filter: { streamNamePrefixes: [PERSON_STREAM_PREFIX] },
  tables: [
    {
      name: INTEGRITY_RECORD_TABLE,
      ddl: (table) => [
        `CREATE TABLE ${table} (
           person_id text PRIMARY KEY,
           force text NOT NULL,
           events jsonb NOT NULL,
           last_position text NOT NULL
         )`,
        `CREATE INDEX ON ${table} (force)`,
      ],
    },
  ],
  apply: applyIntegrityRecords,
};

async function applyIntegrityRecords(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void> {
  const touched = groupByPerson(events);
  if (touched.size === 0) return;
  const table = context.table(INTEGRITY_RECORD_TABLE);
  await context.client.query(
    `INSERT INTO ${table} AS r (person_id, force, events, last_position)
     SELECT person_id, force, events, last_position
       FROM jsonb_to_recordset($1::jsonb) AS t(person_id text, force text, events jsonb, last_position text)
     ON CONFLICT (person_id) DO UPDATE SET events = r.events || EXCLUDED.events, last_position = EXCLUDED.last_position`,
    [JSON.stringify([...touched.values()])],
  );
}

/** The batch's register events per person, in stream order; the force of a new row is its first event's. */
function groupByPerson(events: readonly RecordedEvent[]): Map<string, TouchedPerson> {
  const touched = new Map<string, TouchedPerson>();
  for (const recorded of events) {
    if (!isRegisterEventType(recorded.type)) continue;
    const personId = recorded.streamName.slice(PERSON_STREAM_PREFIX.length);
    const event = toSliceEvent<RegisterEvent>(recorded);
    const person = touched.get(personId) ?? { person_id: personId, force: event.data.force, events: [], last_position: '' };
    person.events.push({ ...event, eventId: recorded.eventId });
    person.last_position = formatPosition(recorded.position);
    touched.set(personId, person);
  }
  return touched;
}
