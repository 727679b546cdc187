import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { EventStore } from '../../src/event-store/event-store';
import { Role } from '../../src/http/roles';
import { signToken } from '../../src/http/token';
import { checkConsistencyProof, checkInclusionProof, ConsistencyProof, InclusionProof } from '../../src/ledger/proofs';
import { RecordedSeal } from '../../src/ledger/seal';
import { VerifyResult } from '../../src/ledger/verify';
import { startTestApp, TestApp } from '../support/app';

/**
 * The ledger endpoints through real HTTP, with the service's own sealer running in the
 * background (every 5 events).
 */
describe('ledger HTTP API', () => {
  let app: TestApp;
  let store: EventStore;
  // Streams that are no case: a case stream's events are proved only to readers of the case
  // (test/cases/covert-detection.test.ts), and these events make no case.
  const streams = [`proof-test-${randomUUID()}`, `proof-test-${randomUUID()}`];

  const bearer = (...roles: Role[]): string =>
    `Bearer ${signToken({ userId: 'auditor-1', name: 'A. Auditor', roles, force: '*', expiresInSeconds: 600 }, app.config.jwt)}`;

  /** One append, so the background sealer cannot seal half of it. */
  async function appendEvents(streamName: string, count: number): Promise<void> {
    const events = Array.from({ length: count }, (_, i) => ({ type: 'InvestigativeActionRecorded', data: { i } }));
    await store.appendToStream(streamName, events, { expectedRevision: 'any' });
  }

  /** The background sealer ticks every second. */
  async function waitForSeal(treeSize: number): Promise<RecordedSeal> {
    for (let waited = 0; waited < 15_000; waited += 100) {
      const response = await app.http().get('/api/v1/ledger/seals/latest').set('Authorization', bearer('INSPECTOR'));
      if (response.status === 200 && (response.body as RecordedSeal).treeSize >= treeSize) return response.body as RecordedSeal;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no seal of ${treeSize} events within 15 s`);
  }

  beforeAll(async () => {
    app = await startTestApp({ LEDGER_SEAL_EVERY_EVENTS: '5', LEDGER_SEAL_INTERVAL_SECONDS: '0' });
    store = app.app.get(EventStore);
  });

  afterAll(async () => {
    await app.close();
  });

  it('404 for the latest seal before anything was sealed', async () => {
    const response = await app.http().get('/api/v1/ledger/seals/latest').set('Authorization', bearer('AUDITOR'));
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('GET /ledger/verify: an AUDITOR sees a clean ledger verify, with counts', async () => {
    await appendEvents(streams[0], 6);
    const seal = await waitForSeal(6);
    expect(seal.treeSize).toBe(6);
    const response = await app.http().get('/api/v1/ledger/verify').set('Authorization', bearer('AUDITOR'));
    expect(response.status).toBe(200);
    expect(response.body as VerifyResult).toMatchObject({ ok: true, eventsChecked: 7, streamsChecked: 2, sealsChecked: 1, firstMismatch: null });
  });

  it('GET /ledger/verify needs the AUDITOR role and a token', async () => {
    expect((await app.http().get('/api/v1/ledger/verify').set('Authorization', bearer('INSPECTOR'))).status).toBe(403);
    expect((await app.http().get('/api/v1/ledger/verify').set('Authorization', bearer('PSD_INVESTIGATOR'))).status).toBe(403);
    expect((await app.http().get('/api/v1/ledger/verify')).status).toBe(401);
  });

  it('inclusion and consistency proofs that check out offline', async () => {
    const first = await waitForSeal(6);
    await appendEvents(streams[1], 5);
    const second = await waitForSeal(11);
    const [event] = await store.readStream(streams[0], { maxCount: 1 });

    const inclusion = await app.http().get('/api/v1/ledger/proofs/inclusion').query({ eventId: event.eventId }).set('Authorization', bearer('INSPECTOR'));
    expect(inclusion.status).toBe(200);
    const proof = inclusion.body as InclusionProof;
    expect(proof).toMatchObject({ leafIndex: 0, seal: { treeSize: second.treeSize }, event: { eventId: event.eventId, chainHash: event.hash } });
    expect(checkInclusionProof(proof)).toEqual({ valid: true });

    const older = await app
      .http()
      .get('/api/v1/ledger/proofs/inclusion')
      .query({ eventId: event.eventId, treeSize: first.treeSize })
      .set('Authorization', bearer('AUDITOR'));
    expect(checkInclusionProof(older.body as InclusionProof)).toEqual({ valid: true });

    const consistency = await app
      .http()
      .get('/api/v1/ledger/proofs/consistency')
      .query({ from: first.treeSize, to: second.treeSize })
      .set('Authorization', bearer('AUDITOR'));
    expect(consistency.status).toBe(200);
    expect(checkConsistencyProof(consistency.body as ConsistencyProof)).toEqual({ valid: true });
  });

  it('refuses malformed and impossible proof requests', async () => {
    const get = (path: string, query: Record<string, string | number>): Promise<{ status: number }> =>
      app
        .http()
        .get(`/api/v1/ledger/proofs/${path}`)
        .query(query)
        .set('Authorization', bearer('AUDITOR'))
        .then((response) => response);
    expect((await get('inclusion', { eventId: 'not-a-uuid' })).status).toBe(400);
    expect((await get('inclusion', { eventId: randomUUID() })).status).toBe(404);
    expect((await get('inclusion', { eventId: randomUUID(), extra: 1 })).status).toBe(400);
    expect((await get('consistency', { from: 'x', to: 6 })).status).toBe(400);
    expect((await get('consistency', { from: 11, to: 6 })).status).toBe(400);
    expect((await get('consistency', { from: 6, to: 7 })).status).toBe(404);
    expect((await app.http().get('/api/v1/ledger/proofs/inclusion').query({ eventId: randomUUID() }).set('Authorization', bearer('DCC'))).status).toBe(403);
  });

  it("GET /ledger/verify names an event altered behind the service's back", async () => {
    const [target] = await store.readStream(streams[1], { fromRevision: 1n, maxCount: 1 });
    const client = new Client({ connectionString: app.database.url });
    await client.connect();
    try {
      await client.query('SET session_replication_role = replica');
      await client.query(`UPDATE ledger_events SET data = '{"i": 999}' WHERE event_id = $1`, [target.eventId]);
    } finally {
      await client.end();
    }
    const response = await app.http().get('/api/v1/ledger/verify').set('Authorization', bearer('AUDITOR'));
    expect(response.status).toBe(200);
    expect(response.body as VerifyResult).toMatchObject({
      ok: false,
      firstMismatch: { kind: 'HASH_MISMATCH', position: target.position.commit.toString(), streamName: streams[1], revision: 1, eventId: target.eventId },
    });
  });
});
