/**
 * The complaint's lifecycle (complaint.rules.ts), given / when / then, one spec per rule.
 */
import { event } from './case.rules';
import { caseStage } from './case.stage';
import { applyAll } from './testing/decider-spec';
import type { CaseEvent } from './case.events';
import { investigationStarted, OFFICER, referral, reportSubmitted, subjectAdded } from './testing/case-fixtures';
import { command, given, ruleTitle } from './testing/decider-spec';

const MADE_ON = '2021-03-01';
const complaintCase = referral({ caseType: 'COMPLAINT', source: 'PUBLIC_COMPLAINT', receivedOn: MADE_ON, corruptionCategories: [] });
const logging = {
  loggedOn: '2021-03-02',
  anonymous: false,
  complainantDetails: 'A. Complainant, 1 High Street',
  protectedCharacteristics: '{"gender":"FEMALE","ageBand":"35_44"}',
  allegations: [{ allegationId: 'allegation-1', category: 'DELIVERY_OF_DUTIES_AND_SERVICE' as const, incidentOn: '2021-02-20' }],
};
const logged = event('ComplaintLogged', logging);
const contacted = event('ComplainantContacted', { on: '2021-03-04' });
const handled = (handling: 'OUTSIDE_SCHEDULE_3' | 'RECORDED_UNDER_SCHEDULE_3', on = '2021-03-05'): CaseEvent =>
  event('ComplaintHandlingDecided', { on, handling, complainantWantsRecorded: false, schedule3Grounds: [] });
const informal = [complaintCase, logged, contacted, handled('OUTSIDE_SCHEDULE_3')];
const recorded = [complaintCase, logged, contacted, handled('RECORDED_UNDER_SCHEDULE_3')];
const handledOtherwise = event('ComplaintHandledOtherwise', { on: '2021-03-20', outcome: 'LEARNING' });
const notified = (reviewBody?: 'IOPC' | 'LOCAL_POLICING_BODY', on = '2021-04-01'): CaseEvent =>
  event('ComplaintOutcomeNotified', reviewBody === undefined ? { on } : { on, reviewBody });
const finalisedRecorded = [...recorded, handledOtherwise, notified('LOCAL_POLICING_BODY')];
const reviewApplied = event('ComplaintReviewApplied', { on: '2021-04-20' });
const seriousAssault = event('ReferralCriteriaAssessed', { on: '2021-03-03', criteria: ['SERIOUS_ASSAULT'] });
const referred = event('ReferredToIopc', { criteria: ['SERIOUS_ASSAULT'], mandatory: true, referredOn: '2021-03-04' });
const decideHandling = (
  handling: 'OUTSIDE_SCHEDULE_3' | 'RECORDED_UNDER_SCHEDULE_3',
  overrides: { complainantWantsRecorded?: boolean; schedule3Grounds?: ['ARTICLE_2_OR_3_ECHR'] } = {},
) => command('DecideComplaintHandling', { on: '2021-03-05', handling, complainantWantsRecorded: false, schedule3Grounds: [], ...overrides });

