import type { RegisterEvent } from '../../src/registers/registers.events';
import {
  applied,
  ASSOCIATION,
  associationEnded,
  associationReviewed,
  complianceChecked,
  conflict,
  decided,
  declared,
  drugTest,
  gift,
  INTEREST,
  interestReviewed,
  PERSON,
  riskAssessed,
  systemAccessFinding,
  vettingGranted,
  vettingReviewed,
  vettingWithdrawn,
} from '../../src/registers/testing/register-fixtures';
import type { SanctionEntry } from '../../src/cases/sanction-history';
import { integrityRecordView } from './integrity-record.view';
import type { RecordedEntry } from './integrity-record.view';
import { DUE_SOON_DAYS } from './signals';

const recorded = (events: RegisterEvent[]): RecordedEntry[] => events.map((event, index) => ({ ...event, eventId: `event-${index + 1}` }));
const viewOn = (today: string, events: RegisterEvent[]) => {
  const view = integrityRecordView(PERSON, recorded(events), today);
  if (view === null) throw new Error('expected a record');
  return view;
};
const kinds = (today: string, events: RegisterEvent[]) => viewOn(today, events).signals.map((signal) => `${signal.kind} ${signal.on}`);

describe('the integrity record', () => {
  it('shows each register with its details, and the yearly reviews falling due', () => {
    const view = viewOn('2023-06-01', [
      applied(),
      decided('APPROVED_WITH_CONDITIONS'),
      declared(),
      riskAssessed(),
      gift(),
      conflict(),
      vettingGranted(),
      drugTest(),
    ]);
    expect(view.force).toBe('HAMPSHIRE');
    expect(view.businessInterests).toEqual([
      expect.objectContaining({
        businessInterestId: INTEREST,
        status: 'APPROVED_WITH_CONDITIONS',
        details: 'Weekend work as a driving instructor',
        conditions: 'Not within 10 miles of the station',
        reviewDueOn: '2024-04-20',
        complianceChecks: [],
      }),
    ]);
    expect(view.associations).toEqual([
      expect.objectContaining({ associationId: ASSOCIATION, risk: 'MANAGED_RISK', person: expect.any(String), reviewDueOn: '2024-02-01' }),
    ]);
    expect(view.vetting).toEqual({ level: 'RECRUITMENT_VETTING', grantedOn: '2022-09-01', lastReviewedOn: null, withdrawnOn: null, reviewDueOn: '2023-09-01' });
    expect(view.giftsAndHospitality).toEqual([
      {
        eventId: 'event-5',
        offeredOn: '2023-12-18',
        kind: 'GIFT',
        estimatedValuePence: 2500,
        offeredBy: 'A local business owner',
        decision: 'DECLINED_AT_TIME',
      },
    ]);
    expect(view.conflictsOfInterest).toHaveLength(1);
    expect(view.drugTests).toHaveLength(1);
    expect(view.signals).toEqual([]);
  });

  it('has no record for a person without entries', () => {
    expect(integrityRecordView(PERSON, [], '2024-01-01')).toBeNull();
  });

  describe('yearly reviews', () => {
    const approved = [applied(), decided('APPROVED')];
    it(`flags a business interest review due within ${DUE_SOON_DAYS} days of its anniversary, and overdue after it`, () => {
      expect(kinds('2024-03-20', approved)).toEqual([]);
      expect(kinds('2024-03-21', approved)).toEqual(['BUSINESS_INTEREST_REVIEW_DUE 2024-04-20']);
      expect(kinds('2024-04-20', approved)).toEqual(['BUSINESS_INTEREST_REVIEW_DUE 2024-04-20']);
      expect(kinds('2024-04-21', approved)).toEqual(['BUSINESS_INTEREST_REVIEW_OVERDUE 2024-04-20']);
    });

    it('counts the year from the last review, and stops once the interest is declined, rescinded or withdrawn', () => {
      expect(kinds('2024-04-21', [...approved, interestReviewed('2024-04-15')])).toEqual([]);
      expect(kinds('2025-04-15', [...approved, interestReviewed('2024-04-15')])).toEqual(['BUSINESS_INTEREST_REVIEW_DUE 2025-04-15']);
      expect(kinds('2025-01-01', [applied(), decided('DECLINED')])).toEqual([]);
      expect(kinds('2025-01-01', [applied()])).toEqual([]);
    });

    it('flags an association update a year after its declaration or last review, until it ends', () => {
      expect(kinds('2024-02-02', [declared()])).toEqual(['ASSOCIATION_REVIEW_OVERDUE 2024-02-01']);
      expect(kinds('2024-02-02', [declared(), associationReviewed('2024-01-25')])).toEqual([]);
      expect(kinds('2025-01-01', [declared(), associationReviewed('2024-01-25')])).toEqual(['ASSOCIATION_REVIEW_DUE 2025-01-25']);
      expect(kinds('2025-01-01', [declared(), associationEnded()])).toEqual([]);
    });

    it('flags the annual integrity and vetting review, until vetting is withdrawn', () => {
      expect(kinds('2023-08-15', [vettingGranted()])).toEqual(['VETTING_REVIEW_DUE 2023-09-01']);
      expect(kinds('2024-09-02', [vettingGranted(), vettingReviewed()])).toEqual(['VETTING_REVIEW_OVERDUE 2024-09-01']);
      expect(kinds('2025-01-01', [vettingGranted(), vettingWithdrawn()])).toEqual([]);
    });
  });

  describe('findings', () => {
    it('flags a declined interest found continuing, until a later check finds it stopped', () => {
      const declined = [applied(), decided('DECLINED')];
      expect(kinds('2024-07-01', [...declined, complianceChecked('DECLINED_INTEREST_CONTINUING')])).toEqual(['DECLINED_INTEREST_CONTINUING 2024-06-01']);
      expect(kinds('2024-09-01', [...declined, complianceChecked('DECLINED_INTEREST_CONTINUING'), complianceChecked('COMPLIANT', '2024-08-01')])).toEqual([]);
    });

    it('flags conditions breached', () => {
      expect(kinds('2023-06-01', [applied(), decided('APPROVED_WITH_CONDITIONS'), complianceChecked('CONDITIONS_BREACHED', '2023-05-01')])).toEqual([
        'CONDITIONS_BREACHED 2023-05-01',
      ]);
    });

    it('flags positive and refused drug tests, not negative ones', () => {
      const view = viewOn('2023-08-01', [
        drugTest(),
        drugTest({ result: 'POSITIVE' }),
        drugTest({ kind: 'WITH_CAUSE', result: 'REFUSED', testedOn: '2023-07-20' }),
      ]);
      expect(view.signals).toEqual([
        { kind: 'POSITIVE_DRUG_TEST', reference: 'event-2', on: '2023-07-07' },
        { kind: 'DRUG_TEST_REFUSED', reference: 'event-3', on: '2023-07-20' },
      ]);
    });

    it('flags records viewed without a policing purpose, not those with one', () => {
      expect(kinds('2023-04-01', [systemAccessFinding(), systemAccessFinding({ policingPurposeFound: true })])).toEqual([
        'SYSTEM_ACCESS_WITHOUT_POLICING_PURPOSE 2023-03-14',
      ]);
    });
  });
});

