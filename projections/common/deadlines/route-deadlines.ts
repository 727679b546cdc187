/**
 * The clocks of the reflective practice review process (Conduct Regs 2020 Part 6 and reg 70;
 * docs/domain/regulations.md §2.12 and §12 rows 30-31) and the barred-list reports after a
 * dismissal under the Performance or Vetting Regulations (§4.1, §12 row 23). Where the length
 * rests on a fact marked ◐ or ✖ it carries that mark, never stated as law.
 */
import { isHomeOfficeForce } from '../../../src/cases/case.regulations';
import type { WorkforceType } from '../../../src/cases/case.enums';
import { routeDismissalOf } from '../../../src/cases/reflective-practice.state';
import type { CaseTimeline, SubjectTimeline } from './case-timeline';
import { perSubject } from './deadline-rule';
import type { DeadlineRule, Trigger } from './deadline-rule';
import { months, workingDays } from './deadline-periods';

/** Who a barred-list report is about: Police Act 1996 s88A (officers, specials, staff). */
const LISTED_WORKFORCE: readonly WorkforceType[] = ['POLICE_OFFICER', 'SPECIAL_CONSTABLE', 'POLICE_STAFF'];

/** The day the subject's process ended without its stage: a failure to engage, or leaving the force. */
function processEndedOn(subject: SubjectTimeline): string | null {
  return subject.routes.reflectivePractice?.engagementFailed?.on ?? subject.departure?.on ?? null;
}

export const reflectiveAccount: DeadlineRule = {
  rule: 'reflectiveAccount',
  kind: 'WINDOW',
  appliesTo: "the participant's account in the reflective practice review process, from the notice of the referral",
  periods: [
    {
      inForceFrom: null,
      period: workingDays(5),
      source: 'Conduct Regs 2020 Part 6: the participant may give an account within 5 working days of the notice (ukpolicelawblog; Federation guides)',
      confidence: 'PARTLY_CONFIRMED',
    },
  ],
  triggers: (timeline) =>
    perSubject(timeline, (subject) => {
      const process = subject.routes.reflectivePractice;
      if (process === null || process.noticeOn === null) return null;
      return { subjectId: subject.subjectId, from: process.noticeOn, metOn: process.accountOn, endsOn: processEndedOn(subject) };
    }),
};

/** The report's own review period: the due day is the day it ends, as the report specifies. */
const AS_THE_REPORT_SPECIFIES = { unit: 'DAYS', length: 0 } as const;

export const reflectiveActionsReview: DeadlineRule = {
  rule: 'reflectiveActionsReview',
  kind: 'DUTY',
  appliesTo: "the review of a reflective review development report's actions, from the report's agreement to the end of the review period it specifies",
  periods: [
    {
      inForceFrom: null,
      period: AS_THE_REPORT_SPECIFIES,
      source:
        'Conduct Regs 2020 reg 70: the report specifies its key actions, their period and a review period (✔); the review of the actions at its end is a stage described by secondary sources (◐ ukpolicelawblog; Federation guides)',
      confidence: 'PARTLY_CONFIRMED',
    },
  ],
  triggers: (timeline) =>
    perSubject(timeline, (subject): Trigger | null => {
      const process = subject.routes.reflectivePractice;
      if (process === null || process.report === null) return null;
      const { agreedOn, reviewPeriodEndsOn } = process.report;
      return {
        subjectId: subject.subjectId,
        from: agreedOn,
        dueOn: reviewPeriodEndsOn,
        metOn: process.actionsReviewedOn,
        endsOn: subject.departure?.on ?? null,
      };
    }),
};

export const reflectivePdrFollowUp: DeadlineRule = {
  rule: 'reflectivePdrFollowUp',
  kind: 'DUTY',
  appliesTo: "the discussion of a reflective review development report at the officer's performance and development review, from the report's agreement",
  periods: [
    {
      inForceFrom: null,
      period: months(12),
      source: 'Conduct Regs 2020 reg 70: the report is discussed at the performance and development review during the 12 months after it is agreed',
      confidence: 'CONFIRMED',
    },
  ],
  triggers: (timeline) =>
    perSubject(timeline, (subject) => {
      const report = subject.routes.reflectivePractice?.report ?? null;
      if (report === null) return null;
      const metOn = subject.routes.reflectivePractice?.pdrFollowUpOn ?? null;
      return { subjectId: subject.subjectId, from: report.agreedOn, metOn, endsOn: subject.departure?.on ?? null };
    }),
};

/** The barred-list report owed after a dismissal on the given route (Barred List Regs 2017 reg 3: 5 working days beginning with it). */
function routeDismissalReport(basis: 'DISMISSED_PERFORMANCE' | 'DISMISSED_VETTING') {
  return (timeline: CaseTimeline): Trigger[] =>
    !isHomeOfficeForce(timeline.force)
      ? []
      : perSubject(timeline, (subject) => {
          const dismissal = routeDismissalOf(subject.routes);
          if (dismissal === null || dismissal.basis !== basis || !LISTED_WORKFORCE.includes(subject.workforceType)) return null;
          return { subjectId: subject.subjectId, from: dismissal.on, metOn: subject.barredListOn, endsOn: null };
        });
}

export const performanceBarredListReport: DeadlineRule = {
  rule: 'performanceBarredListReport',
  kind: 'DUTY',
  appliesTo: 'a dismissal under the Performance Regulations 2020, from the day of the dismissal',
  periods: [
    {
      inForceFrom: null,
      period: workingDays(5, 'BEGINNING_WITH'),
      source:
        'Police Act 1996 s88A; Barred List Regs 2017 reg 3(1): officers dismissed under the Performance Regulations are reported before the end of 5 working days beginning with the dismissal',
      confidence: 'CONFIRMED',
    },
  ],
  triggers: routeDismissalReport('DISMISSED_PERFORMANCE'),
};

export const vettingBarredListReport: DeadlineRule = {
  rule: 'vettingBarredListReport',
  kind: 'DUTY',
  appliesTo: 'a dismissal under the Vetting Regulations 2025, from the day of the dismissal',
  periods: [
    {
      inForceFrom: null,
      period: workingDays(5, 'BEGINNING_WITH'),
      source:
        'Barred List Regs 2017 reg 3(1) (5 working days beginning with the dismissal, ✔); that a dismissal under the Vetting Regulations 2025 is reported to the barred list is not confirmed in docs/domain/regulations.md §4.1, which names the Conduct and Performance Regulations: verify',
      confidence: 'UNCONFIRMED',
    },
  ],
  triggers: routeDismissalReport('DISMISSED_VETTING'),
};
