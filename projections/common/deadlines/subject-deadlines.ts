/**
 * Deadlines of each subject: suspension reviews, the timing of proceedings, appeal windows,
 * and the reports to the College of Policing's barred and advisory lists (docs/domain/regulations.md
 * table rows 6, 12, 15, 19, 21, 23 and 24).
 */
import { DISCIPLINARY_OUTCOMES, DISMISSAL_OUTCOMES, isOneOf } from '../../../src/cases/case.enums';
import type { WorkforceType } from '../../../src/cases/case.enums';
import { DISMISSAL_NOTICE_MINIMUM_DAYS, GOVERNED_BY_CONDUCT_REGULATIONS, isHomeOfficeForce, LEGAL_DATES } from '../../../src/cases/case.regulations';
import { addDaysToDay } from '../../../src/common/days';
import { UNDER_INVESTIGATION_STAGES } from '../../../src/cases/case.stage';
import type { CaseTimeline, ConclusionFacts, SubjectTimeline } from './case-timeline';
import { perSubject } from './deadline-rule';
import type { DeadlineRule, Trigger } from './deadline-rule';
import { weeks, workingDays } from './deadline-periods';
import { pausedClock } from './proceedings-pause';

/** The earlier of two days that may not have come. */
const earliest = (one: string | null, other: string | null): string | null => (one === null ? other : other === null || one <= other ? one : other);

/** Who a list report is about: Police Act 1996 ss88A and 88I (officers, specials, staff). */
const LISTED_WORKFORCE: readonly WorkforceType[] = ['POLICE_OFFICER', 'SPECIAL_CONSTABLE', 'POLICE_STAFF'];

const governedByConductRegulations = (subject: SubjectTimeline): boolean => GOVERNED_BY_CONDUCT_REGULATIONS.includes(subject.workforceType);

export const suspensionReview: DeadlineRule = {
  rule: 'suspensionReview',
  kind: 'DUTY',
  appliesTo: 'a suspended subject, from the suspension or the last review, while the suspension lasts',
  periods: [
    {
      inForceFrom: null,
      period: weeks(4),
      source: 'Conduct Regs 2020 reg 11 (kept under review); the interval is force practice, commonly 4 weeks',
      confidence: 'PARTLY_CONFIRMED',
    },
    {
      inForceFrom: '2026-07-13',
      period: weeks(12),
      source: 'Police (Conduct and Vetting etc.) (Amendment) Regulations 2026, reported: reviews every 12 weeks (verify the SI)',
      confidence: 'PARTLY_CONFIRMED',
    },
  ],
  triggers: (timeline) =>
    timeline.subjects.flatMap((subject) =>
      subject.suspensions
        .filter((period) => period.status === 'SUSPENDED')
        .flatMap((period) => {
          const triggers: Trigger[] = [];
          let from = period.from;
          for (const review of [...period.reviews].sort()) {
            triggers.push({ subjectId: subject.subjectId, from, metOn: review, endsOn: period.until });
            from = review;
          }
          return [...triggers, { subjectId: subject.subjectId, from, metOn: null, endsOn: period.until }];
        }),
    ),
};

/** The proceedings were held on the day scheduled, as their conclusion shows. */
function proceedingsHeld(kind: 'ACCELERATED_HEARING' | 'MISCONDUCT_MEETING') {
  return (timeline: CaseTimeline, dueOf: (from: string) => string): Trigger[] =>
    timeline.regulations !== '2020'
      ? []
      : perSubject(timeline, (subject) => {
          const proceedings = subject.proceedings;
          if (proceedings === null || proceedings.kind !== kind) return null;
          // Regs 22 and 48: a period shortened by agreement makes an earlier hearing on time.
          const noEarliest = proceedings.shortenedByAgreement === true;
          // reg 52(1A): a member replaced after an upheld objection re-dates an accelerated hearing
          // from the replacement (pre-hearing-deadlines.ts, acceleratedHearingRedated): this clock falls away.
          const replacedOn = subject.preHearing.objections.find((objection) => objection.replacedOn !== null)?.replacedOn ?? null;
          if (kind === 'ACCELERATED_HEARING' && replacedOn !== null) {
            return { subjectId: subject.subjectId, from: proceedings.noticeServedOn, metOn: null, endsOn: replacedOn, noEarliest };
          }
          const metOn = subject.conclusion === null ? null : proceedings.scheduledFor;
          // reg 34 (✖): a meeting is timed from the documents supplied with the reg 30 notice, where recorded.
          const from =
            kind === 'MISCONDUCT_MEETING' ? (subject.preHearing.referralNotice?.documentsSuppliedOn ?? proceedings.noticeServedOn) : proceedings.noticeServedOn;
          // reg 27: withdrawn proceedings are not held.
          const endsOn = earliest(timeline.closedOn, subject.routes.withdrawnOn);
          const trigger = { subjectId: subject.subjectId, from, metOn, endsOn, noEarliest };
          // reg 10: the clock stands still while the proceedings are paused (proceedings-pause.ts).
          return pausedClock(subject, trigger, dueOf(trigger.from));
        });
}

