import { outcomesByRankFromCounts } from './sanction-consistency';
import type { ProvenGrossMisconduct } from './sanction-consistency';

const finding = (subjectId: string, rank: ProvenGrossMisconduct['rank'], outcome: ProvenGrossMisconduct['outcome']): ProvenGrossMisconduct => ({
  caseId: 'case-1',
  subjectId,
  rank,
  outcome,
  concludedOn: '2022-09-16',
  formerOfficer: false,
});

describe('outcomes of proven gross misconduct by rank (Hampshire consistency check)', () => {
  it('flags a rank where proven gross misconduct did not end in dismissal, with its findings, in rank order', () => {
    const byRank = outcomesByRankFromCounts(
      [
        { rank: 'SUPERINTENDENT', proven: 2, dismissed: 1 },
        { rank: 'CONSTABLE', proven: 1, dismissed: 1 },
      ],
      [finding('b', 'SUPERINTENDENT', 'FINAL_WRITTEN_WARNING')],
    );
    expect(byRank.map(({ rank, proven, dismissed, consistent }) => ({ rank, proven, dismissed, consistent }))).toEqual([
      { rank: 'CONSTABLE', proven: 1, dismissed: 1, consistent: true },
      { rank: 'SUPERINTENDENT', proven: 2, dismissed: 1, consistent: false },
    ]);
    expect(byRank[1].notDismissed.map((entry) => entry.subjectId)).toEqual(['b']);
  });

  it('judges consistency by the counts, when the findings listed are only the latest', () => {
    const byRank = outcomesByRankFromCounts([{ rank: 'SERGEANT', proven: 3, dismissed: 2 }], []);
    expect(byRank).toEqual([{ rank: 'SERGEANT', proven: 3, dismissed: 2, notDismissed: [], consistent: false }]);
  });

  it('lists nothing when nothing was proven', () => {
    expect(outcomesByRankFromCounts([], [])).toEqual([]);
    expect(outcomesByRankFromCounts([{ rank: 'STAFF', proven: 0, dismissed: 0 }], [])).toEqual([]);
  });
});
