/**
 * Issue 11, item 15: another force squatted a person's integrity record by recording in it
 * first (the first entry's force became the record's, and the person's own force was then
 * answered 404 for ever). A person's force is the force whose workforce holds them
 * (`POST /workforce/{force}/members`) where that is recorded: an entry by any other force is
 * refused, naming the rule, with nothing appended, and the holder records and reads.
 */
import { randomUUID } from 'node:crypto';
import { EventStore } from '../../src/event-store/event-store';
import { formatPosition } from '../../src/event-store/position';
import type { RecordedEvent } from '../../src/event-store/event-store';
import type { TestApp } from '../support/app';
import { bearer } from '../http/support';
import { post, startCasesApp } from '../cases/support';
import { recordedUpTo } from '../access/access-support';

const GIFT = { offeredOn: '2023-12-18', kind: 'HOSPITALITY', estimatedValuePence: 4500, offeredBy: 'A supplier', decision: 'NOT_APPROVED_BY_MANAGER' };
const PURPOSE = 'Vetting review of this officer before a move to the ACU.';

describe('a person whose record another force recorded in first', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startCasesApp();
  });

  afterAll(async () => {
    await app.close();
  });

  const eventsOf = (personId: string): Promise<RecordedEvent[]> => app.app.get(EventStore).readStream(`person-${personId}`);
  const recordGift = (personId: string, force: string, body: object = GIFT) =>
    post(app, `people/${personId}/gifts-and-hospitality`, body, { role: 'PSD_INVESTIGATOR', force, userId: `psd-${force}` });
  const joinWorkforce = (personId: string, force: string) =>
    post(app, `workforce/${force}/members`, { personId, joinedOn: '2015-09-01' }, { role: 'ADMIN', force, userId: `admin-${force}` });
  // Waits for the read models to hold every write so far: the holder is known from them.
  const readRecord = async (personId: string, force: string) =>
    app
      .http()
      .get(`/api/v1/people/${personId}/integrity-record`)
      .set('Authorization', bearer(app.config, { userId: `dcc-${force}`, roles: ['DCC'], force }))
      .set('X-Access-Purpose', PURPOSE)
      .set('X-Wait-For-Position', formatPosition(await app.app.get(EventStore).headPosition()));

  it('lets the force whose workforce holds the person record and read, and refuses the squatter', async () => {
    const personId = randomUUID();
    // SURREY records first in a HAMPSHIRE officer's record.
    expect((await recordGift(personId, 'SURREY')).status).toBe(201);
    expect((await joinWorkforce(personId, 'HAMPSHIRE')).status).toBe(201);

    const holder = await recordGift(personId, 'HAMPSHIRE');
    expect({ status: holder.status, rule: holder.body.rule as unknown }).toEqual({ status: 201, rule: undefined });
    const read = await readRecord(personId, 'HAMPSHIRE');
    expect(read.status).toBe(200);

    const before = await eventsOf(personId);
    const squatter = await recordGift(personId, 'SURREY');
    expect(squatter.status).toBe(404);
    expect(await eventsOf(personId)).toEqual(before);
    expect((await readRecord(personId, 'SURREY')).status).toBe(404);
  });

  it('records reads of the squatted record against the holder’s force, granted or refused', async () => {
    const personId = randomUUID();
    expect((await recordGift(personId, 'SURREY')).status).toBe(201);
    expect((await joinWorkforce(personId, 'HAMPSHIRE')).status).toBe(201);
    expect((await readRecord(personId, 'HAMPSHIRE')).status).toBe(200);
    const admin = `admin-${randomUUID()}`;
    const refused = await app
      .http()
      .get(`/api/v1/people/${personId}/integrity-record`)
      .set('Authorization', bearer(app.config, { userId: admin, roles: ['ADMIN'], force: 'KENT' }))
      .set('X-Access-Purpose', PURPOSE);
    expect(refused.status).toBe(403);
    await recordedUpTo(app);
    const stored = await app.app.get(EventStore).readAll({ filter: { eventTypes: ['PersonRecordAccessed'] } });
    const reads = stored.events.map((event) => event.data).filter((data) => data.personId === personId);
    expect(reads.map(({ userId, personForce, granted }) => ({ userId, personForce, granted }))).toEqual([
      { userId: 'dcc-HAMPSHIRE', personForce: 'HAMPSHIRE', granted: true },
      { userId: admin, personForce: 'HAMPSHIRE', granted: false },
    ]);
  });

  it('refuses a national recorder writing for a force that does not hold the person: 422 personHeldByAnotherForce, nothing appended', async () => {
    const personId = randomUUID();
    expect((await joinWorkforce(personId, 'HAMPSHIRE')).status).toBe(201);
    const national = await post(
      app,
      `people/${personId}/gifts-and-hospitality`,
      { ...GIFT, force: 'SURREY' },
      { role: 'PSD_INVESTIGATOR', force: '*', userId: 'psd-national' },
    );
    expect({ status: national.status, rule: national.body.rule as unknown }).toEqual({ status: 422, rule: 'personHeldByAnotherForce' });
    expect(await eventsOf(personId)).toEqual([]);
    // Before the holder records anything, another force cannot take the record either.
    expect((await recordGift(personId, 'SURREY')).status).toBe(404);
    expect(await eventsOf(personId)).toEqual([]);
    expect((await recordGift(personId, 'HAMPSHIRE')).status).toBe(201);
  });

  it('moves the person with their workforce: a transfer is a leaving recorded by the holder, then a joining', async () => {
    const personId = randomUUID();
    expect((await joinWorkforce(personId, 'HAMPSHIRE')).status).toBe(201);
    const taken = await joinWorkforce(personId, 'SURREY');
    expect({ status: taken.status, rule: taken.body.rule as unknown }).toEqual({ status: 422, rule: 'memberHeldByAnotherForce' });
    const left = await post(
      app,
      `workforce/HAMPSHIRE/members/${personId}/departure`,
      { leftOn: '2024-01-31' },
      { role: 'ADMIN', force: 'HAMPSHIRE', userId: 'admin-HAMPSHIRE' },
    );
    expect(left.status).toBe(201);
    expect((await joinWorkforce(personId, 'SURREY')).status).toBe(201);
    expect((await recordGift(personId, 'SURREY')).status).toBe(201);
    expect((await recordGift(personId, 'HAMPSHIRE')).status).toBe(404);
  });

  it('keeps the first entry deciding where no workforce record exists', async () => {
    const personId = randomUUID();
    expect((await recordGift(personId, 'HAMPSHIRE')).status).toBe(201);
    expect((await recordGift(personId, 'SURREY')).status).toBe(404);
  });
});
