/**
 * Rules from the case-to-answer decision to the outcome of proceedings (Conduct Regs 2020
 * Parts 3 to 6, and the 2012 Regulations for older matters).
 */
import { DISCIPLINARY_OUTCOMES, isOneOf } from './case.enums';
import type { Outcome, ProceedingsKind, Regulations } from './case.enums';
import type { CaseEvent, CaseEventDataMap, Finding, ProceedingsConcluded, ProceedingsScheduled } from './case.events';
import { addDaysToDay, addMonthsToDay } from '../common/days';
import { isBeforeDay } from './case.dates';
import {
  DISMISSAL_NOTICE_MINIMUM_DAYS,
  hearingChairsFor,
  LEGAL_DATES,
  outcomesUnder,
  RANKS_WITHOUT_REDUCTION,
  regimeOf,
  SENIOR_RANKS,
} from './case.regulations';
import { ensure, refuse } from './case.rule-book';
import {
  ensureNotBefore,
  event,
  hasLeftService,
  isDismissal,
  isFormerOfficerUnderSchedule1,
  isGovernedByConductRegulations,
  isGrossMisconductAlleged,
  requireSubject,
} from './case.rules';
import type { Case, SubjectState } from './case.state';
import { liveFinalWrittenWarning } from './sanction-history';
import type { SanctionEntry } from './sanction-history';

/** reg 42: proven gross misconduct leads to one of these (2012 reg 35: also dismissal with notice). */
const GROSS_MISCONDUCT_OUTCOMES: readonly Outcome[] = ['FINAL_WRITTEN_WARNING', 'REDUCTION_IN_RANK', 'DISMISSAL_WITH_NOTICE', 'DISMISSAL_WITHOUT_NOTICE'];

export function decideScheduleProceedings(state: Case, data: ProceedingsScheduled, history: readonly SanctionEntry[] = []): CaseEvent[] {
  const subject = requireSubject(state, data.subjectId);
  ensure(subject.conclusion === null, 'proceedingsAlreadyConcluded');
  ensure(!subject.noProceedings, 'proceedingsDecidedAgainst');
  ensureNotBefore(data.noticeServedOn, state.receivedOn, 'the referral');
  ensureNotBefore(data.scheduledFor, data.noticeServedOn, 'the notice');
  const formerOfficer = isFormerOfficerUnderSchedule1(subject);

  if (data.kind === 'ACCELERATED_HEARING') {
    // reg 49(2): written evidence establishes gross misconduct. It may come at any point of
    // the investigation (reg 21(3)), so neither a report nor a case-to-answer decision is needed:
    // a criminal conviction can go straight to an accelerated hearing.
    ensure(isGrossMisconductAlleged(subject), 'acceleratedHearingNeedsGrossMisconduct');
  } else {
    // reg 23: proceedings follow a decision that there is a case to answer.
    const caseToAnswer = subject.caseToAnswer;
    ensure(caseToAnswer === 'CASE_TO_ANSWER_MISCONDUCT' || caseToAnswer === 'CASE_TO_ANSWER_GROSS_MISCONDUCT', 'proceedingsNeedCaseToAnswer');
    if (data.kind === 'MISCONDUCT_MEETING') {
      ensure(!formerOfficer, 'notForFormerOfficers');
      // The form for senior officers is the regime's, with the mark of what the text confirms.
      const senior = regimeOf(state.regulations).seniorOfficers;
      ensure(senior.meeting || !isSeniorOfficer(subject), 'meetingNotForSeniorOfficers', subject.rank, senior.confidence);
      ensure(caseToAnswer === 'CASE_TO_ANSWER_MISCONDUCT', 'meetingOnlyForMisconduct');
      // §2.6 (◐): misconduct with a final written warning live goes to a hearing, where reg 42(5) allows more.
      const live = liveFinalWrittenWarning(history, data.noticeServedOn);
      ensure(live === undefined, 'liveFinalWrittenWarningNeedsHearing', live && `notified ${live.notifiedOn}, in force until ${live.expiresOn}`);
    }
  }
  // reg 4(2): the Regulations reach a former officer only for conduct that may be gross misconduct.
  if (formerOfficer) ensure(isGrossMisconductAlleged(subject), 'formerOfficerProceedingsOnlyForGrossMisconduct');
  // Former-officer proceedings came in on 15 December 2017: not for someone who left before.
  const leftOn = subject.departure?.on;
  if (formerOfficer && leftOn !== undefined) {
    ensure(!isBeforeDay(leftOn, LEGAL_DATES.formerOfficerProceedingsFrom), 'formerOfficerProceedingsNotInForce', leftOn);
    ensureScheduleOneCondition(state, subject, leftOn);
  }
  return [event('ProceedingsScheduled', data)];
}

