/**
 * The clocks before the proceedings and of the hearing in public (Conduct Regs 2020 regs 31,
 * 33, 36, 51 and 52; docs/domain/regulations.md §2.8, §2.11 and the time-limit table §12,
 * rows 8-11, 13-17): the officer's response to the notice of referral, the exchange of witness
 * lists, the pre-hearing and the officer's alternative date, the accelerated hearing's response
 * and its re-dating after a replaced member, and the public notice of a hearing. A period moved
 * by a recorded change (extended, or shortened by agreement: regs 22, 31(1), 33(1), 48) is due
 * on the day the change names. Periods marked ◐ or ✖ in the table are data with that mark.
 */
import type { CaseTimeline, SubjectTimeline } from './case-timeline';
import { perSubject } from './deadline-rule';
import type { DeadlineRule, Trigger } from './deadline-rule';
import { workingDays } from './deadline-periods';
import { addCalendarDays, isWorkingDay } from './working-days';
import type { ChangeablePeriod } from '../../../src/cases/pre-hearing.enums';

/** The periods of the 2020 regulations: a matter under the 2012 ones is not held to them. */
const perSubjectUnder2020 = (timeline: CaseTimeline, trigger: (subject: SubjectTimeline) => Trigger | null): Trigger[] =>
  timeline.regulations !== '2020' ? [] : perSubject(timeline, trigger);

/** Where a trigger runs to: the end of the subject's proceedings (their conclusion) or of the case. */
const endOf = (subject: SubjectTimeline, closedOn: string | null): string | null => subject.conclusion?.on ?? closedOn;

/** The due day a recorded change gives the period, if one does. */
const changedDue = (subject: SubjectTimeline, period: ChangeablePeriod): Pick<Trigger, 'dueOn'> => {
  const change = subject.preHearing.periodChanges[period];
  return change === undefined ? {} : { dueOn: change.dueOn };
};

/** reg 36 (✖): the notice is given at least this many working days before the hearing. */
const PUBLIC_NOTICE_WORKING_DAYS = 5;

/** The working day `count` working days before `day` (the latest day a notice "at least N working days before" may be given). */
export function workingDaysBefore(day: string, count: number): string {
  let current = day;
  for (let left = count; left > 0;) {
    current = addCalendarDays(current, -1);
    if (isWorkingDay(current)) left -= 1;
  }
  return current;
}

export const officerResponse: DeadlineRule = {
  rule: 'officerResponse',
  kind: 'DUTY',
  appliesTo: "the officer's written response to the notice of referral, from the day the documents were supplied (reg 30(1))",
  periods: [
    {
      inForceFrom: null,
      period: workingDays(15),
      source: 'Conduct Regs 2020 reg 31(1): within 15 working days of the documents being supplied; extendable for exceptional circumstances',
      confidence: 'CONFIRMED',
    },
  ],
  triggers: (timeline) =>
    perSubjectUnder2020(timeline, (subject) => {
      const notice = subject.preHearing.referralNotice;
      if (notice === null) return null;
      const metOn = subject.preHearing.response?.on ?? null;
      return {
        subjectId: subject.subjectId,
        from: notice.documentsSuppliedOn,
        metOn,
        endsOn: endOf(subject, timeline.closedOn),
        ...changedDue(subject, 'OFFICER_RESPONSE'),
      };
    }),
};

export const witnessListExchange: DeadlineRule = {
  rule: 'witnessListExchange',
  kind: 'DUTY',
  appliesTo: "each side's list of proposed witnesses, from the officer's response",
  periods: [
    {
      inForceFrom: null,
      period: workingDays(3),
      source: "Conduct Regs 2020 reg 31(4): within 3 working days of the officer's response",
      confidence: 'CONFIRMED',
    },
  ],
  triggers: (timeline) =>
    perSubjectUnder2020(timeline, (subject) => {
      const response = subject.preHearing.response;
      if (response === null) return null;
      return {
        subjectId: subject.subjectId,
        from: response.on,
        metOn: subject.preHearing.witnessListsOn,
        endsOn: endOf(subject, timeline.closedOn),
        ...changedDue(subject, 'WITNESS_LISTS'),
      };
    }),
};

export const preHearingHeld: DeadlineRule = {
  rule: 'preHearingHeld',
  kind: 'DUTY',
  appliesTo: 'the pre-hearing of a misconduct hearing, from the documents supplied to the chair (reg 32(6))',
  periods: [
    {
      inForceFrom: null,
      period: workingDays(15),
      source: 'Conduct Regs 2020 reg 33(1): within 15 working days of the documents being supplied to the chair; the chair may extend',
      confidence: 'CONFIRMED',
    },
  ],
  triggers: (timeline) =>
    perSubjectUnder2020(timeline, (subject) => {
      const suppliedOn = subject.preHearing.documentsToChairOn;
      if (suppliedOn === null) return null;
      return {
        subjectId: subject.subjectId,
        from: suppliedOn,
        metOn: subject.preHearing.preHearingHeldOn,
        endsOn: endOf(subject, timeline.closedOn),
        ...changedDue(subject, 'PRE_HEARING'),
      };
    }),
};

