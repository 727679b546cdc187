/**
 * Every read of a case, granted or refused, is recorded as CaseAccessed and shows in
 * `GET /access-log` (auditors: all; a DCC: their force's cases); reads do not wait for the
 * record to be appended; reads of an integrity record are recorded too; the DCC dashboard
 * shows unusual reading.
 */
import { randomUUID } from 'node:crypto';
import { EventStore } from '../../src/event-store/event-store';
import { bearer, TEST_JWT_SECRET } from '../http/support';
import { startTestApp, TestApp } from '../support/app';
import { accessLog, openCase, PURPOSE, recordedUpTo } from './access-support';

describe('recording reads', () => {
  let service: TestApp;
  let auditor: string;

  beforeAll(async () => {
    service = await startTestApp({ LEDGER_JWT_SECRET: TEST_JWT_SECRET });
    auditor = bearer(service.config, { userId: 'auditor-1', roles: ['AUDITOR'], force: '*' });
  });

  afterAll(() => service.close());

  const read = (path: string, token: string, position: string, purpose = PURPOSE) =>
    service.http().get(path).set('Authorization', token).set('X-Access-Purpose', purpose).set('X-Wait-For-Position', position);

  it('records granted and refused reads, with their purposes, and an auditor sees them newest first', async () => {
    const { caseId, position } = await openCase(service, 'HAMPSHIRE', 'COVERT');
    const reader = `psd-${randomUUID()}`;
    const psd = bearer(service.config, { userId: reader, roles: ['PSD_INVESTIGATOR'], force: 'HAMPSHIRE' });
    const kent = bearer(service.config, { userId: reader, roles: ['DCC'], force: 'KENT' });
    const dcc = bearer(service.config, { userId: reader, roles: ['DCC'], force: 'HAMPSHIRE' });
    await read(`/api/v1/cases/${caseId}`, psd, position, 'First look at the covert file').expect(404);
    await read(`/api/v1/cases/${caseId}/history`, kent, position, 'Looking across the border').expect(404);
    await read(`/api/v1/cases/${caseId}/export`, dcc, position, 'Export for the misconduct hearing').expect(200);
    const missing = randomUUID();
    await read(`/api/v1/cases/${missing}`, dcc, position).expect(404);

    const log = await accessLog(service, auditor, `userId=${reader}`);
    expect(log.status).toBe(200);
    expect(log.items.map(({ caseId: id, purpose, granted, reasonIfRefused }) => ({ id, purpose, granted, reasonIfRefused }))).toEqual([
      { id: missing, purpose: PURPOSE, granted: false, reasonIfRefused: 'caseNotFound' },
      { id: caseId, purpose: 'Export for the misconduct hearing', granted: true, reasonIfRefused: null },
      { id: caseId, purpose: 'Looking across the border', granted: false, reasonIfRefused: 'caseOfAnotherForce' },
      { id: caseId, purpose: 'First look at the covert file', granted: false, reasonIfRefused: 'covertCase' },
    ]);
    expect(log.items[3].role).toEqual(['PSD_INVESTIGATOR']);
    expect(log.items[0].userId).toBe(reader);
  });

  it('records a refusal for a declared conflict, and the conflict hides the case from lists', async () => {
    const { caseId, position } = await openCase(service, 'HAMPSHIRE', 'STANDARD');
    const userId = `aa-${randomUUID()}`;
    const token = bearer(service.config, { userId, roles: ['APPROPRIATE_AUTHORITY'], force: 'HAMPSHIRE' });
    await read(`/api/v1/cases/${caseId}`, token, position).expect(200);
    const declared = await service
      .http()
      .post(`/api/v1/cases/${caseId}/conflicts`)
      .set('Authorization', token)
      .send({ nature: 'NEIGHBOUR', details: 'Lives next door to the complainant' });
    expect(declared.status).toBe(201);
    expect(declared.body).toMatchObject({ caseId, events: [{ type: 'CaseConflictDeclared' }] });
    await read(`/api/v1/cases/${caseId}`, token, position).expect(403);
    const list = await service.http().get('/api/v1/cases?pageSize=100').set('Authorization', token).set('X-Wait-For-Position', position).expect(200);
    expect(list.body.items.map((item: { caseId: string }) => item.caseId)).not.toContain(caseId);

    const log = await accessLog(service, auditor, `caseId=${caseId}&userId=${userId}`);
    expect(log.items.map((item) => item.reasonIfRefused)).toEqual(['readerHasConflict', null]);
    const stored = await service.app.get(EventStore).readStream(`conflict-${caseId}`);
    expect(stored.map((event) => event.data)).toEqual([expect.objectContaining({ caseId, userId, nature: 'NEIGHBOUR' })]);
  });

  it('records a case read refused before the case is looked up: for the reader’s roles, or a missing or invalid purpose', async () => {
    const { caseId, position } = await openCase(service, 'HAMPSHIRE', 'STANDARD');
    const admin = `admin-${randomUUID()}`;
    const dcc = `dcc-${randomUUID()}`;
    const adminToken = bearer(service.config, { userId: admin, roles: ['ADMIN'], force: 'HAMPSHIRE' });
    const dccToken = bearer(service.config, { userId: dcc, roles: ['DCC'], force: 'HAMPSHIRE' });
    await read(`/api/v1/cases/${caseId}`, adminToken, position).expect(403);
    // ADMIN is told about its role first, whatever its purpose.
    await service.http().get(`/api/v1/cases/${caseId}/timeliness`).set('Authorization', adminToken).expect(403);
    await service.http().get(`/api/v1/cases/${caseId}/history`).set('Authorization', dccToken).expect(400);
    await read(`/api/v1/cases/${caseId}/export`, dccToken, position, 'curious').expect(400);
    await read(`/api/v1/cases/${caseId}`, dccToken, position).expect(200);

    const log = await accessLog(service, auditor, `caseId=${caseId}`);
    const refusals = log.items.map(({ userId, purpose, granted, reasonIfRefused }) => ({ userId, purpose, granted, reasonIfRefused }));
    expect(refusals).toHaveLength(5);
    expect(refusals).toEqual(
      expect.arrayContaining([
        { userId: admin, purpose: PURPOSE, granted: false, reasonIfRefused: 'roleMayNotReadCases' },
        { userId: admin, purpose: '', granted: false, reasonIfRefused: 'roleMayNotReadCases' },
        { userId: dcc, purpose: '', granted: false, reasonIfRefused: 'purposeMissing' },
        { userId: dcc, purpose: 'curious', granted: false, reasonIfRefused: 'purposeInvalid' },
        { userId: dcc, purpose: PURPOSE, granted: true, reasonIfRefused: null },
      ]),
    );
    expect(log.items.find((item) => item.userId === admin)?.role).toEqual(['ADMIN']);
    // Recorded against the case's force, though it was not looked up for the answer: the
    // force's DCC sees them, another force's does not.
    expect((await accessLog(service, dccToken, `caseId=${caseId}`)).total).toBe(5);
    expect((await accessLog(service, bearer(service.config, { roles: ['DCC'], force: 'KENT' }), `caseId=${caseId}`)).total).toBe(0);
  });

  it('shows the DCC a user refused for their role more than five times in a day', async () => {
    const { caseId, position } = await openCase(service, 'HAMPSHIRE', 'STANDARD');
    const admin = `admin-${randomUUID()}`;
    const token = bearer(service.config, { userId: admin, roles: ['ADMIN'], force: 'KENT' });
    for (let n = 0; n < 6; n += 1) await read(`/api/v1/cases/${caseId}`, token, position).expect(403);
    const recorded = await recordedUpTo(service);
    const dcc = bearer(service.config, { roles: ['DCC'], force: 'HAMPSHIRE' });
    const dashboard = await service.http().get('/api/v1/dashboards/dcc').set('Authorization', dcc).set('X-Wait-For-Position', recorded).expect(200);
    expect(dashboard.body.unusualReading).toContainEqual(
      expect.objectContaining({ userId: admin, refusedReads: 6, distinctCases: 1, outsideOwnForce: true, reasons: ['manyRefusals'] }),
    );
  });

  it('records a read of a person’s integrity record refused for the reader’s roles or purpose', async () => {
    const personId = randomUUID();
    const admin = `admin-${randomUUID()}`;
    await service
      .http()
      .get(`/api/v1/people/${personId}/integrity-record`)
      .set('Authorization', bearer(service.config, { userId: admin, roles: ['ADMIN'] }))
      .set('X-Access-Purpose', PURPOSE)
      .expect(403);
    await service
      .http()
      .get(`/api/v1/people/${personId}/integrity-record`)
      .set('Authorization', bearer(service.config, { userId: admin, roles: ['DCC'] }))
      .expect(400);
    const log = await accessLog(service, auditor, `userId=${admin}`);
    expect(log.items.map(({ personId: id, purpose, granted, reasonIfRefused }) => ({ id, purpose, granted, reasonIfRefused }))).toEqual(
      expect.arrayContaining([
        { id: personId, purpose: PURPOSE, granted: false, reasonIfRefused: 'roleMayNotReadRecords' },
        { id: personId, purpose: '', granted: false, reasonIfRefused: 'purposeMissing' },
      ]),
    );
    expect(log.total).toBe(2);
  });

  it('records a refused read of a person’s record against the person’s force', async () => {
    const personId = randomUUID();
    const psd = bearer(service.config, { roles: ['PSD_INVESTIGATOR'], force: 'HAMPSHIRE' });
    await service
      .http()
      .post(`/api/v1/people/${personId}/drug-tests`)
      .set('Authorization', psd)
      .send({ testedOn: '2024-02-02', kind: 'RANDOM', result: 'NEGATIVE' })
      .expect(201);
    const admin = `admin-${randomUUID()}`;
    await service
      .http()
      .get(`/api/v1/people/${personId}/integrity-record`)
      .set('Authorization', bearer(service.config, { userId: admin, roles: ['ADMIN'], force: 'KENT' }))
      .set('X-Access-Purpose', PURPOSE)
      .expect(403);
    await recordedUpTo(service);
    const stored = await service.app.get(EventStore).readAll({ filter: { eventTypes: ['PersonRecordAccessed'] } });
    expect(stored.events.map((event) => event.data)).toContainEqual(
      expect.objectContaining({ personId, userId: admin, personForce: 'HAMPSHIRE', reasonIfRefused: 'roleMayNotReadRecords' }),
    );
  });

  it('validates a declaration: a known nature, details of at most 500 characters', async () => {
    const token = bearer(service.config, { roles: ['PSD_INVESTIGATOR'], force: 'HAMPSHIRE' });
    const path = `/api/v1/cases/${randomUUID()}/conflicts`;
    await service.http().post(path).set('Authorization', token).send({ nature: 'COUSIN' }).expect(400);
    await service
      .http()
      .post(path)
      .set('Authorization', token)
      .send({ nature: 'OTHER', details: 'x'.repeat(501) })
      .expect(400);
    await service.http().post(path).set('Authorization', token).send({ nature: 'OTHER', userId: 'someone-else' }).expect(400);
    await service
      .http()
      .post(path)
      .set('Authorization', bearer(service.config, { roles: ['ADMIN'] }))
      .send({ nature: 'OTHER' })
      .expect(403);
  });

  it('lets a DCC see only reads of their own force’s cases, and nobody else but auditors', async () => {
    const hampshire = await openCase(service, 'HAMPSHIRE', 'STANDARD');
    const reader = bearer(service.config, { userId: `inspector-${randomUUID()}`, roles: ['INSPECTOR'], force: '*' });
    await read(`/api/v1/cases/${hampshire.caseId}`, reader, hampshire.position).expect(200);
    const ownDcc = bearer(service.config, { roles: ['DCC'], force: 'HAMPSHIRE' });
    const otherDcc = bearer(service.config, { roles: ['DCC'], force: 'KENT' });
    expect((await accessLog(service, ownDcc, `caseId=${hampshire.caseId}`)).items).toHaveLength(1);
    expect((await accessLog(service, otherDcc, `caseId=${hampshire.caseId}`)).items).toHaveLength(0);
    expect((await accessLog(service, reader, `caseId=${hampshire.caseId}`)).status).toBe(403);
    expect((await accessLog(service, auditor, 'from=yesterday')).status).toBe(400);
  });

  it('pages the log and filters it by time', async () => {
    const { caseId, position } = await openCase(service, 'KENT', 'STANDARD');
    const token = bearer(service.config, { roles: ['ACU_INVESTIGATOR'], force: 'KENT' });
    for (let n = 0; n < 3; n += 1) await read(`/api/v1/cases/${caseId}`, token, position).expect(200);
    const first = await accessLog(service, auditor, `caseId=${caseId}&pageSize=2`);
    const second = await accessLog(service, auditor, `caseId=${caseId}&pageSize=2&page=2`);
    expect([first.items.length, second.items.length, first.total]).toEqual([2, 1, 3]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await accessLog(service, auditor, `caseId=${caseId}&from=${today}&to=${today}`)).total).toBe(3);
    expect((await accessLog(service, auditor, `caseId=${caseId}&to=2020-01-01`)).total).toBe(0);
  });

  it('records reads of a person’s integrity record', async () => {
    const personId = randomUUID();
    const token = bearer(service.config, { userId: `dcc-${randomUUID()}`, roles: ['DCC'], force: 'HAMPSHIRE' });
    await service.http().get(`/api/v1/people/${personId}/integrity-record`).set('Authorization', token).set('X-Access-Purpose', PURPOSE).expect(404);
    const position = await recordedUpTo(service);
    const stored = await service.app.get(EventStore).readAll({ filter: { eventTypes: ['PersonRecordAccessed'] } });
    expect(stored.events.map((event) => event.data)).toContainEqual(
      expect.objectContaining({ personId, granted: false, reasonIfRefused: 'personNotFound', purpose: PURPOSE }),
    );
    expect(position).toBeDefined();
  });

  it('answers a granted read only once its record is in the store (a process killed after answering has recorded it)', async () => {
    const { caseId, position } = await openCase(service, 'HAMPSHIRE', 'STANDARD');
    const store = service.app.get(EventStore);
    const append = store.appendToStream.bind(store);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const slow = jest.spyOn(store, 'appendToStream').mockImplementation(async (streamName, events, options) => {
      if (streamName.startsWith('access-')) await held;
      return append(streamName, events, options);
    });
    try {
      const token = bearer(service.config, { roles: ['DCC'], force: 'HAMPSHIRE' });
      let answered = false;
      const reading = read(`/api/v1/cases/${caseId}`, token, position)
        .expect(200)
        .then(() => (answered = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(answered).toBe(false);
      release();
      await reading;
      // No flush, no waiting: the record was there before the answer.
      const recorded = (await store.readStream(`access-${new Date().toISOString().slice(0, 10)}`)).filter((event) => event.data.caseId === caseId);
      expect(recorded).toHaveLength(1);
    } finally {
      release();
      slow.mockRestore();
    }
    expect((await accessLog(service, auditor, `caseId=${caseId}`)).total).toBe(1);
  });

  it('shows the DCC a user refused more than five reads of the force’s cases in a day', async () => {
    const { caseId, position } = await openCase(service, 'HAMPSHIRE', 'COVERT');
    const prober = `prober-${randomUUID()}`;
    const token = bearer(service.config, { userId: prober, roles: ['PSD_INVESTIGATOR'], force: 'HAMPSHIRE' });
    for (let n = 0; n < 6; n += 1) await read(`/api/v1/cases/${caseId}`, token, position).expect(404);
    const recorded = await recordedUpTo(service);
    const dcc = bearer(service.config, { roles: ['DCC'], force: 'HAMPSHIRE' });
    const dashboard = await service.http().get('/api/v1/dashboards/dcc').set('Authorization', dcc).set('X-Wait-For-Position', recorded).expect(200);
    expect(dashboard.body.unusualReading).toContainEqual(
      expect.objectContaining({ userId: prober, refusedReads: 6, distinctCases: 1, outsideOwnForce: false, reasons: ['manyRefusals'] }),
    );
  });
});
