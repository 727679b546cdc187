/**
 * The steps before the proceedings and of the hearing in public (pre-hearing.rules.ts; Conduct
 * Regs 2020 regs 22, 30-44, 48-52): each rule refuses the step out of place and accepts it in place.
 */
import { event } from './case.rules';
import { caseAtProceedings, caseToAnswer, concluded, investigatedCase, OFFICER } from './testing/case-fixtures';
import { command, given, ruleTitle } from './testing/decider-spec';
import type { CaseEvent } from './case.events';

const subjectId = OFFICER;
const notice = { subjectId, on: '2021-10-01', documentsSuppliedOn: '2021-10-01', documents: ['NOTICE_OF_CONDUCT' as const] };
const atHearing = caseAtProceedings('MISCONDUCT_HEARING');
const atMeeting = caseAtProceedings('MISCONDUCT_MEETING');
const atAccelerated = caseAtProceedings('ACCELERATED_HEARING');
const noticed: CaseEvent[] = [...atHearing, event('ReferralNoticeServed', notice)];
const responded: CaseEvent[] = [...noticed, event('OfficerResponseGiven', { subjectId, on: '2021-10-20', position: 'DISPUTED' })];
const withChair: CaseEvent[] = [...atHearing, event('DocumentsSuppliedToChair', { subjectId, on: '2021-10-05' })];
/** reg 31(1): the response extended for exceptional circumstances. */
const responseExtended = {
  subjectId,
  on: '2021-10-02',
  period: 'OFFICER_RESPONSE' as const,
  change: 'EXTENDED_EXCEPTIONAL_CIRCUMSTANCES' as const,
  dueOn: '2021-11-05',
  reason: 'Illness.',
};
const objected: CaseEvent[] = [...atAccelerated, event('PanelObjectionMade', { subjectId, on: '2021-10-04', member: 'CHAIR' })];