describe('logging a complaint', () => {
  it('logs a complaint with its complainant in the vault and its allegations', () => {
    given([complaintCase]).when(command('LogComplaint', logging)).then([logged]);
  });

  it('logs an anonymous complaint without complainant details', () => {
    const anonymous = { ...logging, anonymous: true, complainantDetails: undefined };
    given([complaintCase])
      .when(command('LogComplaint', anonymous))
      .thenState((after) => expect(after.complaint?.anonymous).toBe(true));
  });

  it(ruleTitle('complaintNeedsComplaintCase', 'refuses a complaint on a conduct matter'), () => {
    given([referral()]).when(command('LogComplaint', logging)).thenThrows('complaintNeedsComplaintCase');
  });

  it(ruleTitle('complaintAlreadyLogged', 'refuses logging the same complaint twice'), () => {
    given([complaintCase, logged]).when(command('LogComplaint', logging)).thenThrows('complaintAlreadyLogged');
  });

  it(ruleTitle('complaintNeedsAllegation', 'refuses a complaint without allegations'), () => {
    given([complaintCase])
      .when(command('LogComplaint', { ...logging, allegations: [] }))
      .thenThrows('complaintNeedsAllegation');
  });

  it(ruleTitle('anonymousComplaintWithoutDetails', 'refuses complainant details on an anonymous complaint, and their absence otherwise'), () => {
    given([complaintCase])
      .when(command('LogComplaint', { ...logging, anonymous: true }))
      .thenThrows('anonymousComplaintWithoutDetails');
    given([complaintCase])
      .when(command('LogComplaint', { ...logging, complainantDetails: undefined }))
      .thenThrows('anonymousComplaintWithoutDetails');
  });

  it(ruleTitle('incidentAfterComplaint', 'refuses an incident after the complaint was made'), () => {
    const allegations = [{ ...logging.allegations[0], incidentOn: '2021-03-10' }];
    given([complaintCase])
      .when(command('LogComplaint', { ...logging, allegations }))
      .thenThrows('incidentAfterComplaint');
  });

  it(ruleTitle('complaintMustBeLogged', 'refuses contact with the complainant before the complaint is logged'), () => {
    given([complaintCase])
      .when(command('RecordComplainantContact', { on: '2021-03-04' }))
      .thenThrows('complaintMustBeLogged');
  });
});

describe('the handling decision', () => {
  it('records handling outside Schedule 3 after the complainant was contacted', () => {
    given([complaintCase, logged, contacted])
      .when(decideHandling('OUTSIDE_SCHEDULE_3'))
      .then([handled('OUTSIDE_SCHEDULE_3')]);
  });

  it(ruleTitle('handlingNeedsComplainantContact', 'refuses a handling decision before the complainant is contacted'), () => {
    given([complaintCase, logged]).when(decideHandling('RECORDED_UNDER_SCHEDULE_3')).thenThrows('handlingNeedsComplainantContact');
  });

  it(ruleTitle('mustRecordAtComplainantsWish', 'refuses handling outside Schedule 3 when the complainant wants it recorded'), () => {
    given([complaintCase, logged, contacted])
      .when(decideHandling('OUTSIDE_SCHEDULE_3', { complainantWantsRecorded: true }))
      .thenThrows('mustRecordAtComplainantsWish');
  });

  it(
    ruleTitle(
      'mustRecordOnSchedule3Grounds',
      'refuses handling outside Schedule 3 of a complaint alleging an Article 3 infringement, or meeting a referral criterion',
    ),
    () => {
      given([complaintCase, logged, contacted])
        .when(decideHandling('OUTSIDE_SCHEDULE_3', { schedule3Grounds: ['ARTICLE_2_OR_3_ECHR'] }))
        .thenThrows('mustRecordOnSchedule3Grounds');
      given([complaintCase, logged, seriousAssault, contacted]).when(decideHandling('OUTSIDE_SCHEDULE_3')).thenThrows('mustRecordOnSchedule3Grounds');
    },
  );

  it(ruleTitle('recordedComplaintStaysRecorded', 'refuses moving a recorded complaint outside Schedule 3, but records an informal one later'), () => {
    given(recorded).when(decideHandling('OUTSIDE_SCHEDULE_3')).thenThrows('recordedComplaintStaysRecorded');
    given(informal)
      .when(decideHandling('RECORDED_UNDER_SCHEDULE_3'))
      .thenState((after) => expect(after.complaint?.recordedOn).toBe('2021-03-05'));
  });

  it(ruleTitle('complaintHandlingMustBeDecided', 'refuses handling or an outcome before the handling decision'), () => {
    given([complaintCase, logged, contacted])
      .when(command('HandleComplaintOtherwise', { on: '2021-03-20', outcome: 'LEARNING' }))
      .thenThrows('complaintHandlingMustBeDecided');
    given([complaintCase, logged, contacted])
      .when(command('NotifyComplaintOutcome', { on: '2021-03-20' }))
      .thenThrows('complaintHandlingMustBeDecided');
  });
});

