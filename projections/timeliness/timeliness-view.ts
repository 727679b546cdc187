/**
 * What `GET /cases/{caseId}/timeliness` answers: days open, time between stages, and each
 * deadline judged against today. Pure: the controller passes today from the CLOCK.
 */
import type { CaseStage } from '../../src/cases/case.enums';
import type { StageReached } from './case-timeline';
import type { Confidence } from './deadline-periods';
import type { Deadline } from './deadlines';
import { authorityOf, isOutOfTime, isOverdue } from './deadlines';
import type { StoredCaseTimeliness } from './timeliness.queries';
import { calendarDaysBetween, workingDaysBetween } from './working-days';

export interface BetweenStages {
  from: CaseStage;
  to: CaseStage;
  fromOn: string;
  toOn: string;
  days: number;
  workingDays: number;
}

export interface DeadlineView {
  rule: Deadline['rule'];
  subjectId?: string;
  kind: Deadline['kind'];
  startsOn: string;
  dueOn: string;
  earliestOn?: string;
  metOn: string | null;
  lapsedOn: string | null;
  /** A duty still owed after its due day, as of today. */
  overdue: boolean;
  /** Met late (or too early), or lapsed unmet. */
  outOfTime: boolean;
  source: string;
  confidence: Confidence;
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

export function deadlineView(deadline: Deadline, today: string): DeadlineView {
  const { source, confidence } = authorityOf(deadline.rule, deadline.startsOn);
  return {
    rule: deadline.rule,
    ...(deadline.subjectId === null ? {} : { subjectId: deadline.subjectId }),
    kind: deadline.kind,
    startsOn: deadline.startsOn,
    dueOn: deadline.dueOn,
    ...(deadline.earliestOn === null ? {} : { earliestOn: deadline.earliestOn }),
    metOn: deadline.metOn,
    lapsedOn: deadline.lapsedOn,
    overdue: isOverdue(deadline, today),
    outOfTime: isOutOfTime(deadline),
    source,
    confidence,
  };
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
