/**
 * The erasure requests read model: one row per person whose erasure was asked for, with the
 * request's state as the vault's `evolve` folds it (src/vault/erasure.ts), who asked and when,
 * when it may be approved, and who closed it (approved or withdrawn) and when. It holds ids,
 * states, users and instants only: not the request's reason, nor anything the vault seals, so
 * an ADMIN (who reads no case and no person) may list it.
 */
import type { RecordedEvent } from '../../src/event-store/event-store';
import { formatPosition } from '../../src/event-store/position';
import { toSliceEvent } from '../../src/common/stream-commands';
import { ERASURE_EVENT_DECLARATIONS, vaultStreamName } from '../../src/vault/erasure';
import type { ErasureEvent } from '../../src/vault/erasure';
import type { ProjectionContext, ProjectionDefinition } from '../runner/projection';

export const ERASURE_REQUESTS_PROJECTION = 'erasure-requests';
export const ERASURE_REQUESTS_TABLE = 'erasure_requests';
const VAULT_STREAM_PREFIX = vaultStreamName('');

/** WAITING: asked, neither approved nor withdrawn; APPROVED: the key is destroyed; WITHDRAWN: asked again to erase. */
export const ERASURE_REQUEST_STATES = ['WAITING', 'APPROVED', 'WITHDRAWN'] as const;
export type ErasureRequestState = (typeof ERASURE_REQUEST_STATES)[number];

/** A person's last erasure request, as an ADMIN lists it. */
export interface ErasureRequestItem {
  personId: string;
  /** The force holding the record when it was asked: its ADMINs approve or withdraw it. */
  force: string;
  state: ErasureRequestState;
  requestedBy: string;
  requestedAt: string;
  /** The earliest instant of an approval (the waiting period configured when it was asked). */
  approvableFrom: string;
  /** Who approved or withdrew it, and when; null while it waits. */
  closedBy: string | null;
  closedAt: string | null;
}

export const erasureRequestsProjection: ProjectionDefinition = {
  name: ERASURE_REQUESTS_PROJECTION,
  version: 1,
  filter: { streamNamePrefixes: [VAULT_STREAM_PREFIX], eventTypes: [...ERASURE_EVENT_DECLARATIONS.types] },
  tables: [
    {
      name: ERASURE_REQUESTS_TABLE,
      ddl: (table) => [
        `CREATE TABLE ${table} (
           person_id text PRIMARY KEY,
           force text NOT NULL,
           state text NOT NULL,
           item jsonb NOT NULL,
           last_position text NOT NULL
         )`,
        `CREATE INDEX ON ${table} (force, state)`,
      ],
    },
  ],
  apply: applyErasureRequests,
};

async function applyErasureRequests(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void> {
  const erasureEvents = events.filter((event) => event.streamName.startsWith(VAULT_STREAM_PREFIX) && ERASURE_EVENT_DECLARATIONS.isType(event.type));
  if (erasureEvents.length === 0) return;
  const table = context.table(ERASURE_REQUESTS_TABLE);
  const ids = [...new Set(erasureEvents.map((event) => event.streamName.slice(VAULT_STREAM_PREFIX.length)))];
  const { rows: earlier } = await context.client.query<{ person_id: string; item: ErasureRequestItem }>(
    `SELECT person_id, item FROM ${table} WHERE person_id = ANY($1::text[])`,
    [ids],
  );
  const items = new Map<string, ErasureRequestItem>(earlier.map((row) => [row.person_id, row.item]));
  const positions = new Map<string, string>();
  for (const recorded of erasureEvents) {
    const personId = recorded.streamName.slice(VAULT_STREAM_PREFIX.length);
    const item = foldRequest(items.get(personId) ?? null, toSliceEvent<ErasureEvent>(recorded));
    if (item === null) continue;
    items.set(personId, item);
    positions.set(personId, formatPosition(recorded.position));
  }
  const rows = [...positions].flatMap(([personId, position]) => {
    const item = items.get(personId);
    return item === undefined ? [] : [{ person_id: personId, force: item.force, state: item.state, item, last_position: position }];
  });
  if (rows.length === 0) return;
  await context.client.query(
    `INSERT INTO ${table} (person_id, force, state, item, last_position)
     SELECT person_id, force, state, item, last_position
       FROM jsonb_to_recordset($1::jsonb) AS t(person_id text, force text, state text, item jsonb, last_position text)
     ON CONFLICT (person_id) DO UPDATE SET force = EXCLUDED.force, state = EXCLUDED.state, item = EXCLUDED.item, last_position = EXCLUDED.last_position`,
    [JSON.stringify(rows)],
  );
}

/** The request after one event; null for an erasure with no request of record (the single-step erasure of earlier versions). */
export function foldRequest(item: ErasureRequestItem | null, event: ErasureEvent): ErasureRequestItem | null {
  switch (event.type) {
    case 'ErasureRequested': {
      const { personId, force, requestedBy, requestedAt, approvableFrom } = event.data;
      return { personId, force, state: 'WAITING', requestedBy, requestedAt, approvableFrom, closedBy: null, closedAt: null };
    }
    case 'ErasureApproved':
      return item === null ? null : { ...item, state: 'APPROVED', closedBy: event.data.approvedBy, closedAt: event.data.approvedAt };
    case 'ErasureWithdrawn':
      return item === null ? null : { ...item, state: 'WITHDRAWN', closedBy: event.data.withdrawnBy, closedAt: event.data.withdrawnAt };
    case 'PersonalDataErased':
      return item;
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
}