describe('handling and investigation', () => {
  it(ruleTitle('investigationNeedsRecordedComplaint', 'refuses investigating a complaint handled outside Schedule 3'), () => {
    given(informal)
      .when(command('StartInvestigation', { investigatorId: 'investigator-1', startedOn: '2021-03-10', termsOfReference: 'terms' }))
      .thenThrows('investigationNeedsRecordedComplaint');
  });

  it(ruleTitle('complaintUnderInvestigation', 'refuses handling otherwise a complaint under investigation'), () => {
    given([...recorded, investigationStarted()])
      .when(command('HandleComplaintOtherwise', { on: '2021-03-20', outcome: 'LEARNING' }))
      .thenThrows('complaintUnderInvestigation');
  });

  it(ruleTitle('complaintOutcomeNeedsHandling', 'refuses an outcome before the complaint was handled, investigated or excepted'), () => {
    given([...recorded, investigationStarted()])
      .when(command('NotifyComplaintOutcome', { on: '2021-06-01', reviewBody: 'IOPC' }))
      .thenThrows('complaintOutcomeNeedsHandling');
    given([...recorded, investigationStarted(), reportSubmitted()])
      .when(command('NotifyComplaintOutcome', { on: '2021-09-10', reviewBody: 'IOPC' }))
      .thenState((after) => expect(after.complaint?.finalisedOn).toBe('2021-09-10'));
  });

  it(ruleTitle('reviewBodyExactlyUnderSchedule3', 'refuses an outcome without a review body under Schedule 3, and with one outside it'), () => {
    given([...recorded, handledOtherwise])
      .when(command('NotifyComplaintOutcome', { on: '2021-04-01' }))
      .thenThrows('reviewBodyExactlyUnderSchedule3');
    given([...informal, handledOtherwise])
      .when(command('NotifyComplaintOutcome', { on: '2021-04-01', reviewBody: 'IOPC' }))
      .thenThrows('reviewBodyExactlyUnderSchedule3');
    given([...informal, handledOtherwise])
      .when(command('NotifyComplaintOutcome', { on: '2021-04-01' }))
      .then([notified()]);
  });

  it(ruleTitle('complaintFinalised', 'refuses a withdrawal after the outcome was given'), () => {
    given(finalisedRecorded)
      .when(command('WithdrawComplaint', { on: '2021-04-05', directorGeneralNotified: false }))
      .thenThrows('complaintFinalised');
  });
});

describe('mandatory referral', () => {
  const closing = command('CloseCase', { on: '2021-05-01', reason: 'finalised' });

  it(
    ruleTitle('mandatoryReferralNotRecorded', 'refuses closing, finalising or investigating locally a matter meeting a criterion until it is referred'),
    () => {
      const meets = [complaintCase, logged, seriousAssault, contacted, handled('RECORDED_UNDER_SCHEDULE_3')];
      given(meets).when(closing).thenThrows('mandatoryReferralNotRecorded');
      given(meets)
        .when(command('HandleComplaintOtherwise', { on: '2021-03-20', outcome: 'LEARNING' }))
        .thenThrows('mandatoryReferralNotRecorded');
      given(meets)
        .when(command('StartInvestigation', { investigatorId: 'investigator-1', startedOn: '2021-03-10', termsOfReference: 'terms' }))
        .thenThrows('mandatoryReferralNotRecorded');
      given([referral({ caseType: 'DEATH_OR_SERIOUS_INJURY' })])
        .when(closing)
        .thenThrows('mandatoryReferralNotRecorded');
      given([...meets, referred])
        .when(closing)
        .then([event('CaseClosed', { on: '2021-05-01', reason: 'finalised' })]);
    },
  );

  it('names the criterion in the refusal', () => {
    expect(() => given([complaintCase, seriousAssault]).when(closing).then([])).toThrow(/SERIOUS_ASSAULT/);
  });

  it(ruleTitle('referralCriterionNotForCaseType', 'refuses gravity for a complaint and DSI for a conduct matter'), () => {
    given([complaintCase])
      .when(command('AssessReferralCriteria', { on: '2021-03-03', criteria: ['GRAVITY_OR_EXCEPTIONAL_CIRCUMSTANCES'] }))
      .thenThrows('referralCriterionNotForCaseType');
    given([referral()])
      .when(command('AssessReferralCriteria', { on: '2021-03-03', criteria: ['DSI_MATTER'] }))
      .thenThrows('referralCriterionNotForCaseType');
    given([referral()])
      .when(command('AssessReferralCriteria', { on: '2021-03-03', criteria: ['GRAVITY_OR_EXCEPTIONAL_CIRCUMSTANCES'] }))
      .then([event('ReferralCriteriaAssessed', { on: '2021-03-03', criteria: ['GRAVITY_OR_EXCEPTIONAL_CIRCUMSTANCES'] })]);
  });
});

