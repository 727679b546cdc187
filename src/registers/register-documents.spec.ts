import type { RegisterEventDataMap } from './registers.events';
import { applied, ASSOCIATION, declared, documentAttached, INTEREST, propose, ruleTitle, spec } from './testing/register-fixtures';

type Attached = RegisterEventDataMap['RegisterDocumentAttached'];

describe('documents of register entries', () => {
  it('attaches a document to a business interest and to an association the registers hold', () => {
    spec.given([applied()]).when(propose(documentAttached())).then([documentAttached()]);
    const toAssociation: Partial<Attached> = { register: 'ASSOCIATION', entryId: ASSOCIATION };
    spec
      .given([declared()])
      .when(propose(documentAttached(toAssociation)))
      .then([documentAttached(toAssociation)]);
  });

  it(ruleTitle('documentNeedsRegisterEntry', 'refuses a document for an entry the register does not hold'), () => {
    spec.given([]).when(propose(documentAttached())).thenThrows('documentNeedsRegisterEntry');
    // The business interest's id is no association's.
    spec
      .given([applied()])
      .when(propose(documentAttached({ register: 'ASSOCIATION', entryId: INTEREST })))
      .thenThrows('documentNeedsRegisterEntry');
  });

  it(ruleTitle('registerDocumentAlreadyAttached', 'refuses a second document with the same id'), () => {
    spec.given([applied(), documentAttached()]).when(propose(documentAttached())).thenThrows('registerDocumentAlreadyAttached');
  });
});
