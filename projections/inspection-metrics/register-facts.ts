/**
 * What the inspection figures count for one register event (docs/events.md, "Register events",
 * streams `person-<id>`). Each event stands alone: its facts depend on its own payload, so
 * a correction of it only needs the payload that replaces it.
 */
import { isIsoDay } from '../../src/common/days';
import type { JsonObject } from '../../src/event-store/event-store';
import { DatedFact, datedFact } from '../common/dated-facts';
import { INSPECTION_METRIC as METRIC } from './inspection-metric-names';

export const REGISTER_EVENT_TYPES = [
  'BusinessInterestApplied',
  'BusinessInterestDecided',
  'GiftOrHospitalityOffered',
  'NotifiableAssociationDeclared',
  'DrugTestRecorded',
] as const;
export type RegisterEventType = (typeof REGISTER_EVENT_TYPES)[number];

export function isRegisterEventType(type: string): type is RegisterEventType {
  return (REGISTER_EVENT_TYPES as readonly string[]).includes(type);
}

/** docs/api.md: `approved` counts APPROVED and APPROVED_WITH_CONDITIONS. */
const APPROVALS = ['APPROVED', 'APPROVED_WITH_CONDITIONS'];
/** docs/api.md: gifts `declined` counts every decision other than these. */
const ACCEPTANCES = ['ACCEPTED', 'ACCEPTED_ON_BEHALF_OF_FORCE'];

/** Where the payload says nothing: the force and the day the event is otherwise known by. */
export interface RegisterFallback {
  force: string | null;
  day: string | null;
}

/**
 * The register events carry their `force` (the register write side adds it); an event
 * without one is counted for its recording actor's force, unless that is `*`.
 */
export function registerForce(data: JsonObject, fallback: RegisterFallback): string | null {
  return typeof data.force === 'string' && data.force.length > 0 ? data.force : fallback.force;
}

export function registerFacts(type: RegisterEventType, data: JsonObject, fallback: RegisterFallback): DatedFact[] {
  const force = registerForce(data, fallback);
  if (force === null) return [];
  const on = (field: string): string | null => dayOf(data[field]);
  switch (type) {
    case 'BusinessInterestApplied':
      return factsOn(force, on('appliedOn'), [METRIC.businessInterestsApplied]);
    case 'BusinessInterestDecided': {
      const decision = data.decision;
      if (typeof decision !== 'string') return [];
      if (APPROVALS.includes(decision)) return factsOn(force, on('decidedOn'), [METRIC.businessInterestsApproved]);
      return decision === 'DECLINED' ? factsOn(force, on('decidedOn'), [METRIC.businessInterestsDeclined]) : [];
    }
    case 'GiftOrHospitalityOffered': {
      const decision = data.decision;
      if (typeof decision !== 'string') return factsOn(force, on('offeredOn'), [METRIC.giftsOffered]);
      return factsOn(force, on('offeredOn'), [METRIC.giftsOffered, ACCEPTANCES.includes(decision) ? METRIC.giftsAccepted : METRIC.giftsDeclined]);
    }
    case 'NotifiableAssociationDeclared':
      return factsOn(force, on('declaredOn'), [METRIC.associationsDeclared]);
    case 'DrugTestRecorded':
      // docs/events.md gives the test no date field: a `testedOn` or `on` if present, else when it happened.
      return factsOn(force, on('testedOn') ?? on('on') ?? fallback.day, drugTestMetrics(data));
    default: {
      const unhandled: never = type;
      void unhandled;
      return [];
    }
  }
}

function drugTestMetrics(data: JsonObject): string[] {
  const metrics: string[] = [];
  if (data.kind === 'RANDOM') metrics.push(METRIC.drugTestsRandom);
  if (data.kind === 'WITH_CAUSE') metrics.push(METRIC.drugTestsWithCause);
  if (data.result === 'POSITIVE') metrics.push(METRIC.drugTestsPositive);
  return metrics;
}

function factsOn(force: string, day: string | null, metrics: readonly string[]): DatedFact[] {
  return day === null ? [] : metrics.map((metric) => datedFact(force, day, metric));
}

/** A `YYYY-MM-DD` day, or the day of an ISO instant; null for anything else. */
export function dayOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const day = value.slice(0, 10);
  return isIsoDay(day) ? day : null;
}