describe('withdrawal and the exception', () => {
  const withdrawnReferred = [...recorded, referred, event('ComplaintWithdrawn', { on: '2021-03-10', directorGeneralNotified: true })];

  it("records the Director General's decision on a referred complaint withdrawn", () => {
    given(withdrawnReferred)
      .when(command('RecordWithdrawalDecision', { on: '2021-03-12', treatAsConductMatter: true, conductMatterCaseId: '7b0f4a56-3a43-4d6e-9d53-8f6f2f0c1a11' }))
      .thenState((after) =>
        expect(after.complaint?.withdrawalDecision).toEqual({
          on: '2021-03-12',
          treatAsConductMatter: true,
          conductMatterCaseId: '7b0f4a56-3a43-4d6e-9d53-8f6f2f0c1a11',
        }),
      );
  });

  it(ruleTitle('withdrawalDecisionNeedsReferredWithdrawal', 'refuses the decision on a complaint not withdrawn, or withdrawn without a referral'), () => {
    given([...recorded, referred])
      .when(command('RecordWithdrawalDecision', { on: '2021-03-12', treatAsConductMatter: false }))
      .thenThrows('withdrawalDecisionNeedsReferredWithdrawal');
    given([...recorded, event('ComplaintWithdrawn', { on: '2021-03-10', directorGeneralNotified: false })])
      .when(command('RecordWithdrawalDecision', { on: '2021-03-12', treatAsConductMatter: false }))
      .thenThrows('withdrawalDecisionNeedsReferredWithdrawal');
  });

  it(ruleTitle('withdrawalDecisionAlreadyRecorded', 'refuses a second decision'), () => {
    given([...withdrawnReferred, event('WithdrawalDecisionRecorded', { on: '2021-03-11', treatAsConductMatter: false })])
      .when(command('RecordWithdrawalDecision', { on: '2021-03-12', treatAsConductMatter: true }))
      .thenThrows('withdrawalDecisionAlreadyRecorded');
  });

  it(ruleTitle('conductMatterCaseOnlyWhenTreated', 'refuses naming a conduct matter case when the complaint is not treated as one'), () => {
    given(withdrawnReferred)
      .when(command('RecordWithdrawalDecision', { on: '2021-03-12', treatAsConductMatter: false, conductMatterCaseId: '7b0f4a56-3a43-4d6e-9d53-8f6f2f0c1a11' }))
      .thenThrows('conductMatterCaseOnlyWhenTreated');
  });

  it(
    ruleTitle('withdrawalOfReferredComplaintNotifiesDirectorGeneral', 'refuses the withdrawal of a referred complaint not notified to the Director General'),
    () => {
      given([...recorded, referred])
        .when(command('WithdrawComplaint', { on: '2021-03-10', directorGeneralNotified: false }))
        .thenThrows('withdrawalOfReferredComplaintNotifiesDirectorGeneral');
      given([...recorded, referred])
        .when(command('WithdrawComplaint', { on: '2021-03-10', directorGeneralNotified: true }))
        .thenState((after) => expect(after.complaint?.finalisedOn).toBe('2021-03-10'));
    },
  );

  it(ruleTitle('exceptionNeedsComplaintOverTwelveMonths', 'refuses the exception for a complaint made within 12 months of an incident'), () => {
    given(recorded)
      .when(command('ApplyComplaintException', { on: '2021-03-10' }))
      .thenThrows('exceptionNeedsComplaintOverTwelveMonths');
    const old = event('ComplaintLogged', { ...logging, allegations: [{ ...logging.allegations[0], incidentOn: '2020-02-28' }] });
    given([complaintCase, old, contacted, handled('RECORDED_UNDER_SCHEDULE_3')])
      .when(command('ApplyComplaintException', { on: '2021-03-10' }))
      .then([event('ComplaintExceptionApplied', { on: '2021-03-10' })]);
  });
});

