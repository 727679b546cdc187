/**
 * Given a case's events, these deadlines (deadline-rules.ts), with the due day each rule's
 * source gives. Dates are chosen so the working-day arithmetic shows: 1 October 2021 is a
 * Friday, 1 November 2021 a Monday.
 */
import type { CaseEvent } from '../../../src/cases/case.events';
import { event } from '../../../src/cases/case.rules';
import {
  caseAtProceedings,
  caseToAnswer,
  concluded,
  investigatedCase,
  investigationStarted,
  leftService,
  OFFICER,
  RECEIVED_2012_REGS,
  referral,
  referralData,
  reportSubmitted,
  resignedInPracticeMatter,
  severityAssessed,
  STAFF,
  subjectAdded,
} from '../../../src/cases/testing/case-fixtures';
import { ruleTitle, withEventIds } from '../../../src/cases/testing/decider-spec';
import { caseTimeline } from './case-timeline';
import type { DeadlineRuleName } from './deadline-rules';
import { authorityOf, deadlinesOf, isOutOfTime, isOverdue } from './deadlines';
import type { Deadline } from './deadlines';
import { REPORT_WITHHELD } from './investigation-deadlines';
import { NOTICE_END_ASSUMED, WRITTEN_OUTCOME_ASSUMED } from './subject-deadlines';

function deadlines(events: readonly CaseEvent[]): Deadline[] {
  const timeline = caseTimeline(withEventIds(events));
  if (timeline === null) throw new Error('no case');
  return deadlinesOf(timeline);
}

const of = (found: Deadline[], rule: DeadlineRuleName) =>
  found
    .filter((deadline) => deadline.rule === rule)
    .map(({ subjectId, dueOn, earliestOn, metOn, lapsedOn }) => ({ subjectId, dueOn, earliestOn, metOn, lapsedOn }));

const owed = (dueOn: string, more: { subjectId?: string | null; metOn?: string; lapsedOn?: string; earliestOn?: string } = {}) => ({
  subjectId: more.subjectId === undefined ? OFFICER : more.subjectId,
  dueOn,
  earliestOn: more.earliestOn ?? null,
  metOn: more.metOn ?? null,
  lapsedOn: more.lapsedOn ?? null,
});
const ofCase = (dueOn: string, more: { metOn?: string; lapsedOn?: string } = {}) => owed(dueOn, { ...more, subjectId: null });

const progressReport = (on: string, kind: 'TWELVE_MONTH' | 'SIX_MONTH_FOLLOW_UP', to: 'LOCAL_POLICING_BODY' | 'IOPC' = 'LOCAL_POLICING_BODY') =>
  event('ProgressReportSent', { to, on, kind });
const suspension = (type: 'SubjectSuspended' | 'SuspensionReviewed' | 'SubjectRestricted' | 'SuspensionLifted', on: string, subjectId = OFFICER) =>
  event(type, { subjectId, on, reason: 'reason' });
const openInvestigation = (receivedOn = '2021-03-01') => [referral({ receivedOn }), subjectAdded(), investigationStarted('2021-03-10')];

