/**
 * The rules that read a subject's sanction history (sanction-history.ts), spread into
 * CASE_RULES (case.rule-book.ts). reg 42(7) itself is `noSecondFinalWrittenWarning` there.
 */
import type { Rule } from '../common/rule-book';

export const SANCTION_RULES = {
  liveFinalWrittenWarningNotOnRecord: {
    message:
      'reduction in rank or dismissal on misconduct alone rests on a final written warning in force (reg 42(5)): the person has none on record for the day of the finding',
    source: "Conduct Regs 2020 reg 42(5); the person's sanction history in the ledger (docs/domain/regulations.md §2.9)",
    confidence: 'PARTLY_CONFIRMED',
  },
  liveFinalWrittenWarningNeedsHearing: {
    message: 'misconduct by someone with a final written warning in force is dealt with at a misconduct hearing, not a meeting',
    source: 'Conduct Regs 2020 regs 23 and 42(5) (docs/domain/regulations.md §2.6: form rules)',
    confidence: 'PARTLY_CONFIRMED',
  },
} as const satisfies Record<string, Rule>;