describe('the sanction history on the integrity record', () => {
  const fromCase: SanctionEntry = {
    kind: 'FINAL_WRITTEN_WARNING',
    caseId: 'case-1',
    caseAccess: { force: 'HAMPSHIRE', sensitivity: 'COVERT' },
    notifiedOn: '2022-01-10',
    expiresOn: '2024-01-10',
    expiry: { source: 'reg 42', confidence: 'PARTLY_CONFIRMED' },
    notificationAssumed: false,
  };

  it('judges each sanction in force on the day read, and names its case only to a reader who may know of it', () => {
    const shown = integrityRecordView(PERSON, recorded([gift()]), '2023-06-01', [fromCase], () => true)?.sanctionHistory;
    expect(shown).toEqual([{ ...withoutAccess(fromCase), inForce: true }]);
    const withheld = integrityRecordView(PERSON, recorded([gift()]), '2024-01-10', [fromCase], () => false)?.sanctionHistory;
    expect(withheld).toEqual([{ ...withoutAccess(fromCase), caseId: null, caseWithheld: true, inForce: false }]);
  });
});

function withoutAccess(sanction: SanctionEntry): Omit<SanctionEntry, 'caseAccess'> {
  const { caseAccess, ...rest } = sanction;
  void caseAccess;
  return rest;
}
