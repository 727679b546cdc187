/**
 * Issue 17: the witness folder full. The sealer writes each seal to the witness after it has
 * appended it to `$ledger` (src/ledger/sealer.ts), in the background. Here the witness is a
 * tmpfs of its own (64 KiB, mounted by the test: root only, skipped otherwise) filled to its
 * last byte by a file of the test's. While it is full: commands are still recorded (the sealer
 * is not on their path), /health says `degraded` with the sealer's `witnessUnwritable` (200: it
 * does not stop the service), no half-written seal file is left, and no further seal is made
 * (the ledger is never more than one seal ahead of its witness). Once space returns the sealer
 * writes the seal it owes, seals what gathered meanwhile, and `verify` (which compares every
 * witnessed seal with the ledger's) passes. ENOSPC from the real kernel, not a mock.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { referralBody, subjectBody } from '../cases/every-route';
import { post, serviceForThisFile } from '../cases/support';
import { bearer } from '../http/support';
import { fill } from './fill-folder';
import { waitUntil } from '../resilience/service-process';

const ROUNDS = 2;
const asRoot = process.platform === 'linux' && process.getuid?.() === 0;
const folder = mkdtempSync(path.join(tmpdir(), 'ledger-full-witness-'));
const witnessDir = path.join(folder, 'witness');

interface HealthBody {
  status: string;
  problems: { component: string; problem: string; blocksService: boolean }[];
}

function witnessFiles(): string[] {
  const seals = path.join(witnessDir, 'seals');
  return existsSync(seals) ? readdirSync(seals).sort() : [];
}

(asRoot ? describe : describe.skip)('a full witness folder (skipped unless root: it mounts a tmpfs)', () => {
  beforeAll(() => {
    execFileSync('mkdir', ['-p', witnessDir]);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k,mode=0700', 'tmpfs', witnessDir]);
  });
  const service = serviceForThisFile({ LEDGER_WITNESS_DIR: witnessDir, LEDGER_SEAL_EVERY_EVENTS: '1', LEDGER_SEAL_INTERVAL_SECONDS: '1' });
  const app = () => service.app;
  afterAll(() => {
    execFileSync('umount', ['--lazy', witnessDir]);
    rmSync(folder, { recursive: true, force: true });
  });

  const auditor = () => bearer(app().config, { userId: 'auditor-1', roles: ['AUDITOR'], force: 'METPOL' });
  const health = async (): Promise<HealthBody> => {
    const answer = await app().http().get('/health');
    expect(answer.status).toBe(200);
    return answer.body as HealthBody;
  };
  const sealerProblem = async () => (await health()).problems.find((problem) => problem.component === 'sealer');
  const latestSeal = async (): Promise<{ eventId: string; treeSize: number }> => {
    const answer = await app().http().get('/api/v1/ledger/seals/latest').set('Authorization', auditor());
    expect(answer.status).toBe(200);
    return answer.body as { eventId: string; treeSize: number };
  };
  const witnessed = (eventId: string) => witnessFiles().some((file) => file.endsWith(`-${eventId}.json`));

  it(`keeps recording while the witness is full, says so on /health, and witnesses every seal once space returns (${ROUNDS} rounds)`, async () => {
    const caseId = randomUUID();
    expect((await post(app(), 'cases', referralBody(caseId))).status).toBe(201);
    await waitUntil(() => Promise.resolve(witnessFiles().length > 0), 30_000, 'a first seal in the witness');

    for (let round = 0; round < ROUNDS; round += 1) {
      const filler = fill(witnessDir);
      // Commands go on being recorded: the sealer is not on their path.
      for (let i = 0; i < 3; i += 1) expect((await post(app(), `cases/${caseId}/subjects`, subjectBody(randomUUID()))).status).toBe(201);
      await waitUntil(async () => (await sealerProblem())?.problem === 'witnessUnwritable', 30_000, 'the sealer reporting the witness unwritable on /health');
      const report = await health();
      expect(report.status).toBe('degraded');
      expect(report.problems.find((problem) => problem.component === 'sealer')).toMatchObject({ blocksService: false });
      // No half-written seal nor temporary file: only whole seals under their names.
      expect(witnessFiles().filter((file) => !/^\d{12}-[0-9a-f-]{36}\.json$/.test(file))).toEqual([]);
      // At most one seal ahead: the one appended before its witness write failed.
      const stuck = await latestSeal();
      await new Promise((resolve) => setTimeout(resolve, 2500));
      expect((await latestSeal()).eventId).toBe(stuck.eventId);

      rmSync(filler);
      await waitUntil(async () => (await sealerProblem()) === undefined, 30_000, 'the sealer recovering once space returned');
      expect((await post(app(), `cases/${caseId}/subjects`, subjectBody(randomUUID()))).status).toBe(201);
      await waitUntil(
        async () => {
          const latest = await latestSeal();
          return latest.treeSize > stuck.treeSize && witnessed(latest.eventId);
        },
        30_000,
        'a new seal, witnessed',
      );
      expect(witnessed(stuck.eventId)).toBe(true);
    }
    const verify = await app().http().get('/api/v1/ledger/verify').set('Authorization', auditor());
    expect(verify.status).toBe(200);
    expect(verify.body).toMatchObject({ ok: true });
  }, 120_000);
});