describe('twelveMonthReport and sixMonthFollowUp (Conduct Regs 2020 reg 19; C&M Regs 2020 reg 13)', () => {
  it('owes the 12-month report on the anniversary of the matter coming to attention, then the first follow-up', () => {
    const found = deadlines(openInvestigation());
    expect(of(found, 'twelveMonthReport')).toEqual([ofCase('2022-03-01')]);
    expect(of(found, 'sixMonthFollowUp')).toEqual([ofCase('2022-09-01')]);
    const twelve = found.find((deadline) => deadline.rule === 'twelveMonthReport');
    expect(twelve && isOverdue(twelve, '2022-03-01')).toBe(false);
    expect(twelve && isOverdue(twelve, '2022-03-02')).toBe(true);
  });

  it('counts every follow-up from the referral (12, 18, 24... months), so a referral on 31 August never drifts to the 28th', () => {
    const found = deadlines([
      referral({ receivedOn: '2020-08-31' }),
      subjectAdded(),
      investigationStarted('2020-09-10'),
      progressReport('2021-08-31', 'TWELVE_MONTH'),
      progressReport('2022-02-28', 'SIX_MONTH_FOLLOW_UP'),
      progressReport('2022-08-31', 'SIX_MONTH_FOLLOW_UP'),
      progressReport('2023-02-28', 'SIX_MONTH_FOLLOW_UP'),
      progressReport('2023-08-31', 'SIX_MONTH_FOLLOW_UP'),
      reportSubmitted('2023-10-02'),
    ]);
    expect(of(found, 'twelveMonthReport').map((deadline) => deadline.dueOn)).toEqual(['2021-08-31']);
    expect(of(found, 'sixMonthFollowUp').map((deadline) => deadline.dueOn)).toEqual(['2022-02-28', '2022-08-31', '2023-02-28', '2023-08-31']);
  });

  it('is met only by a report to the local policing body: one to the IOPC alone does not meet it', () => {
    const found = deadlines([...openInvestigation(), progressReport('2022-03-08', 'TWELVE_MONTH', 'IOPC')]);
    expect(of(found, 'twelveMonthReport')).toEqual([ofCase('2022-03-01')]);
  });

  it('owes the report of a matter under Schedule 3 (C&M reg 13) to the local policing body and the Director General: met when both have it', () => {
    const recorded = event('ConductMatterRecorded', { on: '2021-03-02', grounds: [] });
    const [opening, ...rest] = openInvestigation();
    const lpbOnly = deadlines([opening, recorded, ...rest, progressReport('2022-02-20', 'TWELVE_MONTH')]);
    expect(of(lpbOnly, 'twelveMonthReport')).toEqual([ofCase('2022-03-01')]);
    const both = deadlines([opening, recorded, ...rest, progressReport('2022-02-20', 'TWELVE_MONTH'), progressReport('2022-03-03', 'TWELVE_MONTH', 'IOPC')]);
    expect(of(both, 'twelveMonthReport')).toEqual([ofCase('2022-03-01', { metOn: '2022-03-03' })]);
    // A conduct matter not recorded under Schedule 3: reg 19, the local policing body alone.
    const conduct = deadlines([...openInvestigation(), progressReport('2022-02-20', 'TWELVE_MONTH')]);
    expect(of(conduct, 'twelveMonthReport')).toEqual([ofCase('2022-03-01', { metOn: '2022-02-20' })]);
  });

  it('owes the force nothing for a directed or independent investigation: the Director General reports (C&M reg 13)', () => {
    for (const mode of ['DIRECTED', 'INDEPENDENT'] as const) {
      const found = deadlines([
        ...openInvestigation(),
        event('ReferredToIopc', { referredOn: '2021-03-02', mandatory: true, criteria: ['SERIOUS_CORRUPTION'] }),
        event('IopcDecisionRecorded', { mode, decidedOn: '2021-03-05' }),
      ]);
      expect(of(found, 'twelveMonthReport')).toEqual([]);
      expect(of(found, 'sixMonthFollowUp')).toEqual([]);
    }
  });

  it('twelveMonthReport, sixMonthFollowUp: a report withheld as it might prejudice an investigation discharges its period, and the read says so', () => {
    const withheld = (on: string, kind: 'TWELVE_MONTH' | 'SIX_MONTH_FOLLOW_UP') => event('ProgressReportWithheld', { on, kind });
    const found = deadlines([...openInvestigation(), withheld('2022-03-01', 'TWELVE_MONTH'), progressReport('2022-09-01', 'SIX_MONTH_FOLLOW_UP')]);
    expect(of(found, 'twelveMonthReport')).toEqual([ofCase('2022-03-01', { metOn: '2022-03-01' })]);
    expect(of(found, 'sixMonthFollowUp')).toEqual([ofCase('2022-09-01', { metOn: '2022-09-01' }), ofCase('2023-03-01')]);
    const exemptions = found.filter((deadline) => deadline.rule !== 'suspensionReview').map(({ rule, exemption }) => ({ rule, exemption }));
    expect(exemptions).toEqual([
      { rule: 'twelveMonthReport', exemption: REPORT_WITHHELD },
      { rule: 'sixMonthFollowUp', exemption: null },
      { rule: 'sixMonthFollowUp', exemption: null },
    ]);
    expect(found.every((deadline) => !isOutOfTime(deadline))).toBe(true);
    // A follow-up withheld too.
    const both = deadlines([...openInvestigation(), progressReport('2022-03-01', 'TWELVE_MONTH'), withheld('2022-08-31', 'SIX_MONTH_FOLLOW_UP')]);
    expect(both.filter((deadline) => deadline.rule === 'sixMonthFollowUp')[0]).toMatchObject({ metOn: '2022-08-31', exemption: REPORT_WITHHELD });
  });

  it('counts a report and its copy to the IOPC once, and moves on to the next follow-up once one is sent', () => {
    const found = deadlines([
      ...openInvestigation(),
      progressReport('2022-03-08', 'TWELVE_MONTH'),
      progressReport('2022-03-08', 'TWELVE_MONTH', 'IOPC'),
      progressReport('2022-08-30', 'SIX_MONTH_FOLLOW_UP'),
      progressReport('2022-08-30', 'SIX_MONTH_FOLLOW_UP', 'IOPC'),
    ]);
    expect(of(found, 'twelveMonthReport')).toEqual([ofCase('2022-03-01', { metOn: '2022-03-08' })]);
    expect(of(found, 'sixMonthFollowUp')).toEqual([ofCase('2022-09-01', { metOn: '2022-08-30' }), ofCase('2023-03-01')]);
    expect(found.filter((deadline) => deadline.rule === 'twelveMonthReport').map(isOutOfTime)).toEqual([true]);
  });

  it('owes nothing when the investigation reports within 12 months', () => {
    const found = deadlines([...openInvestigation(), reportSubmitted('2022-02-28')]);
    expect(of(found, 'twelveMonthReport')).toEqual([]);
    expect(of(found, 'sixMonthFollowUp')).toEqual([]);
  });

  it('records a report never sent as lapsed when the investigation ends, with every follow-up missed', () => {
    const found = deadlines([...openInvestigation(), reportSubmitted('2023-04-03')]);
    expect(of(found, 'twelveMonthReport')).toEqual([ofCase('2022-03-01', { lapsedOn: '2023-04-03' })]);
    expect(of(found, 'sixMonthFollowUp')).toEqual([ofCase('2022-09-01', { lapsedOn: '2023-04-03' }), ofCase('2023-03-01', { lapsedOn: '2023-04-03' })]);
  });

  it('does not apply to matters under the 2012 regulations, nor before an investigation starts', () => {
    expect(of(deadlines(openInvestigation('2019-06-03')), 'twelveMonthReport')).toEqual([]);
    expect(of(deadlines([referral(), subjectAdded()]), 'twelveMonthReport')).toEqual([]);
  });

  it('follows a corrected date of coming to attention', () => {
    const history = withEventIds(openInvestigation());
    const corrected = event('RecordCorrected', {
      correctsEventId: history[0].eventId,
      reason: 'came to light later',
      replacement: referralData({ receivedOn: '2021-04-12' }),
    });
    const timeline = caseTimeline([...history, { ...corrected, eventId: 'correction-1' }]);
    expect(timeline && of(deadlinesOf(timeline), 'twelveMonthReport')).toEqual([ofCase('2022-04-12')]);
  });
});

