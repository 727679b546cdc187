/**
 * Given a case's events, the clocks of reflective practice, of the barred-list reports after a
 * Performance or Vetting dismissal (route-deadlines.ts), and the reg 10 pause of the clock of a
 * misconduct meeting (proceedings-pause.ts).
 */
import type { CaseEvent } from '../../../src/cases/case.events';
import { event } from '../../../src/cases/case.rules';
import { caseToAnswer, investigatedCase, OFFICER, referral, subjectAdded } from '../../../src/cases/testing/case-fixtures';
import { withEventIds } from '../../../src/cases/testing/decider-spec';
import { caseTimeline } from './case-timeline';
import type { DeadlineRuleName } from './deadline-rules';
import { authorityOf, deadlinesOf, isOverdue } from './deadlines';
import { PAUSE_ASSUMPTION } from './proceedings-pause';

const subjectId = OFFICER;

function deadlines(events: readonly CaseEvent[], rule: DeadlineRuleName) {
  const timeline = caseTimeline(withEventIds(events));
  if (timeline === null) throw new Error('no case');
  return deadlinesOf(timeline).filter((deadline) => deadline.rule === rule);
}

const referred = [
  ...investigatedCase(),
  caseToAnswer(OFFICER, 'PRACTICE_REQUIRING_IMPROVEMENT'),
  event('ReflectivePracticeReviewStarted', { subjectId, on: '2021-10-01' }),
  // Monday 4 October 2021.
  event('ReflectivePracticeNoticeGiven', { subjectId, on: '2021-10-04', reasons: 'reasons' }),
];
const reported = [
  ...referred,
  event('ReflectiveFactFindingCompleted', { subjectId, on: '2021-10-20' }),
  event('ReflectiveReviewDiscussionHeld', { subjectId, on: '2021-11-01', joint: false }),
  event('ReflectiveReviewReportAgreed', {
    subjectId,
    on: '2021-11-10',
    summary: 's',
    keyActions: 'a',
    actionsDueOn: '2022-02-10',
    lessonsForOfficer: 'l',
    lessonsForForce: 'f',
    reviewPeriodEndsOn: '2022-05-10',
  }),
];

describe('the clocks of reflective practice (Part 6, reg 70)', () => {
  it('gives the participant 5 working days from the notice for their account (◐), a window that the failure to engage closes', () => {
    expect(deadlines(referred, 'reflectiveAccount')).toEqual([
      expect.objectContaining({ kind: 'WINDOW', startsOn: '2021-10-04', dueOn: '2021-10-11', metOn: null }),
    ]);
    expect(authorityOf('reflectiveAccount', '2021-10-04').confidence).toBe('PARTLY_CONFIRMED');
    const failed = [...referred, event('ReflectivePracticeEngagementFailed', { subjectId, on: '2021-10-06', referredTo: 'MISCONDUCT' })];
    expect(deadlines(failed, 'reflectiveAccount')).toEqual([]);
  });

  it('owes the review of actions at the end of the review period and the PDR discussion within 12 months, each overdue until met', () => {
    const [review] = deadlines(reported, 'reflectiveActionsReview');
    expect(review).toMatchObject({ kind: 'DUTY', startsOn: '2021-11-10', dueOn: '2022-05-10', metOn: null });
    expect(isOverdue(review, '2022-05-11')).toBe(true);
    const [pdr] = deadlines(reported, 'reflectivePdrFollowUp');
    expect(pdr).toMatchObject({ kind: 'DUTY', startsOn: '2021-11-10', dueOn: '2022-11-10', metOn: null });
    expect(authorityOf('reflectivePdrFollowUp', '2021-11-10').confidence).toBe('CONFIRMED');
    const followedUp = [...reported, event('ReflectivePdrFollowUpHeld', { subjectId, on: '2022-06-01' })];
    expect(deadlines(followedUp, 'reflectivePdrFollowUp')).toEqual([expect.objectContaining({ metOn: '2022-06-01' })]);
  });
});

describe('the barred-list report after a Performance or Vetting dismissal (Barred List Regs 2017 reg 3)', () => {
  it('owes the report 5 working days beginning with a gross incompetence dismissal (✔) and a vetting dismissal (✖ unconfirmed)', () => {
    const performance = [
      referral(),
      subjectAdded(),
      event('ReferredToPerformanceRegulations', { subjectId, on: '2021-04-01', grossIncompetence: true }),
      event('PerformanceOutcomeRecorded', { subjectId, on: '2021-06-01', outcome: 'DISMISSAL_WITHOUT_NOTICE' }),
    ];
    expect(deadlines(performance, 'performanceBarredListReport')).toEqual([
      expect.objectContaining({ startsOn: '2021-06-01', dueOn: '2021-06-07', metOn: null }),
    ]);
    const vetting = [
      referral({ receivedOn: '2025-06-02' }),
      subjectAdded(),
      event('ReferredToVettingRegulations', { subjectId, on: '2025-06-10' }),
      event('VettingOutcomeRecorded', { subjectId, on: '2025-07-01', outcome: 'DISMISSAL_WITHOUT_NOTICE' }),
      event('BarredListEntryMade', { subjectId, on: '2025-07-03', basis: 'DISMISSED_VETTING' }),
    ];
    expect(deadlines(vetting, 'vettingBarredListReport')).toEqual([expect.objectContaining({ dueOn: '2025-07-07', metOn: '2025-07-03' })]);
    expect(authorityOf('vettingBarredListReport', '2025-07-01').confidence).toBe('UNCONFIRMED');
    const kept = [...vetting.slice(0, 3), event('VettingOutcomeRecorded', { subjectId, on: '2025-07-01', outcome: 'CLEARANCE_KEPT' })];
    expect(deadlines(kept, 'vettingBarredListReport')).toEqual([]);
  });
});

describe('reg 10: the clock of the proceedings while they are paused (◐)', () => {
  // Notice on Friday 1 October 2021: a meeting believed due within 20 working days, by 29 October.
  const meeting = [
    ...investigatedCase(),
    caseToAnswer(OFFICER, 'CASE_TO_ANSWER_MISCONDUCT'),
    event('ProceedingsScheduled', { subjectId, kind: 'MISCONDUCT_MEETING', noticeServedOn: '2021-10-01', scheduledFor: '2021-10-25' }),
  ];
  const paused = [...meeting, event('ProceedingsPaused', { subjectId, on: '2021-10-05', reason: 'trial' })];

  it('suspends the clock while the pause lasts, and moves the due day by the days paused once it ends, saying so', () => {
    expect(deadlines(meeting, 'misconductMeetingHeld')).toEqual([expect.objectContaining({ dueOn: '2021-10-29', assumption: null })]);
    expect(deadlines(paused, 'misconductMeetingHeld')).toEqual([]);
    const resumed = [...paused, event('ProceedingsResumed', { subjectId, on: '2021-10-15' })];
    const [held] = deadlines(resumed, 'misconductMeetingHeld');
    expect(held).toMatchObject({ startsOn: '2021-10-01', dueOn: '2021-11-08' });
    expect(held.assumption).toContain(PAUSE_ASSUMPTION);
  });

  it('lets a withdrawal end the clock of the meeting', () => {
    const withdrawn = [...meeting, event('ProceedingsWithdrawn', { subjectId, on: '2021-11-15', reason: 'withdrawn' })];
    expect(deadlines(withdrawn, 'misconductMeetingHeld')).toEqual([expect.objectContaining({ dueOn: '2021-10-29', metOn: null, lapsedOn: '2021-11-15' })]);
  });
});
