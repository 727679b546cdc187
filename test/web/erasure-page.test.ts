/**
 * The erasure page over plain HTTP (docs/web.md, "Erasure"): its forms sent as their routes'
 * requests would be (a double submit appends once, a short reason is refused against its
 * field, a second ADMIN withdraws), the navigation offering it to an ADMIN and not the people
 * pages, and every other role refused it (its forms are kept off a person's record:
 * erasure-journey.test.ts and people.test.ts).
 */
import { randomUUID } from 'node:crypto';
import { EventStore } from '../../src/event-store/event-store';
import { casePersonId } from '../../src/vault/case-person';
import { referralBody } from '../cases/every-route';
import { post } from '../cases/support';
import { startTestApp } from '../support/app';
import type { TestApp } from '../support/app';
import { fieldValue, signInAs } from './page-support';
import type { Agent } from './page-support';

const REASON = 'Right to erasure, UK GDPR art. 17: request granted';

describe('the erasure page, over HTTP', () => {
  let service: TestApp;

  beforeAll(async () => {
    service = await startTestApp();
  });

  afterAll(() => service?.close());

  async function caseOf(): Promise<string> {
    const caseId = randomUUID();
    expect((await post(service, 'cases', referralBody(caseId, { force: 'HAMPSHIRE' }), { role: 'PSD_INVESTIGATOR', force: 'HAMPSHIRE' })).status).toBe(201);
    return casePersonId(caseId);
  }

  async function formOf(agent: Agent, path: string): Promise<Record<string, string>> {
    const page = await agent.get(path).expect(200);
    return { _csrf: fieldValue(page.text, '_csrf') ?? '', _idempotencyKey: fieldValue(page.text, '_idempotencyKey') ?? '' };
  }

  const vaultEvents = async (personId: string) => (await service.app.get(EventStore).readStream(`vault-${personId}`)).map((event) => event.type);

  it('asks once for a double submit, refuses a short reason against its field, and a second ADMIN withdraws', async () => {
    const personId = await caseOf();
    const first = await signInAs(service, { userId: 'admin-1', role: 'ADMIN', force: 'HAMPSHIRE' });
    const asking = await formOf(first, '/erasure/steps/RequestErasure');
    const short = await first
      .post('/erasure/steps/RequestErasure')
      .type('form')
      .send({ ...asking, 'path.personId': personId, reason: 'short' })
      .expect(400);
    expect(short.text).toContain('govuk-error-summary');
    expect(short.text).toContain('href="#f-reason"');
    for (let sent = 0; sent < 2; sent += 1) {
      await first
        .post('/erasure/steps/RequestErasure')
        .type('form')
        .send({ ...asking, 'path.personId': personId, reason: REASON })
        .expect(303)
        .expect('Location', '/erasure?recorded=RequestErasure');
    }
    expect(await vaultEvents(personId)).toEqual(['ErasureRequested']);
    const listed = await first.get('/erasure').expect(200);
    expect(listed.text).toContain(`/erasure/steps/WithdrawErasure/${personId}`);
    expect(listed.text).toContain('href="/erasure"');
    expect(listed.text).not.toContain('href="/integrity"');
    expect(listed.text).not.toContain(REASON);

    const second = await signInAs(service, { userId: 'admin-2', role: 'ADMIN', force: 'HAMPSHIRE' });
    const withdrawing = await formOf(second, `/erasure/steps/WithdrawErasure/${personId}`);
    await second
      .post(`/erasure/steps/WithdrawErasure/${personId}`)
      .type('form')
      .send({ ...withdrawing, reason: 'The data subject withdrew the request' })
      .expect(303);
    expect(await vaultEvents(personId)).toEqual(['ErasureRequested', 'ErasureWithdrawn']);
    const after = await second.get('/erasure').expect(200);
    expect(after.text).toContain('Requests waiting for approval: 0');
  });

  it('is refused to every other role, and not in their navigation', async () => {
    const investigator = await signInAs(service, { userId: 'psd-1', role: 'PSD_INVESTIGATOR', force: 'HAMPSHIRE' });
    const cases = await investigator.get('/casework').expect(200);
    expect(cases.text).not.toContain('href="/erasure"');
    await investigator.get('/erasure').expect(403);
    await investigator.get('/erasure/steps/RequestErasure').expect(403);
    await investigator
      .post('/erasure/steps/RequestErasure')
      .type('form')
      .send({ _csrf: fieldValue(cases.text, '_csrf'), 'path.personId': randomUUID(), reason: REASON })
      .expect(403);
  });
});
