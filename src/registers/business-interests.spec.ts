import { applied, complianceChecked, decided, interestReviewed, propose, rescinded, ruleTitle, spec, withdrawn } from './testing/register-fixtures';

describe('business interests', () => {
  it('records an application, a decision, a review, a rescission and a compliance check as proposed', () => {
    spec.given([]).when(propose(applied())).then([applied()]);
    spec
      .given([applied()])
      .when(propose(decided('APPROVED_WITH_CONDITIONS')))
      .then([decided('APPROVED_WITH_CONDITIONS')]);
    spec
      .given([applied(), decided('APPROVED')])
      .when(propose(interestReviewed()))
      .then([interestReviewed()]);
    spec
      .given([applied(), decided('APPROVED')])
      .when(propose(rescinded()))
      .then([rescinded()]);
    spec
      .given([applied(), decided('DECLINED')])
      .when(propose(complianceChecked('COMPLIANT')))
      .then([complianceChecked('COMPLIANT')]);
  });

  it('lets the applicant withdraw an application before it is decided, or an approval', () => {
    spec.given([applied()]).when(propose(withdrawn())).then([withdrawn()]);
    spec
      .given([applied(), decided('APPROVED')])
      .when(propose(withdrawn('2024-05-01')))
      .then([withdrawn('2024-05-01')]);
  });

  it(ruleTitle('businessInterestAlreadyApplied', 'refuses a second application with the same id'), () => {
    spec.given([applied()]).when(propose(applied())).thenThrows('businessInterestAlreadyApplied');
  });

  it(ruleTitle('decisionNeedsApplication', 'refuses a decision on an interest nobody applied for'), () => {
    spec
      .given([])
      .when(propose(decided('APPROVED')))
      .thenThrows('decisionNeedsApplication');
  });

  it(ruleTitle('businessInterestAlreadyDecided', 'refuses a second decision'), () => {
    spec
      .given([applied(), decided('DECLINED')])
      .when(propose(decided('APPROVED')))
      .thenThrows('businessInterestAlreadyDecided');
  });

  it(ruleTitle('conditionsMatchDecision', 'refuses conditional approval without conditions, and conditions on a plain approval'), () => {
    spec
      .given([applied()])
      .when(propose(decided('APPROVED_WITH_CONDITIONS', { conditions: undefined })))
      .thenThrows('conditionsMatchDecision');
    spec
      .given([applied()])
      .when(propose(decided('DECLINED', { conditions: 'None' })))
      .thenThrows('conditionsMatchDecision');
  });

  it(ruleTitle('businessInterestClosed', 'refuses a review, decision or second withdrawal once rescinded or withdrawn'), () => {
    spec
      .given([applied(), decided('APPROVED'), rescinded()])
      .when(propose(interestReviewed()))
      .thenThrows('businessInterestClosed');
    spec
      .given([applied(), withdrawn()])
      .when(propose(decided('APPROVED')))
      .thenThrows('businessInterestClosed');
    spec.given([applied(), withdrawn()]).when(propose(withdrawn())).thenThrows('businessInterestClosed');
  });

  it(ruleTitle('reviewNeedsApproval', 'refuses a review of an undecided, declined or unknown interest'), () => {
    spec.given([applied()]).when(propose(interestReviewed())).thenThrows('reviewNeedsApproval');
    spec
      .given([applied(), decided('DECLINED')])
      .when(propose(interestReviewed()))
      .thenThrows('reviewNeedsApproval');
    spec.given([]).when(propose(interestReviewed())).thenThrows('reviewNeedsApproval');
  });

  it(ruleTitle('rescindNeedsApproval', 'refuses to rescind an application not yet decided'), () => {
    spec.given([applied()]).when(propose(rescinded())).thenThrows('rescindNeedsApproval');
    spec.given([]).when(propose(rescinded())).thenThrows('rescindNeedsApproval');
  });

  it(ruleTitle('cannotRescindDeclined', 'refuses to rescind a declined interest'), () => {
    spec
      .given([applied(), decided('DECLINED')])
      .when(propose(rescinded()))
      .thenThrows('cannotRescindDeclined');
  });

  it(ruleTitle('nothingToWithdraw', 'refuses to withdraw a declined or unknown interest'), () => {
    spec
      .given([applied(), decided('DECLINED')])
      .when(propose(withdrawn('2023-05-01')))
      .thenThrows('nothingToWithdraw');
    spec.given([]).when(propose(withdrawn())).thenThrows('nothingToWithdraw');
  });

  it(ruleTitle('complianceCheckNeedsDecision', 'refuses a check of an application still awaiting its decision'), () => {
    spec
      .given([applied()])
      .when(propose(complianceChecked('COMPLIANT')))
      .thenThrows('complianceCheckNeedsDecision');
    spec
      .given([])
      .when(propose(complianceChecked('COMPLIANT')))
      .thenThrows('complianceCheckNeedsDecision');
  });

  describe('dip sampling', () => {
    it('finds a declined, rescinded or withdrawn interest continuing', () => {
      const continuing = complianceChecked('DECLINED_INTEREST_CONTINUING');
      spec
        .given([applied(), decided('DECLINED')])
        .when(propose(continuing))
        .then([continuing]);
      spec
        .given([applied(), decided('APPROVED'), rescinded()])
        .when(propose(continuing))
        .then([continuing]);
      spec.given([applied(), withdrawn()]).when(propose(continuing)).then([continuing]);
    });

    it(ruleTitle('continuingNeedsDeclinedInterest', 'refuses to find an approved interest continuing without approval'), () => {
      spec
        .given([applied(), decided('APPROVED')])
        .when(propose(complianceChecked('DECLINED_INTEREST_CONTINUING')))
        .thenThrows('continuingNeedsDeclinedInterest');
    });

    it(ruleTitle('conditionsBreachedNeedsConditions', 'refuses a breach of conditions an approval never had'), () => {
      spec
        .given([applied(), decided('APPROVED')])
        .when(propose(complianceChecked('CONDITIONS_BREACHED')))
        .thenThrows('conditionsBreachedNeedsConditions');
      const breached = complianceChecked('CONDITIONS_BREACHED');
      spec
        .given([applied(), decided('APPROVED_WITH_CONDITIONS')])
        .when(propose(breached))
        .then([breached]);
    });
  });

  it(ruleTitle('datedBeforeWhatItFollows', 'refuses a decision before the application, and a review before the approval'), () => {
    spec
      .given([applied()])
      .when(propose(decided('APPROVED', { decidedOn: '2023-04-02' })))
      .thenThrows('datedBeforeWhatItFollows');
    spec
      .given([applied(), decided('APPROVED')])
      .when(propose(interestReviewed('2023-04-19')))
      .thenThrows('datedBeforeWhatItFollows');
    spec
      .given([applied(), decided('APPROVED')])
      .when(propose(interestReviewed('2023-04-20')))
      .then([interestReviewed('2023-04-20')]);
  });
});
