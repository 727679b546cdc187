/**
 * `GET /statistics/misconduct?force=&year=`: the annual tables for the financial year
 * starting 1 April of `year` (2021: 1 April 2021 – 31 March 2022), in JSON and CSV.
 */
import type { GlobalPosition } from '../../src/event-store/position';
import type { TestApp } from '../support/app';
import { appendAll, concludedCase, PROBLEM_JSON, read, recorded, startFiguresApp } from './support';

const FORCE = 'YEARSHIRE';

describe('misconduct statistics over HTTP', () => {
  let app: TestApp;
  let written: GlobalPosition;
  const meetingOnFirstApril = concludedCase(FORCE, {
    receivedOn: '2021-09-02',
    kind: 'MISCONDUCT_MEETING',
    concludedOn: '2022-04-01',
    outcome: 'WRITTEN_WARNING',
    grossMisconductProven: false,
    rank: 'SERGEANT',
  });

  beforeAll(async () => {
    app = await startFiguresApp();
    written = await appendAll(app, [
      concludedCase(FORCE, {
        receivedOn: '2021-05-01',
        kind: 'MISCONDUCT_HEARING',
        concludedOn: '2022-03-31',
        outcome: 'DISMISSAL_WITHOUT_NOTICE',
        grossMisconductProven: true,
        barredOn: '2022-03-31',
        corruptionCategory: 'DRUGS',
        conductMatterRecordedOn: '2021-05-03',
      }),
      // A matter under the 2012 regulations (it came to attention before 1 February 2020): the
      // series leaves its proceedings out; its barred-list entry is counted.
      concludedCase(FORCE, {
        receivedOn: '2019-06-03',
        kind: 'MISCONDUCT_HEARING',
        concludedOn: '2021-11-01',
        outcome: 'DISMISSAL_WITHOUT_NOTICE',
        grossMisconductProven: true,
        barredOn: '2021-11-02',
      }),
      meetingOnFirstApril,
      concludedCase(FORCE, {
        receivedOn: '2021-02-01',
        kind: 'ACCELERATED_HEARING',
        concludedOn: '2021-04-01',
        outcome: 'DISMISSAL_WITHOUT_NOTICE',
        grossMisconductProven: true,
        rank: 'INSPECTOR',
        formerOfficer: true,
        barredOn: '2022-04-01',
      }),
      concludedCase(FORCE, {
        receivedOn: '2021-06-01',
        kind: 'MISCONDUCT_HEARING',
        concludedOn: '2021-10-10',
        outcome: 'FINAL_WRITTEN_WARNING',
        grossMisconductProven: true,
        rank: 'STAFF',
        workforceType: 'POLICE_STAFF',
      }),
      concludedCase('OTHERSHIRE', {
        receivedOn: '2021-06-01',
        kind: 'MISCONDUCT_MEETING',
        concludedOn: '2021-10-10',
        outcome: 'WRITTEN_WARNING',
        grossMisconductProven: false,
      }),
    ]);
  });

  afterAll(async () => {
    await app.close();
  });

  const statistics = (query: string, reader: Parameters<typeof read>[2] = {}) =>
    read(app, `statistics/misconduct?${query}`, { force: FORCE, after: written, ...reader });

  it('counts 1 April to 31 March: a conclusion on 31 March 2022 in 2021/22, one on 1 April 2022 in 2022/23', async () => {
    const response = await statistics(`force=${FORCE}&year=2021`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      force: FORCE,
      year: 2021,
      financialYear: '2021/22',
      from: '2021-04-01',
      to: '2022-03-31',
      proceedings: { total: 3, byType: { MISCONDUCT_MEETING: 0, MISCONDUCT_HEARING: 2, ACCELERATED_HEARING: 1 } },
      findings: { MISCONDUCT_HEARING: { GROSS_MISCONDUCT_PROVEN: 2, MISCONDUCT_PROVEN: 0, NOT_PROVEN: 0 } },
      formerOfficers: { total: 1, outcomes: { DISMISSAL_WITHOUT_NOTICE: 1 } },
      barredListEntries: { total: 2, byBasis: { DISMISSED: 2, WOULD_HAVE_BEEN_DISMISSED: 0 }, byWorkforceType: { POLICE_OFFICER: 2 } },
      regulations: '2020',
      byCaseType: {
        COMPLAINT: { total: 0 },
        CONDUCT_MATTER: { total: 2, outcomes: { DISMISSAL_WITHOUT_NOTICE: 1, FINAL_WRITTEN_WARNING: 1 } },
        RECORDABLE_CONDUCT_MATTER: { total: 1, outcomes: { DISMISSAL_WITHOUT_NOTICE: 1 } },
      },
    });
    const { outcomes, byRank, byWorkforceType, byAllegationCategory, byBreachType } = response.body;
    expect(outcomes.total).toMatchObject({ DISMISSAL_WITHOUT_NOTICE: 2, FINAL_WRITTEN_WARNING: 1, WRITTEN_WARNING: 0 });
    expect(outcomes.byType.MISCONDUCT_HEARING).toMatchObject({ DISMISSAL_WITHOUT_NOTICE: 1, FINAL_WRITTEN_WARNING: 1 });
    expect(byRank.CONSTABLE.total).toBe(1);
    expect(byRank.INSPECTOR.outcomes.DISMISSAL_WITHOUT_NOTICE).toBe(1);
    expect(byRank.SERGEANT.total).toBe(0);
    expect(byWorkforceType.POLICE_STAFF).toMatchObject({ total: 1, outcomes: { FINAL_WRITTEN_WARNING: 1 } });
    expect(byAllegationCategory).toMatchObject({ DRUGS: 1, NONE: 2 });
    expect(byBreachType.HONESTY_AND_INTEGRITY).toEqual({ proven: 3, notProven: 0 });

    const next = await statistics(`force=${FORCE}&year=2022`);
    expect(next.body).toMatchObject({
      financialYear: '2022/23',
      proceedings: { total: 1, byType: { MISCONDUCT_MEETING: 1, MISCONDUCT_HEARING: 0, ACCELERATED_HEARING: 0 } },
      byRank: { SERGEANT: { total: 1, outcomes: { WRITTEN_WARNING: 1 } } },
      formerOfficers: { total: 0 },
      barredListEntries: { total: 1, byBasis: { DISMISSED: 0, WOULD_HAVE_BEEN_DISMISSED: 1 } },
    });
  });

  it('gives the same tables as CSV', async () => {
    const response = await statistics(`force=${FORCE}&year=2021`, { accept: 'text/csv' });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    // Only names, codes, numbers and dates: no free text, nothing a spreadsheet would run as a formula.
    for (const row of response.text.trim().split('\r\n').slice(1))
      expect(row).toMatch(/^[A-Za-z][\w.]*,([A-Z][A-Z_]*|-?\d+(\.\d+)?|\d{4}-\d{2}-\d{2}|\d{4}\/\d{2})?$/);
    expect(response.text.split('\r\n')).toEqual(
      expect.arrayContaining([
        'metric,value',
        'financialYear,2021/22',
        'proceedings.byType.MISCONDUCT_HEARING,2',
        'byRank.INSPECTOR.outcomes.DISMISSAL_WITHOUT_NOTICE,1',
      ]),
    );
  });

  it('keeps forces apart, and refuses a reader of one force another force’s tables', async () => {
    const other = await statistics('force=OTHERSHIRE&year=2021', { force: '*' });
    expect(other.body.proceedings.total).toBe(1);
    const refused = await statistics('force=OTHERSHIRE&year=2021');
    expect(refused.status).toBe(403);
    expect(refused.headers['content-type']).toMatch(PROBLEM_JSON);
  });

  it.each(['year=twenty', `force=${FORCE}`, 'year=2021.5', 'year=2021&from=2021-04-01'])('refuses %s with a 400', async (query) => {
    const response = await statistics(query);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
  });

  it('moves a conclusion to the year its correction says', async () => {
    const conclusion = meetingOnFirstApril.events[meetingOnFirstApril.conclusionIndex];
    const corrected = await appendAll(app, [
      {
        stream: meetingOnFirstApril.stream,
        events: [
          recorded(
            'RecordCorrected',
            { correctsEventId: conclusion.eventId ?? '', reason: 'wrong day', replacement: { ...conclusion.data, on: '2022-03-30' } },
            '2022-05-01',
            FORCE,
          ),
        ],
      },
    ]);
    const [year2021, year2022] = await Promise.all([
      statistics(`force=${FORCE}&year=2021`, { after: corrected }),
      statistics(`force=${FORCE}&year=2022`, { after: corrected }),
    ]);
    expect(year2021.body.proceedings.byType.MISCONDUCT_MEETING).toBe(1);
    expect(year2022.body.proceedings.byType.MISCONDUCT_MEETING).toBe(0);
  });
});