describe('the review', () => {
  it(ruleTitle('reviewNeedsOutcomeWithReviewBody', 'refuses a review of a complaint handled outside Schedule 3'), () => {
    given([...informal, handledOtherwise, notified()])
      .when(command('ApplyForComplaintReview', { on: '2021-04-10' }))
      .thenThrows('reviewNeedsOutcomeWithReviewBody');
  });

  it(ruleTitle('reviewApplicationOutOfTime', 'refuses an application after 28 days starting the day after the outcome, less days in transit'), () => {
    // Outcome on 1 April: the 28 days are 2 to 29 April.
    given(finalisedRecorded)
      .when(command('ApplyForComplaintReview', { on: '2021-04-29' }))
      .then([event('ComplaintReviewApplied', { on: '2021-04-29' })]);
    given(finalisedRecorded)
      .when(command('ApplyForComplaintReview', { on: '2021-04-30' }))
      .thenThrows('reviewApplicationOutOfTime');
    given(finalisedRecorded)
      .when(command('ApplyForComplaintReview', { on: '2021-05-02', daysInTransit: 3 }))
      .then([event('ComplaintReviewApplied', { on: '2021-05-02', daysInTransit: 3 })]);
  });

  it(ruleTitle('reviewAlreadyPending', 'refuses a second application while one awaits its result'), () => {
    given([...finalisedRecorded, reviewApplied])
      .when(command('ApplyForComplaintReview', { on: '2021-04-21' }))
      .thenThrows('reviewAlreadyPending');
  });

  it(ruleTitle('reviewMustBeApplied', 'refuses a review result without an application'), () => {
    given(finalisedRecorded)
      .when(command('DecideComplaintReview', { on: '2021-05-20', result: 'NOT_UPHELD', recommendationsMade: false }))
      .thenThrows('reviewMustBeApplied');
  });

  it(ruleTitle('recommendationsOnlyWhenUpheld', 'refuses recommendations on a review not upheld'), () => {
    given([...finalisedRecorded, reviewApplied])
      .when(command('DecideComplaintReview', { on: '2021-05-20', result: 'NOT_UPHELD', recommendationsMade: true }))
      .thenThrows('recommendationsOnlyWhenUpheld');
  });

  it('an upheld review puts the complaint back to be dealt with again', () => {
    given([...finalisedRecorded, reviewApplied])
      .when(command('DecideComplaintReview', { on: '2021-05-20', result: 'UPHELD', recommendationsMade: true }))
      .thenState((after) => {
        expect(after.complaint?.finalisedOn).toBeNull();
        expect(after.complaint?.review).toMatchObject({ result: 'UPHELD', reviewBody: 'LOCAL_POLICING_BODY', recommendationsMade: true });
      });
  });
});

