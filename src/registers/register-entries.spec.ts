import { registerEvent } from './registers.events';
import type { RegisterEventDataMap } from './registers.events';
import { GIFT_DECISIONS } from './registers.enums';
import {
  applied,
  conflict,
  drugTest,
  FORCE,
  gift,
  PERSON,
  propose,
  ruleTitle,
  spec,
  systemAccessFinding,
  vettingGranted,
  vettingReviewed,
  vettingWithdrawn,
} from './testing/register-fixtures';

describe('gifts and hospitality', () => {
  it('records every offer whatever its decision, declined ones included (Hampshire 2014)', () => {
    for (const decision of GIFT_DECISIONS)
      spec
        .given([])
        .when(propose(gift({ decision })))
        .then([gift({ decision })]);
  });

  it(ruleTitle('hospitalityCannotBeRegifted', 'refuses hospitality re-gifted to charity'), () => {
    spec
      .given([])
      .when(propose(gift({ kind: 'HOSPITALITY', decision: 'REGIFTED_TO_CHARITY' })))
      .thenThrows('hospitalityCannotBeRegifted');
  });
});

describe('conflicts of interest (BCH policy)', () => {
  it('records a neighbour conflict declared to a supervisor, who searches police systems instead', () => {
    spec.given([]).when(propose(conflict())).then([conflict()]);
  });

  it(ruleTitle('conflictMustBeDeclaredToSupervisor', 'refuses a conflict declared to oneself'), () => {
    spec
      .given([])
      .when(propose(conflict({ declaredTo: PERSON })))
      .thenThrows('conflictMustBeDeclaredToSupervisor');
  });
});

describe('vetting', () => {
  it('records a grant, the annual integrity and vetting review, a withdrawal, and a grant again', () => {
    spec.given([]).when(propose(vettingGranted())).then([vettingGranted()]);
    spec.given([vettingGranted()]).when(propose(vettingReviewed())).then([vettingReviewed()]);
    spec.given([vettingGranted(), vettingReviewed()]).when(propose(vettingWithdrawn())).then([vettingWithdrawn()]);
    spec
      .given([vettingGranted(), vettingWithdrawn()])
      .when(propose(vettingGranted('2024-06-01')))
      .then([vettingGranted('2024-06-01')]);
  });

  it(ruleTitle('vettingReviewNeedsGrant', 'refuses a review without vetting, or after it was withdrawn'), () => {
    spec.given([]).when(propose(vettingReviewed())).thenThrows('vettingReviewNeedsGrant');
    spec
      .given([vettingGranted(), vettingWithdrawn()])
      .when(propose(vettingReviewed('2024-03-01')))
      .thenThrows('vettingReviewNeedsGrant');
  });

  it(ruleTitle('vettingWithdrawalNeedsGrant', 'refuses to withdraw vetting never granted, or withdrawn already'), () => {
    spec.given([]).when(propose(vettingWithdrawn())).thenThrows('vettingWithdrawalNeedsGrant');
    spec.given([vettingGranted(), vettingWithdrawn()]).when(propose(vettingWithdrawn())).thenThrows('vettingWithdrawalNeedsGrant');
  });

  it(ruleTitle('datedBeforeWhatItFollows', 'refuses a vetting review dated before the grant'), () => {
    spec
      .given([vettingGranted()])
      .when(propose(vettingReviewed('2022-08-31')))
      .thenThrows('datedBeforeWhatItFollows');
  });
});

describe('drug tests', () => {
  it('records random, with-cause and pre-employment tests with any result', () => {
    spec
      .given([])
      .when(propose(drugTest({ kind: 'PRE_EMPLOYMENT' })))
      .then([drugTest({ kind: 'PRE_EMPLOYMENT' })]);
    spec
      .given([drugTest({ kind: 'PRE_EMPLOYMENT' })])
      .when(propose(drugTest({ result: 'POSITIVE' })))
      .then([drugTest({ result: 'POSITIVE' })]);
    spec
      .given([drugTest()])
      .when(propose(drugTest({ kind: 'WITH_CAUSE', result: 'REFUSED' })))
      .then([drugTest({ kind: 'WITH_CAUSE', result: 'REFUSED' })]);
  });

  it(ruleTitle('preEmploymentTestMustComeFirst', 'refuses a pre-employment test after an in-service test'), () => {
    spec
      .given([drugTest({ kind: 'WITH_CAUSE' })])
      .when(propose(drugTest({ kind: 'PRE_EMPLOYMENT' })))
      .thenThrows('preEmploymentTestMustComeFirst');
  });
});

describe('system-access audit findings', () => {
  it('records records viewed without a policing purpose (Hertfordshire: searching about a neighbour)', () => {
    spec.given([]).when(propose(systemAccessFinding())).then([systemAccessFinding()]);
  });
});

describe('every register', () => {
  it(ruleTitle('forceMustMatchPerson', "refuses an entry in another force's register"), () => {
    spec
      .given([applied()])
      .when(propose(gift({ force: 'KENT' })))
      .thenThrows('forceMustMatchPerson');
    spec
      .given([])
      .when(propose(gift({ force: 'KENT' })))
      .then([gift({ force: 'KENT' })]);
  });

  it(
    ruleTitle(
      'personHeldByAnotherForce',
      'refuses an entry by a force whose workforce does not hold the person, and lets the holder in after another wrote first',
    ),
    () => {
      spec
        .given([])
        .when({ ...propose(gift({ force: 'KENT' })), holderForce: FORCE })
        .thenThrows('personHeldByAnotherForce');
      spec
        .given([gift({ force: 'KENT' })])
        .when({ ...propose(gift()), holderForce: FORCE })
        .then([gift()]);
      spec
        .given([gift({ force: 'KENT' })])
        .when({ ...propose(gift({ force: 'KENT' })), holderForce: FORCE })
        .thenThrows('personHeldByAnotherForce');
    },
  );
});

describe('sanctions from before the ledger (src/cases/sanction-history.ts)', () => {
  const earlier = (overrides: Partial<RegisterEventDataMap['EarlierSanctionRecorded']> = {}) =>
    registerEvent('EarlierSanctionRecorded', { force: FORCE, sanctionId: 'sanction-1', kind: 'FINAL_WRITTEN_WARNING', notifiedOn: '2019-05-01', ...overrides });

  it(ruleTitle('expiryOnlyForWarnings', 'refuses an expiry for a reduction in rank or a finding, and one before the notification'), () => {
    spec
      .given([])
      .when(propose(earlier({ expiresOn: '2024-05-01' })))
      .then([earlier({ expiresOn: '2024-05-01' })]);
    spec
      .given([])
      .when(propose(earlier({ kind: 'REDUCTION_IN_RANK', expiresOn: '2024-05-01' })))
      .thenThrows('expiryOnlyForWarnings');
    spec
      .given([])
      .when(propose(earlier({ expiresOn: '2019-04-01' })))
      .thenThrows('datedBeforeWhatItFollows');
  });
});
