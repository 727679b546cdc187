/**
 * Rules of the steps before the proceedings and of the hearing in public (Conduct Regs 2020
 * regs 22 and 30-44, 48-52). Each refusal names its rule (pre-hearing.rule-book.ts). The
 * periods themselves are clocks, not refusals: a late step is recorded and shown late in the
 * timeliness read (projections/common/deadlines/pre-hearing-deadlines.ts).
 */
import type { CaseCommand } from './case.command-types';
import type { CaseEvent } from './case.events';
import { ensure } from './case.rule-book';
import { ensureNotBefore, event, isGrossMisconductAlleged, payloadOf, requireSubject } from './case.rules';
import type { Case, Proceedings, SubjectState } from './case.state';
import type { ChangeablePeriod } from './pre-hearing.enums';
import type { PreHearingState } from './pre-hearing.state';

type PreHearingCommand = Extract<CaseCommand, { type: (typeof PRE_HEARING_COMMANDS)[number] }>;

export const PRE_HEARING_COMMANDS = [
  'ServeReferralNotice',
  'RecordOfficerResponse',
  'ExchangeWitnessLists',
  'SupplyDocumentsToChair',
  'SetPreHearingDate',
  'ProposeAlternativePreHearingDate',
  'HoldPreHearing',
  'ChangePeriod',
  'AdjournProceedings',
  'ObjectToPanelMember',
  'DeterminePanelObjection',
  'ReplacePanelMember',
  'CertifySpecialConditions',
  'RecordAcceleratedResponse',
  'PublishHearingNotice',
  'DecideHearingPrivacy',
  'GiveHearingDirection',
  'RecordHearingAttendance',
  'PublishHearingOutcome',
  'KeepVerbatimRecord',
] as const;

export function isPreHearingCommand(command: CaseCommand): command is PreHearingCommand {
  return (PRE_HEARING_COMMANDS as readonly string[]).includes(command.type);
}

/** Proceedings scheduled and not concluded. */
function requireRunningProceedings(subject: SubjectState): Proceedings {
  ensure(subject.proceedings !== null && subject.conclusion === null, 'stepNeedsProceedings');
  return subject.proceedings;
}

function requireHearing(subject: SubjectState): Proceedings {
  const proceedings = requireRunningProceedings(subject);
  ensure(proceedings.kind !== 'MISCONDUCT_MEETING', 'stepOnlyForHearings');
  return proceedings;
}

/** The day a period runs from, or null while it has not started. */
function periodStart(steps: PreHearingState, period: ChangeablePeriod, subject: SubjectState): string | null {
  switch (period) {
    case 'OFFICER_RESPONSE':
      return steps.referralNotice?.documentsSuppliedOn ?? null;
    case 'WITNESS_LISTS':
      return steps.response?.on ?? null;
    case 'PRE_HEARING':
      return steps.documentsToChairOn;
    case 'ACCELERATED_RESPONSE':
      return subject.proceedings?.kind === 'ACCELERATED_HEARING' ? subject.proceedings.noticeServedOn : null;
    default: {
      const unknown: never = period;
      throw new Error(`unknown period ${String(unknown)}`);
    }
  }
}

