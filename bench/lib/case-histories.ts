import { randomUUID } from 'node:crypto';
import { decide } from '../../src/cases/case.decide';
import type { CaseEvent } from '../../src/cases/case.events';
import { evolve } from '../../src/cases/case.state';
import type { CaseState } from '../../src/cases/case.state';
import { SEED_STORIES } from '../../src/cases/seed-stories';
import { EventToAppend, JsonObject } from '../../src/event-store/event-store';

/**
 * Realistic case histories for the benchmarks: the ten seed case studies, decided and folded
 * once through the domain (real event types and payloads), then replicated under fresh ids
 * for as many cases as a ledger of the wanted size holds.
 */
export interface StoryEvents {
  caseId: string;
  events: CaseEvent[];
}

/** Each seed story's events, decided and folded once; replicas only change the ids. */
export function storyEvents(): StoryEvents[] {
  return SEED_STORIES.map((story) => {
    let state: CaseState = null;
    const events: CaseEvent[] = [];
    for (const command of story.commands) {
      const decided = decide(command, state);
      decided.forEach((event, index) => {
        state = evolve(state, { ...event, eventId: `${events.length + index}` });
      });
      events.push(...decided);
    }
    return { caseId: story.caseId, events };
  });
}

/** Replicas the id scheme of `replicaIds` can tell apart: 2^24 (about 3.8 billion events). */
export const MAX_REPLICAS = 0x1000000;

/**
 * The stories' ids look like `5eed00SS-0000-4000-…`: replica r writes its low 16 bits into
 * the second group and its high 8 bits over the `00` of the first, so every replica's ids are
 * new and every id stays a version-4-shaped UUID. Works on any text holding those ids (JSON
 * of events, or their canonical form: the ids change, their length and order do not).
 */
export function replicaIds(text: string, replica: number): string {
  if (replica < 0 || replica >= MAX_REPLICAS) throw new Error(`replica ${replica} out of range`);
  const high = (replica >>> 16).toString(16).padStart(2, '0');
  const low = (replica & 0xffff).toString(16).padStart(4, '0');
  return text.replace(/5eed00([0-9a-f]{2})-0000-4000-/g, `5eed${high}$1-${low}-4000-`);
}

export function replicate(events: CaseEvent[], replica: number): CaseEvent[] {
  return JSON.parse(replicaIds(JSON.stringify(events), replica)) as CaseEvent[];
}

/** The first date-shaped value of an event's data: when it happened, near enough. */
export function occurredOn(data: object): string | undefined {
  return Object.values(data).find((value): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value));
}

/** The metadata a command handler writes, for an event of a replicated story. */
export function benchMetadata(data: object): JsonObject {
  return benchMetadataOn(occurredOn(data));
}

/** The same, for an event that happened on `day` (YYYY-MM-DD; the start of 2024 when unknown). */
export function benchMetadataOn(day: string | undefined): JsonObject {
  const commandId = randomUUID();
  return {
    correlationId: commandId,
    causationId: commandId,
    commandId,
    actor: { userId: 'bench', roles: ['PSD_INVESTIGATOR'], force: '*' },
    occurredAt: `${day ?? '2024-01-01'}T00:00:00.000Z`,
    schemaVersion: 1,
  };
}

export function toAppend(event: CaseEvent): EventToAppend {
  const data = event.data as unknown as JsonObject;
  return { eventId: randomUUID(), type: event.type, data, metadata: benchMetadata(data) };
}