/**
 * reg 4(4)-(5): the allegation came to attention more than `withinMonths` after the subject left,
 * so only condition C (the Director General's determination) can bring proceedings.
 */
function cameToAttentionLate(state: Case, leftOn: string): boolean {
  const { withinMonths } = regimeOf(state.regulations).formerOfficerConditions;
  return isBeforeDay(addMonthsToDay(leftOn, withinMonths), state.receivedOn);
}

/** reg 4(2)-(5): condition A or B by the dates, or C by a recorded determination (reg 4A). */
function ensureScheduleOneCondition(state: Case, subject: SubjectState, leftOn: string): void {
  const conditions = regimeOf(state.regulations).formerOfficerConditions;
  const met = !cameToAttentionLate(state, leftOn) || subject.conditionCDeterminedOn !== null;
  ensure(met, 'formerOfficerProceedingsNeedScheduleOneCondition', `left ${leftOn}, came to attention ${state.receivedOn}`, conditions.confidence);
}

/** reg 4A: the Director General's Condition C determination, for a former officer only where condition C is needed. */
export function decideConditionCDetermination(state: Case, data: CaseEventDataMap['ConditionCDeterminationMade']): CaseEvent[] {
  const subject = requireSubject(state, data.subjectId);
  const leftOn = subject.departure?.on;
  const late = isFormerOfficerUnderSchedule1(subject) && leftOn !== undefined && cameToAttentionLate(state, leftOn);
  ensure(late, 'conditionCDeterminationNeedsLateAllegation');
  ensureNotBefore(data.on, state.receivedOn, 'the referral');
  return [event('ConditionCDeterminationMade', data)];
}

/** 2012 reg 35: a dismissal with notice takes effect when the notice, of at least 28 days, ends. */
export function decideDismissalTakingEffect(state: Case, data: CaseEventDataMap['DismissalTookEffect']): CaseEvent[] {
  const subject = requireSubject(state, data.subjectId);
  const conclusion = subject.conclusion;
  ensure(conclusion !== null && subject.outcome === 'DISMISSAL_WITH_NOTICE', 'dismissalEffectNeedsDismissalWithNotice');
  const earliest = addDaysToDay(conclusion.on, DISMISSAL_NOTICE_MINIMUM_DAYS);
  ensure(!isBeforeDay(data.on, earliest), 'dismissalNoticeAtLeast28Days', `${data.on} is before ${earliest}`);
  return [event('DismissalTookEffect', data)];
}

/**
 * The outcome is within what the form of proceedings may impose under the regime
 * (CONDUCT_REGIMES in case.regulations.ts). Also applied to an outcome varied on appeal,
 * which may deal with the subject only as the original proceedings could have.
 */
export function ensureWithinPowers(regulations: Regulations, kind: ProceedingsKind, outcome: Outcome): void {
  ensure(outcomesUnder(regulations).includes(outcome), 'outcomeNotAvailableUnderRegulations', outcome);
  if (regimeOf(regulations).powers[kind].includes(outcome)) return;
  if (kind === 'MISCONDUCT_MEETING') refuse('outcomeBeyondMeetingPowers', outcome);
  if (kind === 'ACCELERATED_HEARING') refuse('outcomeBeyondAcceleratedHearingPowers', outcome);
  refuse('outcomeNotAvailableUnderRegulations', outcome);
}

/** An officer's misconduct hearing is chaired as HEARING_CHAIRS says for its day (SI 2024/521). */
function ensureChair(subject: SubjectState, kind: ProceedingsKind, data: ProceedingsConcluded): void {
  if (kind !== 'MISCONDUCT_HEARING' || !isGovernedByConductRegulations(subject)) return;
  const allowed = hearingChairsFor(data.on, subject.rank);
  if (allowed === null) return;
  ensure(allowed.chairs.includes(data.chair), 'chairNotAllowedOnDate', `on ${data.on}: ${allowed.chairs.join(' or ')}`, allowed.confidence);
}