describe('suspensionReview (reg 11; interval as force practice, then the reported 2026 amendment)', () => {
  it('is due 4 weeks after the suspension, then 4 weeks after each review', () => {
    const found = deadlines([...openInvestigation(), suspension('SubjectSuspended', '2021-04-01'), suspension('SuspensionReviewed', '2021-04-27')]);
    expect(of(found, 'suspensionReview')).toEqual([owed('2021-04-29', { metOn: '2021-04-27' }), owed('2021-05-25')]);
  });

  it('is no longer owed once the suspension is lifted before the review falls due, and lapses if lifted after', () => {
    const start = [...openInvestigation(), suspension('SubjectSuspended', '2021-04-01')];
    expect(of(deadlines([...start, suspension('SuspensionLifted', '2021-04-20')]), 'suspensionReview')).toEqual([]);
    expect(of(deadlines([...start, suspension('SuspensionLifted', '2021-05-10')]), 'suspensionReview')).toEqual([
      owed('2021-04-29', { lapsedOn: '2021-05-10' }),
    ]);
  });

  it('ends with the proceedings, and does not apply to restricted duties', () => {
    const found = deadlines([...caseAtProceedings('MISCONDUCT_HEARING'), suspension('SubjectSuspended', '2021-10-04'), concluded({ on: '2021-10-20' })]);
    expect(of(found, 'suspensionReview')).toEqual([]);
    expect(of(deadlines([...openInvestigation(), suspension('SubjectRestricted', '2021-04-01')]), 'suspensionReview')).toEqual([]);
  });

  it('allows 12 weeks for suspensions and reviews from 13 July 2026', () => {
    const found = deadlines([...openInvestigation('2026-06-01'), suspension('SubjectSuspended', '2026-08-03')]);
    const [review] = found.filter((deadline) => deadline.rule === 'suspensionReview');
    expect(review.dueOn).toBe('2026-10-26');
    expect(authorityOf('suspensionReview', review.startsOn).source).toMatch(/2026/);
    expect(authorityOf('suspensionReview', '2026-07-12').source).toMatch(/force practice/);
  });
});

