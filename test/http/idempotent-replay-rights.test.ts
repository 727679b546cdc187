/**
 * An idempotent replay checks the actor's right again (issue 11, item 17): a user who has
 * since declared a conflict on the case, or now acts for another force, gets the refusal a
 * new request would get, not the earlier answer.
 */
import { randomUUID } from 'node:crypto';
import { referralBody, subjectBody } from '../cases/every-route';
import { eventsOf, post, serviceForThisFile } from '../cases/support';

describe('an idempotent replay checks the actor’s right again', () => {
  const service = serviceForThisFile();

  it('replays the earlier answer while the right holds', async () => {
    const caseId = randomUUID();
    const sender = { userId: randomUUID(), headers: { 'Idempotency-Key': randomUUID() } };
    expect((await post(service.app, 'cases', referralBody(caseId), sender)).status).toBe(201);
    const replayed = await post(service.app, 'cases', referralBody(caseId), sender);
    expect(replayed.status).toBe(201);
    expect(replayed.headers['idempotent-replayed']).toBe('true');
  });

  it('refuses a replay to a user who has since declared a conflict on the case', async () => {
    const caseId = randomUUID();
    expect((await post(service.app, 'cases', referralBody(caseId))).status).toBe(201);
    const userId = randomUUID();
    const command = { userId, headers: { 'Idempotency-Key': randomUUID() } };
    const subject = subjectBody(randomUUID());
    expect((await post(service.app, `cases/${caseId}/subjects`, subject, command)).status).toBe(201);
    expect((await post(service.app, `cases/${caseId}/conflicts`, { nature: 'RELATIVE' }, { userId })).status).toBe(201);

    const retried = await post(service.app, `cases/${caseId}/subjects`, subject, command);
    expect(retried.status).toBe(403);
    expect(retried.body).toMatchObject({ reason: 'readerHasConflict' });
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
    expect(await eventsOf(service.app, caseId)).toHaveLength(2);
  });

  it('refuses a replay to a user who now acts for another force: opening, and a step on the case', async () => {
    const caseId = randomUUID();
    const userId = randomUUID();
    const opening = { userId, headers: { 'Idempotency-Key': randomUUID() } };
    const step = { userId, headers: { 'Idempotency-Key': randomUUID() } };
    const subject = subjectBody(randomUUID());
    expect((await post(service.app, 'cases', referralBody(caseId), opening)).status).toBe(201);
    expect((await post(service.app, `cases/${caseId}/subjects`, subject, step)).status).toBe(201);

    const reopened = await post(service.app, 'cases', referralBody(caseId), { ...opening, force: 'KENT' });
    expect(reopened.status).toBe(403);
    expect(reopened.headers['idempotent-replayed']).toBeUndefined();
    const restepped = await post(service.app, `cases/${caseId}/subjects`, subject, { ...step, force: 'KENT' });
    expect(restepped.status).toBe(404);
    expect(restepped.headers['idempotent-replayed']).toBeUndefined();
  });
});
