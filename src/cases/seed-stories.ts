/**
 * The seed case studies as command sequences (pure data), one file each under
 * seed-stories/, each with the outcome per subject the documents give. They are replayed
 * through decide/evolve by seed-stories.spec.ts, and can be replayed over HTTP: every
 * command maps to one row of docs/api.md's command table.
 *
 * Where a document leaves a fact out (a date, a rank, the DCC's approval), the stories say
 * `// assumed` beside it.
 */
import { appCaseStudy } from './seed-stories/app-case-study';
import { embassyCase } from './seed-stories/embassy-case';
import { caseStudy1 } from './seed-stories/learning-the-lessons-44/case-study-1';
import { caseStudy2 } from './seed-stories/learning-the-lessons-44/case-study-2';
import { caseStudy3 } from './seed-stories/learning-the-lessons-44/case-study-3';
import { caseStudy4 } from './seed-stories/learning-the-lessons-44/case-study-4';
import { caseStudy5 } from './seed-stories/learning-the-lessons-44/case-study-5';
import { caseStudy6 } from './seed-stories/learning-the-lessons-44/case-study-6';
import { caseStudy7 } from './seed-stories/learning-the-lessons-44/case-study-7';
import { caseStudy8 } from './seed-stories/learning-the-lessons-44/case-study-8';
import type { SeedStory } from './seed-stories/story-kit';

export type { ExpectedSubject, SeedStory } from './seed-stories/story-kit';

export const SEED_STORIES: readonly SeedStory[] = [
  caseStudy1(),
  caseStudy2(),
  caseStudy3(),
  caseStudy4(),
  caseStudy5(),
  caseStudy6(),
  caseStudy7(),
  caseStudy8(),
  embassyCase(),
  appCaseStudy(),
];
