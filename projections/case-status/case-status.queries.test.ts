import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { referral } from '../../src/cases/testing/case-fixtures';
import { caseStreamName, occurredAt, toJsonObject } from '../../src/cases/case.stream';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store';
import { LondonClock } from '../../src/common/clock';
import { createTestDatabase, poolFor } from '../../test/support/database';
import type { TestDatabase } from '../../test/support/database';
import { ProjectionRunner } from '../runner/projection-runner';
import { caseStatusProjection } from './case-status.projection';
import { CaseStatusQueries } from './case-status.queries';

/**
 * The case list judges nextDeadline and overdue from the timeliness read model's views. Until
 * timeliness has made its first generation (a first start, or a service run without it) those
 * views do not exist: the cases are still listed and found, without deadlines.
 */
describe('case-status reads before the timeliness read model exists', () => {
  let database: TestDatabase;
  let pool: Pool;
  let store: PostgresEventStore;
  let queries: CaseStatusQueries;
  const caseId = randomUUID();
  const scope = { force: null, sensitivities: ['STANDARD' as const], excludeSubjectPersonId: 'nobody', excludeCaseIds: [] };

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = poolFor(database, 4);
    store = new PostgresEventStore(pool);
    const opened = referral({ caseId, receivedOn: '2021-01-04' });
    await store.appendToStream(
      caseStreamName(caseId),
      [{ eventId: randomUUID(), type: opened.type, data: toJsonObject(opened.data), metadata: { occurredAt: occurredAt(opened, ''), schemaVersion: 1 } }],
      { expectedRevision: 'no_stream' },
    );
    await new ProjectionRunner(store, pool, caseStatusProjection).rebuild();
    queries = new CaseStatusQueries(pool, Object.assign(new LondonClock(), { today: () => '2025-01-01' }));
  });

  afterAll(async () => {
    await store.close();
    await pool.end();
    await database.drop();
  });

  it('finds the case, with no next deadline and not overdue', async () => {
    const found = await queries.find(caseId);
    expect(found?.value).toMatchObject({ caseId, nextDeadline: null, overdue: false });
  });

  it('lists it, and ?overdue= sees nothing overdue', async () => {
    const page = { page: 1, pageSize: 10 };
    expect((await queries.list(page, scope)).items.map((item) => [item.caseId, item.nextDeadline, item.overdue])).toEqual([[caseId, null, false]]);
    expect((await queries.list({ ...page, overdue: true }, scope)).total).toBe(0);
    expect((await queries.list({ ...page, overdue: false }, scope)).total).toBe(1);
  });
});
