/**
 * A case's documents on its page (issue 18, item 2): the upload form (multipart, CSRF
 * protected) sends the same command as the API, the document shows on the case page with its
 * download link, and the download is the bytes uploaded.
 */
import { randomUUID } from 'node:crypto';
import { EventStore } from '../../src/event-store/event-store';
import { referralBody } from '../cases/every-route';
import { post } from '../cases/support';
import { bearer } from '../http/support';
import { startTestApp } from '../support/app';
import type { TestApp } from '../support/app';
import { fieldValue, signInAs, statePurpose } from '../web/page-support';
import type { Agent } from '../web/page-support';
import { asBytes, PDF, PURPOSE } from './support';

describe('documents on the case page', () => {
  // The development sign-in, as the other page tests use it.
  const service: { app: TestApp } = { app: undefined as unknown as TestApp };
  let caseId: string;
  let agent: Agent;

  beforeAll(async () => {
    service.app = await startTestApp();
    caseId = randomUUID();
    const opened = await post(service.app, 'cases', referralBody(caseId));
    expect(opened.status).toBe(201);
    // The case page reads the case-status read model: wait until it holds the case.
    await service.app
      .http()
      .get(`/api/v1/cases/${caseId}`)
      .set('Authorization', bearer(service.app.config, { userId: 'psd-1' }))
      .set('X-Access-Purpose', PURPOSE)
      .set('X-Wait-For-Position', String(opened.body.position))
      .expect(200);
    agent = await signInAs(service.app, { userId: 'psd-page-1', role: 'PSD_INVESTIGATOR', force: 'HAMPSHIRE' });
    await statePurpose(agent, caseId, PURPOSE);
  });

  afterAll(() => service.app.close());

  async function uploadOnPage(csrf: string | undefined): Promise<number> {
    const page = await agent.get(`/casework/${caseId}`).expect(200);
    let form = agent
      .post(`/casework/${caseId}/documents`)
      .field('_idempotencyKey', fieldValue(page.text, '_idempotencyKey') ?? '')
      .field('kind', 'EXHIBIT')
      .field('subjectId', '')
      .field('attachedOn-day', '2')
      .field('attachedOn-month', '4')
      .field('attachedOn-year', '2021');
    if (csrf !== undefined) form = form.field('_csrf', csrf);
    return (await form.attach('file', PDF, { filename: 'Exhibit JB-1.pdf', contentType: 'application/pdf' })).status;
  }

  it('refuses an upload without the CSRF token, appending nothing', async () => {
    expect(await uploadOnPage(undefined)).toBe(403);
    expect(await uploadOnPage('not-the-token')).toBe(403);
    expect((await service.app.app.get(EventStore).readStream(`case-${caseId}`)).map((event) => event.type)).toEqual(['ReferralReceived']);
  });

  it('attaches the document by the form, lists it on the case page and downloads it byte-identical', async () => {
    const page = await agent.get(`/casework/${caseId}`).expect(200);
    expect(page.text).toContain('enctype="multipart/form-data"');
    const status = await uploadOnPage(fieldValue(page.text, '_csrf'));
    expect(status).toBe(303);
    const attached = (await service.app.app.get(EventStore).readStream(`case-${caseId}`)).find((event) => event.type === 'DocumentAttached');
    expect(attached?.data).toMatchObject({ kind: 'EXHIBIT', attachedOn: '2021-04-02', mediaType: 'application/pdf', size: PDF.length });
    const documentId = attached?.data.documentId as string;
    const shown = await agent.get(`/casework/${caseId}`).expect(200);
    expect(shown.text).toContain('Exhibit JB-1.pdf');
    expect(shown.text).toContain(`href="/casework/${caseId}/documents/${documentId}"`);
    expect(shown.text).toContain('Document attached');
    const downloaded = await agent.get(`/casework/${caseId}/documents/${documentId}`).buffer(true).parse(asBytes).expect(200);
    expect(Buffer.compare(downloaded.body as Buffer, PDF)).toBe(0);
  });
});
