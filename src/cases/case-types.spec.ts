/**
 * What a case's type means (case-types.ts): its Schedule 3 standing, its reporting regime and
 * its Home Office case type, given the steps that change them.
 */
import { event } from './case.rules';
import { referral } from './testing/case-fixtures';
import { given } from './testing/decider-spec';
import type { GivenEvent } from './testing/decider-spec';
import type { Case } from './case.state';
import { CASE_TYPE_PROFILES, homeOfficeCaseTypeOf, isScheduleThreeMatter, reportingRegimeOf } from './case-types';
import { CASE_TYPES } from './case.enums';

function caseOf(events: readonly GivenEvent[]): Case {
  const state = given(events).state;
  if (state === null) throw new Error('no case');
  return state;
}

const complaint = referral({ caseType: 'COMPLAINT', source: 'PUBLIC_COMPLAINT', receivedOn: '2021-03-01', corruptionCategories: [] });
const logged = event('ComplaintLogged', {
  loggedOn: '2021-03-02',
  anonymous: true,
  allegations: [{ allegationId: 'a1', category: 'DELIVERY_OF_DUTIES_AND_SERVICE', incidentOn: '2021-02-20' }],
});

describe('case types (PRA 2002 Sch 3; C&M Regs 2020 regs 7, 9 and 13; Conduct Regs 2020 reg 19)', () => {
  it('gives every case type a profile carrying its source and mark', () => {
    for (const caseType of CASE_TYPES) expect(CASE_TYPE_PROFILES[caseType]).toMatchObject({ caseType, source: expect.any(String) });
    expect(CASE_TYPE_PROFILES.CORRUPTION_INTELLIGENCE.confidence).toBe('UNCONFIRMED');
  });

  it('runs Conduct Regs reg 19 on a conduct matter, and C&M reg 13 once it is recorded under Schedule 3 (a recordable conduct matter)', () => {
    const conduct = caseOf([referral()]);
    expect(isScheduleThreeMatter(conduct)).toBe(false);
    expect(reportingRegimeOf(conduct).regime).toBe('PCR_REG_19');
    expect(homeOfficeCaseTypeOf(conduct)).toBe('CONDUCT_MATTER');
    const recordable = caseOf([referral(), event('ConductMatterRecorded', { on: '2021-03-02', grounds: [] })]);
    expect(reportingRegimeOf(recordable)).toMatchObject({ regime: 'CM_REG_13', owedTo: ['LOCAL_POLICING_BODY', 'IOPC'] });
    expect(homeOfficeCaseTypeOf(recordable)).toBe('RECORDABLE_CONDUCT_MATTER');
  });

  it('puts a complaint under Schedule 3 only once it is recorded; a DSI matter always', () => {
    expect(isScheduleThreeMatter(caseOf([complaint, logged]))).toBe(false);
    const handling = { on: '2021-03-03', handling: 'RECORDED_UNDER_SCHEDULE_3' as const, complainantWantsRecorded: true, schedule3Grounds: [] };
    const recorded = caseOf([complaint, logged, event('ComplaintHandlingDecided', handling)]);
    expect(isScheduleThreeMatter(recorded)).toBe(true);
    expect(homeOfficeCaseTypeOf(recorded)).toBe('COMPLAINT');
    const dsi = caseOf([referral({ caseType: 'DEATH_OR_SERIOUS_INJURY' })]);
    expect(reportingRegimeOf(dsi).regime).toBe('CM_REG_13');
    expect(homeOfficeCaseTypeOf(dsi)).toBeNull();
  });
});
