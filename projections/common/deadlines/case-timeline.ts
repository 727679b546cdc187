/**
 * The dated facts the deadlines and the DCC's dashboard need, from a case's events folded
 * with the domain's own fold (case-event-log.ts: corrections substituted, each step with
 * the case before and after it), watched step by step for what the state does not keep: when each stage
 * was reached, suspension periods and their reviews, progress reports, list entries.
 * Every date is a date in the world (the events' own dates), never a recording time.
 */
import type { CaseStage, IopcMode, Outcome, Rank, Regulations, Sensitivity, WorkforceType } from '../../../src/cases/case.enums';
import type { CaseEvent, CaseEventEnvelope, ProgressReportSent, ProgressReportWithheld } from '../../../src/cases/case.events';
import { couldLeadToDismissal } from '../../../src/cases/case.list-rules';
import { reportingRegimeOf } from '../../../src/cases/case-types';
import type { ReportingRegimeRule } from '../../../src/cases/case-types';
import { caseStage } from '../../../src/cases/case.stage';
import type { Appeal, Case, CaseState, Departure, Proceedings, SubjectState } from '../../../src/cases/case.state';
import type { PreHearingState } from '../../../src/cases/pre-hearing.state';
import { foldCaseEvents } from '../case-event-log';
import type { FoldedCase } from '../case-event-log';
import type { SubjectRoutes } from '../../../src/cases/reflective-practice.state';
import { worldDayOf } from './case-log';

export interface SuspensionPeriod {
  status: 'SUSPENDED' | 'RESTRICTED';
  from: string;
  /** The day it ended (lifted, left the force, proceedings concluded); null while it lasts. */
  until: string | null;
  reviews: string[];
}

export interface StageReached {
  stage: CaseStage;
  on: string;
}

export interface ConclusionFacts {
  on: string;
  /** As the proceedings imposed it, before any appeal. */
  outcome: Outcome;
  formerOfficer: boolean;
  grossMisconductProven: boolean;
  /** reg 43: the day the subject received the written outcome, once recorded. */
  writtenOutcomeReceivedOn: string | null;
  /** 2012 reg 35: the day a dismissal with notice took effect, once recorded. */
  dismissalEffectiveOn: string | null;
}

export interface SubjectTimeline {
  subjectId: string;
  /** Pseudonymous, as in the events: the need-to-know policy keeps subjects out of their own case. */
  personId: string;
  rank: Rank;
  workforceType: WorkforceType;
  suspensions: SuspensionPeriod[];
  proceedings: Proceedings | null;
  conclusion: ConclusionFacts | null;
  /** The standing outcome, after any appeal. */
  outcome: Outcome | null;
  appeal: Appeal | null;
  departure: Departure | null;
  barredListOn: string | null;
  advisoryListOn: string | null;
  /**
   * The day the matter was last assessed or decided as one that could not lead to dismissal
   * (practice requiring improvement, no case to answer), or null while it could.
   */
  dismissalRuledOutOn: string | null;
  /** The steps before the proceedings and of the hearing in public (src/cases/pre-hearing.state.ts). */
  preHearing: PreHearingState;
  /** Its route, reflective practice process, withdrawal and Performance or Vetting outcome (src/cases/reflective-practice.state.ts). */
  routes: SubjectRoutes;
  /** reg 10: each pause of the proceedings, until the day it ended (resumed or withdrawn); null while it lasts. */
  pauses: PausePeriod[];
}

export interface PausePeriod {
  from: string;
  until: string | null;
}

/** A complaint's dated steps (src/cases/complaint.state.ts), with every outcome and review application in order. */
export interface ComplaintTimeline {
  loggedOn: string;
  anonymous: boolean;
  contactedOn: string | null;
  firstHandlingDecidedOn: string | null;
  finalisedOn: string | null;
  /** Each outcome given, with the review body it named (null outside Schedule 3). */
  outcomes: { on: string; reviewBody: string | null }[];
  reviewApplications: { on: string; daysInTransit: number }[];
}

