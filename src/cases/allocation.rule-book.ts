/**
 * The chain-of-command rules (allocation.rules.ts), spread into CASE_RULES (case.rule-book.ts):
 * each with the message a refused user reads and its source. A rule resting on a fact marked ◐
 * or ✖ in docs/domain/regulations.md, or on none (force practice), carries that mark: it is
 * data, not law. Conduct Regs 2020 reg 15 is "title only" in regulations.md §2.5; its text was
 * read at legislation.gov.uk/uksi/2020/4/regulation/15/made.
 */
import { ALREADY_EXISTS, KEEPS_RECORD_COHERENT as RECORD } from '../common/rule-book';
import type { Rule } from '../common/rule-book';
import { SIGN_OFF_MINIMUM_RANKS } from './allocation.enums';

const REG_15 = 'Conduct Regs 2020 reg 15(3) (legislation.gov.uk/uksi/2020/4/regulation/15/made; docs/domain/regulations.md §2.5 has its title only)';

export const ALLOCATION_RULES = {
  // Allocation
  appointmentAlreadyMade: { message: 'the case already has an appointment with this id', source: RECORD, status: ALREADY_EXISTS },
  appointmentMustExist: { message: 'the case has no appointment with this id', source: RECORD },
  roleAlreadyFilled: {
    message: 'someone already holds this appointment for the case or subject: reassign it, with the reason',
    source: 'Conduct Regs 2020 reg 15(2) (one investigator appointed to the matter); keeps the record coherent',
  },
  reassignmentToSameInvestigator: { message: 'the appointment is already held by this person', source: RECORD },
  investigatorIsSubject: {
    message: 'a subject of the case cannot be appointed to investigate it',
    source: `${REG_15}: no interested party is appointed (the subject being one is read from the regulation's purpose)`,
    confidence: 'PARTLY_CONFIRMED',
  },
  investigatorHasDeclaredConflict: {
    message: 'the person declared a conflict of interest on this case and cannot be appointed to it',
    source: `${REG_15}(b): no interested party is appointed (a declared conflict read as making one; "interested party" is defined in reg 2, not retrieved)`,
    confidence: 'PARTLY_CONFIRMED',
  },
  investigatorManagedBySubject: {
    message: 'the person works under the management of a subject of the case (their recorded line manager) and cannot investigate them',
    source: `${REG_15}(c): not anyone who works, directly or indirectly, under the management of the officer concerned`,
  },
  investigatorIsSubjectsLineManager: {
    message: 'the person is the recorded line manager of a subject the appointment covers and cannot investigate them',
    source: `${REG_15}(b) read with force practice: a line manager is treated as an interested party (✖ not confirmed in docs/domain/regulations.md)`,
    confidence: 'UNCONFIRMED',
  },
  supervisorIsInvestigator: {
    message: 'the supervising officer of an investigation is not its investigator',
    source: 'force practice: supervision independent of the investigation (✖ not in docs/domain/regulations.md)',
    confidence: 'UNCONFIRMED',
  },
  lineManagerIsSubject: { message: 'a subject is not their own line manager', source: RECORD },
  lineManagerIsAppointedInvestigator: {
    message: "the subject's line manager is appointed to investigate them: reassign the appointment first",
    source: `${REG_15}(b) read with force practice (✖ not confirmed in docs/domain/regulations.md)`,
    confidence: 'UNCONFIRMED',
  },

  // Review of the investigator's report
  reportAlreadyWithAuthority: {
    message: "the investigator's report has already gone to the appropriate authority",
    source: 'Conduct Regs 2020 reg 21',
  },
  reportReviewPending: { message: 'the report is awaiting its review', source: RECORD },
  reportReviewNeedsSubmission: { message: 'no report is awaiting review', source: RECORD },
  reviewerIsAuthor: {
    message: 'the report is reviewed by someone other than the investigator who wrote it',
    source: 'force practice: quality assurance of the report before it goes to the appropriate authority (✖ not in docs/domain/regulations.md)',
    confidence: 'UNCONFIRMED',
  },
  returnNeedsReasons: { message: 'a report is returned with the reasons; an approval carries none', source: RECORD },
  reportNeedsApproval: {
    message: "the investigator's report goes to the appropriate authority once its review approved it",
    source: 'Conduct Regs 2020 reg 21, with force practice: the report is reviewed before it is submitted (✖ not in docs/domain/regulations.md)',
    confidence: 'UNCONFIRMED',
  },

  // The form of proceedings and the sign-offs
  formNeedsCaseToAnswer: {
    message: 'the form of proceedings is decided on a case to answer with proceedings brought',
    source: 'Conduct Regs 2020 reg 23(1)(b)-(c)',
  },
  signOffNeedsDecision: { message: 'there is no decision of this kind to sign off for the subject', source: 'Conduct Regs 2020 reg 23(1)' },
  decisionAlreadySignedOff: { message: 'this decision is already signed off', source: RECORD, status: ALREADY_EXISTS },
  signOffByInvestigator: {
    message: "the appropriate authority's decision is signed off by someone who did not investigate the case",
    source:
      'Conduct Regs 2020 regs 21 and 23: the investigator reports and gives an opinion, the appropriate authority decides (◐ docs/domain/regulations.md §2.5 reg 21)',
    confidence: 'PARTLY_CONFIRMED',
  },
  signOffRankTooJunior: {
    message: `the decision is signed off by an officer of at least the rank it needs (${SIGN_OFF_MINIMUM_RANKS.grave.rank} for gross misconduct or a hearing, ${SIGN_OFF_MINIMUM_RANKS.other.rank} otherwise; unconfirmed), or police staff of similar seniority`,
    source: SIGN_OFF_MINIMUM_RANKS.grave.source,
    confidence: SIGN_OFF_MINIMUM_RANKS.grave.confidence,
  },
  proceedingsAwaitSignOff: {
    message: 'the proceedings are scheduled once the case-to-answer decision and the form of proceedings are decided and signed off',
    source: 'Conduct Regs 2020 reg 23, with force practice: decisions signed off along the chain of command (✖ not in docs/domain/regulations.md)',
    confidence: 'UNCONFIRMED',
  },
  proceedingsKindDiffersFromForm: {
    message: 'the proceedings scheduled are of the form the appropriate authority decided',
    source: 'Conduct Regs 2020 reg 23(1)(c)',
  },
} as const satisfies Record<string, Rule>;
