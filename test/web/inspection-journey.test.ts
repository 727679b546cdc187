/**
 * An inspector in Chromium (issue 14): reads a force's figures for a period, downloads them as
 * CSV, reads the Home Office tables and the recommendations, downloads a case's export and
 * checks it in the browser (WebCrypto: chain, seal signature, proofs), and sees "Altered",
 * with the event, for a tampered copy; an auditor then finds each read in the access log with
 * its purpose. axe-core checks every page; screenshots in test-artifacts/web/.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SEED_STORIES } from '../../src/cases/seed-stories';
import { EventStore } from '../../src/event-store/event-store';
import { formatPosition } from '../../src/event-store/position';
import type { CaseExport } from '../../src/ledger/case-export';
import { LedgerSealer } from '../../src/ledger/sealer';
import { bearer } from '../http/support';
import { CaseRecorder, retarget } from '../projections/case-story-support';
import { startTestApp, TestApp } from '../support/app';
import { browserTests, checkPage, launchChromium, signInInBrowser } from './browser';

const describeInBrowser = browserTests();
const BROWSER_TEST_TIMEOUT_MS = 180_000;
const PURPOSE = 'HMICFRS inspection: checking the record is complete';

describeInBrowser('the inspection pages, in Chromium', () => {
  let service: TestApp;
  let browser: Browser;
  let base: string;
  const caseId = '1c2d3e4f-5a6b-4c7d-8e9f-a0b1c2d3e4f5';
  const scriptErrors: string[] = [];

  beforeAll(async () => {
    service = await startTestApp({ LEDGER_SEAL_EVERY_EVENTS: '0', LEDGER_SEAL_INTERVAL_SECONDS: '0' });
    const recorder = new CaseRecorder(service.app.get(EventStore));
    const story = SEED_STORIES.find((candidate) => candidate.source.includes('seed 003'))!;
    for (const command of retarget(story, caseId, { force: 'HAMPSHIRE', sensitivity: 'STANDARD' })) await recorder.record(command);
    await service.app.get(LedgerSealer).sealNow(new AbortController().signal);
    await service
      .http()
      .get('/api/v1/metrics/inspection?from=2000-01-01&to=2030-12-31')
      .set('Authorization', bearer(service.config, { roles: ['INSPECTOR'], force: 'HAMPSHIRE' }))
      .set('X-Wait-For-Position', formatPosition(recorder.lastPosition))
      .expect(200);
    base = (await service.app.getUrl()).replace('[::1]', '127.0.0.1');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  async function signIn(context: BrowserContext, who: { userId: string; name: string; role: string; force: string }): Promise<Page> {
    const page = await context.newPage();
    page.on('pageerror', (error) => scriptErrors.push(error.message));
    return signInInBrowser(page, base, who);
  }

  async function fillDate(page: Page, legend: string, day: string): Promise<void> {
    const [year, month, date] = day.split('-');
    const group = page.getByRole('group', { name: legend });
    await group.getByLabel('Day').fill(String(Number(date)));
    await group.getByLabel('Month').fill(String(Number(month)));
    await group.getByLabel('Year').fill(year);
  }

  it(
    'an inspector reads the figures, downloads the CSV, verifies an export in the browser and sees a tampered one named altered',
    async () => {
      const context = await browser.newContext({ acceptDownloads: true });
      context.setDefaultTimeout(15_000);
      const page = await signIn(context, { userId: 'inspector-7', name: 'Ira Inspector', role: 'INSPECTOR', force: 'HAMPSHIRE' });
      await page.getByRole('link', { name: 'Inspection', exact: true }).click();
      await page.getByRole('heading', { name: 'Inspection figures' }).waitFor();
      await fillDate(page, 'First day', '2000-01-01');
      await fillDate(page, 'Last day', '2030-12-31');
      await page.getByRole('button', { name: 'Show the figures' }).click();
      await page.getByRole('heading', { name: 'HAMPSHIRE: 1 January 2000 to 31 December 2030' }).waitFor();
      await expect(page.locator('#figures-table').textContent()).resolves.toContain('conductCases.count');
      await expect(page.locator('svg.app-chart').count()).resolves.toBe(3);
      await checkPage(page, '20-inspection-figures');

      const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Download these figures as CSV/ }).click()]);
      expect(csv.suggestedFilename()).toBe('inspection-hampshire-2000-01-01-2030-12-31.csv');
      const csvText = fs.readFileSync(await csv.path(), 'utf8');
      expect(csvText).toMatch(/^metric,value\r\n/);
      expect(csvText).toMatch(/\r\nconductCases\.count,1\r\n/);

      await page.getByRole('link', { name: 'Home Office tables' }).click();
      await page.getByRole('heading', { name: 'Home Office tables', level: 1 }).waitFor();
      await checkPage(page, '21-inspection-home-office-tables');
      await page.getByRole('link', { name: 'Recommendations' }).click();
      await page.getByRole('heading', { name: 'Recommendations', level: 1 }).waitFor();
      await checkPage(page, '22-inspection-recommendations');

      // Download the case's export: the purpose is asked first, then the file comes.
      await page.getByRole('link', { name: 'Verify a case' }).click();
      await checkPage(page, '23-verify');
      await page.getByLabel('Case id').fill(caseId);
      await page.getByRole('button', { name: 'Download the export' }).click();
      await page.getByLabel('Why are you opening this case?').fill(PURPOSE);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Open the case' }).click()]);
      expect(download.suggestedFilename()).toBe(`case-${caseId}.json`);
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'export-')), download.suggestedFilename());
      await download.saveAs(file);

      // Checked in the browser: intact.
      await page.goto(`${base}/inspection/verify`);
      await expect(page.locator('#verify-form').getAttribute('data-checks-here')).resolves.toBe('true');
      await page.getByLabel('Choose the export file').setInputFiles(file);
      await page.getByRole('button', { name: 'Check the export' }).click();
      const verdict = page.locator('#verdict .app-verdict');
      await verdict.waitFor();
      await expect(verdict.getAttribute('data-verdict')).resolves.toBe('Intact');
      await expect(verdict.textContent()).resolves.toMatch(/Seal signature\s*Valid[\s\S]*Checked in this browser with WebCrypto/);
      await checkPage(page, '24-verify-intact');

      // A copy with one event's content changed: altered, naming the event.
      const exported = JSON.parse(fs.readFileSync(file, 'utf8')) as CaseExport;
      exported.events[2].data = { ...exported.events[2].data, note: 'added afterwards' };
      const tampered = path.join(path.dirname(file), 'tampered.json');
      fs.writeFileSync(tampered, JSON.stringify(exported));
      await page.getByLabel('Choose the export file').setInputFiles(tampered);
      await page.getByRole('button', { name: 'Check the export' }).click();
      await page.locator('#verdict [data-verdict="Altered"]').waitFor();
      await expect(page.locator('#verdict').textContent()).resolves.toContain(`${exported.events[2].type}, revision 2, id ${exported.events[2].eventId}`);
      await checkPage(page, '25-verify-altered');
      expect(scriptErrors).toEqual([]);
      await context.close();

      // An auditor finds the inspector's read of the case, with its purpose.
      const audit = await browser.newContext();
      audit.setDefaultTimeout(15_000);
      const auditor = await signIn(audit, { userId: 'auditor-2', name: 'Avery Auditor', role: 'AUDITOR', force: '*' });
      await auditor.getByRole('link', { name: 'Inspection', exact: true }).click();
      await auditor.getByRole('link', { name: 'Access log' }).click();
      await auditor.getByLabel('Case id').fill(caseId);
      await auditor.getByRole('button', { name: 'Show the reads' }).click();
      const reads = auditor.locator('#reads');
      await expect(reads.textContent()).resolves.toMatch(new RegExp(`inspector-7[\\s\\S]*${PURPOSE}[\\s\\S]*Granted`));
      await checkPage(auditor, '26-access-log');
      await audit.close();
    },
    BROWSER_TEST_TIMEOUT_MS,
  );
});
