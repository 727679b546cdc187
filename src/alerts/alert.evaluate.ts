/**
 * Which alerts a new fact about a person makes due: pure, given the force's thresholds in
 * force and the facts about the force's people (the new one among them).
 *
 * A threshold is crossed by the fact that takes the person from below it to at or above it,
 * counting the facts within the window that ends on that fact's day (the window's first
 * day is `windowDays - 1` days before). Each crossing is one alert, named by the threshold,
 * the person and the crossing fact, so evaluating the same history again names the same alerts.
 * A threshold set over an existing history is evaluated against it too (`alertsDueOnSetting`).
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

/**
 * The facts about one force's people, indexed by person: evaluating a new fact reads only
 * that person's facts; only a top-percentile threshold, which ranks the force, reads them all.
 */
export class ForceFacts {
  private readonly byPerson = new Map<string, PersonFact[]>();

  static of(facts: Iterable<PersonFact>): ForceFacts {
    const index = new ForceFacts();
    for (const fact of facts) index.add(fact);
    return index;
  }

  add(fact: PersonFact): void {
    const list = this.byPerson.get(fact.personId);
    if (list === undefined) this.byPerson.set(fact.personId, [fact]);
    else list.push(fact);
  }

  ofPerson(personId: string): readonly PersonFact[] {
    return this.byPerson.get(personId) ?? [];
  }

  people(): IterableIterator<string> {
    return this.byPerson.keys();
  }
}

interface Window {
  from: string;
  to: string;
}

const within = (day: string, { from, to }: Window): boolean => !isBeforeDay(day, from) && !isBeforeDay(to, day);

const windowEnding = (threshold: AlertThresholdSet, day: string): Window => ({ from: addDaysToDay(day, 1 - (threshold.windowDays ?? 1)), to: day });

/** How many of one person's facts the threshold counts within the window, leaving out one if named. */
function measureOf(threshold: AlertThresholdSet, facts: readonly PersonFact[], window: Window, leaveOut?: string): number {
  let measure = 0;
  for (const fact of facts) {
    if (fact.factId !== leaveOut && within(fact.day, window) && thresholdCounts(threshold, fact)) measure += 1;
  }
  return measure;
}

/** Per person with any, their measure within the window (force-wide, for TOP_PERCENTILE), with or without one fact. */
function measures(threshold: AlertThresholdSet, facts: ForceFacts, window: Window, leaveOut?: string): Map<string, number> {
  const byPerson = new Map<string, number>();
  for (const personId of facts.people()) {
    const measure = measureOf(threshold, facts.ofPerson(personId), window, leaveOut);
    if (measure > 0) byPerson.set(personId, measure);
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
  let below = 0;
  for (const other of byPerson.values()) if (other < measure) below += 1;
  return below * 100 >= (100 - (threshold.percentile ?? 0)) * byPerson.size;
}

function crossing(threshold: AlertThresholdSet, facts: ForceFacts, fact: PersonFact): DueAlert | null {
  if (!thresholdCounts(threshold, fact)) return null;
  const base = { thresholdId: threshold.thresholdId, kind: threshold.kind, force: threshold.force, personId: fact.personId, crossedBy: fact.factId };
  if (threshold.kind === 'MONITORED_PERSON') return { ...base, threshold: 1, measure: 1, windowFrom: fact.day, windowTo: fact.day };
  const window = windowEnding(threshold, fact.day);
  const least = threshold.count ?? 1;
  let measure: number;
  let crossed: boolean;
  if (threshold.kind === 'TOP_PERCENTILE') {
    const after = measures(threshold, facts, window);
    measure = after.get(fact.personId) ?? 0;
    crossed = inTopPercentile(threshold, after, fact.personId) && !inTopPercentile(threshold, measures(threshold, facts, window, fact.factId), fact.personId);
  } else {
    const own = facts.ofPerson(fact.personId);
    measure = measureOf(threshold, own, window);
    crossed = measure >= least && measureOf(threshold, own, window, fact.factId) < least;
  }
  if (!crossed) return null;
  return { ...base, threshold: least, measure, windowFrom: window.from, windowTo: window.to };
}

/** The alerts due because of `fact`, one per threshold it crosses. `facts`: the force's facts so far, `fact` among them. */
export function alertsDue(thresholds: readonly AlertThresholdSet[], facts: ForceFacts, fact: PersonFact): DueAlert[] {
  return thresholds.filter((threshold) => threshold.force === fact.force).flatMap((threshold) => crossing(threshold, facts, fact) ?? []);
}

/** Who is at or over the threshold as at `day` (the window ending that day), with their measure. */
function atOrOver(threshold: AlertThresholdSet, facts: ForceFacts, day: string): Map<string, number> {
  const window = windowEnding(threshold, day);
  const all = measures(threshold, facts, window);
  const over = new Map<string, number>();
  for (const [personId, measure] of all) {
    const reached = threshold.kind === 'TOP_PERCENTILE' ? inTopPercentile(threshold, all, personId) : measure >= (threshold.count ?? 1);
    if (reached) over.set(personId, measure);
  }
  return over;
}

/**
 * The alerts due when a threshold is set (or changed) over a history that already exists:
 * everyone of the force at or over it as at the day it is set (the window ending that day),
 * except those already at or over the threshold it replaces (they were alerted, or not, under
 * it: a changed threshold alerts only those the change brings over). Each is named by the
 * threshold, the person and `settingId` (the AlertThresholdSet event's id), so evaluating the
 * same history again names the same alerts.
 *
 * MONITORED_PERSON is not evaluated here: it is about new events, each one an alert, so
 * setting it over an existing history raises nothing until the next event about the person.
 */
export function alertsDueOnSetting(threshold: AlertThresholdSet, replaced: AlertThresholdSet | undefined, facts: ForceFacts, settingId: string): DueAlert[] {
  if (threshold.kind === 'MONITORED_PERSON') return [];
  const window = windowEnding(threshold, threshold.setOn);
  const before = replaced === undefined || replaced.kind === 'MONITORED_PERSON' ? new Map<string, number>() : atOrOver(replaced, facts, threshold.setOn);
  return [...atOrOver(threshold, facts, threshold.setOn)]
    .filter(([personId]) => !before.has(personId))
    .map(([personId, measure]) => ({
      thresholdId: threshold.thresholdId,
      kind: threshold.kind,
      force: threshold.force,
      personId,
      threshold: threshold.count ?? 1,
      measure,
      windowFrom: window.from,
      windowTo: window.to,
      crossedBy: settingId,
    }));
}
