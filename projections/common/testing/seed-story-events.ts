/**
 * The seed stories (src/cases/seed-stories.ts) as the events a case stream would hold: each
 * command decided on the case as it stands, each event given an id. For specs that fold
 * whole, realistic cases through a read model's own machinery.
 */
import { decide } from '../../../src/cases/case.decide';
import type { CaseEventEnvelope } from '../../../src/cases/case.events';
import { evolve } from '../../../src/cases/case.state';
import type { CaseState } from '../../../src/cases/case.state';
import { SEED_STORIES } from '../../../src/cases/seed-stories';
import type { SeedStory } from '../../../src/cases/seed-stories';

export function seedStoryEvents(story: SeedStory): CaseEventEnvelope[] {
  let state: CaseState = null;
  const events: CaseEventEnvelope[] = [];
  for (const command of story.commands) {
    for (const event of decide(command, state)) {
      const envelope = { ...event, eventId: `${story.caseId}/${events.length + 1}` } as CaseEventEnvelope;
      state = evolve(state, envelope);
      events.push(envelope);
    }
  }
  return events;
}

/** `[title, events]` per seed story, for describe.each / it.each. */
export function eachSeedStory(): [string, CaseEventEnvelope[]][] {
  return SEED_STORIES.map((story) => [`${story.source}: ${story.title}`, seedStoryEvents(story)]);
}