/** A senior officer (above chief superintendent) governed by the Conduct Regulations. */
export function isSeniorOfficer(subject: SubjectState): boolean {
  return isGovernedByConductRegulations(subject) && SENIOR_RANKS.includes(subject.rank);
}

const grossMisconductFound = (findings: readonly Finding[]): boolean => findings.some((finding) => finding.proven && finding.level === 'GROSS_MISCONDUCT');

/**
 * Schedule 1: a former officer is found to have been one who would have been dismissed, or no
 * action is taken; "would have been dismissed" needs gross misconduct proven (reg 42 as
 * modified: misconduct only is recorded, with no further action).
 */
export function ensureFormerOfficerOutcome(subject: SubjectState, formerOfficer: boolean, outcome: Outcome, findings: readonly Finding[]): void {
  if (!formerOfficer || !isGovernedByConductRegulations(subject)) return;
  ensure(outcome === 'NO_FURTHER_ACTION' || isDismissal(outcome), 'formerOfficerOutcomeLimited', outcome);
  ensure(!isDismissal(outcome) || grossMisconductFound(findings), 'formerOfficerDismissalNeedsGrossMisconduct');
}

/** reg 42: reduction in rank needs a rank above constable; staff, volunteers and contractors have none. */
export function ensureRankToReduce(subject: SubjectState, outcome: Outcome): void {
  if (outcome !== 'REDUCTION_IN_RANK') return;
  const hasRank = isGovernedByConductRegulations(subject) && !RANKS_WITHOUT_REDUCTION.includes(subject.rank);
  ensure(hasRank, 'reductionInRankNeedsRankAboveConstable', `${subject.workforceType} ${subject.rank}`);
}

/** Outcomes that need gross misconduct, or on misconduct alone a reg 42(5)/(6) condition. */
const SERIOUS_OUTCOMES: readonly Outcome[] = ['REDUCTION_IN_RANK', 'DISMISSAL_WITH_NOTICE', 'DISMISSAL_WITHOUT_NOTICE'];

/**
 * What the finding allows (reg 42; reg 62 for accelerated hearings): an accelerated hearing
 * imposes a sanction only on gross misconduct found; a hearing on misconduct alone reduces
 * in rank or dismisses only on a recorded reg 42(5)/(6) condition; no second final written
 * warning on a live one (reg 42(7), ◐); reflective practice only where neither misconduct
 * nor gross misconduct is found.
 */
export function ensureOutcomeFitsFindings(
  kind: ProceedingsKind | null,
  findings: readonly Finding[],
  outcome: Outcome,
  sanctionBasis: ProceedingsConcluded['sanctionBasis'],
  liveWarning?: SanctionEntry,
): void {
  const grossMisconduct = grossMisconductFound(findings);
  const anyProven = findings.some((finding) => finding.proven);
  ensure(!(outcome === 'REFLECTIVE_PRACTICE_DIRECTED' && anyProven), 'reflectivePracticeOnlyWithoutMisconductFinding');
  if (kind === 'ACCELERATED_HEARING') {
    ensure(outcome === 'NO_FURTHER_ACTION' || grossMisconduct, 'acceleratedHearingSanctionNeedsGrossMisconduct', outcome);
  }
  if (kind === 'MISCONDUCT_HEARING' && !grossMisconduct && SERIOUS_OUTCOMES.includes(outcome)) {
    ensure(sanctionBasis !== undefined, 'seriousOutcomeOnMisconductNeedsCondition', outcome);
  }
  const live = sanctionBasis === 'LIVE_FINAL_WRITTEN_WARNING' || liveWarning !== undefined;
  ensure(!(outcome === 'FINAL_WRITTEN_WARNING' && live), 'noSecondFinalWrittenWarning', liveWarning && warningDetail(liveWarning));
}

const warningDetail = (warning: SanctionEntry): string =>
  // The other case is not named: its writer here may not be allowed to know of it (need-to-know).
  `final written warning notified ${warning.notifiedOn}${warning.caseId === null ? ' (recorded from before the ledger)' : ' in another case'}, in force until ${warning.expiresOn}`;

/**
 * reg 42(5): the sanction basis of a live final written warning is a fact of the person's
 * history, not the client's word: it is taken from the history when one was in force on the
 * day of the finding (the ledger holds no day in the world for the severity assessment the
 * regulation names, ◐), and refused when none was.
 */
