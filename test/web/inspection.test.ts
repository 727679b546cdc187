/**
 * The inspection pages over plain HTTP: the figures of a period (charts, table, CSV equal to
 * the API's), the Home Office tables, the recommendations, the access log with each read's
 * purpose, a case's export downloaded as a recorded read, and the check of an export: on the
 * server, and by the browser's script (src/web/public/verify-export.js, run here on Node's
 * WebCrypto) giving the same verdict as `verifyCaseExport` for the intact export and for every
 * kind of tampering.
 */
import { createPublicKey } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { SEED_STORIES } from '../../src/cases/seed-stories';
import { EventStore } from '../../src/event-store/event-store';
import { formatPosition } from '../../src/event-store/position';
import { verifyCaseExport } from '../../src/ledger/case-export';
import type { CaseExport, ExportVerdict } from '../../src/ledger/case-export';
import { SealSigner, trustedKeys } from '../../src/ledger/seal-signing';
import { LedgerSealer } from '../../src/ledger/sealer';
import { bearer } from '../http/support';
import { CaseRecorder, retarget } from '../projections/case-story-support';
import { startTestApp, TestApp } from '../support/app';
import { fieldValue, signInAs, statePurpose } from './page-support';

const PURPOSE = 'Inspection of the force’s case records for HMICFRS';
const INSPECTOR = { userId: 'inspector-1', role: 'INSPECTOR', force: 'HAMPSHIRE' } as const;

type BrowserCheck = { verifyCaseExport(input: unknown, publicKeyPems?: string[]): Promise<ExportVerdict> };

/** The page's script, as the browser runs it: a classic script on a global with WebCrypto. */
function browserCheck(): BrowserCheck {
  const code = fs.readFileSync(path.resolve(__dirname, '../../src/web/public/verify-export.js'), 'utf8');
  const global: Record<string, unknown> = { crypto: globalThis.crypto, TextEncoder, atob, Map, Set, Uint8Array, BigInt, JSON, Number, Date };
  global.globalThis = global;
  vm.runInNewContext(code, global);
  return global.LedgerExportCheck as BrowserCheck;
}

