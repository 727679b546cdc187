import { registerFacts, RegisterFallback } from './register-facts';

const FALLBACK: RegisterFallback = { force: 'ACTOR_FORCE', day: '2013-06-30' };
const lines = (...args: Parameters<typeof registerFacts>): string[] => registerFacts(...args).map((fact) => fact.join(' '));

describe('inspection facts of a register event', () => {
  it('counts an application on appliedOn and a decision on decidedOn, approvals with or without conditions', () => {
    expect(lines('BusinessInterestApplied', { force: 'HAMPSHIRE', appliedOn: '2013-04-01' }, FALLBACK)).toEqual([
      'HAMPSHIRE 2013-04-01 businessInterestsApplied ',
    ]);
    for (const decision of ['APPROVED', 'APPROVED_WITH_CONDITIONS']) {
      expect(lines('BusinessInterestDecided', { force: 'HAMPSHIRE', decision, decidedOn: '2013-04-15' }, FALLBACK)).toEqual([
        'HAMPSHIRE 2013-04-15 businessInterestsApproved ',
      ]);
    }
    expect(lines('BusinessInterestDecided', { force: 'HAMPSHIRE', decision: 'DECLINED', decidedOn: '2013-04-15' }, FALLBACK)).toEqual([
      'HAMPSHIRE 2013-04-15 businessInterestsDeclined ',
    ]);
  });

  it('counts every gift decision but the two acceptances as declined', () => {
    const outcome = (decision: string): string => lines('GiftOrHospitalityOffered', { force: 'HAMPSHIRE', offeredOn: '2013-05-05', decision }, FALLBACK)[1];
    expect(['ACCEPTED', 'ACCEPTED_ON_BEHALF_OF_FORCE'].map(outcome)).toEqual(['HAMPSHIRE 2013-05-05 giftsAccepted ', 'HAMPSHIRE 2013-05-05 giftsAccepted ']);
    expect(['DECLINED_AT_TIME', 'NOT_APPROVED_BY_MANAGER', 'REGIFTED_TO_CHARITY'].map(outcome).every((line) => line.endsWith('giftsDeclined '))).toBe(true);
  });

  it('dates a drug test by testedOn, else by when it happened; counts random, with cause and positive', () => {
    expect(lines('DrugTestRecorded', { force: 'HAMPSHIRE', testedOn: '2013-02-02', kind: 'RANDOM', result: 'POSITIVE' }, FALLBACK)).toEqual([
      'HAMPSHIRE 2013-02-02 drugTestsRandom ',
      'HAMPSHIRE 2013-02-02 drugTestsPositive ',
    ]);
    expect(lines('DrugTestRecorded', { kind: 'WITH_CAUSE', result: 'NEGATIVE' }, FALLBACK)).toEqual(['ACTOR_FORCE 2013-06-30 drugTestsWithCause ']);
    expect(lines('DrugTestRecorded', { kind: 'PRE_EMPLOYMENT', result: 'NEGATIVE' }, FALLBACK)).toEqual([]);
  });

  it('counts nothing without a force or a date it can read', () => {
    expect(lines('NotifiableAssociationDeclared', { declaredOn: '2013-07-01' }, { force: null, day: null })).toEqual([]);
    expect(lines('NotifiableAssociationDeclared', { force: 'HAMPSHIRE', declaredOn: '2013-02-30' }, FALLBACK)).toEqual([]);
    expect(lines('NotifiableAssociationDeclared', { force: 'HAMPSHIRE', declaredOn: '2013-07-01' }, FALLBACK)).toEqual([
      'HAMPSHIRE 2013-07-01 associationsDeclared ',
    ]);
  });
});
