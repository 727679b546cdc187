import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import type { CaseEvent } from '../../src/cases/case.events';
import { event } from '../../src/cases/case.rules';
import { casesNaming } from '../../src/cases/sanction-history.reader';
import { caseStreamName, occurredAt, toJsonObject } from '../../src/cases/case.stream';
import { referral, subjectAdded, subjectData } from '../../src/cases/testing/case-fixtures';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store';
import { createTestDatabase, poolFor } from '../support/database';
import type { TestDatabase } from '../support/database';

/**
 * The cases a person's sanction history is read from (src/cases/sanction-history.reader.ts):
 * those whose SubjectAdded names them, or whose correction of a subject names them instead,
 * found by what the events say (an index), among many cases of other people.
 */
describe('the cases naming a person, for their sanction history', () => {
  let database: TestDatabase;
  let pool: Pool;
  let store: PostgresEventStore;
  const person = `person-${randomUUID()}`;
  const [named, correctedTo, others] = [randomUUID(), randomUUID(), Array.from({ length: 30 }, () => randomUUID())];

  const open = async (caseId: string, events: CaseEvent[]): Promise<string[]> => {
    const result = await store.appendToStream(
      caseStreamName(caseId),
      [referral({ caseId }), ...events].map((one) => ({
        eventId: randomUUID(),
        type: one.type,
        data: toJsonObject(one.data),
        metadata: { occurredAt: occurredAt(one, ''), schemaVersion: 1 },
      })),
      { expectedRevision: 'no_stream' },
    );
    return result.events.map((appended) => appended.eventId);
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = poolFor(database, 4);
    store = new PostgresEventStore(pool);
    for (const other of others) await open(other, [subjectAdded('s1', { personId: `someone-${other}` })]);
    await open(named, [subjectAdded('s1', { personId: person })]);
    const [, wrongSubject] = await open(correctedTo, [subjectAdded('s1', { personId: 'the wrong person' })]);
    await store.appendToStream(
      caseStreamName(correctedTo),
      [
        {
          eventId: randomUUID(),
          type: 'RecordCorrected',
          data: toJsonObject(
            event('RecordCorrected', {
              correctsEventId: wrongSubject,
              reason: 'the wrong officer was named',
              replacement: subjectData('s1', { personId: person }),
            }).data,
          ),
          metadata: { occurredAt: '2024-01-01T00:00:00.000Z', schemaVersion: 1 },
        },
      ],
      { expectedRevision: 1n },
    );
  });

  afterAll(async () => {
    await store.close();
    await pool.end();
    await database.drop();
  });

  it('finds the case naming them and the one corrected to name them, and no other', async () => {
    expect((await casesNaming(store, person)).sort()).toEqual([named, correctedTo].sort());
  });

  it('finds nothing for a person no case names', async () => {
    expect(await casesNaming(store, `nobody-${randomUUID()}`)).toEqual([]);
  });

  it('has the index that answers by the person (at ten million events: 1.5 ms, where reading every subject took 24 s)', async () => {
    const { rows } = await pool.query<{ indexdef: string }>(`SELECT indexdef FROM pg_indexes WHERE indexname = 'ledger_events_subject_data'`);
    expect(rows[0]?.indexdef).toMatch(
      /USING gin \(data jsonb_path_ops\).*WHERE \(event_type = ANY \(ARRAY\['SubjectAdded'::text, 'RecordCorrected'::text\]\)\)/,
    );
  });
});
