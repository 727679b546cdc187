/**
 * reg 10 (◐ docs/domain/regulations.md §2.13): proceedings paused while criminal proceedings could
 * be prejudiced. The regulations set no rule for the clocks of the proceedings during a pause;
 * the ledger suspends them, as data carrying its mark: while a pause lasts the clock is not
 * owed, and once it ends the due day moves by the calendar days paused, which the read says
 * beside the deadline (`assumption`). A clock of the proceedings asks `pausedClock`.
 */
import type { SubjectTimeline } from './case-timeline';
import type { Trigger } from './deadline-rule';
import { addCalendarDays, calendarDaysBetween } from './working-days';

/** What a paused clock's deadline says beside its due day. */
export const PAUSE_ASSUMPTION =
  'proceedings paused under reg 10; the due day moves by the days paused (◐ partly confirmed: reg 10 allows the pause, the regulations set no rule for the clock)';

/**
 * The trigger's due day moved by the pauses that began on or after its start and before its
 * (moving) due day; null while such a pause lasts, when the clock is suspended.
 */
export function pausedClock(subject: SubjectTimeline, trigger: Trigger, baseDue: string): Trigger | null {
  let dueOn = baseDue;
  let paused = false;
  for (const pause of [...subject.pauses].sort((a, b) => (a.from < b.from ? -1 : 1))) {
    if (pause.from < trigger.from || pause.from > dueOn) continue;
    // Met before the pause: the pause does not touch it.
    if (trigger.metOn !== null && trigger.metOn < pause.from) continue;
    if (pause.until === null) return null;
    dueOn = addCalendarDays(dueOn, calendarDaysBetween(pause.from, pause.until));
    paused = true;
  }
  if (!paused) return trigger;
  const assumption = [trigger.assumption, `${PAUSE_ASSUMPTION}; due ${baseDue} before the pause`].filter(Boolean).join('; ');
  return { ...trigger, dueOn, assumption };
}