describe('the steps before the proceedings', () => {
  it(ruleTitle('referralNoticeNeedsProceedings', 'refuses a notice of referral before a case to answer with proceedings brought'), () => {
    given(investigatedCase()).when(command('ServeReferralNotice', notice)).thenThrows('referralNoticeNeedsProceedings');
    given([...investigatedCase(), caseToAnswer(subjectId, 'CASE_TO_ANSWER_GROSS_MISCONDUCT')])
      .when(command('ServeReferralNotice', notice))
      .then([event('ReferralNoticeServed', notice)]);
  });

  it(ruleTitle('referralNoticeAlreadyServed', 'refuses a second notice of referral'), () => {
    given(noticed).when(command('ServeReferralNotice', notice)).thenThrows('referralNoticeAlreadyServed');
  });

  it(ruleTitle('responseNeedsReferralNotice', "refuses the officer's response before the notice of referral"), () => {
    const response = { subjectId, on: '2021-10-20', position: 'DISPUTED' as const };
    given(atHearing).when(command('RecordOfficerResponse', response)).thenThrows('responseNeedsReferralNotice');
    given(noticed)
      .when(command('RecordOfficerResponse', response))
      .then([event('OfficerResponseGiven', response)]);
  });

  it(ruleTitle('responseAlreadyGiven', 'refuses a second response'), () => {
    given(responded)
      .when(command('RecordOfficerResponse', { subjectId, on: '2021-10-21', position: 'ACCEPTED' }))
      .thenThrows('responseAlreadyGiven');
  });

  it(ruleTitle('witnessListsNeedResponse', "refuses witness lists before the officer's response"), () => {
    const lists = { subjectId, on: '2021-10-22', officerWitnesses: 1, authorityWitnesses: 2 };
    given(noticed).when(command('ExchangeWitnessLists', lists)).thenThrows('witnessListsNeedResponse');
    given(responded)
      .when(command('ExchangeWitnessLists', lists))
      .then([event('WitnessListsExchanged', lists)]);
  });

  it(ruleTitle('stepNeedsProceedings', 'refuses an adjournment of proceedings not scheduled, or concluded'), () => {
    const adjourned = { subjectId, on: '2021-11-01', adjournedTo: '2021-11-08', reason: 'Witness unwell.' };
    given([...investigatedCase(), caseToAnswer(subjectId, 'CASE_TO_ANSWER_GROSS_MISCONDUCT')])
      .when(command('AdjournProceedings', adjourned))
      .thenThrows('stepNeedsProceedings');
    given([...atHearing, concluded()])
      .when(command('AdjournProceedings', adjourned))
      .thenThrows('stepNeedsProceedings');
    given(atHearing)
      .when(command('AdjournProceedings', adjourned))
      .thenState((after) => expect(after.subjects[subjectId].proceedings?.scheduledFor).toBe('2021-11-08'));
  });

  it(ruleTitle('stepOnlyForHearings', 'refuses a public notice for a misconduct meeting'), () => {
    const published = { subjectId, on: '2021-10-20', hearingOn: '2021-11-01' };
    given(atMeeting).when(command('PublishHearingNotice', published)).thenThrows('stepOnlyForHearings');
    given(atHearing)
      .when(command('PublishHearingNotice', published))
      .then([event('HearingNoticePublished', published)]);
  });

  it(ruleTitle('preHearingNeedsDocumentsToChair', 'refuses a pre-hearing before the documents are supplied to the chair'), () => {
    given(atHearing)
      .when(command('HoldPreHearing', { subjectId, on: '2021-10-10' }))
      .thenThrows('preHearingNeedsDocumentsToChair');
    given(withChair)
      .when(command('HoldPreHearing', { subjectId, on: '2021-10-10' }))
      .then([event('PreHearingHeld', { subjectId, on: '2021-10-10' })]);
  });

  it(ruleTitle('preHearingOnlyForMisconductHearing', 'refuses a pre-hearing for an accelerated hearing'), () => {
    given([...atAccelerated, event('DocumentsSuppliedToChair', { subjectId, on: '2021-10-05' })])
      .when(command('SetPreHearingDate', { subjectId, on: '2021-10-06', setFor: '2021-10-12' }))
      .thenThrows('preHearingOnlyForMisconductHearing');
  });

  it(ruleTitle('alternativeDateNeedsPreHearingDate', 'refuses an alternative pre-hearing date before the chair set one'), () => {
    const alternative = { subjectId, on: '2021-10-07', proposedFor: '2021-10-14' };
    given(withChair).when(command('ProposeAlternativePreHearingDate', alternative)).thenThrows('alternativeDateNeedsPreHearingDate');
    given([...withChair, event('PreHearingDateSet', { subjectId, on: '2021-10-06', setFor: '2021-10-12' })])
      .when(command('ProposeAlternativePreHearingDate', alternative))
      .then([event('AlternativePreHearingDateProposed', alternative)]);
  });

  it(ruleTitle('periodNotRunning', 'refuses a change to a period that has not started'), () => {
    const change = responseExtended;
    given(atHearing).when(command('ChangePeriod', change)).thenThrows('periodNotRunning');
    given(noticed)
      .when(command('ChangePeriod', change))
      .then([event('PeriodChanged', change)]);
  });

  it(ruleTitle('periodChangeMustMove', 'refuses an extension that does not move the due day later, or a shortening that does not move it earlier'), () => {
    const change = responseExtended;
    const extended = [...noticed, event('PeriodChanged', change)];
    given(extended)
      .when(command('ChangePeriod', { ...change, dueOn: '2021-11-01' }))
      .thenThrows('periodChangeMustMove');
    given(extended)
      .when(command('ChangePeriod', { ...change, change: 'SHORTENED_BY_AGREEMENT', dueOn: '2021-11-08' }))
      .thenThrows('periodChangeMustMove');
    given(extended)
      .when(command('ChangePeriod', { ...change, change: 'SHORTENED_BY_AGREEMENT', dueOn: '2021-10-29' }))
      .then([event('PeriodChanged', { ...change, change: 'SHORTENED_BY_AGREEMENT', dueOn: '2021-10-29' })]);
  });

  it(ruleTitle('extensionByChairOnlyForPreHearing', "refuses the chair's extension of the officer's response"), () => {
    const change = { ...responseExtended, change: 'EXTENDED_BY_CHAIR' as const };
    given(noticed).when(command('ChangePeriod', change)).thenThrows('extensionByChairOnlyForPreHearing');
  });

  it(ruleTitle('objectionMustBeOpen', 'refuses to determine an objection never made, or already determined'), () => {
    const determined = { subjectId, on: '2021-10-05', member: 'CHAIR' as const, upheld: true };
    given(atAccelerated).when(command('DeterminePanelObjection', determined)).thenThrows('objectionMustBeOpen');
    given([...objected, event('PanelObjectionDetermined', determined)])
      .when(command('DeterminePanelObjection', determined))
      .thenThrows('objectionMustBeOpen');
  });

  it(ruleTitle('replacementNeedsUpheldObjection', 'refuses to replace a member whose objection was not upheld'), () => {
    const replaced = { subjectId, on: '2021-10-06', member: 'CHAIR' as const, hearingOn: '2021-10-22' };
    given([...objected, event('PanelObjectionDetermined', { subjectId, on: '2021-10-05', member: 'CHAIR', upheld: false })])
      .when(command('ReplacePanelMember', replaced))
      .thenThrows('replacementNeedsUpheldObjection');
    given([...objected, event('PanelObjectionDetermined', { subjectId, on: '2021-10-05', member: 'CHAIR', upheld: true })])
      .when(command('ReplacePanelMember', replaced))
      .thenState((after) => expect(after.subjects[subjectId].proceedings?.scheduledFor).toBe('2021-10-22'));
  });

  it(ruleTitle('redatingOnlyForAcceleratedHearing', 'refuses to re-date a misconduct hearing on a replacement'), () => {
    given([
      ...atHearing,
      event('PanelObjectionMade', { subjectId, on: '2021-10-04', member: 'INDEPENDENT_MEMBER' }),
      event('PanelObjectionDetermined', { subjectId, on: '2021-10-05', member: 'INDEPENDENT_MEMBER', upheld: true }),
    ])
      .when(command('ReplacePanelMember', { subjectId, on: '2021-10-06', member: 'INDEPENDENT_MEMBER', hearingOn: '2021-10-22' }))
      .thenThrows('redatingOnlyForAcceleratedHearing');
  });

  it(ruleTitle('specialConditionsNeedGrossMisconduct', 'refuses a special-conditions certificate where gross misconduct is not alleged'), () => {
    given([...investigatedCase(), caseToAnswer(subjectId, 'CASE_TO_ANSWER_MISCONDUCT')])
      .when(command('CertifySpecialConditions', { subjectId, on: '2021-10-01' }))
      .thenThrows('specialConditionsNeedGrossMisconduct');
  });

  it(ruleTitle('acceleratedStepNeedsAcceleratedHearing', 'refuses an accelerated response for a misconduct hearing'), () => {
    const response = { subjectId, on: '2021-10-05', acceptsGrossMisconduct: true };
    given(atHearing).when(command('RecordAcceleratedResponse', response)).thenThrows('acceleratedStepNeedsAcceleratedHearing');
    given(atAccelerated)
      .when(command('RecordAcceleratedResponse', response))
      .then([event('AcceleratedResponseGiven', response)]);
  });

  it(ruleTitle('privateHearingNeedsReason', 'refuses a hearing in private without its reason'), () => {
    given(atHearing)
      .when(command('DecideHearingPrivacy', { subjectId, on: '2021-10-20', inPublic: false }))
      .thenThrows('privateHearingNeedsReason');
    const reasoned = { subjectId, on: '2021-10-20', inPublic: false, reason: 'National security (Secretary of State direction).' };
    given(atHearing)
      .when(command('DecideHearingPrivacy', reasoned))
      .then([event('HearingPrivacyDecided', reasoned)]);
  });

  it(ruleTitle('hearingOutcomeNeedsConclusion', 'refuses to publish the outcome, or keep the verbatim record, before the hearing concluded'), () => {
    given(atHearing)
      .when(command('PublishHearingOutcome', { subjectId, on: '2021-11-02' }))
      .thenThrows('hearingOutcomeNeedsConclusion');
    const kept = { subjectId, on: '2021-11-02', documentReference: 'TRANSCRIPT-1' };
    given([...atHearing, concluded()])
      .when(command('KeepVerbatimRecord', kept))
      .then([event('VerbatimRecordKept', kept)]);
  });
});
