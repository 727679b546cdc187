/**
 * Documents attached to a person's register entries (issue 18: "attached to a case, a subject
 * or a register entry"), over real HTTP on a real PostgreSQL: uploaded to a business interest,
 * downloaded byte-identical with the read recorded as a read of the person's record, refused
 * to another force and to the person themself, covered by verify, and unreadable once the
 * person's personal data is erased.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { EventStore } from '../../src/event-store/event-store';
import { post, PROBLEM_JSON, serviceForThisFile } from '../cases/support';
import { bearer } from '../http/support';
import { changeStoredByte, documentReads, downloadFrom, PDF, PNG, PURPOSE, uploadTo } from './support';

describe('documents of register entries', () => {
  const service = serviceForThisFile({ LEDGER_ERASURE_DELAY_SECONDS: '0' });
  const app = () => service.app;
  const auditor = () => bearer(app().config, { userId: 'auditor-1', roles: ['AUDITOR'], force: 'HAMPSHIRE' });
  const verify = async () => (await app().http().get('/api/v1/ledger/verify').set('Authorization', auditor()).expect(200)).body;

  /** A person of Hampshire with one business interest applied for. */
  async function personWithInterest(): Promise<{ personId: string; businessInterestId: string }> {
    const personId = randomUUID();
    const applied = await post(app(), `people/${personId}/business-interests`, {
      appliedOn: '2021-03-01',
      nature: 'SECONDARY_EMPLOYMENT',
      details: 'Weekend driving instructor',
    });
    expect(applied.status).toBe(201);
    return { personId, businessInterestId: applied.body.businessInterestId as string };
  }

  const attach = (personId: string, entryId: string, content: Buffer, filename = 'Application form.pdf', register = 'BUSINESS_INTEREST') =>
    uploadTo(app(), `people/${personId}`, { content, filename, fields: { register, entryId, kind: 'CORRESPONDENCE' } });

  it('attaches a document to a business interest on the person’s stream, sealed under the person’s key', async () => {
    const { personId, businessInterestId } = await personWithInterest();
    const answer = await attach(personId, businessInterestId, PDF);
    expect(answer.status).toBe(201);
    const documentId = answer.body.documentId as string;
    const attached = (await app().app.get(EventStore).readStream(`person-${personId}`)).find((event) => event.type === 'RegisterDocumentAttached');
    expect(attached?.data).toEqual({
      force: 'HAMPSHIRE',
      documentId,
      register: 'BUSINESS_INTEREST',
      entryId: businessInterestId,
      attachedOn: '2021-04-01',
      kind: 'CORRESPONDENCE',
      name: expect.objectContaining({ $vault: 'v1', personId }),
      mediaType: 'application/pdf',
      size: PDF.length,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      storedSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const stored = await readFile(path.join(app().config.documents.dir, String(attached?.data.storedSha256).slice(0, 2), String(attached?.data.storedSha256)));
    expect(stored.includes(PDF)).toBe(false);
  });

  it('refuses a document for an entry the registers do not hold, naming the rule', async () => {
    const { personId } = await personWithInterest();
    const refused = await attach(personId, randomUUID(), PDF, 'letter.pdf', 'ASSOCIATION');
    expect({ status: refused.status, rule: refused.body.rule as unknown }).toEqual({ status: 422, rule: 'documentNeedsRegisterEntry' });
  });

  it('downloads the bytes uploaded, recording the read of the person’s record with its purpose and the document', async () => {
    const { personId, businessInterestId } = await personWithInterest();
    const documentId = (await attach(personId, businessInterestId, PNG, 'approval.png')).body.documentId as string;
    const answer = await downloadFrom(app(), `people/${personId}`, documentId, { role: 'ACU_INVESTIGATOR', userId: 'acu-reader' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(answer.body as Buffer, PNG)).toBe(0);
    expect(await documentReads(app(), { personId }, 'acu-reader')).toEqual([{ type: 'PersonRecordAccessed', purpose: PURPOSE, granted: true, documentId }]);
  });

  it('refuses another force (404), the person themself (403) and ADMIN (403), as a read of the record is refused', async () => {
    const { personId, businessInterestId } = await personWithInterest();
    const documentId = (await attach(personId, businessInterestId, PDF)).body.documentId as string;
    const kent = { force: 'KENT', userId: 'kent-investigator' };
    const upload = await uploadTo(
      app(),
      `people/${personId}`,
      { content: PNG, filename: 'x.png', fields: { register: 'BUSINESS_INTEREST', entryId: businessInterestId } },
      kent,
    );
    expect(upload.status).toBe(404);
    expect(upload.headers['content-type']).toMatch(PROBLEM_JSON);
    expect((await downloadFrom(app(), `people/${personId}`, documentId, kent)).status).toBe(404);
    expect((await downloadFrom(app(), `people/${personId}`, documentId, { userId: personId })).status).toBe(403);
    expect((await downloadFrom(app(), `people/${personId}`, documentId, { role: 'ADMIN' })).status).toBe(403);
    expect((await downloadFrom(app(), `people/${personId}`, randomUUID())).status).toBe(404);
  });

  it('is covered by verify: a changed byte is named with its document and the person’s stream', async () => {
    const { personId, businessInterestId } = await personWithInterest();
    const answer = await attach(personId, businessInterestId, Buffer.from(`Approval letter ${randomUUID()}\n`), 'approval.txt');
    const documentId = answer.body.documentId as string;
    const eventId = (answer.body.events as { eventId: string }[])[0].eventId;
    const intact = await verify();
    expect(intact).toMatchObject({ ok: true, documentsChecked: expect.any(Number) });
    const attached = (await app().app.get(EventStore).readStream(`person-${personId}`)).find((event) => event.eventId === eventId);
    const storedSha256 = String(attached?.data.storedSha256);
    const restore = await changeStoredByte(app(), storedSha256);
    try {
      expect((await verify()).firstMismatch).toMatchObject({
        kind: 'DOCUMENT_MISMATCH',
        eventId,
        streamName: `person-${personId}`,
        detail: expect.stringContaining(documentId),
      });
      expect((await downloadFrom(app(), `people/${personId}`, documentId)).status).toBe(500);
    } finally {
      await restore();
    }
    expect((await verify()).ok).toBe(true);
  });

  it("makes the content unreadable once the person's personal data is erased; verify still holds", async () => {
    const { personId, businessInterestId } = await personWithInterest();
    const documentId = (await attach(personId, businessInterestId, PDF)).body.documentId as string;
    const erasure = (step: string, userId: string) =>
      app()
        .http()
        .post(`/api/v1/people/${personId}/erasure${step}`)
        .set('Authorization', bearer(app().config, { userId, roles: ['ADMIN'], force: 'HAMPSHIRE' }))
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ reason: 'Right to erasure, UK GDPR art. 17: request granted' }));
    expect((await erasure('', 'admin-1')).status).toBe(201);
    expect((await erasure('/approval', 'admin-2')).status).toBe(201);
    expect((await downloadFrom(app(), `people/${personId}`, documentId)).status).toBe(410);
    expect((await attach(personId, businessInterestId, PNG, 'more.png')).status).toBe(409);
    expect((await verify()).ok).toBe(true);
  });
});