export const acceleratedHearingHeld: DeadlineRule = {
  rule: 'acceleratedHearingHeld',
  kind: 'DUTY',
  appliesTo: 'an accelerated misconduct hearing under the 2020 regulations, from the reg 51 notice',
  periods: [
    {
      inForceFrom: null,
      period: workingDays(15),
      source: 'Conduct Regs 2020 reg 52(1): not less than 10 and not more than 15 working days after the notice',
      confidence: 'CONFIRMED',
    },
  ],
  notBefore: workingDays(10),
  triggers: proceedingsHeld('ACCELERATED_HEARING'),
};

export const misconductMeetingHeld: DeadlineRule = {
  rule: 'misconductMeetingHeld',
  kind: 'DUTY',
  appliesTo: 'a misconduct meeting under the 2020 regulations, from the documents supplied with the notice of referral (reg 30), or the notice',
  periods: [
    {
      inForceFrom: null,
      period: workingDays(20),
      source: 'Conduct Regs 2020 reg 34: believed 20 working days, as in the 2009 analogue (confirm the figure)',
      confidence: 'UNCONFIRMED',
    },
  ],
  triggers: proceedingsHeld('MISCONDUCT_MEETING'),
};

/** What an appeal window assumes until the subject's receipt of the written outcome (reg 43) is recorded. */
export const WRITTEN_OUTCOME_ASSUMED = 'written outcome receipt not recorded; counted from the outcome date';

/** An appeal window opened by disciplinary action after proceedings of the given kinds. */
function appealWindow(kinds: readonly string[], forum: 'INTERNAL' | 'POLICE_APPEALS_TRIBUNAL') {
  return (timeline: CaseTimeline): Trigger[] =>
    timeline.regulations !== '2020'
      ? []
      : perSubject(timeline, (subject) => {
          const { proceedings, conclusion, appeal } = subject;
          if (!governedByConductRegulations(subject) || proceedings === null || conclusion === null) return null;
          if (!kinds.includes(proceedings.kind) || !isOneOf(DISCIPLINARY_OUTCOMES, conclusion.outcome)) return null;
          const metOn = appeal !== null && appeal.forum === forum ? appeal.lodgedOn : null;
          // reg 43/45(3): from the day the written outcome was received; until that is recorded,
          // from the outcome's day, and the read says so (WRITTEN_OUTCOME_ASSUMED).
          const received = conclusion.writtenOutcomeReceivedOn;
          if (received !== null) return { subjectId: subject.subjectId, from: received, metOn, endsOn: null };
          return { subjectId: subject.subjectId, from: conclusion.on, metOn, endsOn: null, assumption: WRITTEN_OUTCOME_ASSUMED };
        });
}

export const meetingAppealWindow: DeadlineRule = {
  rule: 'meetingAppealWindow',
  kind: 'WINDOW',
  appliesTo: "an officer's appeal to the force against disciplinary action at a misconduct meeting",
  periods: [
    {
      inForceFrom: null,
      period: workingDays(7),
      source: 'Conduct Regs 2020 reg 45(3): within 7 working days of the outcome report (reg 43) being given to the officer; the AA may extend',
      confidence: 'CONFIRMED',
    },
  ],
  triggers: appealWindow(['MISCONDUCT_MEETING'], 'INTERNAL'),
};

export const tribunalAppealWindow: DeadlineRule = {
  rule: 'tribunalAppealWindow',
  kind: 'WINDOW',
  appliesTo: "an officer's or former officer's appeal to the Police Appeals Tribunal after a hearing",
  periods: [
    {
      inForceFrom: null,
      period: workingDays(10),
      source: 'Police Appeals Tribunals Rules 2020 rule 9: believed 10 working days from the written decision (verify)',
      confidence: 'UNCONFIRMED',
    },
  ],
  triggers: appealWindow(['MISCONDUCT_HEARING', 'ACCELERATED_HEARING'], 'POLICE_APPEALS_TRIBUNAL'),
};

/** What the barred-list duty assumes until the end of a dismissal's notice is recorded. */
export const NOTICE_END_ASSUMED = `end of the notice of dismissal not recorded; counted from the earliest day a ${DISMISSAL_NOTICE_MINIMUM_DAYS}-day notice could end`;

