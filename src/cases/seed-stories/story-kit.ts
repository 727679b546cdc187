/**
 * What a seed story is, and the small helpers that keep the stories readable: stable ids
 * (UUIDs, so the same stories can be replayed over HTTP) and commands bound to a case.
 */
import type { CaseCommand, CaseCommandType } from '../case.command-types';
import type { CaseStage, CaseToAnswerDecision, DepartureKind, Outcome, Regulations } from '../case.enums';

export interface ExpectedSubject {
  /** The standing outcome, or null when proceedings never concluded. */
  outcome: Outcome | null;
  formerOfficer: boolean;
  leftService: DepartureKind | null;
  caseToAnswer: CaseToAnswerDecision | null;
  barredList: boolean;
  advisoryList: boolean;
  awaitingDccDecision: boolean;
}

export interface SeedStory {
  /** Which seed document, and which case study in it. */
  source: string;
  title: string;
  caseId: string;
  commands: CaseCommand[];
  expected: {
    stage: CaseStage;
    regulations: Regulations;
    /** Keyed by subjectId. */
    subjects: Record<string, ExpectedSubject>;
  };
}

/** The Learning the Lessons magazine names no force. */
export const FORCE_NOT_NAMED = 'NOT_NAMED';
export const NO_FLAGS = { apsp: false, prejudicialImproperBehaviour: false, violenceAgainstWomenAndGirls: false };

const pad = (value: number, width: number) => value.toString().padStart(width, '0');

/**
 * Ids for story number `story` (two digits): `5eed00SS-0000-4000-8KKK-00000000000N`, where
 * KKK says what the id names. Valid version-4 UUIDs, stable across runs.
 */
export function storyIds(story: number) {
  const id = (kind: number, n: number) => `5eed00${pad(story, 2)}-0000-4000-8${pad(kind, 3)}-${pad(n, 12)}`;
  return {
    caseId: id(0, 0),
    subject: (n: number) => id(1, n),
    person: (n: number) => id(2, n),
    allegation: (n: number) => id(3, n),
    investigator: id(4, 1),
  };
}

type CommandOf<T extends CaseCommandType> = Extract<CaseCommand, { type: T }>;
/** The command's fields but its type; caseId too, except for a referral, whose payload carries it. */
type PayloadOf<T extends CaseCommandType> = T extends 'ReceiveReferral' ? Omit<CommandOf<T>, 'type'> : Omit<CommandOf<T>, 'type' | 'caseId'>;

/** A command builder for one case: `on('AssessSeverity', { ...payload })`. */
export function commandsFor(caseId: string) {
  return <T extends CaseCommandType>(type: T, payload: PayloadOf<T>): CaseCommand => {
    // The compiler cannot see that spreading the payload rebuilds the command type.
    const built: unknown = { type, caseId, ...payload };
    return built as CommandOf<T>;
  };
}

/** A subject who resigned or retired and would have been dismissed, and was barred. */
export function wouldHaveBeenDismissed(leftService: DepartureKind): ExpectedSubject {
  return {
    outcome: 'DISMISSAL_WITHOUT_NOTICE',
    formerOfficer: true,
    leftService,
    caseToAnswer: 'CASE_TO_ANSWER_GROSS_MISCONDUCT',
    barredList: true,
    advisoryList: false,
    awaitingDccDecision: false,
  };
}

/** A serving subject dismissed without notice and barred. */
export const dismissedAndBarred: ExpectedSubject = {
  outcome: 'DISMISSAL_WITHOUT_NOTICE',
  formerOfficer: false,
  leftService: null,
  caseToAnswer: 'CASE_TO_ANSWER_GROSS_MISCONDUCT',
  barredList: true,
  advisoryList: false,
  awaitingDccDecision: false,
};
