/**
 * The case's forms that are not steps (CommandForms.caseForms) over plain HTTP: offered to the
 * roles of their routes (a read-only INSPECTOR may declare a conflict, as over the API, but
 * supersedes nothing), sent with the CSRF token and the form's idempotency key as the other
 * forms are (a double submit appends once), and the declarant refused the case afterwards.
 */
import { randomUUID } from 'node:crypto';
import { EventStore } from '../../src/event-store/event-store';
import { referralBody } from '../cases/every-route';
import { post } from '../cases/support';
import { PDF, PURPOSE, upload } from '../documents/support';
import { bearer } from '../http/support';
import { startTestApp } from '../support/app';
import type { TestApp } from '../support/app';
import { signInAs, statePurpose, stepForm } from './page-support';

describe('the case’s other forms, over HTTP', () => {
  let service: TestApp;
  const caseId = randomUUID();

  beforeAll(async () => {
    service = await startTestApp();
    expect((await post(service, 'cases', referralBody(caseId))).status).toBe(201);
    const attached = await upload(service, caseId, { content: PDF, filename: 'Exhibit.pdf', contentType: 'application/pdf' });
    expect(attached.status).toBe(201);
    await service
      .http()
      .get(`/api/v1/cases/${caseId}`)
      .set('Authorization', bearer(service.config, { userId: 'psd-1' }))
      .set('X-Access-Purpose', PURPOSE)
      .set('X-Wait-For-Position', String(attached.body.position))
      .expect(200);
  });

  afterAll(() => service?.close());

  it('offers an inspector the declaration but no supersession; a double submit declares once; the case is then refused', async () => {
    const agent = await signInAs(service, { userId: 'inspector-4', role: 'INSPECTOR', force: 'HAMPSHIRE' });
    await statePurpose(agent, caseId, PURPOSE);
    const page = await agent.get(`/casework/${caseId}`).expect(200);
    expect(page.text).toContain(`href="/casework/${caseId}/steps/DeclareConflict"`);
    expect(page.text).toContain('you will be refused its reads');
    expect(page.text).not.toContain('/steps/SupersedeDocument');

    const { hidden } = await stepForm(agent, caseId, 'DeclareConflict');
    // Not at the case's revision: the declaration is written to a stream of its own.
    expect(hidden._revision).toBeUndefined();
    const values = { nature: 'RELATIVE', details: 'My brother-in-law works in the unit concerned.' };
    await agent
      .post(`/casework/${caseId}/steps/DeclareConflict`)
      .type('form')
      .send({ ...values, _idempotencyKey: hidden._idempotencyKey })
      .expect(403);
    for (let sent = 0; sent < 2; sent++) {
      await agent
        .post(`/casework/${caseId}/steps/DeclareConflict`)
        .type('form')
        .send({ ...hidden, ...values })
        .expect(303)
        .expect('Location', `/casework?recorded=DeclareConflict&left=${caseId}`);
    }
    expect((await service.app.get(EventStore).readStream(`conflict-${caseId}`)).map((event) => event.type)).toEqual(['CaseConflictDeclared']);
    const list = await agent.get(`/casework?recorded=DeclareConflict&left=${caseId}`).expect(200);
    expect(list.text).toContain(`Declare conflict on case ${caseId}: recorded.`);
    const refused = await agent.get(`/casework/${caseId}`).expect(403);
    expect(refused.text).toContain('You declared a conflict of interest on this case');
  });
});
