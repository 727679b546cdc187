/**
 * A stored deadline as the read APIs show it, judged against today: overdue, out of time, and
 * the authority for its period. `GET /cases/{caseId}/timeliness` (projections/timeliness) and
 * the DCC's dashboard (projections/dcc-oversight) show deadlines so. Pure: the caller passes
 * today from the CLOCK.
 */
import { CONFIDENCE_MARKS } from '../../../src/common/confidence';
import type { Confidence } from '../../../src/common/confidence';
import type { Deadline } from './deadlines';
import { authorityOf, isOutOfTime, isOverdue } from './deadlines';

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
  /** Present when the period is not confirmed law (◐ or ✖ in docs/domain/regulations.md): said beside the deadline. */
  unconfirmed?: string;
  /**
   * Present when the due day rests on an assumption, not only on recorded facts (an appeal
   * window counted from the outcome's day while the written outcome's receipt is unrecorded).
   */
  assumption?: string;
  /** Present when a recorded exemption discharged the duty in place of the act (`metOn` is its day). */
  exemption?: string;
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
    ...(confidence === 'CONFIRMED' ? {} : { unconfirmed: `unconfirmed: ${CONFIDENCE_MARKS[confidence]} period` }),
    ...(deadline.assumption === null ? {} : { assumption: deadline.assumption }),
    ...(deadline.exemption === null ? {} : { exemption: deadline.exemption }),
  };
}
