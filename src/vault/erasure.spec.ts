import { join } from 'node:path';
import { deciderSpec, ruleTitles } from '../common/testing/decider-spec';
import { expectEveryRuleSpecified } from '../common/testing/rule-coverage';
import { ERASURE_RULES, erasureDecider, erasureEvent } from './erasure';
import type { ErasureActor, ErasureCommand, ErasureEvent, ErasureRuleName, ErasureState } from './erasure';

const spec = deciderSpec<ErasureCommand, ErasureEvent, ErasureState, ErasureRuleName>(erasureDecider);
const ruleTitle = ruleTitles(ERASURE_RULES);

const PERSON = 'case-5b0f9c1e-8f1a-4d55-9a1b-0c3d2f6e7a01';
const REASON = 'Right to erasure, UK GDPR art. 17: request granted';
const APPROVAL = 'Request and its lawful basis checked';
const ASKED_AT = '2026-03-02T09:00:00.000Z';
const APPROVABLE_FROM = '2026-03-03T09:00:00.000Z';
const DAY_LATER = '2026-03-03T09:00:00.000Z';
const admin1: ErasureActor = { userId: 'admin-1', force: 'HAMPSHIRE' };
const admin2: ErasureActor = { userId: 'admin-2', force: 'HAMPSHIRE' };
const surrey: ErasureActor = { userId: 'admin-surrey', force: 'SURREY' };
const national: ErasureActor = { userId: 'admin-national', force: '*' };

const ask = (actor = admin1, recordForce: string | null = 'HAMPSHIRE'): ErasureCommand => ({
  type: 'RequestErasure',
  personId: PERSON,
  actor,
  at: ASKED_AT,
  recordForce,
  reason: REASON,
  delaySeconds: 86_400,
});
const approve = (actor = admin2, at = DAY_LATER, recordForce: string | null = 'HAMPSHIRE'): ErasureCommand => ({
  type: 'ApproveErasure',
  personId: PERSON,
  actor,
  at,
  recordForce,
  reason: APPROVAL,
});
const withdraw = (actor = admin2, recordForce: string | null = 'HAMPSHIRE'): ErasureCommand => ({
  type: 'WithdrawErasure',
  personId: PERSON,
  actor,
  at: '2026-03-02T12:00:00.000Z',
  recordForce,
  reason: 'Asked in error',
});

const requested = (requestedBy = 'admin-1') =>
  erasureEvent('ErasureRequested', {
    personId: PERSON,
    force: 'HAMPSHIRE',
    reason: REASON,
    requestedBy,
    requestedAt: ASKED_AT,
    requestedOn: '2026-03-02',
    approvableFrom: APPROVABLE_FROM,
  });
const approved = (approvedBy = 'admin-2') =>
  erasureEvent('ErasureApproved', { personId: PERSON, reason: APPROVAL, approvedBy, approvedAt: DAY_LATER, approvedOn: '2026-03-03' });
const withdrawn = () =>
  erasureEvent('ErasureWithdrawn', {
    personId: PERSON,
    reason: 'Asked in error',
    withdrawnBy: 'admin-2',
    withdrawnAt: '2026-03-02T12:00:00.000Z',
    withdrawnOn: '2026-03-02',
  });

describe('erasure: asked, approved by another after a delay, or withdrawn', () => {
  it('records a request, its approval once the delay has passed, and a withdrawal', () => {
    spec.given([]).when(ask()).then([requested()]);
    spec.given([requested()]).when(approve()).then([approved()]);
    spec.given([requested()]).when(withdraw()).then([withdrawn()]);
    spec.given([requested(), withdrawn()]).when(ask()).then([requested()]);
  });

  it('lets a national ADMIN ask and approve for any force', () => {
    spec
      .given([])
      .when(ask(national))
      .then([requested('admin-national')]);
    spec
      .given([requested()])
      .when(approve(national))
      .then([approved('admin-national')]);
  });

  it(ruleTitle('notYourForce', 'refuses an ADMIN of a force that does not hold the record, whatever the stream holds'), () => {
    spec.given([]).when(ask(surrey)).thenThrows('notYourForce');
    spec.given([]).when(ask(admin1, null)).thenThrows('notYourForce');
    spec
      .given([requested()])
      .when(approve(surrey, DAY_LATER, 'SURREY'))
      .thenThrows('notYourForce');
    spec.given([requested()]).when(withdraw(surrey)).thenThrows('notYourForce');
    spec.given([approved()]).when(ask(surrey)).thenThrows('notYourForce');
  });

  it(ruleTitle('recordNotFound', 'refuses a national request for a person no force holds a record of'), () => {
    spec.given([]).when(ask(national, null)).thenThrows('recordNotFound');
  });

  it(ruleTitle('alreadyErased', 'refuses a request, approval or withdrawal once the key is gone (the old single step too)'), () => {
    spec.given([requested(), approved()]).when(ask()).thenThrows('alreadyErased');
    spec.given([requested(), approved()]).when(approve()).thenThrows('alreadyErased');
    spec.given([requested(), approved()]).when(withdraw()).thenThrows('alreadyErased');
    spec
      .given([erasureEvent('PersonalDataErased', { personId: PERSON, reason: REASON, erasedOn: '2025-01-01' })])
      .when(ask())
      .thenThrows('alreadyErased');
  });

  it(ruleTitle('erasureAlreadyRequested', 'refuses a second request while one waits'), () => {
    spec.given([requested()]).when(ask(admin2)).thenThrows('erasureAlreadyRequested');
  });

  it(ruleTitle('noErasureRequested', 'refuses an approval or withdrawal with nothing asked'), () => {
    spec.given([]).when(approve()).thenThrows('noErasureRequested');
    spec.given([]).when(withdraw()).thenThrows('noErasureRequested');
  });

  it(ruleTitle('alreadyWithdrawn', 'refuses approving or withdrawing a withdrawn request'), () => {
    spec.given([requested(), withdrawn()]).when(approve()).thenThrows('alreadyWithdrawn');
    spec.given([requested(), withdrawn()]).when(withdraw(admin1)).thenThrows('alreadyWithdrawn');
  });

  it(ruleTitle('sameRequester', 'refuses an approval by the person who asked'), () => {
    spec.given([requested()]).when(approve(admin1)).thenThrows('sameRequester');
  });

  it(ruleTitle('delayNotElapsed', 'refuses an approval before the waiting period has passed'), () => {
    spec.given([requested()]).when(approve(admin2, '2026-03-03T08:59:59.999Z')).thenThrows('delayNotElapsed');
  });

  it('has a spec naming each rule', () => {
    expectEveryRuleSpecified(Object.keys(ERASURE_RULES), [join(__dirname, 'erasure.spec.ts')]);
  });
});
