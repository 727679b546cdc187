/**
 * Case events as the timeliness projection keeps them: stripped of the personal data the
 * vault protects (VAULT_FIELDS), so the read model holds dates and facts, never names or
 * free text; and the day each happened in the world.
 */
import type { CaseEvent, CaseEventEnvelope, CaseEventType } from '../../src/cases/case.events';
import { VAULT_FIELDS } from '../../src/cases/case.events';
import { occurredAt } from '../../src/cases/case.stream';

function blanked(data: object, fields: readonly string[]): object {
  const copy: Record<string, unknown> = { ...data };
  for (const field of fields) if (typeof copy[field] === 'string') copy[field] = '';
  return copy;
}

/** The event without its vault fields (a correction's replacement: those of the corrected event's type). */
export function withoutPersonalData(event: CaseEventEnvelope, log: readonly CaseEventEnvelope[]): CaseEventEnvelope {
  const fieldsOf = (type: CaseEventType): readonly string[] => VAULT_FIELDS[type] as readonly string[];
  if (event.type !== 'RecordCorrected') {
    return { ...event, data: blanked(event.data, fieldsOf(event.type)) } as CaseEventEnvelope;
  }
  const corrected = log.find((candidate) => candidate.eventId === event.data.correctsEventId);
  if (corrected === undefined) return event;
  const replacement = blanked(event.data.replacement, fieldsOf(corrected.type));
  return { ...event, data: { ...event.data, replacement } } as CaseEventEnvelope;
}

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
