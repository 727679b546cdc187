/**
 * Every rule decide applies, by name, with the plain message a refused user reads and the
 * source it rests on. The name is stable: it appears in the DomainError, in the spec
 * title and in the 422's detail. Rules the regulations state are cited; rules that keep
 * the record coherent say so.
 */
import { ALREADY_EXISTS, KEEPS_RECORD_COHERENT as RECORD, NOT_FOUND, ruleBook } from '../common/rule-book';
import type { Ensure, Refuse, Rule } from '../common/rule-book';
import { COMPLAINT_RULES } from './complaint.rule-book';
import { PRE_HEARING_RULES } from './pre-hearing.rule-book';
import { SANCTION_RULES } from './sanction.rule-book';
import { ALLOCATION_RULES } from './allocation.rule-book';
import { DOCUMENT_RULES } from './document.rule-book';
import { PROCEEDINGS_ROUTE_RULES } from './proceedings-routes.rule-book';
import { REFLECTIVE_PRACTICE_RULES } from './reflective-practice.rule-book';

/** A writer refused for their own rights, as write access refuses them (case.write-access.ts): 403. */
const WRITERS_RIGHTS = 403;

export const CASE_RULES = {
  // The record itself
  caseMustExist: { message: 'there is no case with this id', source: RECORD, status: NOT_FOUND },
  caseAlreadyExists: { message: 'a case with this id already exists', source: RECORD, status: ALREADY_EXISTS },
  caseClosed: { message: 'the case is closed: only reopening it is possible', source: RECORD },
  caseNotClosed: { message: 'only a closed case can be reopened', source: RECORD },
  subjectMustExist: { message: 'the case has no subject with this id', source: RECORD },
  subjectAlreadyAdded: { message: 'the case already has a subject with this id', source: RECORD, status: ALREADY_EXISTS },
  allegationAlreadyRecorded: { message: 'the case already has an allegation with this id', source: RECORD, status: ALREADY_EXISTS },

  // Referral to the IOPC and investigation
  iopcDecisionNeedsReferral: {
    message: 'the IOPC decides the mode of investigation of a matter referred to it: record the referral first',
    source: 'PRA 2002 Sch 3 para 15',
  },
  iopcModeNotAvailableUnderRegulations: {
    message:
      'directed investigations exist from 1 February 2020; supervised and managed ones before it, and after it only for non-Home-Office forces and agencies',
    source: 'PRA 2002 Sch 3 paras 15-19 as amended from 1 February 2020 (SI 2020/5); IOPC, Learning the Lessons 44',
  },
  noticeNeedsInvestigation: {
    message: 'a notice of investigation is given by the investigator: record the start of the investigation first',
    source: 'Conduct Regs 2020 regs 15 and 17',
  },
  progressReportExemptionNeedsReportingInvestigation: {
    message:
      'a 12-month or 6-month report is withheld (it might prejudice an investigation) only for a running investigation under the 2020 regulations that the force reports on',
    source: 'Conduct Regs 2020 reg 19; Complaints and Misconduct Regs 2020 reg 13 (docs/domain/regulations.md §2.5, §5.5)',
  },
  investigationReportNeedsInvestigation: {
    message: 'an investigation report needs an investigation to have been started',
    source: 'Conduct Regs 2020 reg 21',
  },

  // Suspension
  suspensionReviewNeedsSuspension: {
    message: 'only a suspended subject has a suspension to review',
    source: 'Conduct Regs 2020 reg 11',
  },
  suspensionNeedsServingSubjectBeforeOutcome: {
    message:
      'suspension or restriction lasts from the start of the process until a decision not to bring proceedings or their conclusion: not for a subject who has left, nor after that point',
    source: 'Conduct Regs 2020 reg 11 (docs/domain/regulations.md §3.1)',
  },
  liftNeedsSuspensionOrRestriction: {
    message: 'the subject is neither suspended nor restricted',
    source: 'Conduct Regs 2020 reg 11',
  },

  // Case to answer and reflective practice
  caseToAnswerNeedsInvestigationReport: {
    message: 'a case-to-answer decision is made on the investigation report: record the report first',
    source: 'Conduct Regs 2020 reg 23(1)',
  },
  reflectivePracticeNeedsReferral: {
    message: 'reflective practice needs an assessment or decision of practice requiring improvement, or a direction at proceedings',
    source: 'Conduct Regs 2020 regs 14, 23 and 42, Part 6',
  },
  reflectivePracticeNotUnderRegulations: {
    message: 'practice requiring improvement and reflective practice exist for matters that came to attention from 1 February 2020',
    source: 'Conduct Regs 2020 Part 6 (SI 2020/4), in force 1 February 2020',
  },
  managementActionNotUnderRegulations: {
    message: 'management action outside proceedings exists only for matters under the 2012 regulations (before 1 February 2020)',
    source: 'Conduct Regs 2012 reg 19; abolished by the Conduct Regs 2020',
  },
  reflectivePracticeMustBeStarted: {
    message: 'the reflective practice review has not been started for this subject',
    source: RECORD,
  },
  notForFormerOfficers: {
    message: 'misconduct meetings and reflective practice do not apply to former officers',
    source: 'Conduct Regs 2020 Sch 1 (docs/domain/reference.md para 10)',
  },

  // Proceedings
  proceedingsNeedCaseToAnswer: {
    message: 'a misconduct meeting or hearing needs a decision that the subject has a case to answer',
    source: 'Conduct Regs 2020 reg 23',
  },
  meetingOnlyForMisconduct: {
    message: 'a misconduct meeting is only for a case to answer for misconduct; gross misconduct goes to a hearing',
    source: 'Conduct Regs 2020 reg 23(c); Home Office statutory guidance ch. 10 (docs/domain/regulations.md §2.6, form rules)',
    // regulations.md marks the form rules of reg 23 ◐ / ✖.
    confidence: 'PARTLY_CONFIRMED',
  },
  acceleratedHearingNeedsGrossMisconduct: {
    message: 'an accelerated hearing is only for alleged gross misconduct',
    source: 'Conduct Regs 2020 reg 49(2)',
  },
  formerOfficerProceedingsOnlyForGrossMisconduct: {
    message: 'proceedings against a former officer can only be for gross misconduct',
    source: 'Conduct Regs 2020 reg 4(2)',
  },
  meetingNotForSeniorOfficers: {
    message: 'a misconduct meeting is for non-senior officers: a senior officer (above chief superintendent) goes to a hearing',
    source:
      'Conduct Regs 2020 regs 2, 23 and 28 (docs/domain/regulations.md §2.7); for 2012 matters not confirmed (✖: CONDUCT_REGIMES in src/cases/case.regulations.ts)',
    // Each refusal carries its regime's mark (CONDUCT_REGIMES seniorOfficers): ◐ under 2020, ✖ under 2012.
    confidence: 'PARTLY_CONFIRMED',
  },
  proceedingsDecidedAgainst: {
    message: 'the appropriate authority decided not to bring proceedings against this subject',
    source: 'Conduct Regs 2020 reg 23(1)(b)',
  },
  returnNeedsAcceleratedHearing: {
    message: 'only an accelerated hearing, before it concludes, returns the case to the appropriate authority for a meeting or hearing',
    source: 'Conduct Regs 2020 reg 62 and Sch 1 (docs/domain/regulations.md §2.9)',
    // The outcomes of an accelerated hearing are confirmed in the MDP analogue reg 62 only (docs/domain/regulations.md §2.9 table): ◐.
    confidence: 'PARTLY_CONFIRMED',
  },
  formerOfficerProceedingsNotInForce: {
    message: 'proceedings against a former officer exist only for those who left from 15 December 2017',
    source: 'Police (Conduct, Complaints and Misconduct and Appeal Tribunal) (Amendment) Regulations 2017 (SI 2017/1134); Conduct Regs 2020 Sch 1',
  },
  formerOfficerProceedingsNeedScheduleOneCondition: {
    message:
      "proceedings against a former officer need a Schedule 1 condition: A, they left after the allegation came to attention; B, it came to attention within 12 months of their leaving; or C, the Director General's special determination, recorded first",
    source: 'Conduct Regs 2020 reg 4(2)-(5) and reg 4A (docs/domain/regulations.md §2.3, §12 row 22)',
    // Each refusal carries its regime's mark (CONDUCT_REGIMES formerOfficerConditions): ✔ under 2020, ✖ under 2012.
  },
  conditionCDeterminationNeedsLateAllegation: {
    message:
      'a Condition C special determination is for a former officer whose alleged conduct came to attention more than 12 months after they left (conditions A and B need none)',
    source: 'Conduct Regs 2020 reg 4(5) and reg 4A (docs/domain/regulations.md §2.3)',
  },
  proceedingsAlreadyConcluded: {
    message: 'proceedings against this subject have already concluded',
    source: RECORD,
  },

  // Outcomes
  outcomeNeedsProceedings: {
    message: 'an outcome needs proceedings to have been scheduled for the subject (without them, only no further action after no case to answer)',
    source: 'Conduct Regs 2020 regs 23 and 42',
  },
  formerOfficerMustMatchDeparture: {
    message: 'formerOfficer must be true exactly when the subject has left the service',
    source: 'Conduct Regs 2020 Sch 1',
  },
  outcomeNotAvailableUnderRegulations: {
    message: 'this outcome does not exist under the regulations that apply to the case',
    source: 'Conduct Regs 2012 reg 35; Conduct Regs 2020 reg 42',
  },
  grossMisconductNeedsHearing: {
    message: 'a finding of gross misconduct needs a misconduct hearing or an accelerated hearing',
    source: 'Conduct Regs 2020 regs 23 and 42',
  },
  chairNotAllowedOnDate: {
    message:
      "an officer's misconduct hearing is chaired by a legally qualified chair until 6 May 2024; from 7 May 2024 by the chief officer or a delegate (a senior officer's by a more senior officer of another force, a chief officer's by HM Chief Inspector or an HMI)",
    source: 'Conduct Regs 2020 reg 28; Police (Conduct) (Amendment) Regulations 2024 (SI 2024/521)',
  },
  outcomeBeyondMeetingPowers: {
    message: 'a misconduct meeting cannot impose this outcome: reduction in rank and dismissal need a hearing',
    source: 'Conduct Regs 2020 reg 42; Conduct Regs 2012 reg 35',
  },
  outcomeBeyondAcceleratedHearingPowers: {
    message: 'an accelerated hearing can only give a final written warning, reduce in rank, dismiss, or take no action',
    source: 'Conduct Regs 2020 reg 62',
    // The outcomes of an accelerated hearing are confirmed in the MDP analogue reg 62 only (docs/domain/regulations.md §2.9 table): ◐.
    confidence: 'PARTLY_CONFIRMED',
  },
  disciplinaryActionNeedsProvenFinding: {
    message: 'disciplinary action needs at least one proven finding',
    source: 'Conduct Regs 2020 reg 42(1)',
  },
  provenGrossMisconductNeedsSeriousOutcome: {
    message:
      'proven gross misconduct leads to a final written warning, reduction in rank or dismissal (for a former officer: would have been dismissed, or no action)',
    source: 'Conduct Regs 2020 reg 42',
  },
  formerOfficerDismissalNeedsGrossMisconduct: {
    message:
      'a former officer is found to be one who would have been dismissed only on gross misconduct proven; on misconduct alone the finding is recorded with no further action',
    source: 'Conduct Regs 2020 reg 42 as modified by Sch 1 (docs/domain/regulations.md §2.9)',
  },
  acceleratedHearingSanctionNeedsGrossMisconduct: {
    message:
      'an accelerated hearing imposes a final written warning, reduction in rank or dismissal only on a finding of gross misconduct; otherwise the case is dismissed or returned to the appropriate authority',
    source: 'Conduct Regs 2020 reg 62 and Sch 1 (docs/domain/regulations.md §2.9, §2.11)',
    // The outcomes of an accelerated hearing are confirmed in the MDP analogue reg 62 only (docs/domain/regulations.md §2.9 table): ◐.
    confidence: 'PARTLY_CONFIRMED',
  },
  seriousOutcomeOnMisconductNeedsCondition: {
    message:
      'on misconduct alone a hearing reduces in rank or dismisses only when a final written warning was in force at the severity assessment, or the finding rests on more than one matter not closely connected: record which (sanctionBasis)',
    source: 'Conduct Regs 2020 reg 42(5) and (6); Conduct Regs 2012 reg 35',
  },
  noSecondFinalWrittenWarning: {
    message: "a final written warning cannot be given while one is in force (declared, or in the person's sanction history on the day of the finding)",
    source: 'Conduct Regs 2020 reg 42(7) (docs/domain/regulations.md §2.9)',
    confidence: 'PARTLY_CONFIRMED',
  },
  reductionInRankNeedsRankAboveConstable: {
    message: 'reduction in rank needs a rank above constable: constables, police staff, volunteers and contractors have none to lose',
    source: 'Conduct Regs 2020 reg 42',
  },
  reflectivePracticeOnlyWithoutMisconductFinding: {
    message: 'reflective practice is directed only where the conduct is found to be neither misconduct nor gross misconduct',
    source: 'Conduct Regs 2020 reg 42(1)(b) and Part 6 (docs/domain/regulations.md §2.9, §2.12)',
  },
  formerOfficerOutcomeLimited: {
    message: 'for a former officer the outcome is a finding that they would have been dismissed, or no further action',
    source: 'Conduct Regs 2020 Sch 1 (docs/domain/reference.md para 10)',
  },

  // Departures
  alreadyLeftService: { message: 'the subject has already left the service', source: RECORD },
  departureNeedsConsentUnderReg10A: {
    message:
      "from 12 January 2015 to 14 December 2017 an officer could not resign or retire while gross misconduct was alleged without the appropriate authority's consent (approvedByDcc)",
    source: 'Conduct Regs 2012 reg 10A (SI 2014/3347), revoked by SI 2017/1134 from 15 December 2017',
  },
  noDepartureAwaitingDecision: {
    message: 'the subject has no departure awaiting a decision by the DCC',
    source: 'force practice (Hampshire), not law, outside 12 January 2015 - 14 December 2017; Conduct Regs 2012 reg 10A within those dates',
  },

  // Appeals
  appealNeedsConcludedProceedings: {
    message: 'an appeal needs concluded proceedings against the subject',
    source: 'Conduct Regs 2020 reg 45; Police Appeals Tribunals Rules 2020',
  },
  writtenOutcomeNeedsConclusion: {
    message: 'the written outcome is given after the proceedings conclude: record the outcome first',
    source: 'Conduct Regs 2020 reg 43',
  },
  appealAlreadyPending: { message: 'the subject already has an appeal awaiting determination', source: RECORD },
  appealMustBeLodged: { message: 'there is no lodged appeal to determine', source: RECORD },
  appealForumMustMatchProceedings: {
    message:
      "a non-senior officer's meeting outcome is appealed internally (reg 45); a hearing's, an accelerated hearing's and a senior officer's to the Police Appeals Tribunal",
    source: 'Conduct Regs 2020 reg 45; Police Appeals Tribunals Rules 2020',
  },
  variedOutcomeRequired: { message: 'an appeal that varies the outcome must say the varied outcome', source: RECORD },
  variedOutcomeOnlyWhenVaried: {
    message: 'a varied outcome is given only when the appeal varies the outcome',
    source: RECORD,
  },

  // Barred and advisory lists
  barredListNeedsDismissal: {
    message:
      'a barred-list entry needs a dismissal (under the Conduct, Performance or Vetting Regulations), or a finding that a former officer would have been dismissed',
    source: 'Police Act 1996 s88A; Barred List Regs 2017 reg 3 (docs/domain/regulations.md §4.1)',
  },
  barredListBasisMustMatch: {
    message:
      'the basis is DISMISSED for a serving subject dismissed under the Conduct Regulations, WOULD_HAVE_BEEN_DISMISSED for a former one, DISMISSED_PERFORMANCE under the Performance Regulations and DISMISSED_VETTING under the Vetting Regulations',
    source: 'Police Act 1996 s88A(1)',
  },
  alreadyOnBarredList: { message: 'the subject is already on the barred list', source: RECORD },
  dismissalEffectNeedsDismissalWithNotice: {
    message: 'only a dismissal with notice takes effect after the outcome, at the end of its notice',
    source: 'Conduct Regs 2012 reg 35 (docs/domain/regulations.md §2.9, §12 row 34)',
  },
  dismissalNoticeAtLeast28Days: {
    message: 'a dismissal with notice takes effect at the end of a notice of at least 28 days after the outcome',
    source: 'Conduct Regs 2012 reg 35(4) (docs/domain/regulations.md §12 row 34)',
  },
  barredListAfterDismissalTakesEffect: {
    message: 'a dismissal with notice takes effect at the end of the notice: record that day first; the barred-list entry follows it',
    source: 'Conduct Regs 2012 reg 35; Police Act 1996 s88A; Barred List Regs 2017 reg 3',
  },
  barredListNotInForce: {
    message: 'the barred list exists from 15 December 2017',
    source: 'Barred List Regs 2017 (SI 2017/1135)',
  },
  advisoryListNeedsDepartureUnderInvestigation: {
    message:
      'an advisory-list entry is for a subject who resigned or retired while under investigation or proceedings, or before the allegation came to light, or a designated volunteer whose designation was withdrawn',
    source: 'Police Act 1996 s88I(1)(a)-(c); Barred List Regs 2017 reg 12',
  },
  alreadyOnAdvisoryList: { message: 'the subject is already on the advisory list', source: RECORD },
  notOnAdvisoryList: { message: 'the subject is not on the advisory list', source: RECORD },

  barredListOnlyForHomeOfficeForces: {
    message: 'the barred and advisory lists reach the Home Office forces only: not BTP, MDP, CNC, the NCA or Jersey',
    source: 'Police Act 1996 Part 4A; College of Policing dismissal reports (docs/domain/regulations.md §4.1)',
  },
  barredListWorkforceScope: {
    message: 'the barred list is for officers, special constables and police staff: not contractors or volunteers',
    source: 'Police Act 1996 s88A; Barred List Regs 2017 reg 3',
  },
  advisoryListNotInForce: {
    message: 'the advisory list exists for departures from 15 December 2017',
    source: 'Police Act 1996 s88I; Barred List Regs 2017 (SI 2017/1135)',
  },
  advisoryListNeedsMatterThatCouldLeadToDismissal: {
    message:
      'an advisory-list report is for a matter that could have led to dismissal: not one assessed as practice requiring improvement or no case to answer',
    source: 'Police Act 1996 s88I (docs/domain/regulations.md §4.2)',
    confidence: 'PARTLY_CONFIRMED',
  },

  // Dates and closing
  dateBeforeEarlierStep: {
    message: 'the date is before the step it depends on',
    source: RECORD,
  },
  caseHasOpenMatters: {
    message: 'a case cannot close while a subject is still suspended or restricted, or has proceedings pending',
    source: 'Conduct Regs 2020 regs 11 and 23',
  },

  // Corrections
  correctionMustTargetThisCase: {
    message: 'the event to correct is not an event of this case',
    source: RECORD,
  },
  cannotCorrectACorrection: {
    message: 'a correction cannot itself be corrected: correct the original event again',
    source: RECORD,
  },
  identifiersCannotBeCorrected: {
    message: "a correction cannot change the ids other events refer to: a referral's caseId, a subject's subjectId, an allegation's allegationId",
    source: RECORD,
  },
  correctionBeyondWritersForce: {
    message: 'a correction may move a case only to a force the writer could open a case for: their own, unless they act for all forces',
    source: 'need-to-know: the rights of opening a case',
    status: WRITERS_RIGHTS,
  },
  correctionBeyondWritersSensitivity: {
    message: "a correction may not make a case more sensitive than the writer's roles may see",
    source: 'need-to-know: who may see restricted and covert cases',
    status: WRITERS_RIGHTS,
  },
  replacementMustMatchEventType: {
    message: "the replacement must be a complete, valid payload of the corrected event's type",
    source: 'docs/events.md (RecordCorrected)',
  },
  correctionBreaksRules: {
    message: 'with this correction the case would break a rule of the process',
    source: RECORD,
  },

  // The complaint's steps (complaint.rule-book.ts)
  ...COMPLAINT_RULES,
  // The steps before the proceedings and the hearing in public (pre-hearing.rule-book.ts)
  ...PRE_HEARING_RULES,
  // The rules that read the person's sanction history (sanction.rule-book.ts)
  ...SANCTION_RULES,
  // The chain of command: allocation, review and sign-off (allocation.rule-book.ts)
  ...ALLOCATION_RULES,
  // Documents and exhibits (document.rule-book.ts)
  ...DOCUMENT_RULES,
  // Reflective practice as a process (reflective-practice.rule-book.ts)
  ...REFLECTIVE_PRACTICE_RULES,
  // Around the proceedings; the Performance and Vetting routes (proceedings-routes.rule-book.ts)
  ...PROCEEDINGS_ROUTE_RULES,
} as const satisfies Record<string, Rule>;

export type CaseRuleName = keyof typeof CASE_RULES;

const book = ruleBook<CaseRuleName>(CASE_RULES);
/** Refuse the command under `rule`, with its plain message and any detail. */
export const refuse: Refuse<CaseRuleName> = book.refuse;
/** Refuse under `rule` when `condition` is false. */
export const ensure: Ensure<CaseRuleName> = book.ensure;
