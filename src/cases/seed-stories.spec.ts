import { DomainError } from '../common/domain-error';
import { decide } from './case.decide';
import { caseStage } from './case.stage';
import type { CaseState } from './case.state';
import { SEED_STORIES } from './seed-stories';
import type { SeedStory } from './seed-stories';
import { applyAll } from './testing/decider-spec';
import { subjectEnding } from './testing/story-ending';

function replay(story: SeedStory): CaseState {
  return story.commands.reduce<CaseState>((state, command, index) => {
    try {
      return applyAll(state, decide(command, state));
    } catch (error) {
      const rule = error instanceof DomainError ? ` (rule ${error.rule})` : '';
      throw new Error(`command ${index + 1}, ${command.type}, was refused${rule}: ${String(error)}`, { cause: error });
    }
  }, null);
}

describe('the seed case studies replay through decide and evolve', () => {
  it('covers every case study of Learning the Lessons 44, the embassy case and the APP case study', () => {
    expect(SEED_STORIES.map((story) => story.source)).toEqual([
      ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `seed 001, Learning the Lessons 44, case study ${n}`),
      'seed 003, IOPC news release',
      'seed 000, College of Policing APP counter-corruption case study',
    ]);
    expect(new Set(SEED_STORIES.map((story) => story.caseId)).size).toBe(SEED_STORIES.length);
  });

  describe.each(SEED_STORIES.map((story) => [`${story.source}: ${story.title}`, story] as const))('%s', (_title, story) => {
    const state = replay(story);

    it('ends where the document says', () => {
      if (state === null) throw new Error('no case');
      expect(state.caseId).toBe(story.caseId);
      expect(state.regulations).toBe(story.expected.regulations);
      expect(caseStage(state)).toBe(story.expected.stage);
      expect(Object.keys(state.subjects).sort()).toEqual(Object.keys(story.expected.subjects).sort());
    });

    it.each(Object.entries(story.expected.subjects))('subject %s has the documented outcome', (subjectId, expected) => {
      expect(subjectEnding(state?.subjects[subjectId])).toEqual(expected);
    });
  });
});
