import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import type { Case } from '../../src/cases/case.state';
import { SEED_STORIES } from '../../src/cases/seed-stories';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store';
import { formatPosition } from '../../src/event-store/position';
import { toCaseStatusItem } from '../../projections/common/case-status-item';
import { CaseStatusRow, caseStatusProjection } from '../../projections/case-status/case-status.projection';
import { ProjectionRunner, RunnerOptions } from '../../projections/runner/projection-runner';
import { createTestDatabase, poolFor, TestDatabase } from '../support/database';
import { CaseRecorder, foldStream, retarget, waitFor } from './case-story-support';

/** As the projection writes a row, with the timeliness columns it leaves empty. */
type StatusRow = Omit<CaseStatusRow, 'opened_position'>;

describe('case-status projection', () => {
  let database: TestDatabase;
  let pool: Pool;
  let store: PostgresEventStore;
  let recorder: CaseRecorder;

  beforeEach(async () => {
    database = await createTestDatabase();
    pool = poolFor(database, 20);
    store = new PostgresEventStore(pool, { pollIntervalMs: 50 });
    recorder = new CaseRecorder(store);
  });

  afterEach(async () => {
    await store.close();
    await pool.end();
    await database.drop();
  });

  /** Runs the projection until it has everything the recorder appended. */
  async function project(options: RunnerOptions = {}): Promise<ProjectionRunner> {
    const runner = new ProjectionRunner(store, pool, caseStatusProjection, { checkIntervalMs: 50, ...options });
    runner.start();
    const head = formatPosition(await store.headPosition());
    await waitFor(
      () => runner.position(),
      (position) => formatPosition(position) === head,
    );
    return runner;
  }

  async function rows(): Promise<StatusRow[]> {
    const result = await pool.query<StatusRow>(
      `SELECT case_id, force, stage, sensitivity, case_type, to_char(received_on, 'YYYY-MM-DD') AS received_on,
              to_char(closed_on, 'YYYY-MM-DD') AS closed_on, corruption_categories, subject_person_ids, item,
              revision::text, last_position
         FROM case_status ORDER BY case_id`,
    );
    return result.rows;
  }

  async function rowOf(caseId: string): Promise<StatusRow> {
    const found = (await rows()).find((row) => row.case_id === caseId);
    if (!found) throw new Error(`no case_status row for ${caseId}`);
    return found;
  }

  async function expectRowsToMatchTheDomain(): Promise<void> {
    for (const row of await rows()) {
      const state = (await foldStream(store, row.case_id)) as Case;
      const item = toCaseStatusItem(state);
      const recorded = await store.readStream(`case-${row.case_id}`);
      expect(row.item).toEqual(item);
      expect({
        force: row.force,
        stage: row.stage,
        sensitivity: row.sensitivity,
        caseType: row.case_type,
        receivedOn: row.received_on,
        closedOn: row.closed_on,
        categories: row.corruption_categories,
        people: row.subject_person_ids,
        revision: row.revision,
        lastPosition: row.last_position,
      }).toEqual({
        force: item.force,
        stage: item.stage,
        sensitivity: item.sensitivity,
        caseType: item.caseType,
        receivedOn: item.openedOn,
        closedOn: item.closedOn,
        categories: item.corruptionCategories,
        people: item.subjects.map((subject) => subject.personId),
        revision: String(recorded.length - 1),
        lastPosition: formatPosition(recorded[recorded.length - 1].position),
      });
    }
  }

  it('projects each seed story to the status evolve folds, across many small batches', async () => {
    await recorder.recordAll(SEED_STORIES);
    const runner = await project({ batchSize: 7, rebuildBatchSize: 7 });
    expect((await rows()).map((row) => row.case_id)).toEqual(SEED_STORIES.map((story) => story.caseId).sort());
    await expectRowsToMatchTheDomain();
    // And what the documents say, as the seed-story spec checks it on the domain.
    for (const story of SEED_STORIES) {
      const { item } = await rowOf(story.caseId);
      expect(item.stage).toBe(story.expected.stage);
      for (const [subjectId, expected] of Object.entries(story.expected.subjects)) {
        const subject = item.subjects.find((candidate) => candidate.subjectId === subjectId);
        expect(
          subject && { outcome: subject.outcome, formerOfficer: subject.formerOfficer, leftService: subject.leftService, barredList: subject.barredList },
        ).toEqual({
          outcome: expected.outcome,
          formerOfficer: expected.formerOfficer,
          leftService: expected.leftService,
          barredList: expected.barredList,
        });
      }
    }
    await runner.stop();
  });

  it('follows the live ledger: a later step changes the row', async () => {
    const [story] = SEED_STORIES;
    const caseId = randomUUID();
    const commands = retarget(story, caseId);
    await recorder.recordAll([{ commands: commands.slice(0, 5) }]);
    const runner = await project();
    expect((await rowOf(caseId)).stage).toBe('ASSESSMENT');
    await recorder.recordAll([{ commands: commands.slice(5) }]);
    const head = formatPosition(await store.headPosition());
    await waitFor(
      () => runner.position(),
      (position) => formatPosition(position) === head,
    );
    expect((await rowOf(caseId)).stage).toBe('CLOSED');
    await expectRowsToMatchTheDomain();
    await runner.stop();
  });

  it('applies corrections: the row shows the corrected referral and severity', async () => {
    const [story] = SEED_STORIES;
    const caseId = randomUUID();
    // Up to the suspension: the case is still open, so it can be corrected.
    const commands = retarget(story, caseId).slice(0, 8);
    await recorder.recordAll([{ commands }]);
    const runner = await project({ batchSize: 3 });
    const before = await rowOf(caseId);
    expect(before.sensitivity).toBe('RESTRICTED');
    expect(before.item.subjects[0].severity).toBe('GROSS_MISCONDUCT');

    const steps = recorder.steps(caseId);
    const referral = commands[0];
    const severity = commands.find((command) => command.type === 'AssessSeverity');
    if (referral.type !== 'ReceiveReferral' || severity?.type !== 'AssessSeverity') throw new Error('unexpected story shape');
    const { type: _referral, ...referralData } = referral;
    const { type: _severity, caseId: _caseId, ...severityData } = severity;
    void _referral;
    void _severity;
    void _caseId;
    await recorder.record({
      type: 'CorrectRecord',
      caseId,
      correctsEventId: steps[0].eventId,
      reason: 'The referral was graded covert at intake.',
      replacement: { ...referralData, sensitivity: 'COVERT', corruptionCategories: ['DRUGS'] },
    });
    const assessed = steps.find((step) => step.type === 'SeverityAssessed');
    await recorder.record({
      type: 'CorrectRecord',
      caseId,
      correctsEventId: assessed?.eventId ?? 'missing',
      reason: 'The assessment recorded was the draft.',
      replacement: { ...severityData, level: 'MISCONDUCT' },
    });
    const head = formatPosition(await store.headPosition());
    await waitFor(
      () => runner.position(),
      (position) => formatPosition(position) === head,
    );

    const after = await rowOf(caseId);
    expect(after.sensitivity).toBe('COVERT');
    expect(after.item.subjects[0].severity).toBe('MISCONDUCT');
    // The allegations' categories still count: DRUGS first (the corrected referral), then theirs.
    expect(after.corruption_categories).toEqual(['DRUGS', 'UNAUTHORISED_DISCLOSURE']);
    await expectRowsToMatchTheDomain();
    await runner.stop();
  });

  it('rebuilds from the first event to exactly the rows it had', async () => {
    await recorder.recordAll([...SEED_STORIES, ...SEED_STORIES.map((story) => ({ commands: retarget(story, randomUUID(), { force: 'HAMPSHIRE' }) }))]);
    const runner = await project({ batchSize: 11 });
    const live = await rows();
    await runner.stop();
    const rebuilt = await new ProjectionRunner(store, pool, caseStatusProjection, { rebuildBatchSize: 5000 }).rebuild({ fresh: true });
    expect(rebuilt.generation).toBeGreaterThan(1);
    expect(await rows()).toEqual(live);
  });

  it('projects a thousand interleaved cases in big batches with a few statements each', async () => {
    const stories = Array.from({ length: 1000 }, (_, n) => ({
      commands: retarget(SEED_STORIES[n % SEED_STORIES.length], randomUUID(), { force: n % 2 === 0 ? 'HAMPSHIRE' : 'KENT' }),
    }));
    await recorder.recordAll(stories);
    const runner = await project();
    await runner.stop();
    expect((await rows()).length).toBe(1000);
    await expectRowsToMatchTheDomain();
    // Speed is measured by `npm run bench` (replay workload), never asserted here.
  }, 240_000);
});
