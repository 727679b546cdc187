/**
 * The clocks of a complaint (PRA 2002 Sch 3; C&M Regs 2020; docs/domain/regulations.md §5 and
 * §12): contacting the complainant and deciding the handling, measured from the logging, and
 * the complainant's window to apply for a review. (The C&M reg 13 reports on a Schedule 3
 * investigation are investigation-deadlines.ts's, which run from the day the complaint was
 * made.) The first two rest on no period the regulations set: their lengths are data marked
 * unconfirmed, never stated as law.
 */
import type { CaseTimeline, ComplaintTimeline } from './case-timeline';
import type { DeadlineRule, Trigger } from './deadline-rule';
import { dueAfter, workingDays } from './deadline-periods';
import type { Period } from './deadline-periods';

/** C&M reg 33(2)(a): 28 days starting with the day after the complainant was given the outcome. */
const REVIEW_WINDOW: Period = { unit: 'DAYS', length: 28 };

/** Logged from 1 February 2020, when the duty to contact the complainant and log every complaint began. */
const SCHEDULE_3_AS_AMENDED = '2020-02-01';

function complaintOf(timeline: CaseTimeline): ComplaintTimeline | null {
  return timeline.complaint;
}

/** The complaint's clock from its logging: met on `metOn`, falling away if the complaint is finalised first. */
function fromLogging(timeline: CaseTimeline, metOn: (complaint: ComplaintTimeline) => string | null): Trigger[] {
  const complaint = complaintOf(timeline);
  if (complaint === null || complaint.loggedOn < SCHEDULE_3_AS_AMENDED) return [];
  return [{ subjectId: null, from: complaint.loggedOn, metOn: metOn(complaint), endsOn: complaint.finalisedOn }];
}

export const complainantContact: DeadlineRule = {
  rule: 'complainantContact',
  kind: 'DUTY',
  appliesTo: 'a complaint logged from 1 February 2020 whose complainant can be contacted (not an anonymous one), from the logging',
  periods: [
    {
      inForceFrom: null,
      period: workingDays(10),
      source:
        'PRA 2002 Sch 3 para 2(6) as amended from 1 February 2020: the complainant is contacted and their views sought (✔), but no period is set; the IOPC reports the average working days from logging to contact (5 in 2022/23, docs/domain/regulations.md §8.2). 10 working days is an assumption to verify against the IOPC statutory guidance',
      confidence: 'UNCONFIRMED',
    },
  ],
  triggers: (timeline) => (timeline.complaint?.anonymous === true ? [] : fromLogging(timeline, (complaint) => complaint.contactedOn)),
};

export const complaintHandlingDecision: DeadlineRule = {
  rule: 'complaintHandlingDecision',
  kind: 'DUTY',
  appliesTo: 'a complaint logged from 1 February 2020, from the logging to the decision to handle it outside Schedule 3 or record it',
  periods: [
    {
      inForceFrom: null,
      period: workingDays(10),
      source:
        'PRA 2002 Sch 3 para 2(6)-(6C): the handling is decided after the complainant is contacted (✔), with no period set; 10 working days is the IOPC measure of complaints recorded before 2020 (docs/domain/regulations.md §8.2, pre-2020 measures), assumed here for the decision',
      confidence: 'UNCONFIRMED',
    },
  ],
  triggers: (timeline) => fromLogging(timeline, (complaint) => complaint.firstHandlingDecidedOn),
};

export const complaintReviewWindow: DeadlineRule = {
  rule: 'complaintReviewWindow',
  kind: 'WINDOW',
  appliesTo: "the complainant's application for a review of a complaint recorded under Schedule 3, from each outcome naming a review body",
  periods: [
    {
      inForceFrom: null,
      period: REVIEW_WINDOW,
      source:
        'C&M Regs 2020 regs 29 and 33(2)(a): within 28 days starting the day after the complainant was given the outcome; days an application spent with the wrong body before it was forwarded do not count',
      confidence: 'CONFIRMED',
    },
  ],
  triggers: (timeline) => {
    const complaint = complaintOf(timeline);
    if (complaint === null) return [];
    const withReview = complaint.outcomes.filter((outcome) => outcome.reviewBody !== null);
    return withReview.map((outcome, index): Trigger => {
      const next = withReview[index + 1]?.on ?? null;
      const application = complaint.reviewApplications.find((applied) => applied.on >= outcome.on && (next === null || applied.on < next));
      const dueOn = dueAfter(outcome.on, { ...REVIEW_WINDOW, length: REVIEW_WINDOW.length + (application?.daysInTransit ?? 0) });
      return { subjectId: null, from: outcome.on, metOn: application?.on ?? null, endsOn: null, dueOn };
    });
  },
};
