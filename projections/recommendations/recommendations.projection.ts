/**
 * The recommendations read model: one row per recommendation, its state as the domain's
 * `evolve` folds it, and the columns the list filters on. "Overdue" is judged at read time
 * against today. A batch is two statements whatever its size: read the touched
 * recommendations' rows, then one upsert.
 */
import type { RecordedEvent } from '../../src/event-store/event-store';
import { formatPosition } from '../../src/event-store/position';
import { isRecommendationEventType } from '../../src/recommendations/recommendation.events';
import type { RecommendationEvent } from '../../src/recommendations/recommendation.events';
import { evolve } from '../../src/recommendations/recommendation.state';
import type { Recommendation, RecommendationState } from '../../src/recommendations/recommendation.state';
import { RECOMMENDATION_STREAM_PREFIX } from '../../src/recommendations/recommendation.stream';
import { toSliceEvent } from '../../src/common/stream-commands';
import type { ProjectionContext, ProjectionDefinition } from '../runner/projection';

export const RECOMMENDATIONS_PROJECTION = 'recommendations';
/** The view readers query. */
export const RECOMMENDATIONS_TABLE = 'recommendations';

interface Row {
  recommendation_id: string;
  force: string;
  status: string;
  due_on: string;
  item: Recommendation;
  last_position: string;
}

export const recommendationsProjection: ProjectionDefinition = {
  name: RECOMMENDATIONS_PROJECTION,
  // Bump when the rows' shape or meaning changes (including a change to evolve): the runner rebuilds.
  version: 1,
  filter: { streamNamePrefixes: [RECOMMENDATION_STREAM_PREFIX] },
  tables: [
    {
      name: RECOMMENDATIONS_TABLE,
      ddl: (table) => [
        `CREATE TABLE ${table} (
           recommendation_id text PRIMARY KEY,
           force text NOT NULL,
           status text NOT NULL,
           due_on date NOT NULL,
           item jsonb NOT NULL,
           last_position text NOT NULL
         )`,
        `CREATE INDEX ON ${table} (force, due_on)`,
        `CREATE INDEX ON ${table} (due_on)`,
      ],
    },
  ],
  apply: applyRecommendations,
};

async function applyRecommendations(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void> {
  const ids = [...new Set(events.map((event) => event.streamName.slice(RECOMMENDATION_STREAM_PREFIX.length)))];
  const table = context.table(RECOMMENDATIONS_TABLE);
  const { rows: earlier } = await context.client.query<{ recommendation_id: string; item: Recommendation }>(
    `SELECT recommendation_id, item FROM ${table} WHERE recommendation_id = ANY($1::text[])`,
    [ids],
  );
  const states = new Map<string, RecommendationState>(earlier.map((row) => [row.recommendation_id, row.item]));
  const positions = new Map<string, string>();
  for (const recorded of events) {
    if (!isRecommendationEventType(recorded.type)) continue;
    const id = recorded.streamName.slice(RECOMMENDATION_STREAM_PREFIX.length);
    const event = toSliceEvent<RecommendationEvent>(recorded);
    states.set(id, evolve(states.get(id) ?? null, event));
    positions.set(id, formatPosition(recorded.position));
  }
  const rows: Row[] = [];
  for (const [id, position] of positions) {
    const item = states.get(id);
    if (item) rows.push({ recommendation_id: id, force: item.force, status: item.status, due_on: item.dueOn, item, last_position: position });
  }
  if (rows.length === 0) return;
  await context.client.query(
    `INSERT INTO ${table} AS r (recommendation_id, force, status, due_on, item, last_position)
     SELECT recommendation_id, force, status, due_on, item, last_position
       FROM jsonb_to_recordset($1::jsonb) AS t(recommendation_id text, force text, status text, due_on date, item jsonb, last_position text)
     ON CONFLICT (recommendation_id) DO UPDATE SET
       status = EXCLUDED.status, due_on = EXCLUDED.due_on, item = EXCLUDED.item, last_position = EXCLUDED.last_position`,
    [JSON.stringify(rows)],
  );
}
