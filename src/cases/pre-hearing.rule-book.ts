/**
 * The rules of the steps before the proceedings and of hearings in public (pre-hearing.rules.ts),
 * spread into CASE_RULES (case.rule-book.ts), each with the message a refused user reads and its
 * source. A rule resting on a fact docs/domain/regulations.md marks ◐ or ✖ carries that mark.
 */
import { ALREADY_EXISTS, KEEPS_RECORD_COHERENT as RECORD } from '../common/rule-book';
import type { Rule } from '../common/rule-book';

export const PRE_HEARING_RULES = {
  referralNoticeNeedsProceedings: {
    message: 'a notice of referral follows a decision that there is a case to answer and that proceedings are brought',
    source: 'Conduct Regs 2020 regs 23 and 30',
  },
  referralNoticeAlreadyServed: { message: 'the notice of referral of these proceedings is already recorded', source: RECORD, status: ALREADY_EXISTS },
  responseNeedsReferralNotice: {
    message: "the officer's response answers the notice of referral and its documents: record the notice first",
    source: 'Conduct Regs 2020 reg 31(1)',
  },
  responseAlreadyGiven: { message: "the officer's response is already recorded", source: RECORD, status: ALREADY_EXISTS },
  witnessListsNeedResponse: {
    message: "witness lists are exchanged after the officer's response: record the response first",
    source: 'Conduct Regs 2020 reg 31(4)',
  },
  stepNeedsProceedings: {
    message: 'this step belongs to proceedings that are scheduled and not yet concluded',
    source: 'Conduct Regs 2020 Part 4',
  },
  stepOnlyForHearings: {
    message: 'this step belongs to a misconduct hearing or an accelerated misconduct hearing, not to a misconduct meeting',
    source: 'Conduct Regs 2020 regs 32, 33, 36, 39 and 44 (hearings)',
  },
  preHearingNeedsDocumentsToChair: {
    message: 'the pre-hearing runs from the documents supplied to the chair: record them first',
    source: 'Conduct Regs 2020 regs 32(6) and 33(1)',
  },
  preHearingOnlyForMisconductHearing: {
    message: 'a pre-hearing is held for a misconduct hearing',
    source: 'Conduct Regs 2020 reg 33',
  },
  alternativeDateNeedsPreHearingDate: {
    message: 'an alternative time answers the date the chair set for the pre-hearing: record it first',
    source: 'Conduct Regs 2020 reg 33(3)',
  },
  periodNotRunning: {
    message: 'the period has not started: record the step it runs from first',
    source: 'Conduct Regs 2020 regs 31 and 33',
  },
  periodChangeMustMove: {
    message: 'an extension moves the due day later and a shortening by agreement moves it earlier',
    source: 'Conduct Regs 2020 regs 22, 31(1), 33(1) and 48',
  },
  extensionByChairOnlyForPreHearing: {
    message: 'the chair extends the period of the pre-hearing; the authority extends the response for exceptional circumstances',
    source: 'Conduct Regs 2020 regs 31(1) and 33(1)',
  },
  objectionMustBeOpen: {
    message: 'there is no objection to this member awaiting this step',
    source: 'Conduct Regs 2020 reg 30 and reg 51(2C)-(2K), as amended (docs/domain/regulations.md §2.8)',
    confidence: 'PARTLY_CONFIRMED',
  },
  replacementNeedsUpheldObjection: {
    message: 'a member is replaced after an objection to them is upheld',
    source: 'Conduct Regs 2020 reg 52(1A)',
  },
  redatingOnlyForAcceleratedHearing: {
    message: 'only an accelerated hearing is re-dated on the replacement (reg 52(1A))',
    source: 'Conduct Regs 2020 reg 52(1A)',
  },
  specialConditionsNeedGrossMisconduct: {
    message: 'the special conditions certify gross misconduct: the subject must face an allegation of gross misconduct',
    source: 'Conduct Regs 2020 reg 49(2)',
  },
  acceleratedStepNeedsAcceleratedHearing: {
    message: 'this step belongs to an accelerated misconduct hearing',
    source: 'Conduct Regs 2020 Part 5',
  },
  privateHearingNeedsReason: {
    message: 'a hearing held in private, in whole or part, records the reason',
    source: 'Conduct Regs 2020 reg 39 (held in public, subject to exceptions)',
  },
  hearingOutcomeNeedsConclusion: {
    message: 'the outcome is published, and the verbatim record kept, once the hearing has concluded',
    source: 'Conduct Regs 2020 regs 43 and 44',
  },
} as const satisfies Record<string, Rule>;
