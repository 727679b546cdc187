/**
 * Issue 17: a full disk. The documents folder is a tmpfs of its own (64 KiB, mounted by the
 * test: it runs as root on the development and CI machines, and is skipped otherwise), filled
 * to the last byte by a file of the test's. An upload then cannot be stored: it must be
 * refused cleanly (503 problem+json with Retry-After, never a 500), leave nothing in
 * `ledger_events` and no half-written object, and succeed once space returns, resent with its
 * Idempotency-Key. What it proves: the path of a command that writes a file before its event
 * (ENOSPC from the real kernel, not a mock). What it does not: the database's own disk full
 * (PostgreSQL's), or the witness folder full (the sealer's, in the background).
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { referralBody, subjectBody } from '../cases/every-route';
import { FORCE, post, PROBLEM_JSON, serviceForThisFile } from '../cases/support';
import { bearer } from '../http/support';
import { fill } from './fill-folder';
import { download, PDF } from '../documents/support';
import { poolFor } from '../support/database';

const ROUNDS = 3;
const asRoot = process.platform === 'linux' && process.getuid?.() === 0;
const folder = mkdtempSync(path.join(tmpdir(), 'ledger-full-disk-'));
const documentsDir = path.join(folder, 'documents');

function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

(asRoot ? describe : describe.skip)('a full documents folder (skipped unless root: it mounts a tmpfs)', () => {
  beforeAll(() => {
    execFileSync('mkdir', ['-p', documentsDir]);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k,mode=0700', 'tmpfs', documentsDir]);
  });
  const service = serviceForThisFile({ LEDGER_DOCUMENTS_DIR: documentsDir });
  const app = () => service.app;
  let pool: Pool;
  beforeAll(() => {
    pool = poolFor(app().database, 2);
  });
  afterAll(async () => {
    await pool?.end();
    execFileSync('umount', ['--lazy', documentsDir]);
    rmSync(folder, { recursive: true, force: true });
  });

  function attach(caseId: string, documentId: string, key: string) {
    return app()
      .http()
      .post(`/api/v1/cases/${caseId}/documents`)
      .set('Authorization', bearer(app().config, { userId: 'investigator-1', roles: ['PSD_INVESTIGATOR'], force: FORCE }))
      .set('Idempotency-Key', key)
      .field('kind', 'STATEMENT')
      .field('attachedOn', '2021-04-01')
      .field('documentId', documentId)
      .attach('file', Buffer.concat([PDF, Buffer.from(`% ${documentId}\n`)]), { filename: 'statement.pdf', contentType: 'application/pdf' });
  }

  const eventsOf = async (caseId: string): Promise<number> =>
    Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM ledger_events WHERE stream_name = $1', [`case-${caseId}`])).rows[0].n);

  it(`refuses an upload cleanly while the disk is full, appends nothing, and takes it once space returns (${ROUNDS} rounds)`, async () => {
    const caseId = randomUUID();
    expect((await post(app(), 'cases', referralBody(caseId))).status).toBe(201);
    expect((await post(app(), `cases/${caseId}/subjects`, subjectBody(randomUUID()))).status).toBe(201);
    for (let round = 0; round < ROUNDS; round += 1) {
      const before = await eventsOf(caseId);
      expect(before).toBeGreaterThan(0);
      const filler = fill(documentsDir);
      const stored = filesIn(documentsDir);
      const documentId = randomUUID();
      const key = randomUUID();
      const refused = await attach(caseId, documentId, key);
      expect({ status: refused.status, type: (refused.body as { type?: string }).type }).toEqual({
        status: 503,
        type: 'urn:integrity-ledger:problem:storage-unavailable',
      });
      expect(refused.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(refused.headers['retry-after']).toBe('30');
      expect(await eventsOf(caseId)).toBe(before);
      // No half-written object, nor its temporary file: the files are those there before.
      expect(filesIn(documentsDir)).toEqual(stored);

      rmSync(filler);
      const taken = await attach(caseId, documentId, key);
      expect(taken.status).toBe(201);
      expect(await eventsOf(caseId)).toBe(before + 1);
      const content = await download(app(), caseId, documentId);
      expect(content.status).toBe(200);
      expect((content.body as Buffer).equals(Buffer.concat([PDF, Buffer.from(`% ${documentId}\n`)]))).toBe(true);
    }
  }, 60_000);
});
