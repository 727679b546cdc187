/**
 * Reporting on an investigation that runs long: Conduct Regs 2020 reg 19 and, for matters
 * under Schedule 3, Complaints and Misconduct Regs 2020 reg 13 (docs/domain/regulations.md table rows 1
 * and 2). Not in the 2012 regulations, so only for matters that came to attention on or
 * after 1 February 2020.
 */
import type { ProgressReportKind } from '../../../src/cases/case.enums';
import { IOPC_REPORTS_FOR_MODES } from '../../../src/cases/case.regulations';
import type { CaseTimeline } from './case-timeline';
import type { DeadlineRule, Trigger } from './deadline-rule';
import { dueAfter, months } from './deadline-periods';

const FIRST_REPORTING_MONTHS = 12;
const FOLLOW_UP_MONTHS = 6;
const FIRST_REPORTING_PERIOD = months(FIRST_REPORTING_MONTHS);
/** A guard against a malformed timeline; 200 follow-ups are a century of investigation. */
const MOST_FOLLOW_UPS = 200;

/** A period's report discharged: sent to the LPB on `on`, or withheld then under reg 19's exemption. */
interface Discharge {
  on: string;
  exemption?: string;
}

/** What a withheld report says in the timeliness read beside its deadline. */
export const REPORT_WITHHELD = 'not reported: a report might prejudice an investigation (reg 19; C&M reg 13)';

/**
 * The days a period's report was sent to every body the regime owes it to (reg 19: the local
 * policing body; C&M reg 13(2): the local policing body and the Director General), each the
 * day the last of them had it: the n-th report to each body makes the n-th discharge. A
 * report to only one of two bodies does not discharge the duty.
 */
function reportsSent(timeline: CaseTimeline, kind: ProgressReportKind): string[] {
  const days = timeline.reportingRegime.owedTo.map((body) =>
    timeline.progressReports
      .filter((report) => report.kind === kind && report.to === body)
      .map((report) => report.on)
      .sort(),
  );
  const complete = Math.min(...days.map((list) => list.length));
  return Array.from(
    { length: complete },
    (_, n) =>
      days
        .map((list) => list[n])
        .sort()
        .at(-1) as string,
  );
}

/**
 * The days a period's report of a kind was discharged, one a day (a report and its copy count
 * once; a report sent counts before a withholding recorded the same day).
 */
function discharges(timeline: CaseTimeline, kind: ProgressReportKind): Discharge[] {
  const sent = reportsSent(timeline, kind);
  const withheld = timeline.withheldReports.filter((report) => report.kind === kind).map((report) => report.on);
  const byDay = new Map<string, Discharge>();
  for (const on of withheld) byDay.set(on, { on, exemption: REPORT_WITHHELD });
  for (const on of sent) byDay.set(on, { on });
  return [...byDay.values()].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
}

/** The trigger's met day and any exemption, from the discharge that answered it. */
const answeredBy = (discharge: Discharge | undefined): Pick<Trigger, 'metOn' | 'exemption'> =>
  discharge === undefined ? { metOn: null } : { metOn: discharge.on, ...(discharge.exemption === undefined ? {} : { exemption: discharge.exemption }) };

/** Reg 21: the investigator's report ends the investigation; closing the case does too. */
function investigationEnd(timeline: CaseTimeline): string | null {
  const ends = [timeline.investigationReportOn, timeline.closedOn].filter((day): day is string => day !== null);
  return ends.sort()[0] ?? null;
}

const reportingApplies = (timeline: CaseTimeline): boolean =>
  timeline.regulations === '2020' &&
  timeline.investigationStartedOn !== null &&
  !(timeline.iopcMode !== null && IOPC_REPORTS_FOR_MODES.includes(timeline.iopcMode));

/** The end of the n-th period (0: the first), counted from the referral itself so it never drifts. */
const periodEnd = (receivedOn: string, n: number): string => dueAfter(receivedOn, months(FIRST_REPORTING_MONTHS + FOLLOW_UP_MONTHS * n));

export const twelveMonthReport: DeadlineRule = {
  rule: 'twelveMonthReport',
  kind: 'DUTY',
  appliesTo: 'a force investigation under the 2020 regulations (not directed or independent) not finished 12 months after the matter came to attention',
  periods: [
    {
      inForceFrom: null,
      period: FIRST_REPORTING_PERIOD,
      // Reporting is "as soon as practicable" after the period: the ledger takes its last day as due.
      source:
        'Conduct Regs 2020 reg 19 (a matter outside Schedule 3: to the local policing body) or Complaints and Misconduct Regs 2020 reg 13 (a recorded complaint, recordable conduct matter or DSI matter: to the local policing body and the Director General; for a directed or independent investigation the Director General reports): once 12 months have passed since the complaint was made or the matter came to attention',
      confidence: 'CONFIRMED',
    },
  ],
  triggers: (timeline) => {
    if (!reportingApplies(timeline)) return [];
    const answer = answeredBy(discharges(timeline, 'TWELVE_MONTH')[0]);
    return [{ subjectId: null, from: timeline.receivedOn, ...answer, endsOn: investigationEnd(timeline) }];
  },
};

export const sixMonthFollowUp: DeadlineRule = {
  rule: 'sixMonthFollowUp',
  kind: 'DUTY',
  appliesTo: 'the same investigation, still not finished at the end of each further 6 months',
  periods: [
    {
      inForceFrom: null,
      period: months(FOLLOW_UP_MONTHS),
      source:
        'Conduct Regs 2020 reg 19 or Complaints and Misconduct Regs 2020 reg 13 (as for the 12-month report): again at the end of each further 6 months (12, 18, 24... months from the referral), to the same bodies',
      confidence: 'CONFIRMED',
    },
  ],
  triggers: (timeline) => {
    if (!reportingApplies(timeline)) return [];
    const endsOn = investigationEnd(timeline);
    const reports = discharges(timeline, 'SIX_MONTH_FOLLOW_UP');
    const triggers: Trigger[] = [];
    for (let period = 1, next = 0; triggers.length < MOST_FOLLOW_UPS; period += 1) {
      const from = periodEnd(timeline.receivedOn, period - 1);
      const dueOn = periodEnd(timeline.receivedOn, period);
      if (endsOn !== null && endsOn < dueOn) break;
      // Each report (or withholding) answers one period: the first once the period had begun.
      while (next < reports.length && reports[next].on < from) next += 1;
      const answer = answeredBy(reports[next]);
      const metOn = answer.metOn;
      if (metOn !== null) next += 1;
      triggers.push({ subjectId: null, from, ...answer, endsOn, dueOn });
      // While the investigation runs, the chain stops at the report owed now: the next
      // period's appears once this one is sent. An ended investigation lists every period.
      if (metOn === null && endsOn === null) break;
    }
    return triggers;
  },
};
