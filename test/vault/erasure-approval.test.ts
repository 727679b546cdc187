/**
 * Issue 11, item 11: an ADMIN of any force erased any force's case or person data, covert
 * cases included, irreversibly, with one request. Erasure is now asked for by one ADMIN of
 * the force holding the record (or a national one) and approved by a second, after a delay
 * during which it can be withdrawn; only the approval destroys the key.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { EventStore } from '../../src/event-store/event-store';
import { Vault } from '../../src/vault/vault';
import { casePersonId } from '../../src/vault/case-person';
import { startTestApp, TestApp } from '../support/app';
import { bearer, PROBLEM_JSON, TEST_JWT_SECRET } from '../http/support';
import { referralBody } from '../cases/every-route';
import { post } from '../cases/support';

const DELAY_SECONDS = 2;
const REASON = 'Right to erasure, UK GDPR art. 17: request granted';

describe('erasure needs a request, a second ADMIN and a delay', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ LEDGER_JWT_SECRET: TEST_JWT_SECRET, LEDGER_ERASURE_DELAY_SECONDS: String(DELAY_SECONDS) });
  });

  afterAll(async () => {
    await app.close();
  });

  const admin = (userId: string, force = 'HAMPSHIRE') => bearer(app.config, { userId, roles: ['ADMIN'], force });
  const send = (personId: string, step: '' | '/approval' | '/withdrawal', authorization: string, body: object = {}) =>
    app
      .http()
      .post(`/api/v1/people/${personId}/erasure${step}`)
      .set('Authorization', authorization)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify(body));
  const request = (personId: string, authorization: string) => send(personId, '', authorization, { reason: REASON });
  const approve = (personId: string, authorization: string) => send(personId, '/approval', authorization, { reason: 'Request and its lawful basis checked' });
  const withdraw = (personId: string, authorization: string) =>
    send(personId, '/withdrawal', authorization, { reason: 'The data subject withdrew the request' });
  const isErased = (personId: string) => app.app.get(Vault).isErased(personId);
  const vaultEvents = async (personId: string) => (await app.app.get(EventStore).readStream(`vault-${personId}`)).map((event) => event.type);

  /** A case of `force` with free text (so its case person has a key); returns the vault person id. */
  async function caseOf(force: string, sensitivity = 'STANDARD'): Promise<string> {
    const caseId = randomUUID();
    const opened = await post(app, 'cases', referralBody(caseId, { force, sensitivity }), { role: 'ACU_INVESTIGATOR', force, userId: `acu-${force}` });
    expect(opened.status).toBe(201);
    return casePersonId(caseId);
  }

  it('refuses an ADMIN of another force, even for a covert case: 404 notYourForce, nothing appended, the key kept', async () => {
    const personId = await caseOf('HAMPSHIRE', 'COVERT');
    const refused = await request(personId, admin('admin-surrey', 'SURREY'));
    expect({ status: refused.status, rule: refused.body.rule as unknown }).toEqual({ status: 404, rule: 'notYourForce' });
    expect(refused.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(await vaultEvents(personId)).toEqual([]);
    expect(await isErased(personId)).toBe(false);
    const unknown = await request(casePersonId(randomUUID()), admin('admin-surrey', 'SURREY'));
    expect({ status: unknown.status, rule: unknown.body.rule as unknown }).toEqual({ status: 404, rule: 'notYourForce' });
  });

  it('records one ADMIN’s request without destroying the key', async () => {
    const personId = await caseOf('HAMPSHIRE');
    const requested = await request(personId, admin('admin-1'));
    expect(requested.status).toBe(201);
    expect(requested.body).toMatchObject({ personId, events: [{ type: 'ErasureRequested' }] });
    expect(await isErased(personId)).toBe(false);
    expect(await vaultEvents(personId)).toEqual(['ErasureRequested']);
  });

  it('needs a second ADMIN of the force, after the delay: sameRequester, delayNotElapsed, notYourForce, then erased', async () => {
    const personId = await caseOf('HAMPSHIRE');
    expect((await request(personId, admin('admin-1'))).status).toBe(201);

    const same = await approve(personId, admin('admin-1'));
    expect({ status: same.status, rule: same.body.rule as unknown }).toEqual({ status: 422, rule: 'sameRequester' });
    const early = await approve(personId, admin('admin-2'));
    expect({ status: early.status, rule: early.body.rule as unknown }).toEqual({ status: 422, rule: 'delayNotElapsed' });
    const foreign = await approve(personId, admin('admin-surrey', 'SURREY'));
    expect({ status: foreign.status, rule: foreign.body.rule as unknown }).toEqual({ status: 404, rule: 'notYourForce' });
    expect(await isErased(personId)).toBe(false);
    expect(await vaultEvents(personId)).toEqual(['ErasureRequested']);

    await sleep(DELAY_SECONDS * 1000 + 200);
    const approved = await approve(personId, admin('admin-2'));
    expect(approved.status).toBe(201);
    expect(approved.body).toMatchObject({ personId, events: [{ type: 'ErasureApproved' }] });
    expect(await isErased(personId)).toBe(true);
    expect(await vaultEvents(personId)).toEqual(['ErasureRequested', 'ErasureApproved']);

    const again = await request(personId, admin('admin-1'));
    expect({ status: again.status, rule: again.body.rule as unknown }).toEqual({ status: 422, rule: 'alreadyErased' });
  });

  it('can be withdrawn during the delay; the key stays and a withdrawn request cannot be approved', async () => {
    const personId = await caseOf('HAMPSHIRE');
    expect((await request(personId, admin('admin-1'))).status).toBe(201);
    const withdrawn = await withdraw(personId, admin('admin-2'));
    expect(withdrawn.status).toBe(201);
    await sleep(DELAY_SECONDS * 1000 + 200);
    const late = await approve(personId, admin('admin-2'));
    expect({ status: late.status, rule: late.body.rule as unknown }).toEqual({ status: 422, rule: 'alreadyWithdrawn' });
    const twice = await withdraw(personId, admin('admin-1'));
    expect({ status: twice.status, rule: twice.body.rule as unknown }).toEqual({ status: 422, rule: 'alreadyWithdrawn' });
    expect(await isErased(personId)).toBe(false);
    expect(await vaultEvents(personId)).toEqual(['ErasureRequested', 'ErasureWithdrawn']);
  });

  it('finishes an approval whose key destruction a crash cut short when it is sent again', async () => {
    const personId = await caseOf('HAMPSHIRE');
    expect((await request(personId, admin('admin-1'))).status).toBe(201);
    await sleep(DELAY_SECONDS * 1000 + 200);
    // As if the process died after appending the approval and before destroying the key.
    const at = new Date().toISOString();
    const store = app.app.get(EventStore);
    await store.appendToStream(
      `vault-${personId}`,
      [
        {
          type: 'ErasureApproved',
          data: { personId, reason: 'Request and its lawful basis checked', approvedBy: 'admin-2', approvedAt: at, approvedOn: at.slice(0, 10) },
        },
      ],
      { expectedRevision: 0n },
    );
    expect(await isErased(personId)).toBe(false);
    const again = await approve(personId, admin('admin-2'));
    expect({ status: again.status, rule: again.body.rule as unknown }).toEqual({ status: 422, rule: 'alreadyErased' });
    expect(await isErased(personId)).toBe(true);
  });

  it('scopes a register person to the force holding them, and lets a national ADMIN act for any force', async () => {
    const personId = randomUUID();
    const gift = { offeredOn: '2023-12-18', kind: 'GIFT', estimatedValuePence: 4500, offeredBy: 'Mrs Alba Quince', decision: 'DECLINED_AT_TIME' };
    expect((await post(app, `people/${personId}/gifts-and-hospitality`, gift, { role: 'PSD_INVESTIGATOR', force: 'HAMPSHIRE' })).status).toBe(201);
    const foreign = await request(personId, admin('admin-surrey', 'SURREY'));
    expect({ status: foreign.status, rule: foreign.body.rule as unknown }).toEqual({ status: 404, rule: 'notYourForce' });

    expect((await request(personId, admin('admin-national-1', '*'))).status).toBe(201);
    await sleep(DELAY_SECONDS * 1000 + 200);
    expect((await approve(personId, admin('admin-2'))).status).toBe(201);
    expect(await isErased(personId)).toBe(true);

    const nothing = await request(randomUUID(), admin('admin-national-1', '*'));
    expect({ status: nothing.status, rule: nothing.body.rule as unknown }).toEqual({ status: 404, rule: 'recordNotFound' });
  });
});
