/**
 * Random sequences of register commands (two business interests, two associations, vetting,
 * drug tests, gifts, in any order and with dates that may run backwards): decide either
 * accepts the proposed event unchanged or refuses it under a rule of the rule book, evolve
 * never throws, and what was accepted always leaves a coherent register.
 */
import fc from 'fast-check';
import { foldEvents } from '../common/decider';
import { DomainError } from '../common/domain-error';
import { registersDecider } from './registers.decide';
import { BUSINESS_INTEREST_DECISIONS, COMPLIANCE_RESULTS, DRUG_TEST_KINDS, GIFT_DECISIONS, GIFT_KINDS } from './registers.enums';
import { registerEvent } from './registers.events';
import type { RegisterEvent } from './registers.events';
import { REGISTER_RULES } from './registers.rule-book';
import type { PersonRegisters } from './registers.state';
import { FORCE, PERSON } from './testing/register-fixtures';

const day = fc
  .integer({ min: 1, max: 28 })
  .chain((date) => fc.integer({ min: 1, max: 12 }).map((month) => `2023-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`));
const interestId = fc.constantFrom('interest-a', 'interest-b');
const associationId = fc.constantFrom('association-a', 'association-b');
const force = fc.constantFrom(FORCE, FORCE, FORCE, 'KENT');

const proposals: fc.Arbitrary<RegisterEvent> = fc.oneof(
  fc
    .record({ businessInterestId: interestId, appliedOn: day, force })
    .map((data) => registerEvent('BusinessInterestApplied', { ...data, nature: 'OTHER', details: 'x' })),
  fc
    .record({
      businessInterestId: interestId,
      decidedOn: day,
      decision: fc.constantFrom(...BUSINESS_INTEREST_DECISIONS),
      conditions: fc.option(fc.constant('c'), { nil: undefined }),
      force,
    })
    .map((data) => registerEvent('BusinessInterestDecided', data)),
  fc.record({ businessInterestId: interestId, reviewedOn: day, force }).map((data) => registerEvent('BusinessInterestReviewed', data)),
  fc.record({ businessInterestId: interestId, rescindedOn: day, force }).map((data) => registerEvent('BusinessInterestRescinded', { ...data, reason: 'r' })),
  fc.record({ businessInterestId: interestId, withdrawnOn: day, force }).map((data) => registerEvent('BusinessInterestWithdrawn', data)),
  fc
    .record({ businessInterestId: interestId, checkedOn: day, result: fc.constantFrom(...COMPLIANCE_RESULTS), force })
    .map((data) => registerEvent('BusinessInterestComplianceChecked', data)),
  fc
    .record({ associationId, declaredOn: day, force })
    .map((data) => registerEvent('NotifiableAssociationDeclared', { ...data, nature: 'FRIEND', person: 'p' })),
  fc.record({ associationId, assessedOn: day, force }).map((data) => registerEvent('AssociationRiskAssessed', { ...data, risk: 'NO_RISK' })),
  fc.record({ associationId, reviewedOn: day, force }).map((data) => registerEvent('AssociationReviewed', data)),
  fc.record({ associationId, endedOn: day, force }).map((data) => registerEvent('AssociationEnded', data)),
  fc.record({ on: day, force }).map((data) => registerEvent('VettingGranted', { ...data, level: 'NPPV_2' })),
  fc.record({ on: day, force }).map((data) => registerEvent('VettingReviewed', data)),
  fc.record({ on: day, force }).map((data) => registerEvent('VettingWithdrawn', { ...data, reason: 'r' })),
  fc
    .record({ testedOn: day, kind: fc.constantFrom(...DRUG_TEST_KINDS), force })
    .map((data) => registerEvent('DrugTestRecorded', { ...data, result: 'NEGATIVE' })),
  fc
    .record({ offeredOn: day, kind: fc.constantFrom(...GIFT_KINDS), decision: fc.constantFrom(...GIFT_DECISIONS), force })
    .map((data) => registerEvent('GiftOrHospitalityOffered', { ...data, estimatedValuePence: 100, offeredBy: 'o' })),
);

/** Decide each proposal on the state so far; keep what is accepted. */
function run(sequence: readonly RegisterEvent[]): { accepted: RegisterEvent[]; state: PersonRegisters } {
  const accepted: RegisterEvent[] = [];
  let state = registersDecider.initialState;
  for (const event of sequence) {
    try {
      const events = registersDecider.decide({ personId: PERSON, event }, state);
      expect(events).toEqual([event]);
      accepted.push(...events);
      state = events.reduce(registersDecider.evolve, state);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      expect(Object.keys(REGISTER_RULES)).toContain(error.rule);
    }
  }
  return { accepted, state };
}

describe('register properties', () => {
  it('accepts a proposal unchanged or refuses it by a named rule, and keeps every register coherent', () => {
    fc.assert(
      fc.property(fc.array(proposals, { maxLength: 40 }), (sequence) => {
        const { accepted, state } = run(sequence);
        expect(new Set(accepted.map((event) => event.data.force)).size).toBeLessThanOrEqual(1);
        for (const interest of Object.values(state.businessInterests)) {
          expect(interest.closedOn !== null).toBe(interest.status === 'RESCINDED' || interest.status === 'WITHDRAWN');
          if (interest.lastReviewedOn !== null) expect(interest.decision === 'APPROVED' || interest.decision === 'APPROVED_WITH_CONDITIONS').toBe(true);
          if (interest.status === 'RESCINDED') expect(interest.decision).not.toBe('DECLINED');
        }
        for (const association of Object.values(state.associations)) expect(association.risk === null).toBe(association.assessedOn === null);
        // What was accepted is a history decide accepts again, step by step.
        expect(run(accepted).accepted).toEqual(accepted);
        expect(foldEvents(registersDecider, accepted)).toEqual(state);
      }),
      { numRuns: 500 },
    );
  });
});