export interface CaseTimeline {
  caseId: string;
  force: string;
  sensitivity: Sensitivity;
  regulations: Regulations;
  /** Which report a long investigation owes, and to whom: C&M reg 13 under Schedule 3, Conduct Regs reg 19 otherwise (case-types.ts). */
  reportingRegime: ReportingRegimeRule;
  /** The IOPC's mode of investigation, if it decided one: it decides who reports on timeliness. */
  iopcMode: IopcMode | null;
  receivedOn: string;
  closedOn: string | null;
  stage: CaseStage;
  investigationStartedOn: string | null;
  investigationReportOn: string | null;
  stages: StageReached[];
  progressReports: ProgressReportSent[];
  /** Reports withheld as they might prejudice an investigation (reg 19). */
  withheldReports: ProgressReportWithheld[];
  subjects: SubjectTimeline[];
  /** The complaint, once logged. */
  complaint: ComplaintTimeline | null;
}

/** The reg 19 reports the walk notes: those sent, and those withheld. */
interface Reports {
  sent: ProgressReportSent[];
  withheld: ProgressReportWithheld[];
}

/** What the walk notes beyond the state, per subject. */
interface SubjectNotes {
  suspensions: SuspensionPeriod[];
  barredListOn: string | null;
  advisoryListOn: string | null;
  dismissalRuledOutOn: string | null;
  pauses: PausePeriod[];
}

const suspensionKey = (subject: SubjectState | undefined): string =>
  subject === undefined || subject.suspension === 'NONE' ? 'NONE' : `${subject.suspension}@${subject.suspendedSince}`;

function noteSuspensions(notes: Map<string, SubjectNotes>, before: CaseState, after: Case, day: string): void {
  for (const subject of Object.values(after.subjects)) {
    const previous = before?.subjects[subject.subjectId];
    if (suspensionKey(previous) === suspensionKey(subject)) continue;
    const periods = notesOf(notes, subject.subjectId).suspensions;
    const open = periods[periods.length - 1];
    if (open !== undefined && open.until === null) open.until = day;
    if (subject.suspension !== 'NONE') {
      periods.push({ status: subject.suspension, from: subject.suspendedSince ?? day, until: null, reviews: [] });
    }
  }
}

/** When a subject's matter stopped (or again started) being one that could lead to dismissal. */
function noteDismissalRuledOut(notes: Map<string, SubjectNotes>, before: CaseState, after: Case, day: string): void {
  for (const subject of Object.values(after.subjects)) {
    const previous = before?.subjects[subject.subjectId];
    const could = couldLeadToDismissal(subject);
    if (previous !== undefined && couldLeadToDismissal(previous) === could) continue;
    if (previous === undefined && could) continue;
    notesOf(notes, subject.subjectId).dismissalRuledOutOn = could ? null : day;
  }
}

function notesOf(notes: Map<string, SubjectNotes>, subjectId: string): SubjectNotes {
  let found = notes.get(subjectId);
  if (found === undefined) {
    found = { suspensions: [], barredListOn: null, advisoryListOn: null, dismissalRuledOutOn: null, pauses: [] };
    notes.set(subjectId, found);
  }
  return found;
}

/** What the walk notes of a complaint beyond its state: every outcome and review application. */
interface ComplaintNotes {
  outcomes: ComplaintTimeline['outcomes'];
  reviewApplications: ComplaintTimeline['reviewApplications'];
}

function noteEvent(notes: Map<string, SubjectNotes>, reports: Reports, event: CaseEvent, complaint: ComplaintNotes): void {
  switch (event.type) {
    case 'ComplaintOutcomeNotified':
      complaint.outcomes.push({ on: event.data.on, reviewBody: event.data.reviewBody ?? null });
      return;
    case 'ComplaintReviewApplied':
      complaint.reviewApplications.push({ on: event.data.on, daysInTransit: event.data.daysInTransit ?? 0 });
      return;
    case 'SuspensionReviewed': {
      const open = notesOf(notes, event.data.subjectId).suspensions.at(-1);
      if (open !== undefined && open.until === null) open.reviews.push(event.data.on);
      return;
    }
    case 'ProgressReportSent':
      reports.sent.push({ ...event.data });
      return;
    case 'ProgressReportWithheld':
      reports.withheld.push({ ...event.data });
      return;
    case 'BarredListEntryMade':
      notesOf(notes, event.data.subjectId).barredListOn ??= event.data.on;
      return;
    case 'AdvisoryListEntryMade':
      notesOf(notes, event.data.subjectId).advisoryListOn ??= event.data.on;
      return;
    case 'ProceedingsPaused':
      notesOf(notes, event.data.subjectId).pauses.push({ from: event.data.on, until: null });
      return;
    case 'ProceedingsResumed':
    case 'ProceedingsWithdrawn': {
      const open = notesOf(notes, event.data.subjectId).pauses.at(-1);
      if (open !== undefined && open.until === null) open.until = event.data.on;
      return;
    }
    default:
      return;
  }
}

