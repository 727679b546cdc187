/**
 * What `GET /cases/{caseId}/timeliness` answers: days open, time between stages, and each
 * deadline judged against today (common/deadlines/deadline-view.ts). Pure: the controller
 * passes today from the CLOCK.
 */
import type { CaseStage } from '../../src/cases/case.enums';
import type { StageReached } from '../common/deadlines/case-timeline';
import { deadlineView } from '../common/deadlines/deadline-view';
import type { DeadlineView } from '../common/deadlines/deadline-view';
import { calendarDaysBetween, workingDaysBetween } from '../common/deadlines/working-days';
import type { StoredCaseTimeliness } from './timeliness.queries';

export interface BetweenStages {
  from: CaseStage;
  to: CaseStage;
  fromOn: string;
  toOn: string;
  days: number;
  workingDays: number;
}

export interface CaseTimelinessView {
  caseId: string;
  force: string;
  stage: string;
  receivedOn: string;
  closedOn: string | null;
  /** The day "overdue" was judged against (Europe/London). */
  today: string;
  daysOpen: number;
  workingDaysOpen: number;
  betweenStages: BetweenStages[];
  deadlines: DeadlineView[];
}

export function betweenStages(stages: readonly StageReached[]): BetweenStages[] {
  return stages.slice(1).map((reached, index) => {
    const previous = stages[index];
    return {
      from: previous.stage,
      to: reached.stage,
      fromOn: previous.on,
      toOn: reached.on,
      days: calendarDaysBetween(previous.on, reached.on),
      workingDays: workingDaysBetween(previous.on, reached.on),
    };
  });
}

export function caseTimelinessView(stored: StoredCaseTimeliness, today: string): CaseTimelinessView {
  const end = stored.closedOn ?? today;
  return {
    caseId: stored.caseId,
    force: stored.force,
    stage: stored.stage,
    receivedOn: stored.receivedOn,
    closedOn: stored.closedOn,
    today,
    daysOpen: Math.max(0, calendarDaysBetween(stored.receivedOn, end)),
    workingDaysOpen: Math.max(0, workingDaysBetween(stored.receivedOn, end)),
    betweenStages: betweenStages(stored.stages),
    deadlines: stored.deadlines.map((deadline) => deadlineView(deadline, today)),
  };
}
