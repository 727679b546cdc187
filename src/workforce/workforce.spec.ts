import { join } from 'node:path';
import { deciderSpec, ruleTitles } from '../common/testing/decider-spec';
import { expectEveryRuleSpecified } from '../common/testing/rule-coverage';
import { WORKFORCE_RULES, workforceDecider, workforceEvent } from './workforce';
import type { WorkforceEvent, WorkforceReturned, WorkforceRuleName, WorkforceState } from './workforce';

const spec = deciderSpec<WorkforceEvent, WorkforceEvent, WorkforceState, WorkforceRuleName>(workforceDecider);
const ruleTitle = ruleTitles(WORKFORCE_RULES);

/**
 * Hampshire, 31 March 2014: HMIC 2014 does not publish the headcount; 3,482 officers and 2,010
 * staff give both published rates per 100 workforce (the assumption of test/metrics/hampshire-2014.ts).
 */
const hampshire = (overrides: Partial<WorkforceReturned> = {}) =>
  workforceEvent('WorkforceReturned', {
    force: 'HAMPSHIRE',
    asAt: '2014-03-31',
    officers: 3482,
    staff: 2010,
    specials: 0,
    volunteers: 0,
    inPsdOrAcu: 55,
    ...overrides,
  });

describe('workforce returns', () => {
  it('records a return, and a later one for the same date', () => {
    spec.given([]).when(hampshire()).then([hampshire()]);
    spec
      .given([hampshire()])
      .when(hampshire({ staff: 2110 }))
      .then([hampshire({ staff: 2110 })]);
  });

  it(ruleTitle('workforceMustNotBeEmpty', 'refuses a return with no officers and no staff'), () => {
    spec
      .given([])
      .when(hampshire({ officers: 0, staff: 0, inPsdOrAcu: 0 }))
      .thenThrows('workforceMustNotBeEmpty');
  });

  it(ruleTitle('psdAndAcuWithinWorkforce', 'refuses more people in PSD and the ACU than officers and staff'), () => {
    spec
      .given([])
      .when(hampshire({ officers: 10, staff: 5, inPsdOrAcu: 16 }))
      .thenThrows('psdAndAcuWithinWorkforce');
    spec
      .given([])
      .when(hampshire({ officers: 10, staff: 5, inPsdOrAcu: 15 }))
      .then([hampshire({ officers: 10, staff: 5, inPsdOrAcu: 15 })]);
  });

  it('has a spec naming each rule', () => {
    expectEveryRuleSpecified(Object.keys(WORKFORCE_RULES), [join(__dirname, 'workforce.spec.ts')]);
  });
});
