/**
 * The DCC's oversight dashboard (seed 004: the DCC is briefed on investigations, sanctions
 * and suspensions, approves every resignation or retirement during an investigation, and
 * keeps a record to ensure consistency), built from the read model and judged against today.
 */
import type { CaseStage, DepartureKind, Rank, WorkforceType } from '../../src/cases/case.enums';
import type { DeadlineView } from '../common/deadlines/deadline-view';
import { deadlineView } from '../common/deadlines/deadline-view';
import type { DccOversightData, WatchedSubject } from './dcc-oversight.queries';
import { outcomesByRankFromCounts } from './sanction-consistency';
import type { RankOutcomes } from './sanction-consistency';

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
  /**
   * Each list shows at most 100 entries, the most pressing first, and the total beside it
   * counts every one: reviews overdue then the longest suspended; the longest waiting; the
   * most overdue.
   */
  suspensions: SuspendedSubject[];
  suspensionsTotal: number;
  departuresAwaitingApproval: DepartureAwaitingApproval[];
  departuresAwaitingApprovalTotal: number;
  overdueDeadlines: OverdueDeadline[];
  overdueDeadlinesTotal: number;
  grossMisconductOutcomesByRank: RankOutcomes[];
  /** Ranks where proven gross misconduct did not end in dismissal. */
  inconsistentRanks: Rank[];
}

function suspended(subject: WatchedSubject): SuspendedSubject | null {
  if (subject.suspension === 'NONE' || subject.suspended_since === null || subject.days_suspended === null) return null;
  return {
    caseId: subject.case_id,
    subjectId: subject.subject_id,
    rank: subject.rank,
    workforceType: subject.workforce_type,
    status: subject.suspension,
    since: subject.suspended_since,
    daysSuspended: subject.days_suspended,
    lastReviewedOn: subject.last_reviewed_on,
    nextReviewOn: subject.next_review_on,
    reviewOverdue: subject.review_overdue,
  };
}

function awaitingApproval(subject: WatchedSubject): DepartureAwaitingApproval | null {
  if (!subject.awaiting_dcc_decision || subject.departure_how === null || subject.departed_on === null || subject.days_waiting === null) return null;
  return {
    caseId: subject.case_id,
    subjectId: subject.subject_id,
    rank: subject.rank,
    workforceType: subject.workforce_type,
    how: subject.departure_how,
    on: subject.departed_on,
    stageAtDeparture: subject.stage_at_departure,
    daysWaiting: subject.days_waiting,
  };
}

const present = <T>(value: T | null): value is T => value !== null;

export function dccDashboard(force: string, data: DccOversightData, today: string): DccDashboard {
  const byStage = Object.fromEntries(data.liveByStage.map((row) => [row.stage, row.count]));
  const byRank = outcomesByRankFromCounts(data.grossMisconductByRank, data.notDismissed);
  return {
    force,
    today,
    liveInvestigations: { total: data.liveByStage.reduce((sum, row) => sum + row.count, 0), byStage },
    suspensions: data.suspended.entries.map(suspended).filter(present),
    suspensionsTotal: data.suspended.total,
    departuresAwaitingApproval: data.departed.entries.map(awaitingApproval).filter(present),
    departuresAwaitingApprovalTotal: data.departed.total,
    overdueDeadlines: data.overdueDeadlines.entries.map(({ caseId, daysOverdue, ...deadline }) => ({ caseId, ...deadlineView(deadline, today), daysOverdue })),
    overdueDeadlinesTotal: data.overdueDeadlines.total,
    grossMisconductOutcomesByRank: byRank,
    inconsistentRanks: byRank.filter((entry) => !entry.consistent).map((entry) => entry.rank),
  };
}
