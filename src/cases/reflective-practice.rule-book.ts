/**
 * The rules of the reflective practice review process (reflective-practice.rules.ts), spread
 * into CASE_RULES (case.rule-book.ts): each with the message a refused user reads and its
 * source. The stages of Part 6 are ◐ in docs/domain/regulations.md §2.12 (secondary sources),
 * the reg 70 report ✔: a rule resting on a ◐ fact says so in its confidence.
 */
import { ALREADY_EXISTS, KEEPS_RECORD_COHERENT as RECORD } from '../common/rule-book';
import type { Rule } from '../common/rule-book';

export const REFLECTIVE_PRACTICE_RULES = {
  reflectivePracticeNotForGrossMisconduct: {
    message:
      'reflective practice is for practice requiring improvement and for conduct found to be neither misconduct nor gross misconduct: not for a matter that stands as gross misconduct',
    source: 'Conduct Regs 2020 Part 6 and reg 42(1)(b); IOPC glossary (docs/domain/regulations.md §2.2, §2.12)',
  },
  reflectiveProcessNotOpen: {
    message: 'the subject has no reflective practice review running: refer them first (a process that failed for want of engagement has ended)',
    source: 'Conduct Regs 2020 Part 6 (docs/domain/regulations.md §2.12)',
  },
  reflectiveStageOutOfOrder: {
    message:
      'the stages follow one another: the notice, the account (after the notice), fact finding, the review discussion, the report, then the review of its actions and the performance and development review',
    source: 'Conduct Regs 2020 Part 6; stages as ukpolicelawblog and the Federation guides describe them (◐ docs/domain/regulations.md §2.12)',
    confidence: 'PARTLY_CONFIRMED',
  },
  reflectiveStageAlreadyRecorded: { message: 'this stage of the reflective practice review is already recorded', source: RECORD, status: ALREADY_EXISTS },
  reflectiveReportPeriodsAfterAgreement: {
    message: "the report's period for its key actions and its review period end after the day it is agreed",
    source: 'Conduct Regs 2020 reg 70 (key actions within a specified period; a specified review period)',
  },
  misconductRouteClosedAfterFinding: {
    message:
      'reflective practice directed at proceedings follows a finding that the conduct was neither misconduct nor gross misconduct: a failure to engage cannot send it back to the misconduct route',
    source: 'Conduct Regs 2020 reg 42(1)(b); failure to engage, WMPF guide (◐ docs/domain/regulations.md §2.12)',
    confidence: 'PARTLY_CONFIRMED',
  },
} as const satisfies Record<string, Rule>;