describe('the inspection pages over HTTP', () => {
  let service: TestApp;
  let exported: CaseExport;
  let publicKeyPem: string;
  const caseId = '0b7e2c1d-3f4a-4b5c-8d6e-7f8091a2b3c4';

  beforeAll(async () => {
    service = await startTestApp({ LEDGER_SEAL_EVERY_EVENTS: '0', LEDGER_SEAL_INTERVAL_SECONDS: '0' });
    const recorder = new CaseRecorder(service.app.get(EventStore));
    const story = SEED_STORIES.find((candidate) => candidate.source.includes('seed 003'))!;
    const commands = retarget(story, caseId, { force: 'HAMPSHIRE', sensitivity: 'STANDARD' });
    for (const command of commands.slice(0, -2)) await recorder.record(command);
    await service.app.get(LedgerSealer).sealNow(new AbortController().signal);
    for (const command of commands.slice(-2)) await recorder.record(command);
    // The read models have caught up with the story before any page reads them.
    await service
      .http()
      .get('/api/v1/access-log')
      .set('Authorization', bearer(service.config, { roles: ['AUDITOR'], force: '*' }))
      .set('X-Wait-For-Position', formatPosition(recorder.lastPosition))
      .expect(200);
    await service
      .http()
      .get('/api/v1/metrics/inspection?from=2000-01-01&to=2030-12-31')
      .set('Authorization', bearer(service.config, { roles: ['INSPECTOR'], force: 'HAMPSHIRE' }))
      .set('X-Wait-For-Position', formatPosition(recorder.lastPosition))
      .expect(200);
    publicKeyPem = (
      await service
        .http()
        .get('/api/v1/ledger/public-key')
        .set('Authorization', bearer(service.config, { roles: ['INSPECTOR'], force: 'HAMPSHIRE' }))
        .expect(200)
    ).body.publicKeyPem as string;
  });

  afterAll(() => service?.close());

  it('draws the figures of a period as charts and a table, and downloads the API’s own CSV', async () => {
    const agent = await signInAs(service, INSPECTOR);
    const query = 'from-day=1&from-month=1&from-year=2000&to-day=31&to-month=12&to-year=2030';
    const page = await agent.get(`/inspection/figures?${query}`).expect(200);
    expect(page.text).toContain('HAMPSHIRE: 1 January 2000 to 31 December 2030');
    expect(page.text).toMatch(/<svg class="app-chart" role="img" aria-label="Outcomes imposed: /);
    expect(page.text).toContain('<code>conductCases.count</code>');
    const csv = await agent.get('/inspection/figures.csv?force=HAMPSHIRE&from=2000-01-01&to=2030-12-31').expect(200);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="inspection-hampshire-2000-01-01-2030-12-31.csv"');
    const api = await service
      .http()
      .get('/api/v1/metrics/inspection?from=2000-01-01&to=2030-12-31')
      .set('Authorization', bearer(service.config, { roles: ['INSPECTOR'], force: 'HAMPSHIRE' }))
      .set('Accept', 'text/csv')
      .expect(200);
    expect(csv.text).toBe(api.text);
    expect(csv.text).toMatch(/^metric,value\r\n/);
    // Another force's figures are refused as the API refuses them, on the page.
    const refused = await agent.get(`/inspection/figures?force=KENT&${query}`).expect(400);
    expect(refused.text).toContain('You may read the figures of HAMPSHIRE only.');
    // A wrong date is said against its field.
    const wrong = await agent.get('/inspection/figures?from-day=31&from-month=2&from-year=2024').expect(400);
    expect(wrong.text).toContain('href="#from-day"');
  });

  it('shows the Home Office tables of a financial year and the recommendations', async () => {
    const agent = await signInAs(service, INSPECTOR);
    const tables = await agent.get('/inspection/statistics?year=2023').expect(200);
    expect(tables.text).toContain('HAMPSHIRE: 2023/24');
    expect(tables.text).toContain('Outcomes, by rank');
    const recommendations = await agent.get('/inspection/recommendations').expect(200);
    expect(recommendations.text).toMatch(/\d+ recommendations?, soonest due first/);
  });

  it('downloads a case’s export as a recorded read, and the access log shows it with its purpose', async () => {
    const agent = await signInAs(service, INSPECTOR);
    // Without a purpose, the export asks for one first.
    const asked = await agent.get(`/casework/${caseId}/export`).expect(303);
    expect(asked.headers.location).toBe(`/casework/${caseId}/purpose?then=${encodeURIComponent(`/casework/${caseId}/export`)}`);
    await statePurpose(agent, caseId, PURPOSE);
    const download = await agent.get(`/casework/${caseId}/export`).expect(200);
    expect(download.headers['content-disposition']).toBe(`attachment; filename="case-${caseId}.json"`);
    const fromPage = JSON.parse(download.text) as CaseExport;
    expect(verifyCaseExport(fromPage, { trustedKeys: trustedKeys(createPublicKey(publicKeyPem)) })).toMatchObject({ ok: true, sealSignature: 'VALID' });
    exported = fromPage;

    const auditor = await signInAs(service, { userId: 'auditor-1', role: 'AUDITOR', force: '*' });
    const log = await auditor.get(`/inspection/access-log?caseId=${caseId}`).expect(200);
    expect(log.text).toContain(PURPOSE);
    expect(log.text).toContain('inspector-1');
    // An investigator may not read the access log: refused as the API refuses it.
    const investigator = await signInAs(service, { userId: 'psd-1', role: 'PSD_INVESTIGATOR', force: 'HAMPSHIRE' });
    await investigator.get('/inspection/access-log').expect(403);
    await investigator.get('/inspection/verify').expect(403);
  });

  const tamperings: [string, (copy: CaseExport) => void][] = [
    ['intact', () => undefined],
    ['an event’s data changed', (copy) => (copy.events[1].data = { ...copy.events[1].data, subjectId: copy.events[0].eventId })],
    ['an event removed', (copy) => copy.events.splice(2, 1)],
    ['a proof’s path forged', (copy) => (copy.inclusionProofs[0].path[0] = 'ab'.repeat(32))],
    ['a proof dropped', (copy) => copy.inclusionProofs.pop()],
    ['the seal’s signature replaced', (copy) => (copy.seal!.signature = `${'A'.repeat(86)}==`)],
    [
      'the seal’s root changed',
      (copy) => {
        const root = 'cd'.repeat(32);
        copy.seal!.rootHash = root;
        copy.inclusionProofs.forEach((proof) => (proof.seal.rootHash = root));
      },
    ],
    ['not an export at all', (copy) => Object.assign(copy, { format: 'something-else' })],
  ];

  it.each(tamperings)('the browser’s check gives verify-export’s verdict: %s', async (_name, tamper) => {
    const copy = JSON.parse(JSON.stringify(exported)) as CaseExport;
    tamper(copy);
    const keys = trustedKeys(createPublicKey(publicKeyPem));
    const expected = verifyCaseExport(copy, { trustedKeys: keys });
    await expect(browserCheck().verifyCaseExport(copy, [publicKeyPem])).resolves.toEqual(expected);
    // Without the key, the signature is not checked, by either.
    await expect(browserCheck().verifyCaseExport(copy)).resolves.toEqual(verifyCaseExport(copy));
  });

  it('names a seal signed by a key the ledger does not hold, in the browser as offline', async () => {
    const stranger = SealSigner.generate().publicKey;
    const pem = stranger.export({ type: 'spki', format: 'pem' }).toString();
    const verdict = await browserCheck().verifyCaseExport(exported, [pem]);
    expect(verdict).toEqual(verifyCaseExport(exported, { trustedKeys: trustedKeys(stranger) }));
    expect(verdict.firstMismatch?.kind).toBe('SEAL_SIGNATURE_INVALID');
  });

  it('checks a pasted export on the server when scripts do not run: intact, or altered with the event', async () => {
    const agent = await signInAs(service, INSPECTOR);
    const page = await agent.get('/inspection/verify').expect(200);
    expect(page.text).toContain('<script defer src="/assets/app/verify-export.js"></script>');
    const csrf = fieldValue(page.text, '_csrf');
    const intact = await agent
      .post('/inspection/verify')
      .type('form')
      .send({ _csrf: csrf, export: JSON.stringify(exported) })
      .expect(200);
    expect(intact.text).toContain('data-verdict="Intact"');
    const altered = JSON.parse(JSON.stringify(exported)) as CaseExport;
    altered.events[3].data = { ...altered.events[3].data, extra: 'changed' };
    const refused = await agent
      .post('/inspection/verify')
      .type('form')
      .send({ _csrf: csrf, export: JSON.stringify(altered) })
      .expect(200);
    expect(refused.text).toContain('data-verdict="Altered"');
    expect(refused.text).toContain(`revision 3, id ${altered.events[3].eventId}`);
  });
});
