/** The day a case event happened in the world, as the timeliness read model dates it. */
import type { CaseEvent } from '../../../src/cases/case.events';
import { occurredAt } from '../../../src/cases/case.stream';

/**
 * The day the event happened in the world, from its own date field (receivedOn, on,
 * servedOn...); null for an event that carries none (a subject added, an allegation, a
 * severity assessment), whose `occurredAt` is only the time it was recorded. Recording time
 * never counts: back-recorded history must give the same answers as history recorded on the day.
 */
export function worldDayOf(event: CaseEvent): string | null {
  const own = occurredAt(event, '');
  return own === '' ? null : own.slice(0, 10);
}
