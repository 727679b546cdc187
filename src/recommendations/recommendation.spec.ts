/**
 * The recommendation rules, and the two seed recommendations: the IOPC's to Hertfordshire
 * (March 2023, accepted, carried out by the BCH conflict-of-interest policy) and HMIC's to
 * Hampshire (November 2014: "within six months" on gifts and hospitality).
 */
import { join } from 'node:path';
import { addMonthsToDay } from '../common/days';
import { deciderSpec, ruleTitles } from '../common/testing/decider-spec';
import { expectEveryRuleSpecified } from '../common/testing/rule-coverage';
import { recommendationDecider } from './recommendation.decide';
import type { RecommendationCommand } from './recommendation.decide';
import { recommendationEvent } from './recommendation.events';
import type { RecommendationEvent, RecommendationMade } from './recommendation.events';
import { RECOMMENDATION_RULES } from './recommendation.rule-book';
import type { RecommendationRuleName } from './recommendation.rule-book';
import type { RecommendationState } from './recommendation.state';
import { foldEvents } from '../common/decider';
import { isOverdue } from './recommendation.state';

const spec = deciderSpec<RecommendationCommand, RecommendationEvent, RecommendationState, RecommendationRuleName>(recommendationDecider);
const ruleTitle = ruleTitles(RECOMMENDATION_RULES);
const ID = '0b7e4f52-9a61-4c3d-8e2f-5a6b7c8d9e01';
const propose = (event: RecommendationEvent): RecommendationCommand => ({ recommendationId: ID, event });

/** Seed 002: the IOPC's learning recommendation to Hertfordshire, March 2023. */
const hertfordshire = (overrides: Partial<RecommendationMade> = {}) =>
  recommendationEvent('RecommendationMade', {
    recommendationId: ID,
    source: 'IOPC',
    force: 'HERTFORDSHIRE',
    madeOn: '2023-03-01',
    // The seed gives no date to carry it out by.
    dueOn: '2023-09-01',
    text: 'Develop and implement a general conflict of interest policy covering officers and their neighbours and/or acquaintances.',
    ...overrides,
  });
/** Seed 004: HMIC, Hampshire, November 2014. */
const HAMPSHIRE_REPORT_ON = '2014-11-01';
const hampshire = () =>
  recommendationEvent('RecommendationMade', {
    recommendationId: ID,
    source: 'HMICFRS',
    force: 'HAMPSHIRE',
    madeOn: HAMPSHIRE_REPORT_ON,
    dueOn: addMonthsToDay(HAMPSHIRE_REPORT_ON, 6),
    reference: 'Police Integrity and Corruption, Hampshire Constabulary, November 2014',
    text: 'Within six months, the force should ensure that all staff understand the need to report and record an offer of a gift or hospitality even when it has been refused at the time, or subsequently not approved by a manager.',
  });
const responded = (accepted: boolean, respondedOn = '2023-04-20') =>
  recommendationEvent('RecommendationResponded', { respondedOn, accepted, response: accepted ? 'Yes: accepted into the BCH policy.' : 'Not accepted.' });
const action = (on = '2023-06-01') =>
  recommendationEvent('RecommendationActionRecorded', {
    on,
    action: 'BCH conflict of interest policy live in Bedfordshire, Cambridgeshire and Hertfordshire.',
  });
const completed = (completedOn = '2023-06-30') => recommendationEvent('RecommendationCompleted', { completedOn });

describe('recommendations', () => {
  it("records the IOPC's Hertfordshire recommendation: made, accepted, acted on, completed", () => {
    spec.given([]).when(propose(hertfordshire())).then([hertfordshire()]);
    spec
      .given([hertfordshire()])
      .when(propose(responded(true)))
      .then([responded(true)]);
    spec
      .given([hertfordshire(), responded(true)])
      .when(propose(action()))
      .then([action()]);
    spec
      .given([hertfordshire(), responded(true), action()])
      .when(propose(completed()))
      .then([completed()]);
  });

  it('holds the Hampshire recommendation due six months after the report, and overdue from the day after until completed', () => {
    const made = foldEvents(recommendationDecider, [hampshire()]);
    expect(made?.dueOn).toBe('2015-05-01');
    if (made === null) throw new Error('expected a recommendation');
    expect(isOverdue(made, '2015-05-01')).toBe(false);
    expect(isOverdue(made, '2015-05-02')).toBe(true);
    const done = foldEvents(recommendationDecider, [hampshire(), responded(true, '2014-12-01'), action('2015-02-01'), completed('2015-06-01')]);
    expect(done !== null && isOverdue(done, '2015-06-02')).toBe(false);
    const declined = foldEvents(recommendationDecider, [hampshire(), responded(false, '2014-12-01')]);
    expect(declined !== null && isOverdue(declined, '2015-06-02')).toBe(false);
  });

  it(ruleTitle('recommendationAlreadyMade', 'refuses a second recommendation with the same id'), () => {
    spec.given([hertfordshire()]).when(propose(hertfordshire())).thenThrows('recommendationAlreadyMade');
  });

  it(ruleTitle('recommendationMustExist', 'refuses a response to a recommendation never made'), () => {
    spec
      .given([])
      .when(propose(responded(true)))
      .thenThrows('recommendationMustExist');
  });

  it(ruleTitle('dueBeforeMade', 'refuses a recommendation due before it was made'), () => {
    spec
      .given([])
      .when(propose(hertfordshire({ dueOn: '2023-02-28' })))
      .thenThrows('dueBeforeMade');
  });

  it(ruleTitle('alreadyResponded', 'refuses a second response'), () => {
    spec
      .given([hertfordshire(), responded(false)])
      .when(propose(responded(true)))
      .thenThrows('alreadyResponded');
  });

  it(ruleTitle('actionNeedsAcceptance', 'refuses an action on a recommendation not (yet) accepted'), () => {
    spec.given([hertfordshire()]).when(propose(action())).thenThrows('actionNeedsAcceptance');
    spec
      .given([hertfordshire(), responded(false)])
      .when(propose(action()))
      .thenThrows('actionNeedsAcceptance');
  });

  it(ruleTitle('completionNeedsAcceptance', 'refuses to complete a recommendation not accepted'), () => {
    spec
      .given([hertfordshire(), responded(false)])
      .when(propose(completed()))
      .thenThrows('completionNeedsAcceptance');
  });

  it(ruleTitle('completionNeedsAction', 'refuses to complete an accepted recommendation with nothing done'), () => {
    spec
      .given([hertfordshire(), responded(true)])
      .when(propose(completed()))
      .thenThrows('completionNeedsAction');
  });

  it(ruleTitle('recommendationCompleted', 'refuses anything after completion'), () => {
    const done = [hertfordshire(), responded(true), action(), completed()];
    spec
      .given(done)
      .when(propose(action('2023-07-01')))
      .thenThrows('recommendationCompleted');
    spec
      .given(done)
      .when(propose(completed('2023-07-01')))
      .thenThrows('recommendationCompleted');
  });

  it(ruleTitle('datedBeforeWhatItFollows', 'refuses a response before the recommendation, and an action before the acceptance'), () => {
    spec
      .given([hertfordshire()])
      .when(propose(responded(true, '2023-02-28')))
      .thenThrows('datedBeforeWhatItFollows');
    spec
      .given([hertfordshire(), responded(true)])
      .when(propose(action('2023-04-19')))
      .thenThrows('datedBeforeWhatItFollows');
  });

  it('has a spec naming each rule', () => {
    expectEveryRuleSpecified(Object.keys(RECOMMENDATION_RULES), [join(__dirname, 'recommendation.spec.ts')]);
  });
});
