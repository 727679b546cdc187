/**
 * A case's statutory deadlines from its timeline: each rule's triggers with their due days.
 * Clock-free, so the projection can store them; whether one is overdue is judged at read
 * time against today (isOverdue), so a stored row never goes stale.
 */
import type { CaseTimeline } from './case-timeline';
import type { Confidence } from '../../../src/common/confidence';
import { dueAfter, periodInForceOn } from './deadline-periods';
import { DEADLINE_RULES, deadlineRule } from './deadline-rules';
import type { DeadlineRule, DeadlineRuleName } from './deadline-rules';

export interface Deadline {
  rule: DeadlineRuleName;
  /** Null for a deadline of the case as a whole. */
  subjectId: string | null;
  /** 1, 2, ... for the repeats of a rule for the same case or subject. */
  seq: number;
  kind: DeadlineRule['kind'];
  /** The day the period runs from (the trigger). */
  startsOn: string;
  dueOn: string;
  earliestOn: string | null;
  metOn: string | null;
  /** The duty fell away unmet on this day, after it was due (e.g. the suspension ended). */
  lapsedOn: string | null;
  /** What the count assumes for want of a recorded fact, or null when it rests on recorded facts only. */
  assumption: string | null;
  /** What discharged the duty in place of the act (`metOn` is its day), where the law exempts it; else null. */
  exemption: string | null;
}

function deadlinesOfRule(rule: DeadlineRule, timeline: CaseTimeline): Deadline[] {
  const dueOf = (from: string): string => dueAfter(from, periodInForceOn(rule.periods, from).period);
  const repeats = new Map<string | null, number>();
  const deadlines: Deadline[] = [];
  for (const trigger of rule.triggers(timeline, dueOf)) {
    const dueOn = trigger.dueOn ?? dueOf(trigger.from);
    // A duty that fell away before it was due was never owed.
    if (trigger.metOn === null && trigger.endsOn !== null && trigger.endsOn < dueOn) continue;
    const seq = (repeats.get(trigger.subjectId) ?? 0) + 1;
    repeats.set(trigger.subjectId, seq);
    deadlines.push({
      rule: rule.rule,
      subjectId: trigger.subjectId,
      seq,
      kind: rule.kind,
      startsOn: trigger.from,
      dueOn,
      earliestOn: rule.notBefore === undefined || trigger.noEarliest === true ? null : dueAfter(trigger.from, rule.notBefore),
      metOn: trigger.metOn,
      lapsedOn: trigger.metOn === null ? trigger.endsOn : null,
      assumption: trigger.assumption ?? null,
      exemption: trigger.exemption ?? null,
    });
  }
  return deadlines;
}

export function deadlinesOf(timeline: CaseTimeline): Deadline[] {
  return DEADLINE_RULES.flatMap((rule) => deadlinesOfRule(rule, timeline));
}

type Judged = Pick<Deadline, 'kind' | 'dueOn' | 'earliestOn' | 'metOn' | 'lapsedOn'>;

/** A duty still owed, past its due day. An appeal window is never overdue: it just closes. */
export function isOverdue(deadline: Judged, today: string): boolean {
  return deadline.kind === 'DUTY' && deadline.metOn === null && deadline.lapsedOn === null && today > deadline.dueOn;
}

/** Met after the due day or before the earliest allowed one, or lapsed unmet. */
export function isOutOfTime(deadline: Judged): boolean {
  if (deadline.metOn !== null) {
    return deadline.metOn > deadline.dueOn || (deadline.earliestOn !== null && deadline.metOn < deadline.earliestOn);
  }
  return deadline.lapsedOn !== null;
}

/** The authority for a deadline: the period in force on the day it started to run. */
export function authorityOf(rule: DeadlineRuleName, startsOn: string): { source: string; confidence: Confidence } {
  const line = periodInForceOn(deadlineRule(rule).periods, startsOn);
  return { source: line.source, confidence: line.confidence };
}