describe('proceedings held in time', () => {
  it('holds an accelerated hearing not less than 10 and not more than 15 working days after the notice (reg 52)', () => {
    const scheduled = caseAtProceedings('ACCELERATED_HEARING'); // notice 2021-10-01, scheduled for 2021-11-01
    expect(of(deadlines(scheduled), 'acceleratedHearingHeld')).toEqual([owed('2021-10-22', { earliestOn: '2021-10-15' })]);
    const held = deadlines([...scheduled, concluded()]);
    expect(of(held, 'acceleratedHearingHeld')).toEqual([owed('2021-10-22', { earliestOn: '2021-10-15', metOn: '2021-11-01' })]);
    expect(held.filter((deadline) => deadline.rule === 'acceleratedHearingHeld').map(isOutOfTime)).toEqual([true]);
  });

  it('counts an accelerated hearing held early as on time when the limits were shortened by agreement (regs 22, 48)', () => {
    const early = {
      subjectId: OFFICER,
      kind: 'ACCELERATED_HEARING' as const,
      noticeServedOn: '2021-10-01',
      scheduledFor: '2021-10-06',
    };
    const history = (shortenedByAgreement?: true) => [
      referral(),
      subjectAdded(),
      event('ProceedingsScheduled', shortenedByAgreement ? { ...early, shortenedByAgreement } : early),
      concluded({ on: '2021-10-06' }),
    ];
    const held = (events: CaseEvent[]) => deadlines(events).filter((deadline) => deadline.rule === 'acceleratedHearingHeld');
    expect(held(history()).map(isOutOfTime)).toEqual([true]);
    expect(held(history(true)).map(isOutOfTime)).toEqual([false]);
  });

  it('holds a misconduct meeting within 20 working days of the notice (reg 34, unconfirmed)', () => {
    expect(of(deadlines(caseAtProceedings('MISCONDUCT_MEETING')), 'misconductMeetingHeld')).toEqual([owed('2021-10-29')]);
    expect(authorityOf('misconductMeetingHeld', '2021-10-01').confidence).toBe('UNCONFIRMED');
  });
});

