/**
 * Documents over real HTTP: a case to attach to, an upload as the multipart form the service
 * reads, a download with its purpose, and a few files whose type their first bytes tell.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Response } from 'supertest';
import type { Role } from '../../src/http/roles';
import { EventStore } from '../../src/event-store/event-store';
import type { TestApp } from '../support/app';
import { bearer } from '../http/support';
import { FORCE } from '../cases/support';

export const PURPOSE = 'Reviewing the exhibits of this investigation';

/** A one-page PDF, as small as one can be. */
export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj ' +
    '3 0 obj<</Type/Page/MediaBox[0 0 3 3]/Parent 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);
/** A PNG's signature and header chunk: enough for its type to show. */
export const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]),
  Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xde]),
]);
/** A Windows executable's first bytes: no type a case file holds. */
export const EXECUTABLE = Buffer.concat([Buffer.from('MZ', 'latin1'), Buffer.alloc(62), Buffer.from('PE\0\0', 'latin1'), Buffer.alloc(64, 0x90)]);

export interface Sender {
  role?: Role;
  force?: string;
  userId?: string;
}

function authorization(app: TestApp, sender: Sender): string {
  const role = sender.role ?? 'PSD_INVESTIGATOR';
  return bearer(app.config, { userId: sender.userId ?? `${role.toLowerCase()}-1`, roles: [role], force: sender.force ?? FORCE });
}

export interface Upload {
  content: Buffer;
  filename: string;
  /** What the sender claims; the service reads the content instead. */
  contentType?: string;
  fields?: Record<string, string>;
}

export function upload(app: TestApp, caseId: string, file: Upload, sender: Sender = {}): Promise<Response> {
  return uploadTo(app, `cases/${caseId}`, file, sender);
}

/** The upload form sent to `<owner>/documents` (`cases/<caseId>`, `people/<personId>`). */
export function uploadTo(app: TestApp, owner: string, file: Upload, sender: Sender = {}): Promise<Response> {
  let request = app.http().post(`/api/v1/${owner}/documents`).set('Authorization', authorization(app, sender));
  for (const [name, value] of Object.entries({ kind: 'STATEMENT', attachedOn: '2021-04-01', ...file.fields })) request = request.field(name, value);
  return request.attach('file', file.content, { filename: file.filename, contentType: file.contentType ?? 'application/octet-stream' });
}

export function download(app: TestApp, caseId: string, documentId: string, sender: Sender = {}): Promise<Response> {
  return downloadFrom(app, `cases/${caseId}`, documentId, sender);
}

/** The content of `<owner>/documents/<documentId>`, as bytes, read with a purpose. */
export function downloadFrom(app: TestApp, owner: string, documentId: string, sender: Sender = {}): Promise<Response> {
  return app
    .http()
    .get(`/api/v1/${owner}/documents/${documentId}/content`)
    .set('Authorization', authorization(app, sender))
    .set('X-Access-Purpose', PURPOSE)
    .buffer(true)
    .parse(asBytes);
}

/** A supertest parser that keeps the body as the bytes sent. */
export function asBytes(response: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}

/** The reads recorded today of `what` (`{ caseId }` or `{ personId }`) by `userId`, once there are any: type, purpose, grant and document. */
export async function documentReads(app: TestApp, what: Record<string, string>, userId: string): Promise<Record<string, unknown>[]> {
  const store = app.app.get(EventStore);
  const [key, id] = Object.entries(what)[0];
  const recorded = async () =>
    (await store.readStream(`access-${new Date().toISOString().slice(0, 10)}`)).filter((event) => event.data[key] === id && event.data.userId === userId);
  while ((await recorded()).length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
  return (await recorded()).map((event) => ({ type: event.type, purpose: event.data.purpose, granted: event.data.granted, documentId: event.data.documentId }));
}

/** Changes the last byte of the stored object at `storedSha256`; answers what puts it back. */
export async function changeStoredByte(app: TestApp, storedSha256: string): Promise<() => Promise<void>> {
  const file = path.join(app.config.documents.dir, storedSha256.slice(0, 2), storedSha256);
  const original = await readFile(file);
  const changed = Buffer.from(original);
  changed[changed.length - 1] ^= 1;
  await writeFile(file, changed);
  return () => writeFile(file, original);
}

export function history(app: TestApp, caseId: string, sender: Sender = {}) {
  return app.http().get(`/api/v1/cases/${caseId}/history`).set('Authorization', authorization(app, sender)).set('X-Access-Purpose', PURPOSE);
}