export const alternativePreHearingDate: DeadlineRule = {
  rule: 'alternativePreHearingDate',
  kind: 'WINDOW',
  appliesTo: "the officer's alternative time for the pre-hearing, which must fall within 5 working days after the date the chair set",
  periods: [
    {
      inForceFrom: null,
      period: workingDays(5),
      source: 'Conduct Regs 2020 reg 33(3): the alternative time falls within 5 working days after the date specified by the chair',
      confidence: 'CONFIRMED',
    },
  ],
  triggers: (timeline) =>
    perSubjectUnder2020(timeline, (subject) => {
      const set = subject.preHearing.preHearingSet;
      if (set === null) return null;
      // Met on the alternative day proposed: a day beyond the window shows out of time.
      return { subjectId: subject.subjectId, from: set.setFor, metOn: subject.preHearing.alternativeProposed?.proposedFor ?? null, endsOn: null };
    }),
};

export const acceleratedResponse: DeadlineRule = {
  rule: 'acceleratedResponse',
  kind: 'DUTY',
  appliesTo: "the officer's written response to the notice of an accelerated misconduct hearing (reg 51)",
  periods: [
    {
      inForceFrom: null,
      period: workingDays(7),
      source: 'Conduct Regs 2020 reg 51: believed 7 working days from the notice (docs/domain/regulations.md §12 row 17; verify)',
      confidence: 'UNCONFIRMED',
    },
  ],
  triggers: (timeline) =>
    perSubjectUnder2020(timeline, (subject) => {
      const proceedings = subject.proceedings;
      if (proceedings === null || proceedings.kind !== 'ACCELERATED_HEARING') return null;
      const metOn = subject.preHearing.acceleratedResponseOn;
      return {
        subjectId: subject.subjectId,
        from: proceedings.noticeServedOn,
        metOn,
        endsOn: endOf(subject, timeline.closedOn),
        ...changedDue(subject, 'ACCELERATED_RESPONSE'),
      };
    }),
};

export const acceleratedHearingRedated: DeadlineRule = {
  rule: 'acceleratedHearingRedated',
  kind: 'DUTY',
  appliesTo: 'an accelerated hearing re-dated after an objection to its chair or a member was upheld and they were replaced',
  periods: [
    {
      inForceFrom: null,
      period: workingDays(15),
      source: 'Conduct Regs 2020 reg 52(1A): not less than 10 and not more than 15 working days after the replacement',
      confidence: 'CONFIRMED',
    },
  ],
  notBefore: workingDays(10),
  triggers: (timeline) =>
    timeline.subjects.flatMap((subject) => {
      if (timeline.regulations !== '2020' || subject.proceedings?.kind !== 'ACCELERATED_HEARING') return [];
      return subject.preHearing.objections
        .filter((objection) => objection.replacedOn !== null)
        .map((objection): Trigger => ({
          subjectId: subject.subjectId,
          from: objection.replacedOn ?? '',
          metOn: objection.hearingOn,
          endsOn: endOf(subject, timeline.closedOn),
        }));
    }),
};

export const hearingPublicNotice: DeadlineRule = {
  rule: 'hearingPublicNotice',
  kind: 'DUTY',
  appliesTo: 'the public notice of a misconduct hearing, due some working days before the day the hearing is held',
  periods: [
    {
      inForceFrom: null,
      period: workingDays(PUBLIC_NOTICE_WORKING_DAYS),
      source:
        'Conduct Regs 2020 reg 36: the notice period is believed to be at least 5 working days before the hearing (docs/domain/regulations.md §12 row 13; verify)',
      confidence: 'UNCONFIRMED',
    },
  ],
  triggers: (timeline) =>
    perSubjectUnder2020(timeline, (subject) => {
      const proceedings = subject.proceedings;
      if (proceedings === null || proceedings.kind !== 'MISCONDUCT_HEARING') return null;
      // Counted back from the day the hearing is now set for (an adjournment moves it).
      const dueOn = workingDaysBefore(proceedings.scheduledFor, PUBLIC_NOTICE_WORKING_DAYS);
      return {
        subjectId: subject.subjectId,
        from: proceedings.noticeServedOn,
        dueOn,
        metOn: subject.preHearing.publicNotice?.on ?? null,
        endsOn: endOf(subject, timeline.closedOn),
      };
    }),
};