describe('appeal windows', () => {
  const meetingOutcome = () => [
    ...caseAtProceedings('MISCONDUCT_MEETING'),
    concluded({ findings: [{ standard: 'CONFIDENTIALITY', proven: true, level: 'MISCONDUCT' }], outcome: 'WRITTEN_WARNING' }),
  ];

  it('gives an officer 7 working days to appeal a meeting outcome to the force (reg 45), met by lodging one', () => {
    expect(of(deadlines(meetingOutcome()), 'meetingAppealWindow')).toEqual([owed('2021-11-10')]);
    const lodged = deadlines([...meetingOutcome(), event('AppealLodged', { subjectId: OFFICER, forum: 'INTERNAL', on: '2021-11-09' })]);
    expect(of(lodged, 'meetingAppealWindow')).toEqual([owed('2021-11-10', { metOn: '2021-11-09' })]);
  });

  it('meetingAppealWindow: runs from the recorded receipt of the written outcome (reg 43), not from the outcome day, and assumes nothing', () => {
    // Concluded Monday 1 November 2021; the written outcome reached the officer on Friday 5 November.
    const received = deadlines([...meetingOutcome(), event('WrittenOutcomeReceived', { subjectId: OFFICER, on: '2021-11-05' })]);
    expect(of(received, 'meetingAppealWindow')).toEqual([owed('2021-11-16')]);
    const [window] = received.filter((deadline) => deadline.rule === 'meetingAppealWindow');
    expect(window.startsOn).toBe('2021-11-05');
    expect(window.assumption).toBeNull();
  });

  it('meetingAppealWindow, tribunalAppealWindow: until the receipt is recorded, count from the outcome day and say that is an assumption', () => {
    const [meeting] = deadlines(meetingOutcome()).filter((deadline) => deadline.rule === 'meetingAppealWindow');
    expect(meeting).toMatchObject({ startsOn: '2021-11-01', assumption: WRITTEN_OUTCOME_ASSUMED });
    const hearing = deadlines([...caseAtProceedings('MISCONDUCT_HEARING'), concluded()]);
    const [tribunal] = hearing.filter((deadline) => deadline.rule === 'tribunalAppealWindow');
    expect(tribunal).toMatchObject({ startsOn: '2021-11-01', assumption: WRITTEN_OUTCOME_ASSUMED });
    // The statutory duties of the same case rest on recorded facts only.
    expect(hearing.filter((deadline) => deadline.kind === 'DUTY').map((deadline) => deadline.assumption)).toEqual([null]);
    expect(authorityOf(tribunal.rule, tribunal.startsOn).source).not.toContain('assumed');
  });

  it('never calls a closed appeal window overdue', () => {
    const [window] = deadlines(meetingOutcome()).filter((deadline) => deadline.rule === 'meetingAppealWindow');
    expect(window.kind).toBe('WINDOW');
    expect(isOverdue(window, '2022-01-01')).toBe(false);
  });

  it('gives 10 working days to appeal a hearing outcome to the Police Appeals Tribunal (rule 9, unconfirmed)', () => {
    expect(of(deadlines([...caseAtProceedings('MISCONDUCT_HEARING'), concluded()]), 'tribunalAppealWindow')).toEqual([owed('2021-11-15')]);
  });

  it('opens no window when there is no disciplinary action', () => {
    const cleared = deadlines([...caseAtProceedings('MISCONDUCT_HEARING'), concluded({ findings: [], outcome: 'NO_FURTHER_ACTION' })]);
    expect(of(cleared, 'tribunalAppealWindow')).toEqual([]);
  });
});

