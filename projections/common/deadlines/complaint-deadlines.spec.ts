/**
 * Given a complaint's events, its clocks (complaint-deadlines.ts). 1 March 2021 is a Monday:
 * ten working days after it end on Monday 15 March.
 */
import type { CaseEvent } from '../../../src/cases/case.events';
import { event } from '../../../src/cases/case.rules';
import { investigationStarted, referral } from '../../../src/cases/testing/case-fixtures';
import { withEventIds } from '../../../src/cases/testing/decider-spec';
import { caseTimeline } from './case-timeline';
import type { DeadlineRuleName } from './deadline-rules';
import { authorityOf, deadlinesOf, isOutOfTime, isOverdue } from './deadlines';

function deadlines(events: readonly CaseEvent[], rule: DeadlineRuleName) {
  const timeline = caseTimeline(withEventIds(events));
  if (timeline === null) throw new Error('no case');
  return deadlinesOf(timeline)
    .filter((deadline) => deadline.rule === rule)
    .map(({ kind, startsOn, dueOn, metOn, lapsedOn }) => ({ kind, startsOn, dueOn, metOn, lapsedOn }));
}

const complaint = referral({ caseType: 'COMPLAINT', source: 'PUBLIC_COMPLAINT', receivedOn: '2021-03-01' });
const logged = (anonymous = false): CaseEvent =>
  event('ComplaintLogged', {
    loggedOn: '2021-03-01',
    anonymous,
    ...(anonymous ? {} : { complainantDetails: 'details' }),
    allegations: [{ allegationId: 'a-1', category: 'INDIVIDUAL_BEHAVIOURS', incidentOn: '2021-02-26' }],
  });
const contacted = event('ComplainantContacted', { on: '2021-03-03' });
const recorded = event('ComplaintHandlingDecided', {
  on: '2021-03-16',
  handling: 'RECORDED_UNDER_SCHEDULE_3',
  complainantWantsRecorded: true,
  schedule3Grounds: [],
});
const outcome = (on: string) => event('ComplaintOutcomeNotified', { on, reviewBody: 'IOPC' });

describe('complainantContact and complaintHandlingDecision (PRA 2002 Sch 3 para 2(6); periods unconfirmed)', () => {
  it('counts 10 working days from the logging, met by the contact and the first handling decision', () => {
    const events = [complaint, logged(), contacted, recorded];
    expect(deadlines(events, 'complainantContact')).toEqual([
      { kind: 'DUTY', startsOn: '2021-03-01', dueOn: '2021-03-15', metOn: '2021-03-03', lapsedOn: null },
    ]);
    const [decision] = deadlinesOf(caseTimeline(withEventIds(events)) ?? (undefined as never)).filter(
      (deadline) => deadline.rule === 'complaintHandlingDecision',
    );
    expect(decision).toMatchObject({ dueOn: '2021-03-15', metOn: '2021-03-16' });
    expect(isOutOfTime(decision)).toBe(true);
    expect(authorityOf('complainantContact', '2021-03-01').confidence).toBe('UNCONFIRMED');
  });

  it('owes no contact with an anonymous complainant, and the contact is overdue the day after its due day', () => {
    expect(deadlines([complaint, logged(true)], 'complainantContact')).toEqual([]);
    const [owed] = deadlinesOf(caseTimeline(withEventIds([complaint, logged()])) ?? (undefined as never)).filter(
      (deadline) => deadline.rule === 'complainantContact',
    );
    expect(isOverdue(owed, '2021-03-15')).toBe(false);
    expect(isOverdue(owed, '2021-03-16')).toBe(true);
  });

  it('a complaint withdrawn before its due day owes nothing more', () => {
    expect(deadlines([complaint, logged(), event('ComplaintWithdrawn', { on: '2021-03-02', directorGeneralNotified: false })], 'complainantContact')).toEqual(
      [],
    );
  });
});

describe('complaintReviewWindow (C&M Regs 2020 regs 29 and 33(2)(a))', () => {
  const handled = [complaint, logged(), contacted, recorded, event('ComplaintHandledOtherwise', { on: '2021-03-20', outcome: 'LEARNING' })];

  it('is open 28 days starting the day after the outcome, and never overdue', () => {
    const window = deadlines([...handled, outcome('2021-04-01')], 'complaintReviewWindow');
    expect(window).toEqual([{ kind: 'WINDOW', startsOn: '2021-04-01', dueOn: '2021-04-29', metOn: null, lapsedOn: null }]);
    expect(authorityOf('complaintReviewWindow', '2021-04-01').confidence).toBe('CONFIRMED');
  });

  it('is met by the application, and lengthened by days the application spent with the wrong body', () => {
    const applied = event('ComplaintReviewApplied', { on: '2021-05-01', daysInTransit: 3 });
    expect(deadlines([...handled, outcome('2021-04-01'), applied], 'complaintReviewWindow')).toEqual([
      { kind: 'WINDOW', startsOn: '2021-04-01', dueOn: '2021-05-02', metOn: '2021-05-01', lapsedOn: null },
    ]);
  });

  it('opens again for a new outcome after an upheld review', () => {
    const events = [
      ...handled,
      outcome('2021-04-01'),
      event('ComplaintReviewApplied', { on: '2021-04-10' }),
      event('ComplaintReviewDecided', { on: '2021-05-10', result: 'UPHELD', recommendationsMade: true }),
      event('ComplaintHandledOtherwise', { on: '2021-06-01', outcome: 'EXPLANATION_OR_APOLOGY' }),
      outcome('2021-06-02'),
    ];
    expect(deadlines(events, 'complaintReviewWindow').map(({ dueOn, metOn }) => ({ dueOn, metOn }))).toEqual([
      { dueOn: '2021-04-29', metOn: '2021-04-10' },
      { dueOn: '2021-06-30', metOn: null },
    ]);
  });
});

describe('C&M Regs 2020 reg 13 on a recorded complaint under investigation', () => {
  it('owes the 12-month report from the day the complaint was made', () => {
    const events = [complaint, logged(), contacted, recorded, investigationStarted('2021-03-20')];
    expect(deadlines(events, 'twelveMonthReport')).toEqual([{ kind: 'DUTY', startsOn: '2021-03-01', dueOn: '2022-03-01', metOn: null, lapsedOn: null }]);
  });
});
