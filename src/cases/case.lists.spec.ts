import { event } from './case.rules';
import {
  caseAtProceedings,
  caseToAnswer,
  concluded,
  dismissedOfficer,
  formerOfficerWouldHaveBeenDismissed,
  investigatedCase,
  leftService,
  OFFICER,
  proven,
  referral,
  STAFF,
  subjectAdded,
} from './testing/case-fixtures';
import { command, given, ruleTitle } from './testing/decider-spec';
import type { BarredListBasis } from './case.enums';

const bar = (basis: BarredListBasis, on = '2021-11-05') => command('AddToBarredList', { subjectId: OFFICER, on, basis });
const advisory = (subjectId = OFFICER) => command('AddToAdvisoryList', { subjectId, on: '2021-10-18' });
const departure = (approvedByDcc: boolean) => command('RecordDeparture', { subjectId: OFFICER, how: 'RESIGNED', on: '2021-10-15', approvedByDcc });

describe('the barred list', () => {
  it('bars a dismissed officer, and a former officer who would have been dismissed', () => {
    given(dismissedOfficer())
      .when(bar('DISMISSED'))
      .then([event('BarredListEntryMade', { subjectId: OFFICER, on: '2021-11-05', basis: 'DISMISSED' })]);
    given(formerOfficerWouldHaveBeenDismissed())
      .when(bar('WOULD_HAVE_BEEN_DISMISSED'))
      .then([event('BarredListEntryMade', { subjectId: OFFICER, on: '2021-11-05', basis: 'WOULD_HAVE_BEEN_DISMISSED' })]);
  });

  it(ruleTitle('barredListNeedsDismissal', 'refuses a barred-list entry for a written warning'), () => {
    const warned = [...caseAtProceedings('MISCONDUCT_MEETING'), concluded({ findings: [proven('MISCONDUCT')], outcome: 'WRITTEN_WARNING' })];
    given(warned).when(bar('DISMISSED')).thenThrows('barredListNeedsDismissal');
    given(caseAtProceedings('MISCONDUCT_HEARING')).when(bar('DISMISSED')).thenThrows('barredListNeedsDismissal');
  });

  it(ruleTitle('barredListNeedsDismissal', 'refuses a barred-list entry once an appeal overturned the dismissal'), () => {
    const overturned = [
      ...dismissedOfficer(),
      event('AppealLodged', { subjectId: OFFICER, forum: 'POLICE_APPEALS_TRIBUNAL', on: '2021-11-10' }),
      event('AppealDetermined', {
        subjectId: OFFICER,
        forum: 'POLICE_APPEALS_TRIBUNAL',
        on: '2022-02-10',
        result: 'ALLOWED',
      }),
    ];
    given(overturned).when(bar('DISMISSED', '2022-02-11')).thenThrows('barredListNeedsDismissal');
  });

  it(ruleTitle('barredListBasisMustMatch', 'refuses the basis of a former officer for a dismissed one, and the reverse'), () => {
    given(dismissedOfficer()).when(bar('WOULD_HAVE_BEEN_DISMISSED')).thenThrows('barredListBasisMustMatch');
    given(formerOfficerWouldHaveBeenDismissed()).when(bar('DISMISSED')).thenThrows('barredListBasisMustMatch');
  });

  it(ruleTitle('alreadyOnBarredList', 'refuses a second entry'), () => {
    given([...dismissedOfficer(), event('BarredListEntryMade', { subjectId: OFFICER, on: '2021-11-05', basis: 'DISMISSED' })])
      .when(bar('DISMISSED'))
      .thenThrows('alreadyOnBarredList');
  });

  it(ruleTitle('barredListNotInForce', 'refuses an entry for a dismissal before 15 December 2017, whatever the entry date'), () => {
    const dismissedIn2017 = [...caseAtProceedings('MISCONDUCT_HEARING', { receivedOn: '2017-03-01' }), concluded({ on: '2017-12-14' })];
    given(dismissedIn2017).when(bar('DISMISSED', '2017-12-20')).thenThrows('barredListNotInForce');
    const dismissedAfter = [...caseAtProceedings('MISCONDUCT_HEARING', { receivedOn: '2017-03-01' }), concluded({ on: '2017-12-15' })];
    given(dismissedAfter)
      .when(bar('DISMISSED', '2017-12-18'))
      .then([event('BarredListEntryMade', { subjectId: OFFICER, on: '2017-12-18', basis: 'DISMISSED' })]);
  });
});

