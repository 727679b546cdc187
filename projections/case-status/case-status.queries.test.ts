import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import type { CaseEvent } from '../../src/cases/case.events';
import { investigatedCase, referral, subjectAdded } from '../../src/cases/testing/case-fixtures';
import { caseStreamName, occurredAt, toJsonObject } from '../../src/cases/case.stream';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store';
import { LondonClock } from '../../src/common/clock';
import { createTestDatabase, poolFor } from '../../test/support/database';
import type { TestDatabase } from '../../test/support/database';
import { ProjectionRunner } from '../runner/projection-runner';
import { caseStatusProjection } from './case-status.projection';
import { CaseStatusQueries } from './case-status.queries';

/** Opens a case stream with these events, as the one write path would have appended them. */
async function record(store: PostgresEventStore, caseId: string, events: CaseEvent[]): Promise<void> {
  await store.appendToStream(
    caseStreamName(caseId),
    events.map((one) => ({
      eventId: randomUUID(),
      type: one.type,
      data: toJsonObject(one.data),
      metadata: { occurredAt: occurredAt(one, ''), schemaVersion: 1 },
    })),
    { expectedRevision: 'no_stream' },
  );
}

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
    await record(store, caseId, [referral({ caseId, receivedOn: '2021-01-04' })]);
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

/**
 * A total the counters give (a filter on force, sensitivity, stage or type) is the number of
 * cases the list would page through: need-to-know's hidden cases (about the reader, declared
 * a conflict on) taken out, as a total counted row by row takes them out.
 */
describe('case-status totals from its counters', () => {
  let database: TestDatabase;
  let pool: Pool;
  let store: PostgresEventStore;
  let queries: CaseStatusQueries;
  const reader = 'person-reading';
  const conflicted = randomUUID();

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = poolFor(database, 4);
    store = new PostgresEventStore(pool);
    for (const [force, sensitivity, caseType] of [
      ['KENT', 'STANDARD', 'CONDUCT_MATTER'],
      ['KENT', 'RESTRICTED', 'COMPLAINT'],
      ['KENT', 'COVERT', 'CORRUPTION_INTELLIGENCE'],
      ['ESSEX', 'STANDARD', 'COMPLAINT'],
    ] as const) {
      const caseId = randomUUID();
      await record(store, caseId, [referral({ caseId, force, sensitivity, caseType })]);
    }
    const investigated = randomUUID();
    await record(store, investigated, [referral({ caseId: investigated, force: 'KENT' }), ...investigatedCase().slice(1)]);
    const aboutReader = randomUUID();
    await record(store, aboutReader, [referral({ caseId: aboutReader, force: 'KENT' }), subjectAdded('subject-reader', { personId: reader })]);
    await record(store, conflicted, [referral({ caseId: conflicted, force: 'KENT', caseType: 'COMPLAINT', sensitivity: 'RESTRICTED' })]);
    await new ProjectionRunner(store, pool, caseStatusProjection).rebuild();
    queries = new CaseStatusQueries(pool, Object.assign(new LondonClock(), { today: () => '2025-01-01' }));
  });

  afterAll(async () => {
    await store.close();
    await pool.end();
    await database.drop();
  });

  const scopes = [
    {
      force: null,
      sensitivities: ['STANDARD' as const, 'RESTRICTED' as const, 'COVERT' as const],
      excludeSubjectPersonId: reader,
      excludeCaseIds: [conflicted],
    },
    { force: 'KENT', sensitivities: ['STANDARD' as const, 'RESTRICTED' as const], excludeSubjectPersonId: 'someone else', excludeCaseIds: [] },
    { force: 'KENT', sensitivities: ['STANDARD' as const], excludeSubjectPersonId: reader, excludeCaseIds: [] },
  ];
  const filters = [{}, { force: 'KENT' }, { force: 'ESSEX' }, { stage: 'ASSESSMENT' }, { caseType: 'COMPLAINT' }, { force: 'KENT', stage: 'INVESTIGATION' }];

  it.each(scopes.flatMap((scope) => filters.map((filter) => [scope, filter] as const)))('totals %j with %j as the pages list them', async (scope, filter) => {
    const listed = await queries.list({ ...filter, page: 1, pageSize: 100 }, scope);
    expect(listed.total).toBe(listed.items.length);
  });

  it('counts the hidden cases out', async () => {
    const everything = scopes[0].sensitivities;
    const total = async (excludeSubjectPersonId: string, excludeCaseIds: string[]) =>
      (await queries.list({ page: 1, pageSize: 1 }, { force: null, sensitivities: everything, excludeSubjectPersonId, excludeCaseIds })).total;
    expect(await total('nobody', [])).toBe(7);
    expect(await total(reader, [])).toBe(6);
    expect(await total(reader, [conflicted])).toBe(5);
  });
});
