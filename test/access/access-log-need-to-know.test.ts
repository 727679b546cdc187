/**
 * `GET /access-log` and the DCC dashboard's unusual-reading figures apply the case read
 * rules to every entry they show and count (issue 11, item 2): a DCC who is a subject of a
 * COVERT case learns nothing of it from the log (not its id, nor who read it, nor why); a
 * DCC who declared a conflict on a case does not see its reads; an inspector's dashboard
 * does not count refused reads of covert cases.
 */
import { randomUUID } from 'node:crypto';
import type { Role } from '../../src/http/roles';
import { referralBody, subjectBody } from '../cases/every-route';
import { bearer, TEST_JWT_SECRET } from '../http/support';
import { startTestApp, TestApp } from '../support/app';
import { accessLog, PURPOSE, recordedUpTo } from './access-support';

const COVERT_PURPOSE = 'Reviewing the covert surveillance authority';

describe('the access log and unusual reading follow need-to-know', () => {
  let service: TestApp;

  beforeAll(async () => {
    service = await startTestApp({ LEDGER_JWT_SECRET: TEST_JWT_SECRET });
  });

  afterAll(() => service.close());

  const token = (roles: Role[], userId: string = randomUUID(), force = 'HAMPSHIRE'): string => bearer(service.config, { userId, roles, force });
  const acu = (): string => token(['ACU_INVESTIGATOR']);

  /** Opens a HAMPSHIRE case with one subject, the person `subjectPersonId`; answers the position after it. */
  async function openCase(sensitivity: 'STANDARD' | 'COVERT', subjectPersonId: string): Promise<{ caseId: string; position: string }> {
    const caseId = randomUUID();
    await service.http().post('/api/v1/cases').set('Authorization', acu()).send(referralBody(caseId, { sensitivity })).expect(201);
    const added = await service
      .http()
      .post(`/api/v1/cases/${caseId}/subjects`)
      .set('Authorization', acu())
      .send(subjectBody(randomUUID(), { personId: subjectPersonId }))
      .expect(201);
    return { caseId, position: String(added.headers['x-ledger-position']) };
  }

  const read = (caseId: string, reader: string, position: string, purpose = PURPOSE) =>
    service.http().get(`/api/v1/cases/${caseId}`).set('Authorization', reader).set('X-Access-Purpose', purpose).set('X-Wait-For-Position', position);

  it('hides a covert case’s reads from a DCC who is its subject: no id, no reader, no purpose, not counted', async () => {
    const dccUser = randomUUID();
    const covert = await openCase('COVERT', dccUser);
    const reader = randomUUID();
    await read(covert.caseId, token(['ACU_INVESTIGATOR'], reader), covert.position, COVERT_PURPOSE).expect(200);
    await read(covert.caseId, token(['PSD_INVESTIGATOR']), covert.position).expect(404);
    const subjectDcc = token(['DCC'], dccUser);
    // The subject gets 404 on the case itself...
    await read(covert.caseId, subjectDcc, covert.position).expect(404);

    // ...and nothing of it from the log, whichever way they ask.
    const everything = await accessLog(service, subjectDcc, 'pageSize=500');
    expect(everything.status).toBe(200);
    expect(everything.items.map((item) => item.caseId)).not.toContain(covert.caseId);
    expect(everything.items.map((item) => item.purpose)).not.toContain(COVERT_PURPOSE);
    expect(everything.items.map((item) => item.userId)).not.toContain(reader);
    expect(await accessLog(service, subjectDcc, `caseId=${covert.caseId}`)).toMatchObject({ items: [], total: 0 });
    expect(await accessLog(service, subjectDcc, `userId=${reader}`)).toMatchObject({ items: [], total: 0 });

    // Another DCC of the force sees them all.
    const otherDcc = await accessLog(service, token(['DCC']), `caseId=${covert.caseId}`);
    expect(otherDcc.total).toBe(3);
    expect(otherDcc.items.map((item) => item.purpose)).toContain(COVERT_PURPOSE);
  });

  it('hides a case’s reads from a DCC who declared a conflict on it', async () => {
    const standard = await openCase('STANDARD', randomUUID());
    await read(standard.caseId, token(['PSD_INVESTIGATOR']), standard.position).expect(200);
    const dccUser = randomUUID();
    const conflicted = token(['DCC'], dccUser);
    expect((await accessLog(service, conflicted, `caseId=${standard.caseId}`)).total).toBe(1);
    await service.http().post(`/api/v1/cases/${standard.caseId}/conflicts`).set('Authorization', conflicted).send({ nature: 'RELATIVE' }).expect(201);

    expect(await accessLog(service, conflicted, `caseId=${standard.caseId}`)).toMatchObject({ items: [], total: 0 });
    const everything = await accessLog(service, conflicted, 'pageSize=500');
    expect(everything.items.map((item) => item.caseId)).not.toContain(standard.caseId);
    expect((await accessLog(service, token(['DCC']), `caseId=${standard.caseId}`)).total).toBe(1);
  });

  it('counts refused reads of a covert case as unusual reading only for readers who may see the case', async () => {
    const subjectDccUser = randomUUID();
    const covert = await openCase('COVERT', subjectDccUser);
    const prober = randomUUID();
    const psd = token(['PSD_INVESTIGATOR'], prober);
    for (let n = 0; n < 6; n += 1) await read(covert.caseId, psd, covert.position).expect(404);
    const recorded = await recordedUpTo(service);
    const dashboard = async (reader: string) =>
      (await service.http().get('/api/v1/dashboards/dcc').set('Authorization', reader).set('X-Wait-For-Position', recorded).expect(200)).body
        .unusualReading as { userId: string }[];

    expect(await dashboard(token(['DCC']))).toContainEqual(expect.objectContaining({ userId: prober, refusedReads: 6, reasons: ['manyRefusals'] }));
    expect((await dashboard(token(['INSPECTOR']))).map((entry) => entry.userId)).not.toContain(prober);
    expect((await dashboard(token(['DCC'], subjectDccUser))).map((entry) => entry.userId)).not.toContain(prober);
  });
});