/** The day a dismissal took effect: the outcome's, or for a dismissal with notice the end of the notice. */
function dismissalStart(conclusion: ConclusionFacts): Pick<Trigger, 'from' | 'assumption'> {
  if (conclusion.outcome !== 'DISMISSAL_WITH_NOTICE') return { from: conclusion.on };
  if (conclusion.dismissalEffectiveOn !== null) return { from: conclusion.dismissalEffectiveOn };
  return { from: addDaysToDay(conclusion.on, DISMISSAL_NOTICE_MINIMUM_DAYS), assumption: NOTICE_END_ASSUMED };
}

export const barredListReport: DeadlineRule = {
  rule: 'barredListReport',
  kind: 'DUTY',
  appliesTo:
    'a dismissal (a 2012 dismissal with notice from the end of its notice), or a finding that a former member would have been dismissed, from 15 December 2017',
  periods: [
    {
      inForceFrom: null,
      period: workingDays(5, 'BEGINNING_WITH'),
      source:
        'Police Barred List and Police Advisory List Regulations 2017 reg 3(1): before the end of 5 working days beginning with the date of the dismissal or finding',
      confidence: 'CONFIRMED',
    },
  ],
  triggers: (timeline) =>
    // The lists reach the Home Office forces only (not BTP, MDP, CNC, the NCA).
    !isHomeOfficeForce(timeline.force)
      ? []
      : perSubject(timeline, (subject) => {
          const conclusion = subject.conclusion;
          if (!LISTED_WORKFORCE.includes(subject.workforceType) || conclusion === null) return null;
          if (!isOneOf(DISMISSAL_OUTCOMES, conclusion.outcome)) return null;
          // A 2012 dismissal with notice takes effect when the notice ends (reg 35): the duty runs
          // from that day, recorded, or until it is, from the earliest day the notice could end.
          const start = dismissalStart(conclusion);
          if (start.from < LEGAL_DATES.barredListInForceFrom) return null;
          // An appeal that overturns the dismissal ends the duty (Barred List Regs 2017 reg 5).
          const overturned = subject.outcome === null || !isOneOf(DISMISSAL_OUTCOMES, subject.outcome);
          const endsOn = overturned ? (subject.appeal?.determinedOn ?? null) : null;
          return { subjectId: subject.subjectId, ...start, metOn: subject.barredListOn, endsOn };
        }),
};

export const advisoryListReport: DeadlineRule = {
  rule: 'advisoryListReport',
  kind: 'DUTY',
  appliesTo:
    'a resignation or retirement while under investigation, or before the matter came to light (then from the day it did), from 15 December 2017, in a matter that could have led to dismissal',
  periods: [
    {
      inForceFrom: null,
      period: workingDays(5, 'BEGINNING_WITH'),
      source:
        'Police Barred List and Police Advisory List Regulations 2017 reg 12(1): before the end of 5 working days beginning with the date of the relevant event (the departure, or the allegation coming to light after it)',
      confidence: 'CONFIRMED',
    },
  ],
  triggers: (timeline) =>
    !isHomeOfficeForce(timeline.force)
      ? []
      : perSubject(timeline, (subject) => {
          const departure = subject.departure;
          if (departure === null || departure.afterConclusion) return null;
          // s88I(1)(c): a designated volunteer's withdrawn designation, from the day it was withdrawn.
          if (departure.how === 'DESIGNATION_WITHDRAWN') {
            if (subject.workforceType !== 'VOLUNTEER' || departure.on < LEGAL_DATES.advisoryListInForceFrom) return null;
            return { subjectId: subject.subjectId, from: departure.on, metOn: subject.advisoryListOn, endsOn: subject.conclusion?.on ?? timeline.closedOn };
          }
          if (!LISTED_WORKFORCE.includes(subject.workforceType)) return null;
          if (departure.how !== 'RESIGNED' && departure.how !== 'RETIRED') return null;
          if (!isOneOf(UNDER_INVESTIGATION_STAGES, departure.stageAtDeparture) || departure.on < LEGAL_DATES.barredListInForceFrom) return null;
          // s88I(1)(b): for someone who left before the matter came to light, the relevant event
          // is its coming to light (the referral), not the departure.
          const from = departure.on < timeline.receivedOn ? timeline.receivedOn : departure.on;
          // advisoryListNeedsMatterThatCouldLeadToDismissal: a matter assessed or decided as practice
          // requiring improvement or no case to answer by then creates no duty; decided so later,
          // the duty falls away that day.
          const ruledOut = subject.dismissalRuledOutOn;
          if (ruledOut !== null && ruledOut <= from) return null;
          // Once the proceedings conclude, the outcome (and any barred-list report) takes its place.
          const endsOn = earliest(subject.conclusion?.on ?? timeline.closedOn, ruledOut);
          return { subjectId: subject.subjectId, from, metOn: subject.advisoryListOn, endsOn };
        }),
};
