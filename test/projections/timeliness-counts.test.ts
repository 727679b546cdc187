/**
 * The timeliness projection's counters (timeliness_counts), which the DCC dashboard reads
 * instead of counting a force's cases on every request, must always equal what counting the
 * rows themselves gives: through interleaved live batches, corrections that move a case to
 * another sensitivity or change an outcome, and a rebuild in other batch sizes.
 */
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import type { CaseCommand } from '../../src/cases/case.command-types';
import { SEED_STORIES } from '../../src/cases/seed-stories';
import { EventStore } from '../../src/event-store/event-store';
import { formatPosition } from '../../src/event-store/position';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store';
import { ProjectionRunner } from '../../projections/runner/projection-runner';
import { countedFacts } from '../../projections/common/timeliness-counts';
import { timelinessProjection } from '../../projections/timeliness/timeliness.projection';
import { bearer, TEST_JWT_SECRET } from '../http/support';
import { startTestApp, TestApp } from '../support/app';
import { CaseRecorder, retarget } from './case-story-support';

const SENSITIVITIES = ['STANDARD', 'RESTRICTED', 'COVERT'] as const;
const FORCES = ['HAMPSHIRE', 'KENT'] as const;

type Counter = { force: string; sensitivity: string; measure: string; key: string; n: number };

/** The counters as kept, and as counting the rows gives them: each sorted, zeros left out. */
async function countersAndRows(pool: Pool): Promise<{ kept: Counter[]; counted: Counter[] }> {
  const order = 'ORDER BY force, sensitivity, measure, key';
  const kept = await pool.query<Counter>(`SELECT force, sensitivity, measure, key, n FROM timeliness_counts WHERE n <> 0 ${order}`);
  const counted = await pool.query<Counter>(
    `SELECT force, sensitivity, measure, key, count(*)::int AS n
       FROM (${countedFacts('timeliness_cases', 'timeliness_subjects', 'timeliness_deadlines')}) AS fact
      GROUP BY force, sensitivity, measure, key ${order}`,
  );
  return { kept: kept.rows, counted: counted.rows };
}

describe('timeliness counters', () => {
  let service: TestApp;
  let recorder: CaseRecorder;
  let pool: Pool;

  beforeAll(async () => {
    service = await startTestApp({ LEDGER_JWT_SECRET: TEST_JWT_SECRET });
    recorder = new CaseRecorder(service.app.get(EventStore));
    pool = new Pool({ connectionString: service.database.url, max: 4 });
  });

  afterAll(async () => {
    await pool.end();
    await service.close();
  });

  /** Waits, through the dashboard, until the timeliness projection has read everything recorded. */
  async function caughtUp(): Promise<void> {
    await service
      .http()
      .get('/api/v1/dashboards/dcc?force=HAMPSHIRE')
      .set('Authorization', bearer(service.config, { roles: ['DCC'], force: '*' }))
      .set('X-Wait-For-Position', formatPosition(recorder.lastPosition))
      .expect(200);
  }

  it('equal the rows they count through live batches, corrections and a rebuild', async () => {
    // Every seed story, twice, in both forces and every sensitivity, recorded side by side so
    // that the projection's batches hold parts of many cases.
    const stories = SEED_STORIES.flatMap((story, index) =>
      [0, 1].map((copy) => {
        const caseId = randomUUID();
        return { caseId, commands: retarget(story, caseId, { force: FORCES[(index + copy) % 2], sensitivity: SENSITIVITIES[(index + copy) % 3] }) };
      }),
    );
    // One story where a serving officer is dismissed stops there (what follows a dismissal,
    // the barred list, would not follow the corrected outcome) and is corrected below.
    const held = stories.find(({ commands }) => commands.some(endsInDismissal));
    if (held === undefined) throw new Error('no seed story dismisses a serving officer');
    const heldCommands = held.commands.slice(0, held.commands.findIndex(endsInDismissal) + 1);
    await recorder.recordAll(stories.map((story) => (story === held ? { commands: heldCommands } : story)));
    await caughtUp();
    const live = await countersAndRows(pool);
    expect(live.kept.length).toBeGreaterThan(0);
    expect(live.kept).toEqual(live.counted);

    // A referral re-graded moves its case's counts to another sensitivity; an outcome
    // corrected from dismissal takes a finding out of the dismissed.
    const steps = recorder.steps(held.caseId);
    const { type: _referral, ...referral } = held.commands[0] as Extract<CaseCommand, { type: 'ReceiveReferral' }>;
    await recorder.record({
      type: 'CorrectRecord',
      caseId: held.caseId,
      correctsEventId: steps[0].eventId,
      reason: 'The referral was graded wrongly at intake.',
      replacement: { ...referral, sensitivity: referral.sensitivity === 'COVERT' ? 'STANDARD' : 'COVERT' },
    });
    const conclusions = heldCommands.filter((command) => command.type === 'ConcludeProceedings');
    const dismissal = conclusions.length - 1;
    const { type: _conclusion, caseId: _case, ...conclusion } = conclusions[dismissal] as Extract<CaseCommand, { type: 'ConcludeProceedings' }>;
    await recorder.record({
      type: 'CorrectRecord',
      caseId: held.caseId,
      correctsEventId: steps.filter((step) => step.type === 'ProceedingsConcluded')[dismissal].eventId,
      reason: 'The panel imposed a final written warning.',
      replacement: { ...conclusion, outcome: 'FINAL_WRITTEN_WARNING' },
    });
    await caughtUp();
    const corrected = await countersAndRows(pool);
    expect(corrected.kept).toEqual(corrected.counted);
    expect(corrected.kept).not.toEqual(live.kept);

    // A rebuild in small batches (cases split across them) keeps the same counters.
    const store = new PostgresEventStore(pool);
    try {
      await new ProjectionRunner(store, pool, timelinessProjection, { rebuildBatchSize: 7 }).rebuild({ fresh: true });
    } finally {
      await store.close();
    }
    const rebuilt = await countersAndRows(pool);
    expect(rebuilt.kept).toEqual(corrected.kept);
  });
});

function endsInDismissal(command: CaseCommand): boolean {
  return command.type === 'ConcludeProceedings' && command.outcome.startsWith('DISMISSAL_') && !command.formerOfficer;
}
