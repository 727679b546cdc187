/**
 * Issue 16, point 5, over real HTTP: a person's sanction history, built from the outcomes in
 * every case and from the sanctions recorded from before the ledger, shown on their integrity
 * record and read by the rules. A final written warning in one case makes a reduction in rank
 * lawful on a later misconduct finding within its life and not after it; a second final written
 * warning while one is in force is refused; so is a misconduct meeting.
 */
import { randomUUID } from 'node:crypto';
import { serviceForThisFile } from '../cases/support';
import { ProceedingsRecorder } from './support';

const misconduct = [{ standard: 'CONFIDENTIALITY', proven: true, level: 'MISCONDUCT' }];

describe("a person's sanction history", () => {
  const service = serviceForThisFile();
  let psd: ProceedingsRecorder;

  beforeAll(() => {
    psd = new ProceedingsRecorder(service.app);
  });

  /** A misconduct case against the sergeant, with proceedings of `kind` noticed on `noticeOn`. */
  async function misconductCase(personId: string, year: string, kind = 'MISCONDUCT_HEARING', noticeOn = `${year}-03-01`, scheduledFor = `${year}-04-04`) {
    const found = await psd.caseToAnswer({
      personId,
      rank: 'SERGEANT',
      level: 'MISCONDUCT',
      receivedOn: `${year}-01-04`,
      reportOn: `${year}-02-01`,
      decidedOn: `${year}-02-15`,
    });
    await psd.subjectStep(found.caseId, found.subjectId, 'proceedings', { kind, noticeServedOn: noticeOn, scheduledFor });
    return found;
  }

  const outcome = (on: string, result: string, extra: Record<string, unknown> = {}) => ({
    on,
    findings: misconduct,
    outcome: result,
    formerOfficer: false,
    chair: 'LEGALLY_QUALIFIED_CHAIR',
    ...extra,
  });

  it('lets a final written warning in one case permit a reduction in rank within its life, and not after; and refuses a second one', async () => {
    const personId = randomUUID();
    // An earlier written warning, from before the ledger, gives the person an integrity record.
    await psd.post(`people/${personId}/earlier-sanctions`, { kind: 'WRITTEN_WARNING', notifiedOn: '2018-01-10', reference: 'PSD/2018/0007' });

    // Case A: a final written warning at a misconduct meeting, received on 5 July 2021 (in force to 4 July 2023, ◐).
    const first = await misconductCase(personId, '2021', 'MISCONDUCT_MEETING', '2021-03-01');
    await psd.subjectStep(first.caseId, first.subjectId, 'outcome', outcome('2021-07-01', 'FINAL_WRITTEN_WARNING', { chair: 'SENIOR_OFFICER' }));
    await psd.subjectStep(first.caseId, first.subjectId, 'written-outcome', { on: '2021-07-05' });

    // Case B: with the warning in force, misconduct goes to a hearing, not a meeting.
    const second = await psd.caseToAnswer({
      personId,
      rank: 'SERGEANT',
      level: 'MISCONDUCT',
      receivedOn: '2022-01-04',
      reportOn: '2022-02-01',
      decidedOn: '2022-02-15',
    });
    const meeting = await psd.subjectStep(
      second.caseId,
      second.subjectId,
      'proceedings',
      { kind: 'MISCONDUCT_MEETING', noticeServedOn: '2022-03-01', scheduledFor: '2022-04-04' },
      422,
    );
    expect(meeting.body.rule).toBe('liveFinalWrittenWarningNeedsHearing');
    await psd.subjectStep(second.caseId, second.subjectId, 'proceedings', {
      kind: 'MISCONDUCT_HEARING',
      noticeServedOn: '2022-03-01',
      scheduledFor: '2022-04-04',
    });
    // No second final written warning while the first is in force (reg 42(7)).
    const again = await psd.subjectStep(second.caseId, second.subjectId, 'outcome', outcome('2022-04-04', 'FINAL_WRITTEN_WARNING'), 422);
    expect(again.body.rule).toBe('noSecondFinalWrittenWarning');
    expect(again.body.detail).toContain('notified 2021-07-05 in another case, in force until 2023-07-05');
    // Reduction in rank on misconduct alone is lawful within the warning's life (reg 42(5)); the basis is recorded from the history.
    await psd.subjectStep(second.caseId, second.subjectId, 'outcome', outcome('2022-04-04', 'REDUCTION_IN_RANK'));
    const recorded = await psd.read(`cases/${second.caseId}/history`);
    const concluded = (recorded.body.events as { type: string; data: Record<string, unknown> }[]).find((event) => event.type === 'ProceedingsConcluded');
    expect(concluded?.data.sanctionBasis).toBe('LIVE_FINAL_WRITTEN_WARNING');

    // Case C: after the warning expired, the same outcome is refused, and a declared live warning too.
    const third = await misconductCase(personId, '2023', 'MISCONDUCT_HEARING', '2023-07-10', '2023-07-12');
    const late = await psd.subjectStep(third.caseId, third.subjectId, 'outcome', outcome('2023-07-12', 'REDUCTION_IN_RANK'), 422);
    expect(late.body.rule).toBe('seriousOutcomeOnMisconductNeedsCondition');
    const claimed = await psd.subjectStep(
      third.caseId,
      third.subjectId,
      'outcome',
      outcome('2023-07-12', 'REDUCTION_IN_RANK', { sanctionBasis: 'LIVE_FINAL_WRITTEN_WARNING' }),
      422,
    );
    expect(claimed.body.rule).toBe('liveFinalWrittenWarningNotOnRecord');
    // A new final written warning is lawful again once the first has expired.
    await psd.subjectStep(third.caseId, third.subjectId, 'outcome', outcome('2023-07-12', 'FINAL_WRITTEN_WARNING'));

    // The integrity record shows the history, each judged in force or not on the day read.
    psd.today('2023-08-01');
    const record = await psd.read(`people/${personId}/integrity-record`, 'ACU_INVESTIGATOR');
    expect(record.status).toBe(200);
    const history = (
      record.body.sanctionHistory as {
        kind: string;
        caseId: string | null;
        notifiedOn: string;
        expiresOn: string | null;
        inForce: boolean;
        expiry: { confidence: string } | null;
      }[]
    ).map(({ kind, caseId, notifiedOn, expiresOn, inForce, expiry }) => ({
      kind,
      caseId,
      notifiedOn,
      expiresOn,
      inForce,
      confidence: expiry?.confidence ?? null,
    }));
    expect(history).toEqual([
      { kind: 'WRITTEN_WARNING', caseId: null, notifiedOn: '2018-01-10', expiresOn: '2019-07-10', inForce: false, confidence: 'UNCONFIRMED' },
      { kind: 'MISCONDUCT_FINDING', caseId: first.caseId, notifiedOn: '2021-07-01', expiresOn: null, inForce: true, confidence: null },
      {
        kind: 'FINAL_WRITTEN_WARNING',
        caseId: first.caseId,
        notifiedOn: '2021-07-05',
        expiresOn: '2023-07-05',
        inForce: false,
        confidence: 'PARTLY_CONFIRMED',
      },
      { kind: 'MISCONDUCT_FINDING', caseId: second.caseId, notifiedOn: '2022-04-04', expiresOn: null, inForce: true, confidence: null },
      { kind: 'REDUCTION_IN_RANK', caseId: second.caseId, notifiedOn: '2022-04-04', expiresOn: null, inForce: true, confidence: null },
      { kind: 'MISCONDUCT_FINDING', caseId: third.caseId, notifiedOn: '2023-07-12', expiresOn: null, inForce: true, confidence: null },
      { kind: 'FINAL_WRITTEN_WARNING', caseId: third.caseId, notifiedOn: '2023-07-12', expiresOn: '2025-07-12', inForce: true, confidence: 'PARTLY_CONFIRMED' },
    ]);
  });

  it('reads a final written warning recorded from before the ledger as one in force', async () => {
    const personId = randomUUID();
    await psd.post(`people/${personId}/earlier-sanctions`, { kind: 'FINAL_WRITTEN_WARNING', notifiedOn: '2021-11-01' });
    const found = await misconductCase(personId, '2022');
    expect((await psd.subjectStep(found.caseId, found.subjectId, 'outcome', outcome('2022-04-04', 'FINAL_WRITTEN_WARNING'), 422)).body.rule).toBe(
      'noSecondFinalWrittenWarning',
    );
    await psd.subjectStep(found.caseId, found.subjectId, 'outcome', outcome('2022-04-04', 'DISMISSAL_WITHOUT_NOTICE'));
  });
});
