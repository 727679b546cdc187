/**
 * Documents over real HTTP: a case to attach to, an upload as the multipart form the service
 * reads, a download with its purpose, and a few files whose type their first bytes tell.
 */
import type { Response } from 'supertest';
import type { Role } from '../../src/http/roles';
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
  let request = app.http().post(`/api/v1/cases/${caseId}/documents`).set('Authorization', authorization(app, sender));
  for (const [name, value] of Object.entries({ kind: 'STATEMENT', attachedOn: '2021-04-01', ...file.fields })) request = request.field(name, value);
  return request.attach('file', file.content, { filename: file.filename, contentType: file.contentType ?? 'application/octet-stream' });
}

export function download(app: TestApp, caseId: string, documentId: string, sender: Sender = {}): Promise<Response> {
  return app
    .http()
    .get(`/api/v1/cases/${caseId}/documents/${documentId}/content`)
    .set('Authorization', authorization(app, sender))
    .set('X-Access-Purpose', PURPOSE)
    .buffer(true)
    .parse((response, callback) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => callback(null, Buffer.concat(chunks)));
    });
}

export function history(app: TestApp, caseId: string, sender: Sender = {}) {
  return app.http().get(`/api/v1/cases/${caseId}/history`).set('Authorization', authorization(app, sender)).set('X-Access-Purpose', PURPOSE);
}
