/**
 * A declared conflict of interest (`POST /cases/{caseId}/conflicts`) over HTTP: from then on
 * its author may not record steps on the case either, and the declaration's free-text
 * details reach the ledger only sealed by the vault, under the declarer's own key.
 */
import { randomUUID } from 'node:crypto';
import { EventStore } from '../../src/event-store/event-store';
import { Vault } from '../../src/vault/vault';
import { referralBody, subjectBody } from '../cases/every-route';
import { eventsOf, post, PROBLEM_JSON, serviceForThisFile } from '../cases/support';
import { poolFor } from '../support/database';

const DETAILS = 'Lives next door to the complainant and plays in the same five-a-side team';

describe('a declared conflict of interest', () => {
  const service = serviceForThisFile();

  async function openCase(): Promise<string> {
    const caseId = randomUUID();
    expect((await post(service.app, 'cases', referralBody(caseId))).status).toBe(201);
    return caseId;
  }

  it('refuses its author any command on the case (403, naming the conflict), and appends nothing', async () => {
    const caseId = await openCase();
    const author = { userId: `psd-${randomUUID()}` };
    expect((await post(service.app, `cases/${caseId}/subjects`, subjectBody(randomUUID()), author)).status).toBe(201);
    expect((await post(service.app, `cases/${caseId}/conflicts`, { nature: 'RELATIVE' }, author)).status).toBe(201);

    const refused = await post(service.app, `cases/${caseId}/subjects`, subjectBody(randomUUID()), author);
    expect(refused.status).toBe(403);
    expect(refused.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(refused.body).toMatchObject({
      reason: 'readerHasConflict',
      detail: 'You declared a conflict of interest on this case, so you may not record steps on it.',
    });
    const closing = await post(service.app, `cases/${caseId}/close`, { on: '2021-04-01', reason: 'Nothing more to do on it.' }, author);
    expect(closing.status).toBe(403);
    expect(await eventsOf(service.app, caseId)).toHaveLength(2);

    // Only its author, and only on that case.
    expect((await post(service.app, `cases/${caseId}/subjects`, subjectBody(randomUUID()), { userId: `psd-${randomUUID()}` })).status).toBe(201);
    const otherCase = await openCase();
    expect((await post(service.app, `cases/${otherCase}/subjects`, subjectBody(randomUUID()), author)).status).toBe(201);
  });

  it('keeps the details out of the ledger in clear: sealed under the declarer’s own key', async () => {
    const caseId = randomUUID();
    const userId = `aa-${randomUUID()}`;
    const declaration = { nature: 'NEIGHBOUR', details: DETAILS };
    const headers = { 'Idempotency-Key': randomUUID() };
    const declared = await post(service.app, `cases/${caseId}/conflicts`, declaration, { role: 'APPROPRIATE_AUTHORITY', userId, headers });
    expect(declared.status).toBe(201);
    // A retry with the same Idempotency-Key seals the same bytes: the first append stands.
    const retried = await post(service.app, `cases/${caseId}/conflicts`, declaration, { role: 'APPROPRIATE_AUTHORITY', userId, headers });
    expect(retried.status).toBe(201);
    expect(retried.body.events).toEqual(declared.body.events);

    const pool = poolFor(service.app.database, 1);
    try {
      const { rows } = await pool.query<{ data: string }>(`SELECT data::text AS data FROM ledger_events WHERE stream_name = $1`, [`conflict-${caseId}`]);
      expect(rows).toHaveLength(1);
      expect(rows[0].data).not.toContain('next door');
      expect(JSON.parse(rows[0].data)).toMatchObject({ caseId, userId, nature: 'NEIGHBOUR', details: { $vault: 'v1', personId: userId } });
    } finally {
      await pool.end();
    }
    const [stored] = await service.app.app.get(EventStore).readStream(`conflict-${caseId}`);
    expect(await service.app.app.get(Vault).open(stored.data)).toMatchObject({ details: DETAILS });
  });

  it('stores no details when none were given', async () => {
    const caseId = randomUUID();
    expect((await post(service.app, `cases/${caseId}/conflicts`, { nature: 'OTHER' })).status).toBe(201);
    const [stored] = await service.app.app.get(EventStore).readStream(`conflict-${caseId}`);
    expect(stored.data).not.toHaveProperty('details');
  });
});