describe('barredListReport (Barred List Regs 2017 reg 3)', () => {
  it('is due before the end of 5 working days beginning with the day of the dismissal', () => {
    expect(of(deadlines([...caseAtProceedings('MISCONDUCT_HEARING'), concluded()]), 'barredListReport')).toEqual([owed('2021-11-05')]);
    const reported = deadlines([
      ...caseAtProceedings(),
      concluded(),
      event('BarredListEntryMade', { subjectId: OFFICER, on: '2021-11-04', basis: 'DISMISSED' }),
    ]);
    expect(of(reported, 'barredListReport')).toEqual([owed('2021-11-05', { metOn: '2021-11-04' })]);
  });

  it('applies to a former officer found that they would have been dismissed', () => {
    const found = deadlines([...caseAtProceedings(), leftService(OFFICER), concluded({ formerOfficer: true })]);
    expect(of(found, 'barredListReport')).toEqual([owed('2021-11-05')]);
  });

  it('barredListReport: runs from the end of the notice of a 2012 dismissal with notice, assumed until it is recorded', () => {
    const withNotice = [...caseAtProceedings('MISCONDUCT_HEARING', { receivedOn: RECEIVED_2012_REGS }), concluded({ outcome: 'DISMISSAL_WITH_NOTICE' })];
    // Concluded Monday 1 November 2021: the notice ends on Monday 29 November at the earliest.
    const [assumed] = deadlines(withNotice).filter((deadline) => deadline.rule === 'barredListReport');
    expect(assumed).toMatchObject({ startsOn: '2021-11-29', dueOn: '2021-12-03', assumption: NOTICE_END_ASSUMED });
    const recorded = deadlines([...withNotice, event('DismissalTookEffect', { subjectId: OFFICER, on: '2021-12-01' })]);
    const [effective] = recorded.filter((deadline) => deadline.rule === 'barredListReport');
    expect(effective).toMatchObject({ startsOn: '2021-12-01', dueOn: '2021-12-07', assumption: null });
  });

  it('falls away when an appeal overturns the dismissal before the report', () => {
    const found = deadlines([
      ...caseAtProceedings(),
      concluded(),
      event('AppealLodged', { subjectId: OFFICER, forum: 'POLICE_APPEALS_TRIBUNAL', on: '2021-11-02' }),
      event('AppealDetermined', { subjectId: OFFICER, forum: 'POLICE_APPEALS_TRIBUNAL', on: '2021-11-03', result: 'ALLOWED' }),
    ]);
    expect(of(found, 'barredListReport')).toEqual([]);
  });
});