describe("a complaint's stage", () => {
  it('is under assessment once logged, and concluded once finalised while no subject is in question', () => {
    const stageAfter = (events: readonly CaseEvent[]) => {
      const state = applyAll(null, events);
      if (state === null) throw new Error('no case');
      return caseStage(state);
    };
    expect(stageAfter([complaintCase])).toBe('RECEIVED');
    expect(stageAfter(recorded)).toBe('ASSESSMENT');
    expect(stageAfter(finalisedRecorded)).toBe('CONCLUDED');
  });
});

describe('case types: recording a conduct matter, a conduct matter revealed (src/cases/case-types.ts)', () => {
  const conductMatter = referral({ receivedOn: MADE_ON });
  const recording = command('RecordConductMatter', { on: '2021-03-05', grounds: ['SERIOUS_CORRUPTION'] });

  it('records a conduct matter under Schedule 3, which makes its grounds referral criteria to meet', () => {
    given([conductMatter])
      .when(recording)
      .thenState((after) => {
        expect(after.conductMatterRecordedOn).toBe('2021-03-05');
        expect(after.referralCriteria).toEqual(['SERIOUS_CORRUPTION']);
      });
  });

  it(ruleTitle('recordingNeedsConductMatter', 'refuses recording a complaint or a DSI matter as a conduct matter'), () => {
    given([complaintCase]).when(recording).thenThrows('recordingNeedsConductMatter');
    given([referral({ caseType: 'DEATH_OR_SERIOUS_INJURY', receivedOn: MADE_ON })])
      .when(recording)
      .thenThrows('recordingNeedsConductMatter');
  });

  it(ruleTitle('conductMatterAlreadyRecorded', 'refuses recording it twice'), () => {
    given([conductMatter, event('ConductMatterRecorded', { on: '2021-03-04', grounds: [] })])
      .when(recording)
      .thenThrows('conductMatterAlreadyRecorded');
  });

  it(ruleTitle('referralCriterionNotForCaseType', 'refuses a criterion the type of case does not admit, naming it'), () => {
    given([conductMatter])
      .when(command('RecordConductMatter', { on: '2021-03-05', grounds: ['DSI_MATTER'] }))
      .thenThrows('referralCriterionNotForCaseType');
    given([complaintCase])
      .when(command('AssessReferralCriteria', { on: '2021-03-05', criteria: ['GRAVITY_OR_EXCEPTIONAL_CIRCUMSTANCES'] }))
      .thenThrows('referralCriterionNotForCaseType');
  });

  it('keeps a recorded conduct matter with grounds from closing until its referral is recorded', () => {
    given([conductMatter, event('ConductMatterRecorded', { on: '2021-03-05', grounds: ['SERIOUS_CORRUPTION'] })])
      .when(command('CloseCase', { on: '2021-04-01', reason: 'No further action.' }))
      .thenThrows('mandatoryReferralNotRecorded');
  });

  it('records a conduct matter the complaint revealed, with the case opened for it', () => {
    given([complaintCase, logged])
      .when(command('RecordRevealedConductMatter', { on: '2021-03-06', conductMatterCaseId: '7b0f4a56-3a43-4d6e-9d53-8f6f2f0c1a11' }))
      .thenState((after) =>
        expect(after.complaint?.revealedConductMatters).toEqual([{ on: '2021-03-06', conductMatterCaseId: '7b0f4a56-3a43-4d6e-9d53-8f6f2f0c1a11' }]),
      );
  });

  it(ruleTitle('conductMatterIsAnotherCase', 'refuses naming the complaint itself as the conduct matter it revealed'), () => {
    const self = referral({ caseType: 'COMPLAINT', source: 'PUBLIC_COMPLAINT', receivedOn: MADE_ON, corruptionCategories: [] });
    const caseId = (self.data as { caseId: string }).caseId;
    given([self, logged])
      .when(command('RecordRevealedConductMatter', { on: '2021-03-06', conductMatterCaseId: caseId }))
      .thenThrows('conductMatterIsAnotherCase');
  });
});

