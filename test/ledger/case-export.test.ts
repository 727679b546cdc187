import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EventStore } from '../../src/event-store/event-store';
import { createPublicKey } from 'node:crypto';
import { CaseExport, verifyCaseExport } from '../../src/ledger/case-export';
import { SealSigner, trustedKeys } from '../../src/ledger/seal-signing';
import { LedgerSealer } from '../../src/ledger/sealer';
import { SEED_STORIES } from '../../src/cases/seed-stories';
import { startTestApp, TestApp } from '../support/app';
import { bearer, TEST_JWT_SECRET } from '../http/support';
import { CaseRecorder, retarget } from '../projections/case-story-support';

const PURPOSE = 'Inspection of case records for the IOPC';
const root = path.resolve(__dirname, '../..');

describe('case export, verifiable offline', () => {
  let app: TestApp;
  let exported: CaseExport;
  const caseId = '6f1c0a52-8d7e-4c1b-9a8e-2b5d3c4e5f60';

  beforeAll(async () => {
    // Seal by hand only, so the test decides what is sealed.
    app = await startTestApp({ LEDGER_JWT_SECRET: TEST_JWT_SECRET, LEDGER_SEAL_EVERY_EVENTS: '0', LEDGER_SEAL_INTERVAL_SECONDS: '0' });
    const recorder = new CaseRecorder(app.app.get(EventStore));
    const story = SEED_STORIES.find((candidate) => candidate.source.includes('seed 003'))!;
    const commands = retarget(story, caseId, { force: 'HAMPSHIRE', sensitivity: 'STANDARD' });
    for (const command of commands.slice(0, -2)) await recorder.record(command);
    await app.app.get(LedgerSealer).sealNow(new AbortController().signal);
    // Two more after the seal: covered by their chain only.
    for (const command of commands.slice(-2)) await recorder.record(command);
    const response = await app
      .http()
      .get(`/api/v1/cases/${caseId}/export`)
      .set('Authorization', bearer(app.config, { roles: ['INSPECTOR'], force: 'HAMPSHIRE' }))
      .set('X-Access-Purpose', PURPOSE)
      .expect(200);
    exported = response.body as CaseExport;
  });

  afterAll(() => app.close());

  it('carries every event from revision 0, the seal, and a proof per sealed event', () => {
    expect(exported.events.map((event) => event.revision)).toEqual(exported.events.map((_, index) => index));
    expect(exported.seal).not.toBeNull();
    expect(exported.inclusionProofs).toHaveLength(exported.events.length - 2);
    expect(exported.unsealedEvents).toBe(2);
    expect(verifyCaseExport(exported)).toMatchObject({
      ok: true,
      eventsChecked: exported.events.length,
      sealedEvents: exported.events.length - 2,
      unsealedEvents: 2,
    });
  });

  function runVerifyExport(
    document: unknown,
    extra: string[] = [],
  ): { code: number; verdict: { ok: boolean; sealSignature?: string; firstMismatch: { kind: string } | null } } {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'export-')), 'case.json');
    writeFileSync(file, JSON.stringify(document));
    try {
      const out = execFileSync('node', ['-r', 'ts-node/register/transpile-only', 'scripts/ledger.ts', 'verify-export', file, ...extra], {
        cwd: root,
        // Offline: no database settings at all.
        env: { PATH: process.env.PATH ?? '' },
        encoding: 'utf8',
      });
      return { code: 0, verdict: JSON.parse(out) };
    } catch (error) {
      const failed = error as { status: number; stdout: string };
      return { code: failed.status, verdict: JSON.parse(failed.stdout) };
    }
  }

  it("checks the seal's signature against the ledger's public key, and names a key it does not hold", async () => {
    const keys = await app
      .http()
      .get('/api/v1/ledger/public-key')
      .set('Authorization', bearer(app.config, { roles: ['INSPECTOR'], force: 'HAMPSHIRE' }))
      .expect(200);
    expect(keys.body).toMatchObject({ algorithm: 'Ed25519', keyId: exported.seal?.keyId, publicKeyPem: expect.stringContaining('BEGIN PUBLIC KEY') });
    expect(verifyCaseExport(exported)).toMatchObject({ ok: true, sealSignature: 'NOT_CHECKED' });
    const trusted = trustedKeys(createPublicKey(keys.body.publicKeyPem as string));
    expect(verifyCaseExport(exported, { trustedKeys: trusted })).toMatchObject({ ok: true, sealSignature: 'VALID' });
    const stranger = trustedKeys(SealSigner.generate().publicKey);
    expect(verifyCaseExport(exported, { trustedKeys: stranger }).firstMismatch?.kind).toBe('SEAL_SIGNATURE_INVALID');

    const keyFile = path.join(mkdtempSync(path.join(tmpdir(), 'key-')), 'ledger.pem');
    writeFileSync(keyFile, keys.body.publicKeyPem as string);
    const pinned = runVerifyExport(exported, ['--public-key', keyFile]);
    expect(pinned).toMatchObject({ code: 0, verdict: { ok: true, sealSignature: 'VALID' } });
  });

  it('verifies with `npm run ledger -- verify-export` and no database', () => {
    const { code, verdict } = runVerifyExport(exported);
    expect(code).toBe(0);
    expect(verdict.ok).toBe(true);
  });

  const tamperings: [string, (copy: CaseExport) => void, string][] = [
    ['an event’s data changed', (copy) => (copy.events[1].data = { ...copy.events[1].data, subjectId: copy.events[0].eventId }), 'HASH_MISMATCH'],
    ['an event removed', (copy) => copy.events.splice(2, 1), 'MISSING_EVENT'],
    ['a proof’s path forged', (copy) => (copy.inclusionProofs[0].path[0] = 'ab'.repeat(32)), 'PROOF_INVALID'],
    ['a proof dropped', (copy) => copy.inclusionProofs.pop(), 'EVENT_NOT_PROVEN'],
    [
      'the seal’s root changed',
      (copy) => {
        const root = 'cd'.repeat(32);
        copy.seal!.rootHash = root;
        copy.inclusionProofs.forEach((proof) => (proof.seal.rootHash = root));
      },
      'PROOF_INVALID',
    ],
    ['not an export at all', (copy) => Object.assign(copy, { format: 'something-else' }), 'MALFORMED_EXPORT'],
  ];

  it.each(tamperings)('names %s', (_name, tamper, kind) => {
    const copy = JSON.parse(JSON.stringify(exported)) as CaseExport;
    tamper(copy);
    expect(verifyCaseExport(copy).firstMismatch?.kind).toBe(kind);
  });

  it('exits 1 from the command line for a tampered export', () => {
    const copy = JSON.parse(JSON.stringify(exported)) as CaseExport;
    copy.events[0].data = { ...copy.events[0].data, force: 'KENT' };
    const { code, verdict } = runVerifyExport(copy);
    expect(code).toBe(1);
    expect(verdict.firstMismatch?.kind).toBe('HASH_MISMATCH');
  });

  it('is a read of one case: a purpose is required and other forces see nothing', async () => {
    await app
      .http()
      .get(`/api/v1/cases/${caseId}/export`)
      .set('Authorization', bearer(app.config, { roles: ['INSPECTOR'], force: 'HAMPSHIRE' }))
      .expect(400);
    await app
      .http()
      .get(`/api/v1/cases/${caseId}/export`)
      .set('Authorization', bearer(app.config, { roles: ['INSPECTOR'], force: 'KENT' }))
      .set('X-Access-Purpose', PURPOSE)
      .expect(404);
  });
});
