/**
 * Rules for what follows an outcome or a departure: appeals, the barred and advisory lists
 * (Police Act 1996 Part 4A; Barred List Regs 2017), and the DCC's decision on a departure.
 */
import { isOneOf } from './case.enums';
import type { AppealForum } from './case.enums';
import type { CaseEvent, CaseEventDataMap, SubjectLeftService } from './case.events';
import { isBeforeDay, isWithin } from './case.dates';
import { BARRED_LIST_WORKFORCE, isHomeOfficeForce, LEGAL_DATES } from './case.regulations';
import { ensure } from './case.rule-book';
import { ensureNotBefore, event, isDismissal, isGovernedByConductRegulations, isGrossMisconductAlleged, requireSubject } from './case.rules';
import { ensureFormerOfficerOutcome, ensureOutcomeFitsFindings, ensureRankToReduce, ensureWithinPowers, isSeniorOfficer } from './case.proceedings-rules';
import { subjectStage, UNDER_INVESTIGATION_STAGES } from './case.stage';
import type { Case, SubjectState } from './case.state';
import { liveFinalWrittenWarning } from './sanction-history';
import type { SanctionEntry } from './sanction-history';
import { routeDismissalOf } from './reflective-practice.state';

export function decideDeparture(state: Case, data: Omit<SubjectLeftService, 'stageAtDeparture'>): CaseEvent[] {
  const subject = requireSubject(state, data.subjectId);
  ensure(subject.departure === null, 'alreadyLeftService');
  const { subjectId, how, on, approvedByDcc } = data;
  // reg 10A (2015-2017): leaving during a gross-misconduct matter needed the authority's consent.
  const underReg10A =
    (how === 'RESIGNED' || how === 'RETIRED') &&
    isWithin(on, LEGAL_DATES.reg10AFrom, LEGAL_DATES.reg10AUntil) &&
    isGovernedByConductRegulations(subject) &&
    isGrossMisconductAlleged(subject) &&
    isOneOf(UNDER_INVESTIGATION_STAGES, subjectStage(state, subject));
  ensure(!underReg10A || approvedByDcc, 'departureNeedsConsentUnderReg10A', on);
  // The stage is the subject's own: in a case with several subjects they can stand at different points.
  const stageAtDeparture = subjectStage(state, subject);
  return [event('SubjectLeftService', { subjectId, how, on, approvedByDcc, stageAtDeparture })];
}

export function decideDepartureDecision(state: Case, data: CaseEventDataMap['DepartureDecisionRecorded']): CaseEvent[] {
  const subject = requireSubject(state, data.subjectId);
  ensure(subject.departure?.awaitingDccDecision === true, 'noDepartureAwaitingDecision');
  return [event('DepartureDecisionRecorded', data)];
}

/**
 * An officer appeals a meeting's outcome to the force (reg 45) and a hearing's or
 * accelerated hearing's to the Police Appeals Tribunal (PAT Rules 2020). Staff appeal under
 * their force's procedures, so any forum is accepted for them.
 */
function ensureForum(subject: SubjectState, forum: AppealForum): void {
  if (!isGovernedByConductRegulations(subject) || subject.proceedings === null) return;
  // reg 45 appeals are for non-senior officers: a senior officer's appeal goes to the tribunal.
  const internal = subject.proceedings.kind === 'MISCONDUCT_MEETING' && !isSeniorOfficer(subject);
  const expected = internal ? 'INTERNAL' : 'POLICE_APPEALS_TRIBUNAL';
  ensure(forum === expected, 'appealForumMustMatchProceedings');
}

export function decideLodgeAppeal(state: Case, data: CaseEventDataMap['AppealLodged']): CaseEvent[] {
  const subject = requireSubject(state, data.subjectId);
  ensure(subject.conclusion !== null && subject.proceedings !== null, 'appealNeedsConcludedProceedings');
  ensure(subject.appeal === null || subject.appeal.result !== null, 'appealAlreadyPending');
  ensureForum(subject, data.forum);
  ensureNotBefore(data.on, subject.conclusion.on, 'the outcome');
  return [event('AppealLodged', data)];
}

export function decideDetermineAppeal(state: Case, data: CaseEventDataMap['AppealDetermined'], history: readonly SanctionEntry[] = []): CaseEvent[] {
  const subject = requireSubject(state, data.subjectId);
  ensure(subject.appeal !== null && subject.appeal.result === null, 'appealMustBeLodged');
  ensureForum(subject, data.forum);
  ensureNotBefore(data.on, subject.appeal.lodgedOn, 'the appeal');
  if (data.result !== 'OUTCOME_VARIED') {
    ensure(data.variedOutcome === undefined, 'variedOutcomeOnlyWhenVaried');
    return [event('AppealDetermined', data)];
  }
  ensure(data.variedOutcome !== undefined, 'variedOutcomeRequired');
  // The appeal may deal with the subject only as the original proceedings could have.
  const conclusion = subject.conclusion;
  if (subject.proceedings !== null) ensureWithinPowers(state.regulations, subject.proceedings.kind, data.variedOutcome);
  const formerOfficer = conclusion?.formerOfficer === true;
  ensureFormerOfficerOutcome(subject, formerOfficer, data.variedOutcome, conclusion?.findings ?? []);
  if (!formerOfficer) ensureRankToReduce(subject, data.variedOutcome);
  // reg 42(7): a varied outcome is no second final written warning either, judged on the original finding's day.
  const liveWarning = conclusion === null ? undefined : liveFinalWrittenWarning(history, conclusion.on);
  ensureOutcomeFitsFindings(subject.proceedings?.kind ?? null, conclusion?.findings ?? [], data.variedOutcome, conclusion?.sanctionBasis, liveWarning);
  return [event('AppealDetermined', data)];
}