describe('departures and the DCC', () => {
  it('derives the stage at departure from the subject, not from the client', () => {
    given(investigatedCase())
      .when(departure(true))
      .then([
        event('SubjectLeftService', {
          subjectId: OFFICER,
          how: 'RESIGNED',
          on: '2021-10-15',
          approvedByDcc: true,
          stageAtDeparture: 'DECISION',
        }),
      ]);
  });

  it(ruleTitle('alreadyLeftService', 'refuses a second departure'), () => {
    given([...investigatedCase(), leftService(OFFICER)])
      .when(departure(true))
      .thenThrows('alreadyLeftService');
  });

  it('holds an unapproved departure during an investigation awaiting the DCC, whose decision settles it', () => {
    const unapproved = [...investigatedCase(), leftService(OFFICER, 'RETIRED', 'INVESTIGATION', false)];
    const decision = { subjectId: OFFICER, approved: true, on: '2021-10-20' };
    given(unapproved)
      .when(command('RecordDepartureDecision', decision))
      .thenState((after) => expect(after.subjects[OFFICER].departure).toMatchObject({ approvedByDcc: true, awaitingDccDecision: false }));
    given([...unapproved, event('DepartureDecisionRecorded', decision)])
      .when(command('RecordDepartureDecision', decision))
      .thenThrows('noDepartureAwaitingDecision');
  });

  it(ruleTitle('noDepartureAwaitingDecision', 'refuses a DCC decision when no departure awaits one'), () => {
    const decision = command('RecordDepartureDecision', { subjectId: OFFICER, approved: false, on: '2021-10-20' });
    given(investigatedCase()).when(decision).thenThrows('noDepartureAwaitingDecision');
    given([...investigatedCase(), leftService(OFFICER, 'RESIGNED', 'INVESTIGATION', true)])
      .when(decision)
      .thenThrows('noDepartureAwaitingDecision');
    given([...dismissedOfficer(), leftService(OFFICER, 'RESIGNED', 'CONCLUDED', false)])
      .when(decision)
      .thenThrows('noDepartureAwaitingDecision');
  });
});

describe('the advisory list', () => {
  it('lists a subject who resigned under investigation, and one who left before the allegation came to light', () => {
    given([...investigatedCase(), leftService(OFFICER, 'RESIGNED', 'INVESTIGATION')])
      .when(advisory())
      .then([event('AdvisoryListEntryMade', { subjectId: OFFICER, on: '2021-10-18' })]);
    const leftBefore = [referral({ receivedOn: '2021-03-01' }), subjectAdded()];
    given(leftBefore)
      .when(command('RecordDeparture', { subjectId: OFFICER, how: 'RETIRED', on: '2020-11-30', approvedByDcc: true }))
      .then([
        event('SubjectLeftService', {
          subjectId: OFFICER,
          how: 'RETIRED',
          on: '2020-11-30',
          approvedByDcc: true,
          stageAtDeparture: 'ASSESSMENT',
        }),
      ]);
    given([...leftBefore, leftService(OFFICER, 'RETIRED', 'ASSESSMENT', true, '2020-11-30')])
      .when(advisory())
      .then([event('AdvisoryListEntryMade', { subjectId: OFFICER, on: '2021-10-18' })]);
  });

  it(ruleTitle('advisoryListNeedsDepartureUnderInvestigation', 'refuses a subject who is still serving or transferred'), () => {
    given(investigatedCase()).when(advisory()).thenThrows('advisoryListNeedsDepartureUnderInvestigation');
    given([...investigatedCase(), leftService(OFFICER, 'TRANSFERRED', 'INVESTIGATION')])
      .when(advisory())
      .thenThrows('advisoryListNeedsDepartureUnderInvestigation');
  });

  it(ruleTitle('advisoryListNeedsDepartureUnderInvestigation', 'refuses a subject who left after proceedings concluded'), () => {
    given([...dismissedOfficer(), leftService(OFFICER, 'RESIGNED', 'CONCLUDED')])
      .when(advisory())
      .thenThrows('advisoryListNeedsDepartureUnderInvestigation');
    given(formerOfficerWouldHaveBeenDismissed()).when(advisory()).thenThrows('advisoryListNeedsDepartureUnderInvestigation');
    const noCaseToAnswer = [...investigatedCase(), caseToAnswer(OFFICER, 'NO_CASE_TO_ANSWER'), leftService(OFFICER, 'RESIGNED', 'CONCLUDED')];
    given(noCaseToAnswer).when(advisory()).thenThrows('advisoryListNeedsDepartureUnderInvestigation');
  });

  it(ruleTitle('alreadyOnAdvisoryList', 'refuses a second entry'), () => {
    const listed = [
      ...investigatedCase(STAFF),
      leftService(STAFF, 'RESIGNED', 'INVESTIGATION'),
      event('AdvisoryListEntryMade', { subjectId: STAFF, on: '2021-10-18' }),
    ];
    given(listed).when(advisory(STAFF)).thenThrows('alreadyOnAdvisoryList');
    given(listed)
      .when(command('RemoveFromAdvisoryList', { subjectId: STAFF, on: '2022-01-04' }))
      .then([event('AdvisoryListEntryRemoved', { subjectId: STAFF, on: '2022-01-04' })]);
  });

  it(ruleTitle('notOnAdvisoryList', 'refuses to remove a subject who is not on the list'), () => {
    given([...investigatedCase(), leftService(OFFICER, 'RESIGNED', 'INVESTIGATION')])
      .when(command('RemoveFromAdvisoryList', { subjectId: OFFICER, on: '2022-01-04' }))
      .thenThrows('notOnAdvisoryList');
  });
});
