/**
 * The rows the timeliness read model keeps for one case, built from its timeline: the case,
 * one row per subject (what the DCC's dashboard asks of a subject), one per deadline.
 * Column names are the tables' (timeliness.tables.ts); dates stay `YYYY-MM-DD`.
 */
import type { CaseTimeline, StageReached, SubjectTimeline } from './case-timeline';
import { deadlinesOf } from './deadlines';

export interface CaseRow {
  case_id: string;
  force: string | null;
  sensitivity: string | null;
  stage: string | null;
  received_on: string | null;
  closed_on: string | null;
  stages: StageReached[];
}

export interface SubjectRow {
  case_id: string;
  subject_id: string;
  person_id: string;
  rank: string;
  workforce_type: string;
  suspension: 'NONE' | 'SUSPENDED' | 'RESTRICTED';
  suspended_since: string | null;
  last_reviewed_on: string | null;
  departure_how: string | null;
  departed_on: string | null;
  stage_at_departure: string | null;
  awaiting_dcc_decision: boolean;
  proceedings_kind: string | null;
  concluded_on: string | null;
  outcome: string | null;
  former_officer: boolean;
  gross_misconduct_proven: boolean;
}

export interface DeadlineRow {
  case_id: string;
  /** '' for a deadline of the case as a whole (part of the key). */
  subject_id: string;
  rule: string;
  seq: number;
  kind: string;
  starts_on: string;
  due_on: string;
  earliest_on: string | null;
  met_on: string | null;
  lapsed_on: string | null;
}

export interface TimelinessRows {
  case: CaseRow;
  subjects: SubjectRow[];
  deadlines: DeadlineRow[];
}

function subjectRow(caseId: string, subject: SubjectTimeline): SubjectRow {
  const current = subject.suspensions.at(-1);
  const suspended = current !== undefined && current.until === null ? current : null;
  return {
    case_id: caseId,
    subject_id: subject.subjectId,
    person_id: subject.personId,
    rank: subject.rank,
    workforce_type: subject.workforceType,
    suspension: suspended?.status ?? 'NONE',
    suspended_since: suspended?.from ?? null,
    last_reviewed_on: suspended?.reviews.at(-1) ?? null,
    departure_how: subject.departure?.how ?? null,
    departed_on: subject.departure?.on ?? null,
    stage_at_departure: subject.departure?.stageAtDeparture ?? null,
    awaiting_dcc_decision: subject.departure?.awaitingDccDecision ?? false,
    proceedings_kind: subject.proceedings?.kind ?? null,
    concluded_on: subject.conclusion?.on ?? null,
    outcome: subject.conclusion?.outcome ?? null,
    former_officer: subject.conclusion?.formerOfficer ?? false,
    gross_misconduct_proven: subject.conclusion?.grossMisconductProven ?? false,
  };
}

/** The rows for a case; a case with no referral yet has a case row of nulls. */
export function timelinessRows(caseId: string, timeline: CaseTimeline | null): TimelinessRows {
  if (timeline === null) {
    return {
      case: { case_id: caseId, force: null, sensitivity: null, stage: null, received_on: null, closed_on: null, stages: [] },
      subjects: [],
      deadlines: [],
    };
  }
  return {
    case: {
      case_id: caseId,
      force: timeline.force,
      sensitivity: timeline.sensitivity,
      stage: timeline.stage,
      received_on: timeline.receivedOn,
      closed_on: timeline.closedOn,
      stages: timeline.stages,
    },
    subjects: timeline.subjects.map((subject) => subjectRow(caseId, subject)),
    deadlines: deadlinesOf(timeline).map((deadline) => ({
      case_id: caseId,
      subject_id: deadline.subjectId ?? '',
      rule: deadline.rule,
      seq: deadline.seq,
      kind: deadline.kind,
      starts_on: deadline.startsOn,
      due_on: deadline.dueOn,
      earliest_on: deadline.earliestOn,
      met_on: deadline.metOn,
      lapsed_on: deadline.lapsedOn,
    })),
  };
}
