/**
 * A register entry's documents on the person's integrity record page (issue 14, issue 18
 * item 2): the upload form (multipart, CSRF protected) sends the API's command, the record
 * page lists the document with its download link, and the download is the bytes uploaded,
 * recorded as a read of the person's record with the purpose stated on the page.
 */
import { randomUUID } from 'node:crypto';
import { EventStore } from '../../src/event-store/event-store';
import { post } from '../cases/support';
import { bearer } from '../http/support';
import { startTestApp } from '../support/app';
import type { TestApp } from '../support/app';
import { fieldValue, signInAs, statePurpose } from '../web/page-support';
import type { Agent } from '../web/page-support';
import { asBytes, documentReads, PDF } from './support';

const PURPOSE = 'Checking the business interest application papers';

describe('documents on the person’s integrity record page', () => {
  let app: TestApp;
  let agent: Agent;
  const personId = randomUUID();
  let businessInterestId: string;

  beforeAll(async () => {
    app = await startTestApp();
    const applied = await post(app, `people/${personId}/business-interests`, {
      appliedOn: '2021-03-01',
      nature: 'SECONDARY_EMPLOYMENT',
      details: 'Weekend driving instructor',
    });
    expect(applied.status).toBe(201);
    businessInterestId = applied.body.businessInterestId as string;
    // The record page reads the integrity-record read model: wait until it holds the person.
    await app
      .http()
      .get(`/api/v1/people/${personId}/integrity-record`)
      .set('Authorization', bearer(app.config, { userId: 'psd-1' }))
      .set('X-Access-Purpose', PURPOSE)
      .set('X-Wait-For-Position', String(applied.body.position))
      .expect(200);
    agent = await signInAs(app, { userId: 'psd-record-1', role: 'PSD_INVESTIGATOR', force: 'HAMPSHIRE' });
    await statePurpose(agent, personId, PURPOSE, 'integrity');
  });

  afterAll(() => app.close());

  async function uploadOnPage(csrf: string | undefined): Promise<number> {
    const page = await agent.get(`/integrity/${personId}`).expect(200);
    let form = agent
      .post(`/integrity/${personId}/documents`)
      .field('_idempotencyKey', fieldValue(page.text, '_idempotencyKey') ?? '')
      .field('entry', `BUSINESS_INTEREST:${businessInterestId}`)
      .field('kind', 'CORRESPONDENCE')
      .field('attachedOn-day', '2')
      .field('attachedOn-month', '3')
      .field('attachedOn-year', '2021');
    if (csrf !== undefined) form = form.field('_csrf', csrf);
    return (await form.attach('file', PDF, { filename: 'Application form.pdf', contentType: 'application/pdf' })).status;
  }

  const registerEvents = async () => (await app.app.get(EventStore).readStream(`person-${personId}`)).map((event) => event.type);

  it('refuses an upload without the CSRF token, appending nothing', async () => {
    expect(await uploadOnPage(undefined)).toBe(403);
    expect(await uploadOnPage('not-the-token')).toBe(403);
    expect(await registerEvents()).toEqual(['BusinessInterestApplied']);
  });

  it('attaches the document by the form, lists it on the record and downloads it byte-identical, the read recorded with its purpose', async () => {
    const page = await agent.get(`/integrity/${personId}`).expect(200);
    expect(page.text).toContain('enctype="multipart/form-data"');
    expect(page.text).toContain(`value="BUSINESS_INTEREST:${businessInterestId}"`);
    expect(await uploadOnPage(fieldValue(page.text, '_csrf'))).toBe(303);
    const attached = (await app.app.get(EventStore).readStream(`person-${personId}`)).find((event) => event.type === 'RegisterDocumentAttached');
    expect(attached?.data).toMatchObject({ register: 'BUSINESS_INTEREST', entryId: businessInterestId, kind: 'CORRESPONDENCE', attachedOn: '2021-03-02' });
    const documentId = attached?.data.documentId as string;
    const shown = await agent.get(`/integrity/${personId}`).expect(200);
    expect(shown.text).toContain('Application form.pdf');
    expect(shown.text).toContain(`href="/integrity/${personId}/documents/${documentId}"`);
    const downloaded = await agent.get(`/integrity/${personId}/documents/${documentId}`).buffer(true).parse(asBytes).expect(200);
    expect(Buffer.compare(downloaded.body as Buffer, PDF)).toBe(0);
    expect(await documentReads(app, { personId }, 'psd-record-1')).toContainEqual({
      type: 'PersonRecordAccessed',
      purpose: PURPOSE,
      granted: true,
      documentId,
    });
  });

  it('offers no upload form to a reader who may not record in the registers', async () => {
    const inspector = await signInAs(app, { userId: 'dcc-record-1', role: 'DCC', force: 'HAMPSHIRE' });
    await statePurpose(inspector, personId, PURPOSE, 'integrity');
    const page = await inspector.get(`/integrity/${personId}`).expect(200);
    expect(page.text).toContain('Application form.pdf');
    expect(page.text).not.toContain('enctype="multipart/form-data"');
  });
});
