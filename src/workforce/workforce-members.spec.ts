import { join } from 'node:path';
import { deciderSpec, ruleTitles } from '../common/testing/decider-spec';
import { expectEveryRuleSpecified } from '../common/testing/rule-coverage';
import { WORKFORCE_MEMBER_RULES, workforceMemberDecider, workforceMemberEvent } from './workforce-members';
import type { WorkforceMemberEvent, WorkforceMemberRuleName, WorkforceMembership } from './workforce-members';

const spec = deciderSpec<WorkforceMemberEvent, WorkforceMemberEvent, WorkforceMembership, WorkforceMemberRuleName>(workforceMemberDecider);
const ruleTitle = ruleTitles(WORKFORCE_MEMBER_RULES);

const PERSON = '3f1c1a52-34a9-4d5b-9a55-6a4f0c0c1e11';
const joined = (force: string, joinedOn = '2015-09-01') => workforceMemberEvent('WorkforceMemberJoined', { personId: PERSON, force, joinedOn });
const left = (force: string, leftOn = '2024-01-31') => workforceMemberEvent('WorkforceMemberLeft', { personId: PERSON, force, leftOn });

describe('members of a force’s workforce', () => {
  it('records a joining, a leaving, and a joining of another force after it', () => {
    spec
      .given([])
      .when(joined('HAMPSHIRE'))
      .then([joined('HAMPSHIRE')]);
    spec
      .given([joined('HAMPSHIRE')])
      .when(left('HAMPSHIRE'))
      .then([left('HAMPSHIRE')]);
    spec
      .given([joined('HAMPSHIRE'), left('HAMPSHIRE')])
      .when(joined('SURREY', '2024-02-01'))
      .then([joined('SURREY', '2024-02-01')]);
  });

  it(ruleTitle('memberHeldByAnotherForce', 'refuses another force taking a person a force still holds'), () => {
    spec
      .given([joined('HAMPSHIRE')])
      .when(joined('SURREY'))
      .thenThrows('memberHeldByAnotherForce');
  });

  it(ruleTitle('memberAlreadyJoined', 'refuses a second joining of the same force'), () => {
    spec
      .given([joined('HAMPSHIRE')])
      .when(joined('HAMPSHIRE'))
      .thenThrows('memberAlreadyJoined');
  });

  it(ruleTitle('leavingNeedsMembership', 'refuses a leaving recorded by a force that does not hold the person'), () => {
    spec.given([]).when(left('HAMPSHIRE')).thenThrows('leavingNeedsMembership');
    spec
      .given([joined('HAMPSHIRE')])
      .when(left('SURREY'))
      .thenThrows('leavingNeedsMembership');
  });

  it(ruleTitle('leavingBeforeJoining', 'refuses a leaving dated before the joining'), () => {
    spec
      .given([joined('HAMPSHIRE', '2020-01-01')])
      .when(left('HAMPSHIRE', '2019-12-31'))
      .thenThrows('leavingBeforeJoining');
  });

  it('has a spec naming each rule', () => {
    expectEveryRuleSpecified(Object.keys(WORKFORCE_MEMBER_RULES), [join(__dirname, 'workforce-members.spec.ts')]);
  });
});
