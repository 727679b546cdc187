/**
 * The complaint's lifecycle (complaint.rules.ts), given / when / then, one spec per rule.
 */
import { event } from './case.rules';
import { caseStage } from './case.stage';
import { applyAll } from './testing/decider-spec';
import type { CaseEvent } from './case.events';
import { investigationStarted, referral, reportSubmitted } from './testing/case-fixtures';
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