describe('advisoryListReport (Barred List Regs 2017 reg 12)', () => {
  it('is due within 5 working days beginning with a resignation under investigation', () => {
    // Resigned Friday 15 October 2021, during proceedings.
    expect(of(deadlines([...caseAtProceedings(), leftService(OFFICER)]), 'advisoryListReport')).toEqual([owed('2021-10-21')]);
    const reported = deadlines([...caseAtProceedings(), leftService(OFFICER), event('AdvisoryListEntryMade', { subjectId: OFFICER, on: '2021-10-20' })]);
    expect(of(reported, 'advisoryListReport')).toEqual([owed('2021-10-21', { metOn: '2021-10-20' })]);
  });

  it('applies to police staff too, and lapses when the proceedings conclude without the report', () => {
    const events = [...caseAtProceedings('MISCONDUCT_HEARING', { subjectId: STAFF }), leftService(STAFF), concluded({ subjectId: STAFF, formerOfficer: true })];
    expect(of(deadlines(events), 'advisoryListReport')).toEqual([owed('2021-10-21', { subjectId: STAFF, lapsedOn: '2021-11-01' })]);
  });

  it('runs from the day the matter came to light for someone who had left before it (s88I(1)(b))', () => {
    // Retired on 1 June 2021; the matter came to light on Monday 4 October 2021.
    const events = [referral({ receivedOn: '2021-10-04' }), subjectAdded(), leftService(OFFICER, 'RETIRED', 'ASSESSMENT', true, '2021-06-01')];
    expect(of(deadlines(events), 'advisoryListReport')).toEqual([owed('2021-10-08')]);
  });

  it("is owed for a designated volunteer's withdrawn designation (s88I(1)(c))", () => {
    const events = [
      referral(),
      subjectAdded('subject-volunteer', { workforceType: 'VOLUNTEER', rank: 'STAFF' }),
      leftService('subject-volunteer', 'DESIGNATION_WITHDRAWN', 'INVESTIGATION', true, '2021-10-15'),
    ];
    expect(of(deadlines(events), 'advisoryListReport')).toEqual([owed('2021-10-21', { subjectId: 'subject-volunteer' })]);
  });

  it('is not owed by a force outside the Home Office forces, nor is the barred-list report (Police Act 1996 Part 4A)', () => {
    const btp = (events: CaseEvent[]) => [referral({ force: 'BRITISH_TRANSPORT_POLICE' }), ...events.slice(1)];
    expect(of(deadlines(btp([...caseAtProceedings(), leftService(OFFICER)])), 'advisoryListReport')).toEqual([]);
    expect(of(deadlines(btp([...caseAtProceedings('MISCONDUCT_HEARING'), concluded()])), 'barredListReport')).toEqual([]);
  });

  it(
    ruleTitle(
      'advisoryListNeedsMatterThatCouldLeadToDismissal',
      'owes no advisory-list report for a departure in a matter assessed as practice requiring improvement',
    ),
    () => {
      expect(of(deadlines(resignedInPracticeMatter()), 'advisoryListReport')).toEqual([]);
      // Left before it came to light, and assessed as practice requiring improvement on arrival.
      const cameToLight = [referral({ receivedOn: '2021-10-04' }), subjectAdded(), leftService(OFFICER, 'RETIRED', 'ASSESSMENT', true, '2021-06-01')];
      expect(of(deadlines([...cameToLight, severityAssessed(OFFICER, 'PRACTICE_REQUIRING_IMPROVEMENT')]), 'advisoryListReport')).toEqual([]);
      expect(of(deadlines(cameToLight), 'advisoryListReport')).toEqual([owed('2021-10-08')]);
    },
  );

  it(ruleTitle('advisoryListNeedsMatterThatCouldLeadToDismissal', 'ends the duty the day the matter is decided to have no case to answer'), () => {
    // Resigned Friday 15 October 2021 awaiting the case-to-answer decision: due Thursday 21 October.
    const left = [...investigatedCase(), leftService(OFFICER, 'RESIGNED', 'DECISION')];
    const noCase = (on: string) => deadlines([...left, caseToAnswer(OFFICER, 'NO_CASE_TO_ANSWER', on)]);
    expect(of(deadlines(left), 'advisoryListReport')).toEqual([owed('2021-10-21')]);
    // Decided before the report was due: never owed.
    expect(of(noCase('2021-10-18'), 'advisoryListReport')).toEqual([]);
    // Decided after it was due, without the report: it lapsed unmet that day.
    expect(of(noCase('2021-11-01'), 'advisoryListReport')).toEqual([owed('2021-10-21', { lapsedOn: '2021-11-01' })]);
    // A case to answer keeps it owed.
    expect(of(deadlines([...left, caseToAnswer(OFFICER, 'CASE_TO_ANSWER_GROSS_MISCONDUCT', '2021-10-18')]), 'advisoryListReport')).toEqual([
      owed('2021-10-21'),
    ]);
  });

  it('is not owed for a transfer, nor for leaving after the outcome', () => {
    expect(of(deadlines([...caseAtProceedings(), leftService(OFFICER, 'TRANSFERRED')]), 'advisoryListReport')).toEqual([]);
    const after = deadlines([
      ...caseAtProceedings(),
      concluded({ outcome: 'FINAL_WRITTEN_WARNING' }),
      leftService(OFFICER, 'RESIGNED', 'CONCLUDED', true, '2021-12-01'),
    ]);
    expect(of(after, 'advisoryListReport')).toEqual([]);
  });
});

describe('history recorded late', () => {
  it('gives the same deadlines whatever order the events were recorded in', () => {
    const onTheDay = [
      ...openInvestigation(),
      suspension('SubjectSuspended', '2021-04-01'),
      suspension('SuspensionReviewed', '2021-04-27'),
      progressReport('2022-03-08', 'TWELVE_MONTH'),
    ];
    const late = [
      ...openInvestigation(),
      progressReport('2022-03-08', 'TWELVE_MONTH'),
      suspension('SubjectSuspended', '2021-04-01'),
      suspension('SuspensionReviewed', '2021-04-27'),
    ];
    const comparable = (found: Deadline[]) => found.map(({ rule, subjectId, dueOn, metOn, lapsedOn }) => ({ rule, subjectId, dueOn, metOn, lapsedOn }));
    expect(comparable(deadlines(late))).toEqual(comparable(deadlines(onTheDay)));
  });
});
