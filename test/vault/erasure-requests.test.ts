/**
 * `GET /erasure-requests` over HTTP: the ADMIN's list of the erasure requests of their force
 * (every force's for a national ADMIN), waiting ones by default, with ids, states, users and
 * instants only (no reason, nothing of the person); refused to every other role.
 */
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { casePersonId } from '../../src/vault/case-person';
import { ROLES } from '../../src/http/roles';
import { bearer, TEST_JWT_SECRET } from '../http/support';
import { referralBody } from '../cases/every-route';
import { post } from '../cases/support';
import { startTestApp } from '../support/app';
import type { TestApp } from '../support/app';

const REASON = 'Right to erasure, UK GDPR art. 17: request granted';

describe('GET /erasure-requests', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ LEDGER_JWT_SECRET: TEST_JWT_SECRET, LEDGER_ERASURE_DELAY_SECONDS: '0' });
  });

  afterAll(() => app?.close());

  const admin = (userId: string, force = 'HAMPSHIRE') => bearer(app.config, { userId, roles: ['ADMIN'], force });
  const send = (personId: string, step: '' | '/approval' | '/withdrawal', authorization: string) =>
    app.http().post(`/api/v1/people/${personId}/erasure${step}`).set('Authorization', authorization).send({ reason: REASON }).expect(201);
  const list = (authorization: string, after: Response, state?: string) =>
    app
      .http()
      .get('/api/v1/erasure-requests')
      .query(state === undefined ? {} : { state })
      .set('Authorization', authorization)
      .set('X-Wait-For-Position', String(after.headers['x-ledger-position']));

  async function caseOf(force: string): Promise<string> {
    const caseId = randomUUID();
    const opened = await post(app, 'cases', referralBody(caseId, { force }), { role: 'PSD_INVESTIGATOR', force, userId: `psd-${force}` });
    expect(opened.status).toBe(201);
    return casePersonId(caseId);
  }

  it('lists the waiting requests of the ADMIN’s force, with no reason and nothing of the person; closed ones by state', async () => {
    const [waiting, approved, withdrawn, surrey] = [await caseOf('HAMPSHIRE'), await caseOf('HAMPSHIRE'), await caseOf('HAMPSHIRE'), await caseOf('SURREY')];
    const asked = await send(waiting, '', admin('admin-1'));
    await send(approved, '', admin('admin-1'));
    await send(approved, '/approval', admin('admin-2'));
    await send(withdrawn, '', admin('admin-1'));
    await send(withdrawn, '/withdrawal', admin('admin-2'));
    const last = await send(surrey, '', admin('admin-surrey', 'SURREY'));

    const hampshire = await list(admin('admin-2'), last).expect(200);
    expect(hampshire.body).toEqual({
      total: 1,
      items: [
        {
          personId: waiting,
          force: 'HAMPSHIRE',
          state: 'WAITING',
          requestedBy: 'admin-1',
          requestedAt: expect.any(String) as string,
          approvableFrom: expect.any(String) as string,
          closedBy: null,
          closedAt: null,
        },
      ],
    });
    expect(JSON.stringify(hampshire.body)).not.toContain(REASON);
    expect(asked.body).toMatchObject({ personId: waiting });

    const closed = await list(admin('admin-2'), last, 'APPROVED').expect(200);
    expect(closed.body).toMatchObject({ total: 1, items: [{ personId: approved, state: 'APPROVED', closedBy: 'admin-2' }] });
    const gone = await list(admin('admin-2'), last, 'WITHDRAWN').expect(200);
    expect(gone.body).toMatchObject({ total: 1, items: [{ personId: withdrawn, state: 'WITHDRAWN', closedBy: 'admin-2' }] });

    const national = await list(admin('admin-national', '*'), last).expect(200);
    expect((national.body as { items: { personId: string }[] }).items.map((item) => item.personId).sort()).toEqual([waiting, surrey].sort());
  });

  it('is refused to every role but ADMIN, and its state is validated', async () => {
    for (const role of ROLES.filter((candidate) => candidate !== 'ADMIN')) {
      await app
        .http()
        .get('/api/v1/erasure-requests')
        .set('Authorization', bearer(app.config, { roles: [role] }))
        .expect(403);
    }
    await app.http().get('/api/v1/erasure-requests').query({ state: 'ERASED' }).set('Authorization', admin('admin-1')).expect(400);
  });
});
