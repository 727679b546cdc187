/**
 * The ten seed case studies, decided by the pure domain and appended as the command handler
 * would (test/projections/case-story-support.ts), all in one force: the inspection figures
 * and the misconduct statistics count what the documents say happened, and a correction
 * recorded through the domain changes them.
 */
import { randomUUID } from 'node:crypto';
import { differenceInCalendarDays, parseISO } from 'date-fns';
import { isOneOf } from '../../src/cases/case.enums';
import type { ReferralReceived } from '../../src/cases/case.events';
import { UNDER_INVESTIGATION_STAGES } from '../../src/cases/case.stage';
import type { Case } from '../../src/cases/case.state';
import { SEED_STORIES } from '../../src/cases/seed-stories';
import type { Pool } from 'pg';
import { PG_POOL } from '../../src/database/database.module';
import { EventStore } from '../../src/event-store/event-store';
import { daysDistribution, median } from '../../projections/inspection-metrics/inspection-figures';
import { financialYearOf } from '../../projections/misconduct-statistics/financial-year';
import { CaseRecorder, foldStream, retarget } from '../projections/case-story-support';
import type { TestApp } from '../support/app';
import { read, startFiguresApp } from './support';

const FORCE = 'SEEDSHIRE';
const EVERYTHING = 'from=2000-01-01&to=2030-12-31';

describe('figures of the seed case studies', () => {
  let app: TestApp;
  let recorder: CaseRecorder;
  const stories = SEED_STORIES.map((story) => ({ story, caseId: randomUUID() }));
  const cases: Case[] = [];
  const subjects = () => cases.flatMap((state) => Object.values(state.subjects));

  beforeAll(async () => {
    app = await startFiguresApp();
    recorder = new CaseRecorder(app.app.get(EventStore));
    await recorder.recordAll(stories.map(({ story, caseId }) => ({ commands: retarget(story, caseId, { force: FORCE }) })));
    for (const { caseId } of stories) cases.push((await foldStream(app.app.get(EventStore), caseId)) as Case);
  });

  afterAll(async () => {
    await app.close();
  });

  // As the force's DCC, who may open every story's case, the covert and restricted ones too (an
  // inspector counts only what they could open: test/access/case-access-matrix.test.ts).
  const READER = { role: 'DCC', force: FORCE } as const;
  const inspection = () => read(app, `metrics/inspection?${EVERYTHING}`, { ...READER, after: recorder.lastPosition });

  it('counts the cases, outcomes, list entries, IOPC referrals and departures the domain folds', async () => {
    const { body } = await inspection();
    const expectedOutcomes: Record<string, number> = {};
    for (const { expected } of SEED_STORIES) {
      for (const subject of Object.values(expected.subjects)) {
        if (subject.outcome !== null) expectedOutcomes[subject.outcome] = (expectedOutcomes[subject.outcome] ?? 0) + 1;
      }
    }
    const entries = (type: string): number => stories.flatMap(({ caseId }) => recorder.steps(caseId)).filter((step) => step.type === type).length;
    const complaints = cases.filter((state) => state.caseType === 'COMPLAINT').length;
    expect(body).toMatchObject({
      complaints: { count: complaints },
      conductCases: { count: SEED_STORIES.length - complaints },
      outcomes: expectedOutcomes,
      barredListEntries: entries('BarredListEntryMade'),
      advisoryListEntries: entries('AdvisoryListEntryMade'),
      iopcReferrals: { count: cases.filter((state) => state.iopcReferral !== null).length },
      departuresDuringProceedings: subjects().filter(
        ({ departure }) =>
          departure !== null &&
          departure.how !== 'TRANSFERRED' &&
          !departure.afterConclusion &&
          isOneOf(UNDER_INVESTIGATION_STAGES, departure.stageAtDeparture),
      ).length,
    });
    expect(body.barredListEntries).toBeGreaterThan(0);
    expect(body.departuresDuringProceedings).toBeGreaterThan(0);
    expect(body.iopcReferrals.byMode.DIRECTED).toBeGreaterThan(0);
  });

  it('measures days to finalise from each closed case’s referral to its closure', async () => {
    const { body } = await inspection();
    const days = cases
      .filter((state) => state.closedOn !== null)
      .map((state) => String(differenceInCalendarDays(parseISO(state.closedOn ?? ''), parseISO(state.receivedOn))));
    const histogram = new Map<string, number>();
    for (const day of days) histogram.set(day, (histogram.get(day) ?? 0) + 1);
    expect(days.length).toBeGreaterThan(0);
    expect(body.daysToFinalise.median).toBe(median(daysDistribution(histogram)));
    expect(body.daysToFinalise.p90).toBe(Math.max(...days.map(Number)));
  });

  it('tabulates every concluded proceeding and former officer in the financial year it concluded', async () => {
    const concluded = subjects().filter((subject) => subject.conclusion !== null);
    const years = [...new Set(concluded.map((subject) => financialYearOf(subject.conclusion?.on ?? '')))];
    const tables = await Promise.all(years.map((year) => read(app, `statistics/misconduct?year=${year}`, { ...READER, after: recorder.lastPosition })));
    const sum = (pick: (body: { proceedings: { total: number }; formerOfficers: { total: number } }) => number): number =>
      tables.reduce((total, response) => total + pick(response.body), 0);
    expect(sum((body) => body.proceedings.total)).toBe(concluded.filter((subject) => subject.proceedings !== null).length);
    expect(sum((body) => body.formerOfficers.total)).toBe(concluded.filter((subject) => subject.conclusion?.formerOfficer).length);
  });

  it('keeps no personal data (vault fields) in its tables', async () => {
    const pool = app.app.get<symbol, Pool>(PG_POOL);
    const { rows } = await pool.query<{ kept: string; events: string }>(
      `SELECT 'inspection:' || case_id AS kept, events::text AS events FROM inspection_case_events
       UNION ALL SELECT 'statistics:' || case_id, events::text FROM misconduct_statistics_case_events`,
    );
    expect(new Set(rows.map((row) => row.kept)).size).toBe(2 * SEED_STORIES.length);
    expect(rows.filter((row) => /"(summary|rationale|termsOfReference|text)"/.test(row.events))).toEqual([]);
  });

  it('counts a case again as a complaint once a correction says it was one', async () => {
    // The domain corrects only an open case: the one story that does not end closed.
    const open = cases.findIndex((state) => state.closedOn === null && state.caseType !== 'COMPLAINT');
    expect(open).toBeGreaterThanOrEqual(0);
    const { story, caseId } = stories[open];
    const before = (await inspection()).body;
    const { type: _type, ...referral } = retarget(story, caseId, { force: FORCE })[0] as { type: string } & ReferralReceived;
    await recorder.record({
      type: 'CorrectRecord',
      caseId,
      correctsEventId: recorder.steps(caseId)[0].eventId,
      reason: 'the referral was a public complaint',
      replacement: { ...referral, caseType: 'COMPLAINT', source: 'PUBLIC_COMPLAINT' },
    });
    const after = (await inspection()).body;
    expect(after.complaints.count).toBe(before.complaints.count + 1);
    expect(after.conductCases.count).toBe(before.conductCases.count - 1);
  });
});