describe('copies of the record (C&M Regs 2020 reg 3)', () => {
  const withSubject = [...recorded, subjectAdded()];

  it('records the copy to the complainant and to the person complained against', () => {
    given(withSubject)
      .when(command('RecordComplaintRecordCopy', { on: '2021-03-06', to: 'PERSON_COMPLAINED_AGAINST', subjectId: OFFICER }))
      .thenState((after) =>
        expect(after.complaint?.recordCopies).toEqual([{ on: '2021-03-06', to: 'PERSON_COMPLAINED_AGAINST', subjectId: OFFICER, withheldUnder: null }]),
      );
  });

  it(ruleTitle('recordCopyNeedsRecordedComplaint', 'refuses a copy of the record of a complaint handled outside Schedule 3'), () => {
    given(informal)
      .when(command('RecordComplaintRecordCopy', { on: '2021-03-06', to: 'COMPLAINANT' }))
      .thenThrows('recordCopyNeedsRecordedComplaint');
  });

  it(ruleTitle('recordCopyRecipientMismatch', 'refuses a copy to the person complained against that names no subject of the case'), () => {
    given(withSubject)
      .when(command('RecordComplaintRecordCopy', { on: '2021-03-06', to: 'PERSON_COMPLAINED_AGAINST' }))
      .thenThrows('recordCopyRecipientMismatch');
    given(withSubject)
      .when(command('RecordComplaintRecordCopy', { on: '2021-03-06', to: 'COMPLAINANT', subjectId: OFFICER }))
      .thenThrows('recordCopyRecipientMismatch');
  });

  it(ruleTitle('anonymousComplainantGetsNoCopy', 'refuses a copy given to an anonymous complainant, but records one withheld'), () => {
    const anonymous = event('ComplaintLogged', { ...logging, anonymous: true, complainantDetails: undefined });
    const anonymousRecorded = [complaintCase, anonymous, handled('RECORDED_UNDER_SCHEDULE_3')];
    given(anonymousRecorded)
      .when(command('RecordComplaintRecordCopy', { on: '2021-03-06', to: 'COMPLAINANT' }))
      .thenThrows('anonymousComplainantGetsNoCopy');
    given(anonymousRecorded)
      .when(command('RecordComplaintRecordCopy', { on: '2021-03-06', to: 'COMPLAINANT', withheldUnder: 'OTHER_HARM' }))
      .thenState((after) => expect(after.complaint?.recordCopies).toHaveLength(1));
  });
});

describe("suspending the complaint's handling", () => {
  const suspended = event('ComplaintSuspended', { on: '2021-03-10' });

  it('suspends and resumes the handling, keeping the period', () => {
    given([...recorded, suspended])
      .when(command('ResumeComplaint', { on: '2021-03-20' }))
      .thenState((after) => expect(after.complaint?.suspensions).toEqual([{ from: '2021-03-10', to: '2021-03-20' }]));
  });

  it(ruleTitle('complaintAlreadySuspended', 'refuses suspending it twice'), () => {
    given([...recorded, suspended])
      .when(command('SuspendComplaint', { on: '2021-03-11' }))
      .thenThrows('complaintAlreadySuspended');
  });

  it(ruleTitle('complaintNotSuspended', 'refuses resuming what is not suspended'), () => {
    given(recorded)
      .when(command('ResumeComplaint', { on: '2021-03-11' }))
      .thenThrows('complaintNotSuspended');
  });

  it(ruleTitle('complaintSuspended', 'refuses giving the outcome while the handling is suspended'), () => {
    given([...recorded, handledOtherwise, suspended])
      .when(command('NotifyComplaintOutcome', { on: '2021-04-01', reviewBody: 'LOCAL_POLICING_BODY' }))
      .thenThrows('complaintSuspended');
  });
});
