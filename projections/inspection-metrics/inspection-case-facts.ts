/**
 * What the inspection figures count for one case (docs/api.md, `GET /metrics/inspection`), each
 * fact on the day of its own event, with the case's force. Pure: derived again from the
 * whole case whenever it changes, so a correction moves or removes what it corrects.
 */
import { addMonths, differenceInCalendarDays, isAfter, parseISO } from 'date-fns';
import { CASE_FLAG_FIELDS, CASE_FLAGS, isOneOf } from '../../src/cases/case.enums';
import type { CorruptionCategory, IopcMode } from '../../src/cases/case.enums';
import { UNDER_INVESTIGATION_STAGES } from '../../src/cases/case.stage';
import type { Case, CaseState } from '../../src/cases/case.state';
import type { CaseStep } from '../common/case-event-log';
import { DatedFact, datedFact } from '../common/dated-facts';
import { INSPECTION_METRIC as METRIC } from './inspection-metric-names';

export function inspectionCaseFacts(steps: readonly CaseStep[], final: Case): DatedFact[] {
  const { force, receivedOn } = final;
  // docs/api.md: a complaint is a case of caseType COMPLAINT; a conduct case is any other type.
  const facts: DatedFact[] = [datedFact(force, receivedOn, final.caseType === 'COMPLAINT' ? METRIC.complaints : METRIC.conductCases)];
  for (const category of corruptionCategoriesOf(final)) facts.push(datedFact(force, receivedOn, METRIC.corruptionCategory, category));
  for (const flag of CASE_FLAGS) if (final.flags[CASE_FLAG_FIELDS[flag]]) facts.push(datedFact(force, receivedOn, METRIC.flag, flag));

  const referrals: { referredOn: string; mode: IopcMode | null }[] = [];
  for (const { event, before, after } of steps) {
    switch (event.type) {
      case 'ReferredToIopc':
        referrals.push({ referredOn: event.data.referredOn, mode: null });
        break;
      case 'IopcDecisionRecorded': {
        // The decision answers the latest referral; a later decision supersedes an earlier one.
        const referral = referrals.at(-1);
        if (referral !== undefined) referral.mode = event.data.mode;
        break;
      }
      case 'ProceedingsConcluded':
        if (hasSubject(after, event.data.subjectId)) facts.push(datedFact(force, event.data.on, METRIC.outcome, event.data.outcome));
        break;
      case 'SubjectLeftService':
        if (leftDuringProceedings(before, after, event.data.subjectId)) facts.push(datedFact(force, event.data.on, METRIC.departuresDuringProceedings));
        break;
      case 'BarredListEntryMade':
        if (hasSubject(after, event.data.subjectId)) facts.push(datedFact(force, event.data.on, METRIC.barredListEntries));
        break;
      case 'AdvisoryListEntryMade':
        if (hasSubject(after, event.data.subjectId)) facts.push(datedFact(force, event.data.on, METRIC.advisoryListEntries));
        break;
      default:
        break;
    }
  }
  for (const referral of referrals) {
    facts.push(datedFact(force, referral.referredOn, METRIC.iopcReferrals));
    if (referral.mode !== null) facts.push(datedFact(force, referral.referredOn, METRIC.iopcReferralMode, referral.mode));
  }
  return [...facts, ...finalisationFacts(final)];
}

/** The categories of the referral and of every allegation, each once. */
function corruptionCategoriesOf(state: Case): Set<CorruptionCategory> {
  const categories = new Set(state.corruptionCategories);
  for (const allegation of Object.values(state.allegations)) {
    if (allegation.corruptionCategory !== null) categories.add(allegation.corruptionCategory);
  }
  return categories;
}

function hasSubject(state: Case, subjectId: string): boolean {
  return Object.prototype.hasOwnProperty.call(state.subjects, subjectId);
}

/**
 * Left the service (a transfer to another force is not leaving it) while under
 * investigation or proceedings (the domain's UNDER_INVESTIGATION_STAGES), before any
 * conclusion of their proceedings.
 */
function leftDuringProceedings(before: CaseState, after: Case, subjectId: string): boolean {
  if (before === null || !hasSubject(before, subjectId) || !hasSubject(after, subjectId)) return false;
  const departure = after.subjects[subjectId].departure;
  if (departure === null || departure.how === 'TRANSFERRED' || departure.afterConclusion) return false;
  return isOneOf(UNDER_INVESTIGATION_STAGES, departure.stageAtDeparture);
}

/** A closed case is finalised on closedOn (a reopened one is not, until it closes again). */
function finalisationFacts(state: Case): DatedFact[] {
  if (state.closedOn === null) return [];
  const received = parseISO(state.receivedOn);
  const closed = parseISO(state.closedOn);
  const days = differenceInCalendarDays(closed, received);
  if (!Number.isInteger(days) || days < 0) return [];
  const facts = [datedFact(state.force, state.closedOn, METRIC.daysToFinalise, String(days))];
  if (!isAfter(closed, addMonths(received, 12))) facts.push(datedFact(state.force, state.closedOn, METRIC.finalisedWithin12Months));
  return facts;
}
