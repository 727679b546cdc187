/**
 * The rules around the proceedings and of the Performance and Vetting routes
 * (proceedings-routes.rules.ts), spread into CASE_RULES (case.rule-book.ts): each with the
 * message a refused user reads and its source. reg 10 is ◐ in docs/domain/regulations.md §2.13;
 * regs 25 and 27 are ✔ by their titles only.
 */
import { ALREADY_EXISTS, KEEPS_RECORD_COHERENT as RECORD } from '../common/rule-book';
import type { Rule } from '../common/rule-book';

export const PROCEEDINGS_ROUTE_RULES = {
  // reg 10
  pauseNeedsLiveMatter: {
    message: 'only a matter still to be concluded (no outcome, not withdrawn) can be paused',
    source: 'Conduct Regs 2020 reg 10 (◐ docs/domain/regulations.md §2.13)',
    confidence: 'PARTLY_CONFIRMED',
  },
  proceedingsAlreadyPaused: { message: "the subject's proceedings are already paused", source: RECORD, status: ALREADY_EXISTS },
  proceedingsNotPaused: { message: "the subject's proceedings are not paused", source: RECORD },
  proceedingsPausedUnderReg10: {
    message:
      'the proceedings are paused while criminal proceedings could be prejudiced: record their resumption first, when that is no longer so or the criminal proceedings have ended',
    source:
      'Conduct Regs 2020 reg 10 (◐) and reg 49(3) (determinations made or remade after criminal proceedings, ✔) (docs/domain/regulations.md §2.11, §2.13)',
    confidence: 'PARTLY_CONFIRMED',
  },

  // regs 25 and 27
  jointProceedingsNeedSubjectsWithCaseToAnswer: {
    message: 'joint proceedings are for two or more different subjects of the case, each with a case to answer and proceedings not yet concluded or withdrawn',
    source: 'Conduct Regs 2020 reg 25 (joint proceedings; title confirmed, docs/domain/regulations.md §2.1, §2.6)',
  },
  withdrawalNeedsProceedings: {
    message: 'proceedings are withdrawn once brought (a case to answer with proceedings) and before their conclusion; not twice',
    source: 'Conduct Regs 2020 reg 27 (withdrawal of proceedings; title confirmed, docs/domain/regulations.md §2.1, §2.6)',
  },

  // The Performance and Vetting routes
  routeNeedsServingSubject: {
    message: 'the Performance and Vetting routes are for a serving member: not for one who has left',
    source: 'Police (Performance) Regulations 2020; Police (Vetting) Regulations 2025 (dismissal of a serving officer, docs/domain/regulations.md §1.1, §9.4)',
  },
  routeMatterConcluded: {
    message: "the subject's matter has already concluded (an outcome, a withdrawal, or a Performance or Vetting outcome)",
    source: RECORD,
  },
  vettingReferralNotInForce: {
    message: 'a matter is referred under the Vetting Regulations from 28 May 2025',
    source: 'Conduct Regs 2020 reg 14(2)(aa), inserted by SI 2025/558 from 28 May 2025; Vetting Regs 2025 (SI 2025/502) in force 14 May 2025',
  },
  routeOutcomeNeedsReferral: {
    message: 'an outcome under the Performance or Vetting Regulations needs the referral to that route first, and is recorded once',
    source: RECORD,
  },
  performanceOutcomeForProcedure: {
    message: 'dismissal without notice is for gross incompetence only, and dismissal with notice for unsatisfactory performance only (at its third stage)',
    source: 'Police Appeals Tribunals Rules 2020 rule 5 (docs/domain/regulations.md §2.10)',
  },
} as const satisfies Record<string, Rule>;
