/**
 * Where a case ended, in the terms of a seed story's `expected`, so the pure replay
 * (seed-stories.spec.ts) and the replay over HTTP (test/cases) check the same things.
 */
import type { ExpectedSubject, SeedStory } from '../seed-stories';
import { caseStage } from '../case.stage';
import type { CaseState, SubjectState } from '../case.state';

export function subjectEnding(subject: SubjectState | undefined): Record<keyof ExpectedSubject, unknown> {
  return {
    outcome: subject?.outcome,
    formerOfficer: subject?.conclusion?.formerOfficer ?? false,
    leftService: subject?.departure?.how ?? null,
    caseToAnswer: subject?.caseToAnswer,
    barredList: subject?.barredList,
    advisoryList: subject?.advisoryList,
    awaitingDccDecision: subject?.departure?.awaitingDccDecision ?? false,
  };
}

export function storyEnding(state: CaseState): Record<keyof SeedStory['expected'], unknown> | null {
  if (state === null) return null;
  const subjects = Object.fromEntries(Object.entries(state.subjects).map(([subjectId, subject]) => [subjectId, subjectEnding(subject)]));
  return { stage: caseStage(state), regulations: state.regulations, subjects };
}
