import { complainantDemographics, SUPPRESSED_BELOW } from './complaint-demographics';

describe('complainant demographics', () => {
  it('shows 0 and counts from the threshold, withholds counts from 1 to the threshold less one, and counts the rest as not given', () => {
    const male = { gender: 'MALE' as const, ageBand: '25_34' as const };
    const figures = complainantDemographics([...Array<typeof male>(SUPPRESSED_BELOW).fill(male), { gender: 'FEMALE' }, null, null]);
    expect(figures).toMatchObject({ given: SUPPRESSED_BELOW + 1, notGiven: 2, gender: { MALE: SUPPRESSED_BELOW, FEMALE: null, OTHER: 0 } });
    expect(figures.ageBand['25_34']).toBe(SUPPRESSED_BELOW);
    expect(figures.disability).toEqual({ DISABLED: 0, NOT_DISABLED: 0 });
  });
});
