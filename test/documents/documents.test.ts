/**
 * Documents and exhibits (issue 18, item 2), over real HTTP on a real PostgreSQL: a document
 * uploaded to a case is on its history, downloads byte-identical (the read recorded with its
 * purpose), is covered by verify and verify-export (a changed byte is named with its document
 * and event), and is unreadable once the case's personal data is erased; the wrong type, too
 * big a file and another force's user are refused, and a refused upload stores nothing.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { EventStore } from '../../src/event-store/event-store';
import { verifyCaseExport } from '../../src/ledger/case-export';
import type { CaseExport } from '../../src/ledger/case-export';
import { referralBody, subjectBody } from '../cases/every-route';
import { post, PROBLEM_JSON, serviceForThisFile } from '../cases/support';
import { bearer } from '../http/support';
import { changeStoredByte, documentReads, download, EXECUTABLE, history, PDF, PNG, PURPOSE, upload } from './support';

const MAX_BYTES = 64 * 1024;

/** `npm run ledger -- <args>` as a process of its own, with only the settings given: its exit code and the JSON it prints. */
function ledger(args: string[], environment: Record<string, string>): { code: number; result: { firstMismatch: unknown } } {
  try {
    const out = execFileSync('node', ['-r', 'ts-node/register/transpile-only', 'scripts/ledger.ts', ...args], {
      cwd: path.resolve(__dirname, '../..'),
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...environment },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return { code: 0, result: JSON.parse(out) };
  } catch (error) {
    const failed = error as { status: number; stdout: string };
    return { code: failed.status, result: JSON.parse(failed.stdout) };
  }
}

describe('documents and exhibits', () => {
  const service = serviceForThisFile({ LEDGER_DOCUMENT_MAX_BYTES: String(MAX_BYTES), LEDGER_ERASURE_DELAY_SECONDS: '0' });
  const app = () => service.app;

  async function openCase(force = 'HAMPSHIRE'): Promise<{ caseId: string; subjectId: string }> {
    const caseId = randomUUID();
    const subjectId = randomUUID();
    expect((await post(app(), 'cases', referralBody(caseId, { force }), { force })).status).toBe(201);
    expect((await post(app(), `cases/${caseId}/subjects`, subjectBody(subjectId), { force })).status).toBe(201);
    return { caseId, subjectId };
  }

  async function storedObjects(): Promise<string[]> {
    const dir = app().config.documents.dir;
    const folders = await readdir(dir).catch(() => []);
    const files = await Promise.all(folders.map(async (folder) => (await readdir(path.join(dir, folder))).map((file) => path.join(dir, folder, file))));
    return files.flat().sort();
  }

  const auditor = () => bearer(app().config, { userId: 'auditor-1', roles: ['AUDITOR'], force: 'HAMPSHIRE' });

  it('lists an uploaded document on the case history, with its hash, size and type from its content', async () => {
    const { caseId, subjectId } = await openCase();
    const answer = await upload(app(), caseId, { content: PDF, filename: 'Statement of witness W1.pdf', fields: { subjectId } });
    expect(answer.status).toBe(201);
    const documentId = answer.body.documentId as string;
    const { body } = await history(app(), caseId).expect(200);
    const attached = (body.events as { type: string; data: Record<string, unknown> }[]).find((event) => event.type === 'DocumentAttached');
    expect(attached?.data).toEqual({
      documentId,
      subjectId,
      attachedOn: '2021-04-01',
      kind: 'STATEMENT',
      name: 'Statement of witness W1.pdf',
      mediaType: 'application/pdf',
      size: PDF.length,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      storedSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('refuses a document about a subject the case does not have, naming the rule and appending nothing', async () => {
    const { caseId } = await openCase();
    const refused = await upload(app(), caseId, { content: PDF, filename: 'statement.pdf', fields: { subjectId: randomUUID() } });
    expect({ status: refused.status, rule: refused.body.rule as unknown }).toEqual({ status: 422, rule: 'subjectMustExist' });
    expect((await app().app.get(EventStore).readStream(`case-${caseId}`)).map((event) => event.type)).toEqual(['ReferralReceived', 'SubjectAdded']);
  });

  it('downloads the bytes uploaded, recording the read with its purpose', async () => {
    const { caseId } = await openCase();
    const documentId = (await upload(app(), caseId, { content: PDF, filename: 'exhibit.pdf' })).body.documentId as string;
    const answer = await download(app(), caseId, documentId, { userId: 'reader-of-exhibits' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/pdf');
    expect(Buffer.compare(answer.body as Buffer, PDF)).toBe(0);
    expect(await documentReads(app(), { caseId }, 'reader-of-exhibits')).toEqual([{ type: 'CaseAccessed', purpose: PURPOSE, granted: true, documentId }]);
  });

  it('stores the content sealed, never in clear, and only once however often it is attached', async () => {
    const { caseId } = await openCase();
    const marker = Buffer.from(`Witness statement ${randomUUID()}: what I saw on the night.\n`, 'utf8');
    const first = await upload(app(), caseId, { content: marker, filename: 'w2.txt' });
    expect(first.status).toBe(201);
    const objects = await storedObjects();
    const second = await upload(app(), caseId, { content: marker, filename: 'w2 again.txt' });
    expect(second.status).toBe(201);
    expect(await storedObjects()).toEqual(objects);
    const contents = await Promise.all(objects.map((file) => readFile(file)));
    expect(contents.some((content) => content.includes(marker))).toBe(false);
  });

  it('reads the type from the content, not the name, and refuses a type a case file does not hold (415)', async () => {
    const { caseId } = await openCase();
    const png = await upload(app(), caseId, { content: PNG, filename: 'looks-like.pdf', contentType: 'application/pdf' });
    expect(png.status).toBe(201);
    const { body } = await history(app(), caseId).expect(200);
    expect((body.events as { type: string; data: { mediaType?: string } }[]).find((event) => event.type === 'DocumentAttached')?.data.mediaType).toBe(
      'image/png',
    );
    const before = await storedObjects();
    const refused = await upload(app(), caseId, { content: EXECUTABLE, filename: 'statement.pdf', contentType: 'application/pdf' });
    expect(refused.status).toBe(415);
    expect(refused.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(await storedObjects()).toEqual(before);
  });

  it('refuses a document larger than LEDGER_DOCUMENT_MAX_BYTES (413), appending nothing', async () => {
    const { caseId } = await openCase();
    const refused = await upload(app(), caseId, { content: Buffer.alloc(MAX_BYTES + 1, 'a'), filename: 'big.txt' });
    expect(refused.status).toBe(413);
    expect(refused.headers['content-type']).toMatch(PROBLEM_JSON);
    expect((await app().app.get(EventStore).readStream(`case-${caseId}`)).map((event) => event.type)).toEqual(['ReferralReceived', 'SubjectAdded']);
  });

  it("refuses another force's user the upload and the download as it refuses them the case (404), storing nothing", async () => {
    const { caseId } = await openCase();
    const documentId = (await upload(app(), caseId, { content: PDF, filename: 'exhibit.pdf' })).body.documentId as string;
    const before = await storedObjects();
    const kent = { force: 'KENT', userId: 'kent-investigator' };
    const refused = await upload(app(), caseId, { content: Buffer.from(`Something new ${randomUUID()}\n`), filename: 'new.txt' }, kent);
    expect(refused.status).toBe(404);
    expect(refused.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(await storedObjects()).toEqual(before);
    expect((await download(app(), caseId, documentId, kent)).status).toBe(404);
    expect((await download(app(), caseId, documentId, { role: 'ADMIN' })).status).toBe(403);
  });

  it('supersedes a document by another, never changing it: both stay readable', async () => {
    const { caseId } = await openCase();
    const first = (await upload(app(), caseId, { content: PDF, filename: 'draft.pdf' })).body.documentId as string;
    const second = (await upload(app(), caseId, { content: PNG, filename: 'final.png', fields: { kind: 'EXHIBIT' } })).body.documentId as string;
    const supersede = (documentId: string, supersededBy: string) =>
      post(app(), `cases/${caseId}/documents/${documentId}/supersession`, { supersededBy, on: '2021-04-02', reason: 'The signed version replaces the draft.' });
    expect((await supersede(first, second)).status).toBe(201);
    const again = await supersede(first, second);
    expect({ status: again.status, rule: again.body.rule as unknown }).toEqual({ status: 409, rule: 'documentAlreadySuperseded' });
    const backwards = await supersede(second, first);
    expect({ status: backwards.status, rule: backwards.body.rule as unknown }).toEqual({ status: 422, rule: 'supersedingDocumentMustBeCurrent' });
    expect(Buffer.compare((await download(app(), caseId, first)).body as Buffer, PDF)).toBe(0);
    const attached = (await app().app.get(EventStore).readStream(`case-${caseId}`)).find((event) => event.data.documentId === first);
    const correction = await post(app(), `cases/${caseId}/corrections`, {
      correctsEventId: attached?.eventId,
      reason: 'Try to change the document',
      replacement: { ...attached?.data, size: 1 },
    });
    expect({ status: correction.status, rule: correction.body.rule as unknown }).toEqual({ status: 422, rule: 'documentsAreNeverCorrected' });
  });

  it('is covered by verify and verify-export: a changed byte is named with its document and event', async () => {
    const { caseId } = await openCase();
    const answer = await upload(app(), caseId, { content: Buffer.from(`Exhibit JB/1 ${randomUUID()}\n`), filename: 'jb1.txt', fields: { kind: 'EXHIBIT' } });
    const documentId = answer.body.documentId as string;
    const eventId = (answer.body.events as { eventId: string }[])[0].eventId;
    const verify = async () => (await app().http().get('/api/v1/ledger/verify').set('Authorization', auditor()).expect(200)).body;
    const intact = await verify();
    expect(intact.ok).toBe(true);
    expect(intact.documentsChecked).toBeGreaterThan(0);

    const exported = (await app().http().get(`/api/v1/cases/${caseId}/export`).set('Authorization', auditor()).set('X-Access-Purpose', PURPOSE).expect(200))
      .body as CaseExport;
    expect(verifyCaseExport(exported)).toMatchObject({ ok: true, documentsChecked: 1 });
    const tamperedExport = structuredClone(exported);
    const sealed = Buffer.from(tamperedExport.documents![0].sealed, 'base64');
    sealed[sealed.length - 1] ^= 1;
    tamperedExport.documents![0].sealed = sealed.toString('base64');
    expect(verifyCaseExport(tamperedExport)).toMatchObject({
      ok: false,
      firstMismatch: { kind: 'DOCUMENT_MISMATCH', eventId, detail: expect.stringContaining(documentId) },
    });

    const exportFile = path.join(app().config.dataDir, 'tampered-export.json');
    await writeFile(exportFile, JSON.stringify(tamperedExport));
    const offline = ledger(['verify-export', exportFile], {});
    expect(offline.code).toBe(1);
    expect(offline.result.firstMismatch).toMatchObject({ kind: 'DOCUMENT_MISMATCH', eventId });

    const storedSha256 = exported.documents![0].storedSha256;
    const restore = await changeStoredByte(app(), storedSha256);
    try {
      const tampered = await verify();
      expect(tampered.ok).toBe(false);
      expect(tampered.firstMismatch).toMatchObject({
        kind: 'DOCUMENT_MISMATCH',
        eventId,
        streamName: `case-${caseId}`,
        detail: expect.stringContaining(documentId),
      });
      expect((await download(app(), caseId, documentId)).status).toBe(500);
      // The command line says the same: `npm run ledger -- verify` exits 1 naming the document and its event.
      const cli = ledger(['verify'], { DATABASE_URL: app().database.url, LEDGER_DATA_DIR: app().config.dataDir });
      expect(cli.code).toBe(1);
      expect(cli.result.firstMismatch).toMatchObject({ kind: 'DOCUMENT_MISMATCH', eventId, detail: expect.stringContaining(documentId) });
    } finally {
      await restore();
    }
    expect((await verify()).ok).toBe(true);
  });

  it("makes the content unreadable once the case's personal data is erased; verify still holds", async () => {
    const { caseId } = await openCase();
    const documentId = (await upload(app(), caseId, { content: PDF, filename: 'Complainant J Smith.pdf' })).body.documentId as string;
    const erasure = (step: string, userId: string) =>
      app()
        .http()
        .post(`/api/v1/people/case-${caseId}/erasure${step}`)
        .set('Authorization', bearer(app().config, { userId, roles: ['ADMIN'], force: 'HAMPSHIRE' }))
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ reason: 'Right to erasure, UK GDPR art. 17: request granted' }));
    expect((await erasure('', 'admin-1')).status).toBe(201);
    expect((await erasure('/approval', 'admin-2')).status).toBe(201);
    const gone = await download(app(), caseId, documentId);
    expect(gone.status).toBe(410);
    const { body } = await history(app(), caseId).expect(200);
    expect((body.events as { type: string; data: { name?: unknown } }[]).find((event) => event.type === 'DocumentAttached')?.data.name).toEqual({
      erased: true,
    });
    const more = await upload(app(), caseId, { content: PNG, filename: 'more.png' });
    expect(more.status).toBe(409);
    const verified = (await app().http().get('/api/v1/ledger/verify').set('Authorization', auditor()).expect(200)).body;
    expect(verified.ok).toBe(true);
  });
});