export function decidePreHearing(state: Case, command: PreHearingCommand): CaseEvent[] {
  const subject = requireSubject(state, command.subjectId);
  const steps = subject.preHearing;
  ensureNotBefore(command.on, state.receivedOn, 'the referral');
  switch (command.type) {
    case 'ServeReferralNotice': {
      // reg 30 follows the reg 23 decision that proceedings are brought (or the reg 49 certificate).
      const caseToAnswer = subject.caseToAnswer === 'CASE_TO_ANSWER_MISCONDUCT' || subject.caseToAnswer === 'CASE_TO_ANSWER_GROSS_MISCONDUCT';
      const certified = steps.specialConditionsCertifiedOn !== null;
      ensure(((caseToAnswer && !subject.noProceedings) || certified) && subject.conclusion === null, 'referralNoticeNeedsProceedings');
      ensure(steps.referralNotice === null, 'referralNoticeAlreadyServed');
      ensureNotBefore(command.documentsSuppliedOn, command.on, 'the notice of referral');
      return [event('ReferralNoticeServed', payloadOf(command))];
    }
    case 'RecordOfficerResponse':
      ensure(steps.referralNotice !== null, 'responseNeedsReferralNotice');
      ensure(steps.response === null, 'responseAlreadyGiven');
      ensureNotBefore(command.on, steps.referralNotice.on, 'the notice of referral');
      return [event('OfficerResponseGiven', payloadOf(command))];
    case 'ExchangeWitnessLists':
      ensure(steps.response !== null, 'witnessListsNeedResponse');
      ensureNotBefore(command.on, steps.response.on, "the officer's response");
      return [event('WitnessListsExchanged', payloadOf(command))];
    case 'SupplyDocumentsToChair':
      requireHearing(subject);
      return [event('DocumentsSuppliedToChair', payloadOf(command))];
    case 'SetPreHearingDate':
    case 'HoldPreHearing': {
      ensure(requireHearing(subject).kind === 'MISCONDUCT_HEARING', 'preHearingOnlyForMisconductHearing');
      ensure(steps.documentsToChairOn !== null, 'preHearingNeedsDocumentsToChair');
      ensureNotBefore(command.on, steps.documentsToChairOn, 'the documents supplied to the chair');
      if (command.type === 'SetPreHearingDate') ensureNotBefore(command.setFor, command.on, 'the day it was set');
      return command.type === 'SetPreHearingDate' ? [event('PreHearingDateSet', payloadOf(command))] : [event('PreHearingHeld', payloadOf(command))];
    }
    case 'ProposeAlternativePreHearingDate':
      ensure(steps.preHearingSet !== null, 'alternativeDateNeedsPreHearingDate');
      ensureNotBefore(command.on, steps.preHearingSet.on, 'the date set by the chair');
      return [event('AlternativePreHearingDateProposed', payloadOf(command))];
    case 'ChangePeriod': {
      const from = periodStart(steps, command.period, subject);
      ensure(from !== null, 'periodNotRunning', command.period);
      ensureNotBefore(command.dueOn, from, 'the start of the period');
      ensure(command.change !== 'EXTENDED_BY_CHAIR' || command.period === 'PRE_HEARING', 'extensionByChairOnlyForPreHearing');
      const current = steps.periodChanges[command.period]?.dueOn;
      if (current !== undefined) {
        const later = command.dueOn > current;
        ensure(command.change === 'SHORTENED_BY_AGREEMENT' ? !later && command.dueOn !== current : later, 'periodChangeMustMove', `now due ${current}`);
      }
      return [event('PeriodChanged', payloadOf(command))];
    }
    case 'AdjournProceedings':
      requireRunningProceedings(subject);
      ensureNotBefore(command.adjournedTo, command.on, 'the adjournment');
      return [event('ProceedingsAdjourned', payloadOf(command))];
    case 'ObjectToPanelMember':
      requireHearing(subject);
      return [event('PanelObjectionMade', payloadOf(command))];
    case 'DeterminePanelObjection': {
      const open = steps.objections.filter((objection) => objection.member === command.member).at(-1);
      ensure(open !== undefined && open.upheld === null, 'objectionMustBeOpen', command.member);
      ensureNotBefore(command.on, open.madeOn, 'the objection');
      return [event('PanelObjectionDetermined', payloadOf(command))];
    }
    case 'ReplacePanelMember': {
      const proceedings = requireHearing(subject);
      const upheld = steps.objections.filter((objection) => objection.member === command.member).at(-1);
      ensure(upheld !== undefined && upheld.upheld === true && upheld.replacedOn === null, 'replacementNeedsUpheldObjection', command.member);
      ensureNotBefore(command.on, upheld.determinedOn, 'the objection upheld');
      ensure(command.hearingOn === undefined || proceedings.kind === 'ACCELERATED_HEARING', 'redatingOnlyForAcceleratedHearing');
      if (command.hearingOn !== undefined) ensureNotBefore(command.hearingOn, command.on, 'the replacement');
      return [event('PanelMemberReplaced', payloadOf(command))];
    }
    case 'CertifySpecialConditions':
      // reg 49(2): written evidence establishes gross misconduct, and the public interest needs the officer to go without delay.
      ensure(isGrossMisconductAlleged(subject) && subject.conclusion === null, 'specialConditionsNeedGrossMisconduct');
      return [event('SpecialConditionsCertified', payloadOf(command))];
    case 'RecordAcceleratedResponse': {
      const proceedings = requireRunningProceedings(subject);
      ensure(proceedings.kind === 'ACCELERATED_HEARING', 'acceleratedStepNeedsAcceleratedHearing');
      ensureNotBefore(command.on, proceedings.noticeServedOn, 'the notice of the accelerated hearing');
      return [event('AcceleratedResponseGiven', payloadOf(command))];
    }
    case 'PublishHearingNotice':
      requireHearing(subject);
      ensureNotBefore(command.hearingOn, command.on, 'the notice');
      return [event('HearingNoticePublished', payloadOf(command))];
    case 'DecideHearingPrivacy':
      requireHearing(subject);
      ensure(command.inPublic || (command.reason ?? '').trim() !== '', 'privateHearingNeedsReason');
      return [event('HearingPrivacyDecided', payloadOf(command))];
    case 'GiveHearingDirection':
      requireHearing(subject);
      return [event('HearingDirectionGiven', payloadOf(command))];
    case 'RecordHearingAttendance':
      requireHearing(subject);
      return [event('HearingAttendanceRecorded', payloadOf(command))];
    case 'PublishHearingOutcome':
    case 'KeepVerbatimRecord': {
      ensure(subject.proceedings !== null && subject.proceedings.kind !== 'MISCONDUCT_MEETING', 'stepOnlyForHearings');
      ensure(subject.conclusion !== null, 'hearingOutcomeNeedsConclusion');
      ensureNotBefore(command.on, subject.conclusion.on, 'the outcome');
      return command.type === 'PublishHearingOutcome'
        ? [event('HearingOutcomePublished', payloadOf(command))]
        : [event('VerbatimRecordKept', payloadOf(command))];
    }
    default: {
      const unhandled: never = command;
      throw new Error(`unknown pre-hearing command ${JSON.stringify(unhandled)}`);
    }
  }
}
