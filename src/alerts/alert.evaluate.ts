/**
 * Which alerts a new fact about a person makes due: pure, given the force's thresholds in
 * force and the facts about the force's people (the new one among them).
 *
 * A threshold is crossed by the fact that takes the person from below it to at or above it,
 * counting the facts within the window that ends on that fact's day (the window's first
 * day is `windowDays - 1` days before). Each crossing is one alert, named by the threshold,
 * the person and the crossing fact, so evaluating the same history again names the same alerts.
 */
import { addDaysToDay, isBeforeDay } from '../common/days';
import type { CaseFlag, CorruptionCategory, Standard } from '../cases/case.enums';
import type { ComplaintCategory } from '../cases/complaint.enums';
import type { AlertKind, AlertThresholdSet } from './alert.events';

/** What one event says about a person, as the thresholds count it (alert.facts.ts derives these). */
export interface PersonFact {
  /** Unique per fact: the event id, with the allegation's id where one event gives several. */
  factId: string;
  personId: string;
  force: string;
  /** The day it happened (the event's legal date). */
  day: string;
  /** A case or complaint naming the person as a subject; an allegation against them; a register signal on their record. */
  kind: 'CASE_SUBJECT' | 'ALLEGATION' | 'REGISTER_SIGNAL';
  category?: ComplaintCategory;
  standards?: readonly Standard[];
  corruptionCategory?: CorruptionCategory;
  flags?: readonly CaseFlag[];
}

export interface DueAlert {
  thresholdId: string;
  kind: AlertKind;
  force: string;
  personId: string;
  threshold: number;
  measure: number;
  windowFrom: string;
  windowTo: string;
  /** The fact that crossed the threshold. */
  crossedBy: string;
}

/** Whether the threshold counts the fact at all. */
export function thresholdCounts(threshold: AlertThresholdSet, fact: PersonFact): boolean {
  switch (threshold.kind) {
    case 'INCIDENT_TYPE':
      return fact.kind === 'ALLEGATION' && fact.category !== undefined && fact.category === threshold.category;
    case 'OVERALL':
    case 'TOP_PERCENTILE':
      return fact.kind === 'CASE_SUBJECT' || fact.kind === 'REGISTER_SIGNAL';
    case 'ALLEGATION_DETAIL':
      return fact.kind === 'ALLEGATION' && matchesDetail(threshold, fact);
    case 'MONITORED_PERSON':
      return fact.personId === threshold.personId;
    default: {
      const unhandled: never = threshold.kind;
      return unhandled;
    }
  }
}

function matchesDetail(threshold: AlertThresholdSet, fact: PersonFact): boolean {
  if (threshold.standard !== undefined) return fact.standards?.includes(threshold.standard) ?? false;
  if (threshold.corruptionCategory !== undefined) return fact.corruptionCategory === threshold.corruptionCategory;
  if (threshold.flag !== undefined) return fact.flags?.includes(threshold.flag) ?? false;
  return false;
}

interface Window {
  from: string;
  to: string;
}

const within = (day: string, { from, to }: Window): boolean => !isBeforeDay(day, from) && !isBeforeDay(to, day);

/** Per person, how many facts the threshold counts within the window, with or without the crossing fact. */
function measures(threshold: AlertThresholdSet, facts: readonly PersonFact[], window: Window, leaveOut?: string): Map<string, number> {
  const byPerson = new Map<string, number>();
  for (const fact of facts) {
    if (fact.factId === leaveOut || !within(fact.day, window) || !thresholdCounts(threshold, fact)) continue;
    byPerson.set(fact.personId, (byPerson.get(fact.personId) ?? 0) + 1);
  }
  return byPerson;
}

/**
 * In the top X%: at least `count`, and at least (100 − X)% of the people with any measure
 * in the window have less. Ties share a place: ten people with one each puts nobody on top.
 */
function inTopPercentile(threshold: AlertThresholdSet, byPerson: Map<string, number>, personId: string): boolean {
  const measure = byPerson.get(personId) ?? 0;
  if (measure < (threshold.count ?? 1) || byPerson.size === 0) return false;
  const below = [...byPerson.values()].filter((other) => other < measure).length;
  return below * 100 >= (100 - (threshold.percentile ?? 0)) * byPerson.size;
}

function crossing(threshold: AlertThresholdSet, facts: readonly PersonFact[], fact: PersonFact): DueAlert | null {
  if (!thresholdCounts(threshold, fact)) return null;
  const base = { thresholdId: threshold.thresholdId, kind: threshold.kind, force: threshold.force, personId: fact.personId, crossedBy: fact.factId };
  if (threshold.kind === 'MONITORED_PERSON') return { ...base, threshold: 1, measure: 1, windowFrom: fact.day, windowTo: fact.day };
  const window = { from: addDaysToDay(fact.day, 1 - (threshold.windowDays ?? 1)), to: fact.day };
  const after = measures(threshold, facts, window);
  const before = measures(threshold, facts, window, fact.factId);
  const measure = after.get(fact.personId) ?? 0;
  const crossed =
    threshold.kind === 'TOP_PERCENTILE'
      ? inTopPercentile(threshold, after, fact.personId) && !inTopPercentile(threshold, before, fact.personId)
      : measure >= (threshold.count ?? 1) && (before.get(fact.personId) ?? 0) < (threshold.count ?? 1);
  if (!crossed) return null;
  return { ...base, threshold: threshold.count ?? 1, measure, windowFrom: window.from, windowTo: window.to };
}

/** The alerts due because of `fact`, one per threshold it crosses. `facts`: the force's facts so far, `fact` among them. */
export function alertsDue(thresholds: readonly AlertThresholdSet[], facts: readonly PersonFact[], fact: PersonFact): DueAlert[] {
  return thresholds.filter((threshold) => threshold.force === fact.force).flatMap((threshold) => crossing(threshold, facts, fact) ?? []);
}