function sanctionBasisFrom(data: ProceedingsConcluded, liveWarning: SanctionEntry | undefined): ProceedingsConcluded['sanctionBasis'] {
  if (data.sanctionBasis === 'LIVE_FINAL_WRITTEN_WARNING') {
    ensure(liveWarning !== undefined, 'liveFinalWrittenWarningNotOnRecord', `none in force on ${data.on}`);
    return data.sanctionBasis;
  }
  const serious = SERIOUS_OUTCOMES.includes(data.outcome) && !grossMisconductFound(data.findings);
  return data.sanctionBasis ?? (serious && liveWarning !== undefined ? 'LIVE_FINAL_WRITTEN_WARNING' : undefined);
}

/** Concluding without proceedings: only no further action, after no case to answer, with nothing proven. */
function isNoCaseToAnswerPath(subject: SubjectState, data: ProceedingsConcluded): boolean {
  const noCaseToAnswer =
    subject.caseToAnswer === 'NO_CASE_TO_ANSWER' || subject.noProceedings || (subject.caseToAnswer === null && subject.severity === 'NO_CASE_TO_ANSWER');
  return noCaseToAnswer && data.outcome === 'NO_FURTHER_ACTION' && !data.findings.some((finding) => finding.proven);
}

export function decideConcludeProceedings(state: Case, given: ProceedingsConcluded, history: readonly SanctionEntry[] = []): CaseEvent[] {
  const subject = requireSubject(state, given.subjectId);
  const liveWarning = liveFinalWrittenWarning(history, given.on);
  const sanctionBasis = sanctionBasisFrom(given, liveWarning);
  const data: ProceedingsConcluded = { ...given, ...(sanctionBasis === undefined ? {} : { sanctionBasis }) };
  ensure(subject.conclusion === null, 'proceedingsAlreadyConcluded');
  const proceedings = subject.proceedings;
  if (proceedings === null) ensure(isNoCaseToAnswerPath(subject, data), 'outcomeNeedsProceedings');
  ensureNotBefore(data.on, state.receivedOn, 'the referral');
  ensureNotBefore(data.on, proceedings?.noticeServedOn, 'the notice of the proceedings');
  ensure(data.formerOfficer === hasLeftService(subject), 'formerOfficerMustMatchDeparture');
  ensure(outcomesUnder(state.regulations).includes(data.outcome), 'outcomeNotAvailableUnderRegulations', data.outcome);

  const anyProven = data.findings.some((finding) => finding.proven);
  const grossMisconductProven = data.findings.some((finding) => finding.proven && finding.level === 'GROSS_MISCONDUCT');
  if (proceedings !== null) {
    if (proceedings.kind === 'MISCONDUCT_MEETING') ensure(!isFormerOfficerUnderSchedule1(subject), 'notForFormerOfficers');
    ensure(!(grossMisconductProven && proceedings.kind === 'MISCONDUCT_MEETING'), 'grossMisconductNeedsHearing');
    ensureWithinPowers(state.regulations, proceedings.kind, data.outcome);
    ensureChair(subject, proceedings.kind, data);
  }
  ensure(!isOneOf(DISCIPLINARY_OUTCOMES, data.outcome) || anyProven, 'disciplinaryActionNeedsProvenFinding');
  ensureFormerOfficerOutcome(subject, data.formerOfficer, data.outcome, data.findings);
  if (!data.formerOfficer) ensureRankToReduce(subject, data.outcome);
  ensureOutcomeFitsFindings(proceedings?.kind ?? null, data.findings, data.outcome, data.sanctionBasis, liveWarning);
  if (grossMisconductProven && !isFormerOfficerUnderSchedule1(subject)) {
    ensure(GROSS_MISCONDUCT_OUTCOMES.includes(data.outcome), 'provenGrossMisconductNeedsSeriousOutcome', data.outcome);
  }

  // Decision: leaving the advisory list is its own fact, appended with the conclusion, so the
  // stream says when it happened (docs/domain/reference.md para 12: removed when proceedings conclude).
  // A barring outcome then puts the subject on the barred list by its own command.
  const removal = subject.advisoryList ? [event('AdvisoryListEntryRemoved', { subjectId: data.subjectId, on: data.on })] : [];
  return [event('ProceedingsConcluded', data), ...removal];
}
