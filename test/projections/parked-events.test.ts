/**
 * Issue 11, item 1, third layer: a projection that still cannot apply an event parks it
 * (a dead letter naming the projection, the event and the error), carries on with the later
 * events, and /health says `degraded` naming the parked event; a rebuild stops at that
 * event and says where, instead of retrying it for ever.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Pool } from 'pg';
import { EventStore } from '../../src/event-store/event-store';
import type { RecordedEvent } from '../../src/event-store/event-store';
import { formatPosition } from '../../src/event-store/position';
import type { ProjectionDefinition } from '../../projections/runner/projection';
import { ProjectionRunner } from '../../projections/runner/projection-runner';
import { ProjectionsModule } from '../../projections/runner/projections.module';
import { referralBody } from '../cases/every-route';
import { post } from '../cases/support';
import { TEST_JWT_SECRET } from '../http/support';
import { startTestApp, TestApp } from '../support/app';
import { poolFor } from '../support/database';

/** The case whose opening the probe cannot apply, as a projection with a bug would. */
const POISON_CASE = randomUUID();

const isPoison = (event: RecordedEvent): boolean => event.streamName === `case-${POISON_CASE}` && event.type === 'ReferralReceived';

/** A read model for this test only: the cases opened, failing on one of them every time. */
const probe: ProjectionDefinition = {
  name: 'poison-probe',
  version: 1,
  filter: { streamNamePrefixes: ['case-'] },
  tables: [{ name: 'poison_probe_cases', ddl: (table) => [`CREATE TABLE ${table} (stream_name text PRIMARY KEY)`] }],
  async apply(events, context) {
    const opened = events.filter((event) => event.type === 'ReferralReceived');
    if (opened.some(isPoison)) throw new RangeError('Invalid time value');
    await context.client.query(`INSERT INTO ${context.table('poison_probe_cases')} (stream_name) SELECT unnest($1::text[])`, [
      opened.map((event) => event.streamName),
    ]);
  },
};

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last value ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('a projection that cannot apply an event', () => {
  let service: TestApp;
  let pool: Pool;

  beforeAll(async () => {
    service = await startTestApp({ LEDGER_JWT_SECRET: TEST_JWT_SECRET }, { extraModules: [ProjectionsModule.forRoot([probe])] });
    pool = poolFor(service.database, 4);
  });

  afterAll(async () => {
    await pool.end();
    await service.close();
  });

  const projected = async (): Promise<string[]> => {
    try {
      const { rows } = await pool.query<{ stream_name: string }>('SELECT stream_name FROM poison_probe_cases');
      return rows.map((row) => row.stream_name);
    } catch (error) {
      // The probe's view appears once the runner has created its first generation.
      if ((error as { code?: string }).code === '42P01') return [];
      throw error;
    }
  };

  it('parks it, goes on with the later events, and /health says degraded naming it', async () => {
    const before = randomUUID();
    const after = randomUUID();
    expect((await post(service, 'cases', referralBody(before))).status).toBe(201);
    const poisoned = await post(service, 'cases', referralBody(POISON_CASE));
    expect(poisoned.status).toBe(201);
    expect((await post(service, 'cases', referralBody(after))).status).toBe(201);

    const cases = await waitFor(projected, (streams) => streams.includes(`case-${after}`));
    expect(cases.sort()).toEqual([`case-${before}`, `case-${after}`].sort());

    const [opening] = await service.app.get(EventStore).readStream(`case-${POISON_CASE}`);
    // The service's own read models catch up too (on a loaded machine, a moment after the probe).
    const othersCaughtUp = (body: { projections: Record<string, { lag: number }> }): boolean =>
      Object.entries(body.projections).every(([name, projection]) => name === 'poison-probe' || projection.lag === 0);
    const health = await waitFor(
      () => service.http().get('/health'),
      (response) => othersCaughtUp(response.body as { projections: Record<string, { lag: number }> }),
    );
    expect(health.body.status).toBe('degraded');
    expect(health.body.parkedEvents).toEqual([
      expect.objectContaining({
        projection: 'poison-probe',
        eventId: opening.eventId,
        position: formatPosition(opening.position),
        type: 'ReferralReceived',
      }),
    ]);
    // /health is public: where the event is, not what went wrong with it.
    expect(JSON.stringify(health.body)).not.toContain('Invalid time value');
    // The service's own read models are not held back by the probe's failure.
    for (const [name, projection] of Object.entries(health.body.projections as Record<string, { lag: number }>)) {
      if (name !== 'poison-probe') expect({ name, lag: projection.lag }).toEqual({ name, lag: 0 });
    }
  });

  it('keeps the dead letter: projection, event id, position, type, error and when', async () => {
    const { rows } = await pool.query('SELECT * FROM projection_parked_events');
    expect(rows).toEqual([
      expect.objectContaining({
        projection: 'poison-probe',
        event_type: 'ReferralReceived',
        error: 'RangeError: Invalid time value',
        parked_at: expect.any(Date),
      }),
    ]);
  });

  it('is listed by `npm run projections -- status` with its id, position and error', async () => {
    const [opening] = await service.app.get(EventStore).readStream(`case-${POISON_CASE}`);
    const status = spawnSync('node', ['-r', 'ts-node/register/transpile-only', 'scripts/projections.ts', 'status'], {
      cwd: path.resolve(__dirname, '../..'),
      env: { ...process.env, DATABASE_URL: service.database.url },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(status.status).toBe(0);
    const report = JSON.parse(status.stdout) as { projections: { name: string; parkedEvents: unknown[] }[] };
    expect(report.projections.find((projection) => projection.name === 'poison-probe')?.parkedEvents).toEqual([
      expect.objectContaining({
        eventId: opening.eventId,
        position: formatPosition(opening.position),
        type: 'ReferralReceived',
        error: 'RangeError: Invalid time value',
      }),
    ]);
    for (const projection of report.projections)
      if (projection.name !== 'poison-probe') expect({ name: projection.name, parked: projection.parkedEvents }).toEqual({ name: projection.name, parked: [] });
  });

  it('stops a rebuild at the event and says where, instead of retrying it', async () => {
    const [opening] = await service.app.get(EventStore).readStream(`case-${POISON_CASE}`);
    const runner = new ProjectionRunner(service.app.get(EventStore), pool, probe);
    const rebuilt = runner.rebuild({ fresh: true });
    await expect(rebuilt).rejects.toThrow(
      `poison-probe cannot apply event ${opening.eventId} (ReferralReceived) at position ${formatPosition(opening.position)}: RangeError: Invalid time value`,
    );
  });
});
