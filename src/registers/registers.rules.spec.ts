import { join } from 'node:path';
import { expectEveryRuleSpecified } from '../common/testing/rule-coverage';
import { REGISTER_EVENT_DECLARATIONS, REGISTER_EVENT_TYPES } from './registers.events';
import { REGISTER_RULES } from './registers.rule-book';

const SPECS = ['business-interests.spec.ts', 'associations.spec.ts', 'register-entries.spec.ts', 'register-documents.spec.ts'].map((file) =>
  join(__dirname, file),
);

describe('the register rule book', () => {
  it('has a given/when/then spec naming each rule, and no spec naming a rule that does not exist', () => {
    expectEveryRuleSpecified(Object.keys(REGISTER_RULES), SPECS);
  });

  it('gives every rule a message and a source, and "already exists" its 409', () => {
    for (const { status, ...rule } of Object.values<{ message: string; source: string; status?: number }>(REGISTER_RULES)) {
      expect(rule).toEqual({ message: expect.stringMatching(/\S/), source: expect.stringMatching(/\S/) });
      expect([undefined, 409]).toContain(status);
    }
    expect([
      REGISTER_RULES.businessInterestAlreadyApplied.status,
      REGISTER_RULES.associationAlreadyDeclared.status,
      REGISTER_RULES.registerDocumentAlreadyAttached.status,
    ]).toEqual([409, 409, 409]);
  });

  it("keeps the vault's list to the personal data docs/events.md names: details, conditions, offeredBy, person, free-text reasons and a document's name", () => {
    const vaulted = REGISTER_EVENT_TYPES.flatMap((type) => REGISTER_EVENT_DECLARATIONS.vaultFields[type].map((field) => `${type}.${field}`));
    expect(vaulted).toEqual([
      'BusinessInterestApplied.details',
      'BusinessInterestDecided.conditions',
      'BusinessInterestRescinded.reason',
      'GiftOrHospitalityOffered.offeredBy',
      'NotifiableAssociationDeclared.person',
      'ConflictOfInterestDeclared.details',
      'VettingWithdrawn.reason',
      'RegisterDocumentAttached.name',
    ]);
    expect(Object.keys(REGISTER_EVENT_DECLARATIONS.dateFields)).toEqual(REGISTER_EVENT_TYPES);
  });
});
