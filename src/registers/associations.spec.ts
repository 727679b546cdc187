import type { RegisterEvent } from './registers.events';
import type { RegisterRuleName } from './registers.rule-book';
import { associationEnded, associationReviewed, declared, propose, riskAssessed, ruleTitle, spec } from './testing/register-fixtures';

describe('notifiable associations', () => {
  it('records a declaration, its risk assessment, a yearly review and its end', () => {
    spec.given([]).when(propose(declared())).then([declared()]);
    spec.given([declared()]).when(propose(riskAssessed())).then([riskAssessed()]);
    spec.given([declared(), riskAssessed()]).when(propose(associationReviewed())).then([associationReviewed()]);
    spec.given([declared(), riskAssessed(), associationReviewed()]).when(propose(associationEnded())).then([associationEnded()]);
  });

  it(ruleTitle('associationAlreadyDeclared', 'refuses a second declaration with the same id'), () => {
    spec.given([declared()]).when(propose(declared())).thenThrows('associationAlreadyDeclared');
  });

  const undeclared: [RegisterRuleName, RegisterEvent][] = [
    ['associationRiskNeedsDeclaration', riskAssessed()],
    ['associationReviewNeedsDeclaration', associationReviewed()],
    ['associationEndNeedsDeclaration', associationEnded()],
  ];
  it(ruleTitle('associationRiskNeedsDeclaration', 'refuses to assess the risk of an association never declared'), () => {
    spec.given([]).when(propose(riskAssessed())).thenThrows('associationRiskNeedsDeclaration');
  });
  it(ruleTitle('associationReviewNeedsDeclaration', 'refuses to review an association never declared'), () => {
    spec.given([]).when(propose(associationReviewed())).thenThrows('associationReviewNeedsDeclaration');
  });
  it(ruleTitle('associationEndNeedsDeclaration', 'refuses to end an association never declared'), () => {
    spec.given([]).when(propose(associationEnded())).thenThrows('associationEndNeedsDeclaration');
  });

  it(ruleTitle('associationEnded', 'refuses any step on an association that has ended'), () => {
    for (const [, step] of undeclared) {
      spec.given([declared(), associationEnded()]).when(propose(step)).thenThrows('associationEnded');
    }
  });

  it(ruleTitle('datedBeforeWhatItFollows', 'refuses a risk assessment, review or end dated before the declaration'), () => {
    spec
      .given([declared()])
      .when(propose(riskAssessed('2023-01-31')))
      .thenThrows('datedBeforeWhatItFollows');
    spec
      .given([declared()])
      .when(propose(associationReviewed('2023-01-31')))
      .thenThrows('datedBeforeWhatItFollows');
    spec
      .given([declared()])
      .when(propose(associationEnded('2023-01-31')))
      .thenThrows('datedBeforeWhatItFollows');
  });
});