function subjectTimeline(subject: SubjectState, notes: SubjectNotes | undefined): SubjectTimeline {
  const conclusion = subject.conclusion;
  return {
    subjectId: subject.subjectId,
    personId: subject.personId,
    rank: subject.rank,
    workforceType: subject.workforceType,
    suspensions: notes?.suspensions ?? [],
    proceedings: subject.proceedings,
    conclusion: conclusion && {
      on: conclusion.on,
      outcome: conclusion.outcome,
      formerOfficer: conclusion.formerOfficer,
      grossMisconductProven: conclusion.findings.some((finding) => finding.proven && finding.level === 'GROSS_MISCONDUCT'),
      writtenOutcomeReceivedOn: conclusion.writtenOutcomeReceivedOn ?? null,
      dismissalEffectiveOn: conclusion.dismissalEffectiveOn ?? null,
    },
    outcome: subject.outcome,
    appeal: subject.appeal,
    departure: subject.departure,
    barredListOn: notes?.barredListOn ?? null,
    advisoryListOn: notes?.advisoryListOn ?? null,
    dismissalRuledOutOn: notes?.dismissalRuledOutOn ?? null,
    preHearing: subject.preHearing,
    routes: subject.routes,
    pauses: notes?.pauses ?? [],
  };
}

/** The timeline of the case these events record, or null when they hold no referral yet. */
export function caseTimeline(events: readonly CaseEventEnvelope[]): CaseTimeline | null {
  return timelineOf(foldCaseEvents(events));
}

/** The timeline of the folded case, or null when it holds no referral yet. */
export function timelineOf({ steps, state }: FoldedCase): CaseTimeline | null {
  const notes = new Map<string, SubjectNotes>();
  const reports: Reports = { sent: [], withheld: [] };
  const stages: StageReached[] = [];
  const complaintNotes: ComplaintNotes = { outcomes: [], reviewApplications: [] };
  let lastDay: string | null = null;
  for (const { event, before, after } of steps) {
    // An event without a date of its own happened, as far as the record tells, with the one before it.
    const day: string = worldDayOf(event) ?? lastDay ?? after.receivedOn;
    lastDay = day;
    const stage = caseStage(after);
    if (before === null || caseStage(before) !== stage) stages.push({ stage, on: day });
    noteSuspensions(notes, before, after, day);
    noteDismissalRuledOut(notes, before, after, day);
    noteEvent(notes, reports, event, complaintNotes);
  }
  if (state === null) return null;
  return {
    caseId: state.caseId,
    force: state.force,
    sensitivity: state.sensitivity,
    regulations: state.regulations,
    reportingRegime: reportingRegimeOf(state),
    iopcMode: state.iopcMode,
    receivedOn: state.receivedOn,
    closedOn: state.closedOn,
    stage: caseStage(state),
    investigationStartedOn: state.investigationStartedOn,
    investigationReportOn: state.investigationReportOn,
    stages,
    progressReports: reports.sent,
    withheldReports: reports.withheld,
    subjects: Object.values(state.subjects).map((subject) => subjectTimeline(subject, notes.get(subject.subjectId))),
    complaint: state.complaint && {
      loggedOn: state.complaint.loggedOn,
      anonymous: state.complaint.anonymous,
      contactedOn: state.complaint.contactedOn,
      firstHandlingDecidedOn: state.complaint.firstHandlingDecidedOn,
      finalisedOn: state.complaint.finalisedOn,
      ...complaintNotes,
    },
  };
}