export function decideBarredListEntry(state: Case, data: CaseEventDataMap['BarredListEntryMade']): CaseEvent[] {
  const subject = requireSubject(state, data.subjectId);
  ensure(!subject.barredList, 'alreadyOnBarredList');
  ensure(isHomeOfficeForce(state.force), 'barredListOnlyForHomeOfficeForces', state.force);
  ensure(BARRED_LIST_WORKFORCE.includes(subject.workforceType), 'barredListWorkforceScope', subject.workforceType);
  // A dismissal under the Performance or the Vetting Regulations (proceedings-routes.events.ts).
  const routeDismissal = routeDismissalOf(subject.routes);
  if (routeDismissal !== null) {
    ensure(data.basis === routeDismissal.basis, 'barredListBasisMustMatch', `expected ${routeDismissal.basis}`);
    ensureNotBefore(data.on, routeDismissal.on, 'the dismissal');
    return [event('BarredListEntryMade', data)];
  }
  // s88A: dismissed officers and staff, and former ones found that they would have been dismissed.
  ensure(isDismissal(subject.outcome), 'barredListNeedsDismissal');
  // The list applies to dismissals and findings from 15 December 2017: the date that counts is
  // the dismissal's (the conclusion's), which is also when the reporting duty starts. A 2012
  // dismissal with notice takes effect only when its notice ends (reg 35): that day, recorded.
  const withNotice = subject.outcome === 'DISMISSAL_WITH_NOTICE';
  const effectiveOn = subject.conclusion?.dismissalEffectiveOn;
  ensure(!withNotice || effectiveOn !== undefined, 'barredListAfterDismissalTakesEffect');
  const dismissedOn = (withNotice ? effectiveOn : subject.conclusion?.on) ?? data.on;
  ensure(!isBeforeDay(dismissedOn, LEGAL_DATES.barredListInForceFrom), 'barredListNotInForce', dismissedOn);
  ensureNotBefore(data.on, dismissedOn, withNotice ? 'the end of the notice of dismissal' : 'the dismissal');
  const expected = subject.conclusion?.formerOfficer === true ? 'WOULD_HAVE_BEEN_DISMISSED' : 'DISMISSED';
  ensure(data.basis === expected, 'barredListBasisMustMatch', `expected ${expected}`);
  return [event('BarredListEntryMade', data)];
}

/**
 * s88I(1)(a)-(b), reg 12: a subject who resigned or retired while under investigation or
 * proceedings, or before the allegation came to light (recorded on a new case, their stage
 * is then ASSESSMENT); not once the matter has concluded for them.
 */
function leftUnderInvestigation(subject: SubjectState): boolean {
  const departure = subject.departure;
  if (departure === null || subject.conclusion !== null) return false;
  // s88I(1)(c): a designated volunteer whose designation was withdrawn.
  if (departure.how === 'DESIGNATION_WITHDRAWN') return subject.workforceType === 'VOLUNTEER';
  if (departure.how !== 'RESIGNED' && departure.how !== 'RETIRED') return false;
  return isOneOf(UNDER_INVESTIGATION_STAGES, departure.stageAtDeparture);
}

/**
 * Practice requiring improvement or no case to answer could never have ended in dismissal
 * (advisoryListNeedsMatterThatCouldLeadToDismissal). The timeliness read model asks the same
 * question before it owes an advisory-list report (projections/timeliness/subject-deadlines.ts).
 */
export function couldLeadToDismissal(subject: SubjectState): boolean {
  const level = subject.caseToAnswer ?? subject.severity;
  return level !== 'NO_CASE_TO_ANSWER' && level !== 'PRACTICE_REQUIRING_IMPROVEMENT';
}

export function decideAddToAdvisoryList(state: Case, data: CaseEventDataMap['AdvisoryListEntryMade']): CaseEvent[] {
  const subject = requireSubject(state, data.subjectId);
  ensure(!subject.advisoryList, 'alreadyOnAdvisoryList');
  ensure(isHomeOfficeForce(state.force), 'barredListOnlyForHomeOfficeForces', state.force);
  ensure(leftUnderInvestigation(subject), 'advisoryListNeedsDepartureUnderInvestigation');
  const leftOn = subject.departure?.on ?? data.on;
  ensure(!isBeforeDay(leftOn, LEGAL_DATES.advisoryListInForceFrom), 'advisoryListNotInForce', leftOn);
  ensure(!isBeforeDay(data.on, LEGAL_DATES.advisoryListInForceFrom), 'advisoryListNotInForce', data.on);
  ensure(couldLeadToDismissal(subject), 'advisoryListNeedsMatterThatCouldLeadToDismissal');
  ensureNotBefore(data.on, subject.departure?.on, 'the departure');
  return [event('AdvisoryListEntryMade', data)];
}

export function decideRemoveFromAdvisoryList(state: Case, data: CaseEventDataMap['AdvisoryListEntryRemoved']): CaseEvent[] {
  const subject = requireSubject(state, data.subjectId);
  ensure(subject.advisoryList, 'notOnAdvisoryList');
  return [event('AdvisoryListEntryRemoved', data)];
}
