/**
 * The clocks before the proceedings (pre-hearing-deadlines.ts), counted in working days over
 * the bank holidays of England and Wales, with a period moved by a recorded change.
 */
import { event } from '../../../src/cases/case.rules';
import { caseAtProceedings, OFFICER, RECEIVED_2012_REGS } from '../../../src/cases/testing/case-fixtures';
import type { CaseEvent } from '../../../src/cases/case.events';
import { caseTimeline } from './case-timeline';
import { deadlinesOf } from './deadlines';
import { withEventIds } from '../../../src/cases/testing/decider-spec';
import { workingDaysBefore } from './pre-hearing-deadlines';

const subjectId = OFFICER;

function clocks(events: readonly CaseEvent[], rule: string) {
  const timeline = caseTimeline(withEventIds(events));
  if (timeline === null) throw new Error('no case');
  return deadlinesOf(timeline)
    .filter((deadline) => deadline.rule === rule)
    .map(({ startsOn, dueOn, earliestOn, metOn }) => ({ startsOn, dueOn, earliestOn, metOn }));
}

describe('the clocks before the proceedings', () => {
  // Documents supplied Thursday 2022-12-15: 15 working days skip Christmas Day (Monday 26th as
  // substitute), Boxing Day (Tuesday 27th) and New Year's Day (Monday 2 January 2023).
  const noticed = [
    ...caseAtProceedings('MISCONDUCT_HEARING'),
    event('ReferralNoticeServed', { subjectId, on: '2022-12-15', documentsSuppliedOn: '2022-12-15', documents: ['NOTICE_OF_CONDUCT'] }),
  ];

  it('runs the reg 31 response 15 working days from the documents, over the bank holidays', () => {
    expect(clocks(noticed, 'officerResponse')).toEqual([{ startsOn: '2022-12-15', dueOn: '2023-01-10', earliestOn: null, metOn: null }]);
  });

  it('holds a matter under the 2012 regulations to none of these periods', () => {
    const legacy = [
      ...caseAtProceedings('MISCONDUCT_HEARING', { receivedOn: RECEIVED_2012_REGS }),
      event('ReferralNoticeServed', { subjectId, on: '2019-10-01', documentsSuppliedOn: '2019-10-01', documents: ['NOTICE_OF_CONDUCT'] }),
    ];
    expect(clocks(legacy, 'officerResponse')).toEqual([]);
    expect(clocks(legacy, 'hearingPublicNotice')).toEqual([]);
  });

  it('moves the due day to the one a recorded extension gives', () => {
    const extended = [
      ...noticed,
      event('PeriodChanged', {
        subjectId,
        on: '2023-01-05',
        period: 'OFFICER_RESPONSE',
        change: 'EXTENDED_EXCEPTIONAL_CIRCUMSTANCES',
        dueOn: '2023-01-20',
        reason: 'Illness.',
      }),
      event('OfficerResponseGiven', { subjectId, on: '2023-01-18', position: 'DISPUTED' }),
    ];
    expect(clocks(extended, 'officerResponse')).toEqual([{ startsOn: '2022-12-15', dueOn: '2023-01-20', earliestOn: null, metOn: '2023-01-18' }]);
    expect(clocks(extended, 'witnessListExchange')).toEqual([{ startsOn: '2023-01-18', dueOn: '2023-01-23', earliestOn: null, metOn: null }]);
  });

  it('runs the pre-hearing from the documents to the chair, and the alternative date 5 working days after the date set', () => {
    const events = [
      ...caseAtProceedings('MISCONDUCT_HEARING'),
      event('DocumentsSuppliedToChair', { subjectId, on: '2023-04-03' }),
      event('PreHearingDateSet', { subjectId, on: '2023-04-04', setFor: '2023-04-06' }),
      event('AlternativePreHearingDateProposed', { subjectId, on: '2023-04-05', proposedFor: '2023-04-14' }),
    ];
    // Good Friday 7 April and Easter Monday 10 April 2023 are not working days.
    expect(clocks(events, 'preHearingHeld')).toEqual([{ startsOn: '2023-04-03', dueOn: '2023-04-26', earliestOn: null, metOn: null }]);
    expect(clocks(events, 'alternativePreHearingDate')).toEqual([{ startsOn: '2023-04-06', dueOn: '2023-04-17', earliestOn: null, metOn: '2023-04-14' }]);
  });

  it('re-dates an accelerated hearing 10 to 15 working days after a replaced member (reg 52(1A))', () => {
    const events = [
      ...caseAtProceedings('ACCELERATED_HEARING'),
      event('PanelObjectionMade', { subjectId, on: '2021-10-04', member: 'CHAIR' }),
      event('PanelObjectionDetermined', { subjectId, on: '2021-10-05', member: 'CHAIR', upheld: true }),
      event('PanelMemberReplaced', { subjectId, on: '2021-10-06', member: 'CHAIR', hearingOn: '2021-10-22' }),
    ];
    expect(clocks(events, 'acceleratedHearingRedated')).toEqual([
      { startsOn: '2021-10-06', dueOn: '2021-10-27', earliestOn: '2021-10-20', metOn: '2021-10-22' },
    ]);
  });

  it('counts the public notice back 5 working days from the day the hearing is set for', () => {
    expect(workingDaysBefore('2023-01-03', 5)).toBe('2022-12-22');
    const events = [...caseAtProceedings('MISCONDUCT_HEARING'), event('HearingNoticePublished', { subjectId, on: '2021-10-20', hearingOn: '2021-11-01' })];
    expect(clocks(events, 'hearingPublicNotice')).toEqual([{ startsOn: '2021-10-01', dueOn: '2021-10-25', earliestOn: null, metOn: '2021-10-20' }]);
  });
});

describe('the clocks of the proceedings themselves, with the steps before them', () => {
  it('times a misconduct meeting from the documents supplied with the reg 30 notice (reg 34, unconfirmed)', () => {
    const events = [
      ...caseAtProceedings('MISCONDUCT_MEETING'),
      event('ReferralNoticeServed', { subjectId, on: '2021-10-04', documentsSuppliedOn: '2021-10-05', documents: ['NOTICE_OF_CONDUCT'] }),
    ];
    expect(clocks(events, 'misconductMeetingHeld')).toEqual([{ startsOn: '2021-10-05', dueOn: '2021-11-02', earliestOn: null, metOn: null }]);
  });

  it('drops the first accelerated-hearing clock once a replaced member re-dates the hearing', () => {
    const events = [
      ...caseAtProceedings('ACCELERATED_HEARING'),
      event('PanelObjectionMade', { subjectId, on: '2021-10-04', member: 'CHAIR' }),
      event('PanelObjectionDetermined', { subjectId, on: '2021-10-05', member: 'CHAIR', upheld: true }),
      event('PanelMemberReplaced', { subjectId, on: '2021-10-06', member: 'CHAIR', hearingOn: '2021-10-22' }),
    ];
    expect(clocks(events, 'acceleratedHearingHeld')).toEqual([]);
  });
});
