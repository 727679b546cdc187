/**
 * The rows the timeliness read model keeps for one case, built from its timeline: the case,
 * one row per subject (what the DCC's dashboard asks of a subject), one per deadline.
 * Column names are the tables' (timeliness.tables.ts; the rows' types, which readers share,
 * are in common/timeliness-views.ts); dates stay `YYYY-MM-DD`.
 */
import type { CaseTimeline, SubjectTimeline } from '../common/deadlines/case-timeline';
import { deadlinesOf } from '../common/deadlines/deadlines';
import type { CaseRow, DeadlineRow, SubjectRow } from '../common/timeliness-views';

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
      assumption: deadline.assumption,
      exemption: deadline.exemption,
    })),
  };
}
