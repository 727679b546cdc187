/**
 * Every rule the recommendations' decide applies, by name, with its message and source.
 * The seed documents: IOPC, Hertfordshire 2023 ("Do you accept the recommendation? Yes.
 * Accepted action: ..."); HMIC, Hampshire 2014 ("Within six months, the force should...").
 */
import { ALREADY_EXISTS, KEEPS_RECORD_COHERENT as RECORD, NOT_FOUND, ruleBook } from '../common/rule-book';
import type { Ensure, Refuse } from '../common/rule-book';

const ACCEPT_THEN_ACT = 'IOPC learning recommendation form (seed 002, Hertfordshire 2023): "Do you accept the recommendation?", then "Accepted action"';

export const RECOMMENDATION_RULES = {
  recommendationAlreadyMade: { message: 'a recommendation with this id already exists', source: RECORD, status: ALREADY_EXISTS },
  recommendationMustExist: { message: 'there is no recommendation with this id', source: RECORD, status: NOT_FOUND },
  dueBeforeMade: {
    message: 'a recommendation cannot be due before it was made',
    source: 'HMIC, Hampshire 2014: "within six months" of the report',
  },
  alreadyResponded: { message: 'the force has already responded to this recommendation', source: ACCEPT_THEN_ACT },
  actionNeedsAcceptance: {
    message: 'actions carry out an accepted recommendation: record a response accepting it first',
    source: ACCEPT_THEN_ACT,
  },
  completionNeedsAcceptance: { message: 'only an accepted recommendation can be completed', source: ACCEPT_THEN_ACT },
  completionNeedsAction: {
    message: 'a recommendation is completed by what was done: record at least one action first',
    source: ACCEPT_THEN_ACT,
  },
  recommendationCompleted: { message: 'the recommendation is completed: nothing more can be recorded on it', source: RECORD },
  datedBeforeWhatItFollows: { message: 'a step cannot be dated before the step it follows', source: RECORD },
} as const;

export type RecommendationRuleName = keyof typeof RECOMMENDATION_RULES;

const book = ruleBook<RecommendationRuleName>(RECOMMENDATION_RULES);
export const ensure: Ensure<RecommendationRuleName> = book.ensure;
export const refuse: Refuse<RecommendationRuleName> = book.refuse;

/** `datedBeforeWhatItFollows` unless `day` is on or after `earliest`, the day of `what`. */
export const ensureNotBefore = (day: string, earliest: string, what: string): void => book.ensureNotBefore('datedBeforeWhatItFollows', day, earliest, what);
