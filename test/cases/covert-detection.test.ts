/**
 * A covert case cannot be detected by a reader who may not see it (issue 11, item 13): not
 * by opening a case with its id, not by how long a refused history or export takes, not by
 * asking the ledger for a proof of one of its events.
 */
import { randomUUID } from 'node:crypto';
import { EventStore } from '../../src/event-store/event-store';
import type { Role } from '../../src/http/roles';
import { LedgerService } from '../../src/ledger/ledger.service';
import { LedgerSealer } from '../../src/ledger/sealer';
import { Vault } from '../../src/vault/vault';
import { bearer, TEST_JWT_SECRET } from '../http/support';
import { startTestApp, TestApp } from '../support/app';
import { referralBody, subjectBody } from './every-route';
import { eventsOf } from './support';
import { parsePosition } from '../../src/event-store/position';
import { poolFor } from '../support/database';
import { allCaughtUp } from '../support/read-models';
import { waitUntil } from '../resilience/service-process';

const PURPOSE = 'Reviewing the file for the misconduct meeting';

describe('covert cases cannot be detected', () => {
  let service: TestApp;

  beforeAll(async () => {
    service = await startTestApp({ LEDGER_JWT_SECRET: TEST_JWT_SECRET, LEDGER_SEAL_EVERY_EVENTS: '0', LEDGER_SEAL_INTERVAL_SECONDS: '0' });
  });

  afterAll(() => service.close());

  const token = (roles: Role[], force = 'HAMPSHIRE', userId: string = randomUUID()): string => bearer(service.config, { userId, roles, force });

  async function openCase(sensitivity: 'STANDARD' | 'COVERT', subjectPersonId: string = randomUUID()): Promise<{ caseId: string; position: string }> {
    const caseId = randomUUID();
    const acu = token(['ACU_INVESTIGATOR']);
    await service.http().post('/api/v1/cases').set('Authorization', acu).send(referralBody(caseId, { sensitivity })).expect(201);
    const added = await service
      .http()
      .post(`/api/v1/cases/${caseId}/subjects`)
      .set('Authorization', acu)
      .send(subjectBody(randomUUID(), { personId: subjectPersonId }))
      .expect(201);
    return { caseId, position: String(added.headers['x-ledger-position']) };
  }

  const read = (path: string, reader: string, position?: string) => {
    const request = service.http().get(`/api/v1/cases/${path}`).set('Authorization', reader).set('X-Access-Purpose', PURPOSE);
    return position === undefined ? request : request.set('X-Wait-For-Position', position);
  };

  describe('POST /cases with the id of an existing case', () => {
    it('answers a reader who may not see the case exactly as a read of it does, and appends nothing', async () => {
      const subject = randomUUID();
      const { caseId, position } = await openCase('COVERT', subject);
      const readers: [string, string][] = [
        [token(['PSD_INVESTIGATOR']), 'HAMPSHIRE'],
        [token(['DCC'], 'KENT'), 'KENT'],
        [token(['DCC'], 'HAMPSHIRE', subject), 'HAMPSHIRE'],
      ];
      for (const [reader, force] of readers) {
        const opened = await service.http().post('/api/v1/cases').set('Authorization', reader).send(referralBody(caseId, { force }));
        const readBack = await read(caseId, reader, position);
        expect(readBack.status).toBe(404);
        const answer = (response: { status: number; body: Record<string, unknown> }) => ({
          status: response.status,
          type: response.body.type,
          title: response.body.title,
          detail: response.body.detail,
        });
        expect(answer(opened)).toEqual(answer(readBack));
      }
      expect(await eventsOf(service, caseId)).toHaveLength(2);
    });

    it('still answers 409 caseAlreadyExists to a writer who may see the case', async () => {
      const { caseId } = await openCase('COVERT');
      const opened = await service
        .http()
        .post('/api/v1/cases')
        .set('Authorization', token(['ACU_INVESTIGATOR']))
        .send(referralBody(caseId));
      expect(opened.status).toBe(409);
      expect(opened.body.rule).toBe('caseAlreadyExists');
    });
  });

  describe('a refused history or export', () => {
    /** The work a request did: which streams it read and how, how much it decrypted, which seals it looked up. */
    async function workOf(request: () => Promise<unknown>, caseId: string): Promise<unknown[]> {
      const store = service.app.get(EventStore);
      const vault = service.app.get(Vault);
      const ledger = service.app.get(LedgerService);
      const reads = jest.spyOn(store, 'readStream');
      const opens = jest.spyOn(vault, 'open');
      const seals = jest.spyOn(ledger, 'latestSeal');
      try {
        await request();
        const caseReads = reads.mock.calls.filter(([name]) => name.endsWith(caseId)).map(([name, options]) => [name.replace(caseId, '<id>'), options]);
        return [caseReads, opens.mock.calls.length, seals.mock.calls.length];
      } finally {
        reads.mockRestore();
        opens.mockRestore();
        seals.mockRestore();
      }
    }

    it.each(['history', 'export'])('of an existing covert case loads and decrypts nothing more than one of an unknown id (%s)', async (route) => {
      const { caseId, position } = await openCase('COVERT');
      await service.app.get(LedgerSealer).sealNow();
      const psd = token(['PSD_INVESTIGATOR']);
      await read(`${caseId}/${route}`, psd, position).expect(404);
      // The spies count the whole service's calls: the search read model opens the vault as it
      // indexes the new case, in the background. Measured once every read model has it.
      const head = parsePosition(position);
      if (head === undefined) throw new Error(`not a position: ${position}`);
      const pool = poolFor(service.database, 2);
      try {
        await waitUntil(() => allCaughtUp(pool, head), 30_000, 'every read model at the case opened');
      } finally {
        await pool.end();
      }
      const unknown = randomUUID();
      const covertWork = await workOf(() => read(`${caseId}/${route}`, psd).expect(404), caseId);
      const unknownWork = await workOf(() => read(`${unknown}/${route}`, psd).expect(404), unknown);
      expect(covertWork).toEqual(unknownWork);
      // And one who may see it still gets it.
      await read(`${caseId}/${route}`, token(['DCC']), position).expect(200);
    });
  });

  describe('GET /ledger/proofs/inclusion', () => {
    it('proves only events of cases the reader may read, and answers any other as an unknown event', async () => {
      const covert = await openCase('COVERT');
      const standard = await openCase('STANDARD');
      await service.app.get(LedgerSealer).sealNow();
      const store = service.app.get(EventStore);
      const [covertEvent] = await store.readStream(`case-${covert.caseId}`, { maxCount: 1 });
      const [standardEvent] = await store.readStream(`case-${standard.caseId}`, { maxCount: 1 });
      const proof = (eventId: string, reader: string) =>
        service.http().get('/api/v1/ledger/proofs/inclusion').query({ eventId }).set('Authorization', reader).set('X-Wait-For-Position', covert.position);
      const inspector = token(['INSPECTOR'], '*');

      const refused = await proof(covertEvent.eventId, inspector);
      const unknownId = randomUUID();
      const unknown = await proof(unknownId, inspector);
      expect(refused.status).toBe(404);
      expect(refused.body.detail).toBe(unknown.body.detail.replace(unknownId, covertEvent.eventId));
      expect(JSON.stringify(refused.body)).not.toContain(covert.caseId);

      expect((await proof(standardEvent.eventId, inspector)).body.event.streamName).toBe(`case-${standard.caseId}`);
      expect((await proof(covertEvent.eventId, token(['AUDITOR'], '*'))).body.event.streamName).toBe(`case-${covert.caseId}`);
    });
  });
});
