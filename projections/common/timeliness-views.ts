/**
 * What other read APIs may know of the timeliness read model (projections/timeliness fills
 * it): its name (for read-your-writes), the views it keeps and their rows, what a deadline
 * row that is a duty still owed looks like, and how to read the views (dates as text, a
 * stored deadline as a Deadline, 503 while the views are being built); its counters are
 * declared in timeliness-counts.ts. Here, not in projections/timeliness, so a reader of its
 * views (the case list's nextDeadline and overdue, the DCC's dashboard) depends on
 * declarations, not on the projection's code.
 */
import type { StageReached } from './deadlines/case-timeline';
import { DEADLINE_RULE_NAMES } from './deadlines/deadline-rule';
import type { Deadline } from './deadlines/deadlines';
import { readBuilt } from '../runner/read-model-errors';

export const TIMELINESS_PROJECTION = 'timeliness';

export const TIMELINESS_TABLES = {
  /** Each case's events as the projection folds them (case-event-log.ts). */
  events: 'timeliness_case_events',
  cases: 'timeliness_cases',
  subjects: 'timeliness_subjects',
  deadlines: 'timeliness_deadlines',
  counts: 'timeliness_counts',
} as const;

/** A deadline row that is a duty still owed. */
export const OPEN_DUTY = `met_on IS NULL AND lapsed_on IS NULL AND kind = 'DUTY'`;

/** The rows of the cases, subjects and deadlines views (projections/timeliness/timeliness-rows.ts writes them). */
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
  assumption: string | null;
  exemption: string | null;
}

/** A date column as `YYYY-MM-DD` text, named as the column (`d.due_on` → `due_on`). */
export const dayText = (column: string): string => `to_char(${column}, 'YYYY-MM-DD') AS ${column.replace(/^\w+\./, '')}`;

/** The columns of a deadline row, dates as text, for a query over `d` (the deadlines view). */
export const DEADLINE_SELECT = [
  'd.case_id',
  'd.subject_id',
  'd.rule',
  'd.seq',
  'd.kind',
  dayText('d.starts_on'),
  dayText('d.due_on'),
  dayText('d.earliest_on'),
  dayText('d.met_on'),
  dayText('d.lapsed_on'),
  'd.assumption',
  'd.exemption',
].join(', ');

export function toDeadline(record: DeadlineRow): Deadline {
  const rule = DEADLINE_RULE_NAMES.find((name) => name === record.rule);
  if (rule === undefined) throw new Error(`the timeliness read model holds an unknown rule ${record.rule}`);
  return {
    rule,
    subjectId: record.subject_id === '' ? null : record.subject_id,
    seq: record.seq,
    kind: record.kind === 'WINDOW' ? 'WINDOW' : 'DUTY',
    startsOn: record.starts_on,
    dueOn: record.due_on,
    earliestOn: record.earliest_on,
    metOn: record.met_on,
    lapsedOn: record.lapsed_on,
    assumption: record.assumption,
    exemption: record.exemption,
  };
}

/**
 * Runs a read; before the projection has made its first tables, or while the active ones are
 * an older version's (without what this version reads), answers 503 (try again).
 */
export function readTimeliness<T>(work: () => Promise<T>): Promise<T> {
  return readBuilt('timeliness', work);
}
