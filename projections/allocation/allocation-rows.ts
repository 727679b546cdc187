/**
 * The allocation read model's rows from a case as the domain folds it (allocation.state.ts):
 * who investigates it now, in which role and for which subjects, whether it is live and
 * allocated, and what waits for review or sign-off since when. Pure.
 */
import type { Case } from '../../src/cases/case.state';
import { caseStage } from '../../src/cases/case.stage';
import { assignmentsOf, caseInvestigatorOf } from '../../src/cases/allocation.facts';
import type { Assignment } from '../../src/cases/allocation.facts';
import { chainOfCommandRecorded, latestSubmission } from '../../src/cases/allocation.state';
import type { WaitingItem } from '../common/allocation-views';

export interface AllocationItem {
  caseId: string;
  stage: string;
  receivedOn: string;
  subjectIds: string[];
  assignments: Assignment[];
}

export interface AllocationCaseRow {
  case_id: string;
  force: string;
  sensitivity: string;
  subject_person_ids: string[];
  received_on: string;
  live: boolean;
  allocated: boolean;
  investigator_ids: string[];
  item: AllocationItem;
}

export interface AllocationWaitingRow {
  case_id: string;
  force: string;
  sensitivity: string;
  subject_person_ids: string[];
  item: WaitingItem;
  /** '' for the case's report. */
  subject_id: string;
  waiting_since: string;
}

const NOT_LIVE = new Set(['CONCLUDED', 'CLOSED']);

export function allocationCaseRow(state: Case): AllocationCaseRow {
  const assignments = assignmentsOf(state);
  const stage = caseStage(state);
  const subjects = Object.values(state.subjects);
  return {
    case_id: state.caseId,
    force: state.force,
    sensitivity: state.sensitivity,
    subject_person_ids: subjects.map((subject) => subject.personId),
    received_on: state.receivedOn,
    live: !NOT_LIVE.has(stage),
    allocated: caseInvestigatorOf(state) !== null,
    investigator_ids: [...new Set(assignments.map((assignment) => assignment.investigatorId))],
    item: { caseId: state.caseId, stage, receivedOn: state.receivedOn, subjectIds: subjects.map((subject) => subject.subjectId), assignments },
  };
}

/** The day of the subject's latest case-to-answer decision, from the case's events. */
function caseToAnswerDecidedOn(state: Case, subjectId: string): string | null {
  let on: string | null = null;
  for (const event of state.log) {
    const data = event.type === 'RecordCorrected' ? null : event.type === 'CaseToAnswerDecided' ? event.data : null;
    if (data !== null && data.subjectId === subjectId) on = data.on;
  }
  return on;
}

/**
 * What waits, and since when: the report submitted for review and not yet reviewed; where the
 * chain of command is recorded, a case-to-answer decision bringing proceedings and a form of
 * proceedings not yet signed off, while no proceedings are scheduled.
 */
export function waitingItems(state: Case): { item: WaitingItem; subjectId: string; since: string }[] {
  if (state.closedOn !== null) return [];
  const waiting: { item: WaitingItem; subjectId: string; since: string }[] = [];
  const latest = latestSubmission(state.allocation);
  if (latest !== null && latest.result === null) waiting.push({ item: 'INVESTIGATION_REPORT', subjectId: '', since: latest.submittedOn });
  if (!chainOfCommandRecorded(state.allocation)) return waiting;
  for (const subject of Object.values(state.subjects)) {
    if (subject.proceedings !== null || subject.conclusion !== null) continue;
    const chain = Object.prototype.hasOwnProperty.call(state.allocation.subjects, subject.subjectId) ? state.allocation.subjects[subject.subjectId] : null;
    const bringsProceedings =
      (subject.caseToAnswer === 'CASE_TO_ANSWER_MISCONDUCT' || subject.caseToAnswer === 'CASE_TO_ANSWER_GROSS_MISCONDUCT') && !subject.noProceedings;
    const decidedOn = caseToAnswerDecidedOn(state, subject.subjectId);
    if (bringsProceedings && decidedOn !== null && chain?.caseToAnswerSignOff?.signed !== subject.caseToAnswer) {
      waiting.push({ item: 'CASE_TO_ANSWER', subjectId: subject.subjectId, since: decidedOn });
    }
    if (chain?.form && chain.formSignOff?.signed !== chain.form.form)
      waiting.push({ item: 'FORM_OF_PROCEEDINGS', subjectId: subject.subjectId, since: chain.form.on });
  }
  return waiting;
}

export function allocationWaitingRows(state: Case): AllocationWaitingRow[] {
  const shared = {
    case_id: state.caseId,
    force: state.force,
    sensitivity: state.sensitivity,
    subject_person_ids: Object.values(state.subjects).map((subject) => subject.personId),
  };
  return waitingItems(state).map(({ item, subjectId, since }) => ({ ...shared, item, subject_id: subjectId, waiting_since: since }));
}
