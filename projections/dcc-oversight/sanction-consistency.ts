/**
 * The Hampshire consistency check (seed 004): "when there is a finding of gross misconduct
 * at a misconduct hearing, the expected outcome will be dismissal, whatever the role or
 * rank", and the DCC "maintains a record to ensure consistency". This groups the outcomes
 * of proven gross misconduct by rank and flags every rank where one did not end in
 * dismissal (for a former member, the finding that they would have been dismissed). It is
 * oversight, not a rule: a panel may lawfully impose less (Conduct Regs 2020 reg 42).
 */
import { RANKS } from '../../src/cases/case.enums';
import type { Outcome, Rank } from '../../src/cases/case.enums';

export interface ProvenGrossMisconduct {
  caseId: string;
  subjectId: string;
  rank: Rank;
  /** As the proceedings imposed it, before any appeal. */
  outcome: Outcome;
  concludedOn: string;
  formerOfficer: boolean;
}

export interface RankOutcomes {
  rank: Rank;
  proven: number;
  dismissed: number;
  /** Proven gross misconduct of this rank that did not end in dismissal (on the dashboard, the latest 100 of the force). */
  notDismissed: ProvenGrossMisconduct[];
  /** False when some proven gross misconduct at this rank did not end in dismissal. */
  consistent: boolean;
}

/**
 * One entry per rank that had proven gross misconduct, in rank order, from the counts by rank
 * (which findings count as dismissal: PROVEN_DISMISSED, timeliness-counts.ts) and the findings
 * that did not end in dismissal, as the dashboard reads them. The counts decide consistency:
 * the findings listed may be only the latest of them.
 */
export function outcomesByRankFromCounts(
  counts: readonly { rank: Rank; proven: number; dismissed: number }[],
  notDismissed: readonly ProvenGrossMisconduct[],
): RankOutcomes[] {
  return RANKS.flatMap((rank) => {
    const count = counts.find((entry) => entry.rank === rank);
    if (count === undefined || count.proven === 0) return [];
    const ofRank = notDismissed.filter((finding) => finding.rank === rank);
    return [{ rank, proven: count.proven, dismissed: count.dismissed, notDismissed: ofRank, consistent: count.dismissed === count.proven }];
  });
}
