import { outcomesByRank } from './sanction-consistency';
import type { ProvenGrossMisconduct } from './sanction-consistency';

const finding = (subjectId: string, rank: ProvenGrossMisconduct['rank'], outcome: ProvenGrossMisconduct['outcome'], formerOfficer = false): ProvenGrossMisconduct => ({
  caseId: 'case-1',
  subjectId,
  rank,
  outcome,
  concludedOn: '2022-09-16',
  formerOfficer,
});

describe('outcomes of proven gross misconduct by rank (Hampshire consistency check)', () => {
  it('flags a rank where proven gross misconduct did not end in dismissal', () => {
    const byRank = outcomesByRank([
      finding('a', 'CONSTABLE', 'DISMISSAL_WITHOUT_NOTICE'),
      finding('b', 'SUPERINTENDENT', 'FINAL_WRITTEN_WARNING'),
      finding('c', 'SUPERINTENDENT', 'DISMISSAL_WITHOUT_NOTICE'),
    ]);
    expect(byRank.map(({ rank, proven, dismissed, consistent }) => ({ rank, proven, dismissed, consistent }))).toEqual([
      { rank: 'CONSTABLE', proven: 1, dismissed: 1, consistent: true },
      { rank: 'SUPERINTENDENT', proven: 2, dismissed: 1, consistent: false },
    ]);
    expect(byRank[1].notDismissed.map((entry) => entry.subjectId)).toEqual(['b']);
  });

  it('counts "would have been dismissed" and the 2012 dismissal with notice as dismissal', () => {
    const byRank = outcomesByRank([finding('a', 'STAFF', 'DISMISSAL_WITHOUT_NOTICE', true), finding('b', 'STAFF', 'DISMISSAL_WITH_NOTICE')]);
    expect(byRank).toEqual([expect.objectContaining({ rank: 'STAFF', proven: 2, dismissed: 2, consistent: true })]);
  });

  it('lists nothing when nothing was proven', () => {
    expect(outcomesByRank([])).toEqual([]);
  });
});
