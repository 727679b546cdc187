/**
 * The DCC's oversight dashboard (seed 004: the DCC is briefed on investigations, sanctions
 * and suspensions, approves every resignation or retirement during an investigation, and
 * keeps a record to ensure consistency), built from the read model and judged against today.
 */
import type { CaseStage, DepartureKind, Rank, WorkforceType } from '../../src/cases/case.enums';
import { isOverdue } from '../timeliness/deadlines';
import type { DeadlineView } from '../timeliness/timeliness-view';
import { deadlineView } from '../timeliness/timeliness-view';
import { calendarDaysBetween } from '../timeliness/working-days';
import type { CaseDeadline, DccOversightData, WatchedSubject } from './dcc-oversight.queries';
import { outcomesByRank } from './sanction-consistency';
import type { ProvenGrossMisconduct, RankOutcomes } from './sanction-consistency';

export interface SuspendedSubject {
  caseId: string;
  subjectId: string;
  rank: Rank;
  workforceType: WorkforceType;
  status: 'SUSPENDED' | 'RESTRICTED';
  since: string;
  daysSuspended: number;
  lastReviewedOn: string | null;
  /** Null for restricted duties, which have no review deadline. */
  nextReviewOn: string | null;
  reviewOverdue: boolean;
}

export interface DepartureAwaitingApproval {
  caseId: string;
  subjectId: string;
  rank: Rank;
  workforceType: WorkforceType;
  how: DepartureKind;
  on: string;
  stageAtDeparture: CaseStage | null;
  daysWaiting: number;
}

export interface OverdueDeadline extends DeadlineView {
  caseId: string;
  daysOverdue: number;
}

export interface DccDashboard {
  force: string;
  today: string;
  liveInvestigations: { total: number; byStage: Record<string, number> };
  suspensions: SuspendedSubject[];
  departuresAwaitingApproval: DepartureAwaitingApproval[];
  overdueDeadlines: OverdueDeadline[];
  grossMisconductOutcomesByRank: RankOutcomes[];
  /** Ranks where proven gross misconduct did not end in dismissal. */
  inconsistentRanks: Rank[];
}

function suspended(subject: WatchedSubject, open: readonly CaseDeadline[], today: string): SuspendedSubject | null {
  if (subject.suspension === 'NONE' || subject.suspended_since === null) return null;
  const review = open.find((deadline) => deadline.rule === 'suspensionReview' && deadline.caseId === subject.case_id && deadline.subjectId === subject.subject_id);
  return {
    caseId: subject.case_id,
    subjectId: subject.subject_id,
    rank: subject.rank,
    workforceType: subject.workforce_type,
    status: subject.suspension,
    since: subject.suspended_since,
    daysSuspended: calendarDaysBetween(subject.suspended_since, today),
    lastReviewedOn: subject.last_reviewed_on,
    nextReviewOn: review?.dueOn ?? null,
    reviewOverdue: review !== undefined && isOverdue(review, today),
  };
}

function awaitingApproval(subject: WatchedSubject, today: string): DepartureAwaitingApproval | null {
  if (!subject.awaiting_dcc_decision || subject.departure_how === null || subject.departed_on === null) return null;
  return {
    caseId: subject.case_id,
    subjectId: subject.subject_id,
    rank: subject.rank,
    workforceType: subject.workforce_type,
    how: subject.departure_how,
    on: subject.departed_on,
    stageAtDeparture: subject.stage_at_departure,
    daysWaiting: calendarDaysBetween(subject.departed_on, today),
  };
}

function provenGrossMisconduct(subject: WatchedSubject): ProvenGrossMisconduct | null {
  if (!subject.gross_misconduct_proven || subject.outcome === null || subject.concluded_on === null) return null;
  return {
    caseId: subject.case_id,
    subjectId: subject.subject_id,
    rank: subject.rank,
    outcome: subject.outcome,
    concludedOn: subject.concluded_on,
    formerOfficer: subject.former_officer,
  };
}

const present = <T>(value: T | null): value is T => value !== null;

export function dccDashboard(force: string, data: DccOversightData, today: string): DccDashboard {
  const byStage = Object.fromEntries(data.liveByStage.map((row) => [row.stage, row.count]));
  const grossMisconduct = data.subjects.map(provenGrossMisconduct).filter(present);
  const byRank = outcomesByRank(grossMisconduct);
  return {
    force,
    today,
    liveInvestigations: { total: data.liveByStage.reduce((sum, row) => sum + row.count, 0), byStage },
    suspensions: data.subjects.map((subject) => suspended(subject, data.openDeadlines, today)).filter(present),
    departuresAwaitingApproval: data.subjects.map((subject) => awaitingApproval(subject, today)).filter(present),
    overdueDeadlines: data.openDeadlines
      .filter((deadline) => isOverdue(deadline, today))
      .map((deadline) => ({ caseId: deadline.caseId, ...deadlineView(deadline, today), daysOverdue: calendarDaysBetween(deadline.dueOn, today) })),
    grossMisconductOutcomesByRank: byRank,
    inconsistentRanks: byRank.filter((entry) => !entry.consistent).map((entry) => entry.rank),
  };
}
