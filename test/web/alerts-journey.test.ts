/**
 * The alerts page in Chromium (issue 18 with issue 14's "every command route has a form"): a
 * PSD investigator sets a threshold over a history that already crosses it, through the form
 * derived from `POST /alerts/thresholds`; the ledger raises the alert; the investigator
 * acknowledges and dispositions it through the forms of its routes; the person's record lists
 * it, and the record's page view records one read of the person. axe-core checks every page.
 */
import type { Browser, Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { CommandForms } from '../../src/web/command-forms';
import { bearer } from '../http/support';
import { startTestApp, TestApp } from '../support/app';
import { browserTests, checkPage, fillDay, launchChromium, pageWithScriptErrors, signInInBrowser } from './browser';

const describeInBrowser = browserTests();
const BROWSER_TEST_TIMEOUT_MS = 180_000;

async function choose(page: Page, name: string, value: string): Promise<void> {
  const select = page.locator(`select[name="${name}"]`);
  if ((await select.count()) > 0) await select.selectOption(value);
  else await page.locator(`input[type=radio][name="${name}"][value="${value}"]`).check();
}

describeInBrowser('the alerts page, in Chromium', () => {
  let service: TestApp;
  let browser: Browser;
  let base: string;
  const personId = randomUUID();

  beforeAll(async () => {
    service = await startTestApp();
    // The history first: one positive drug test, before any threshold.
    await service
      .http()
      .post(`/api/v1/people/${personId}/drug-tests`)
      .set('Authorization', bearer(service.config, { roles: ['PSD_INVESTIGATOR'], force: 'HAMPSHIRE' }))
      .send({ testedOn: '2025-01-10', kind: 'RANDOM', result: 'POSITIVE' })
      .expect(201);
    base = (await service.app.getUrl()).replace('[::1]', '127.0.0.1');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  it('has a form for every alert command route of the API, found with no page code', async () => {
    const document = (await service.http().get('/api/docs-json').expect(200)).body as { paths: Record<string, { post?: { operationId: string } }> };
    const alertRoutes = Object.entries(document.paths)
      .filter(([path, item]) => path.startsWith('/api/v1/alerts/') && item.post !== undefined)
      .map(([, item]) => item.post?.operationId);
    const forms = service.app.get(CommandForms).alertSteps();
    expect(forms.map((form) => form.operationId).sort()).toEqual([...alertRoutes].sort());
    expect(alertRoutes).toHaveLength(4);
  });

  it(
    'sets a threshold through its form, and handles the alert it raises over the existing history',
    async () => {
      const { context, page, scriptErrors } = await pageWithScriptErrors(browser);
      await signInInBrowser(page, base, { userId: 'psd-investigator-7', name: 'Pat Investigator', role: 'PSD_INVESTIGATOR', force: 'HAMPSHIRE' });

      await page.getByRole('link', { name: 'Alerts', exact: true }).click();
      await page.getByRole('heading', { name: /Early-intervention alerts/ }).waitFor();
      await checkPage(page, '40-alerts-empty');
      await page.getByRole('link', { name: 'Set alert threshold' }).click();
      await checkPage(page, '41-set-threshold-form');
      await choose(page, 'kind', 'OVERALL');
      await page.locator('input[name="count"]').fill('1');
      await page.locator('input[name="windowDays"]').fill('365');
      await fillDay(page, 'setOn', '2025-02-01');
      await page.getByRole('button', { name: 'Record this step' }).click();
      await page.locator('.govuk-notification-banner--success').waitFor();

      // The ledger raises the alert shortly after: the page is read again until it is listed.
      const row = page.locator('#alerts + .app-table-scroll tbody tr', { hasText: personId.slice(0, 8) });
      for (let attempt = 0; attempt < 50 && (await row.count()) === 0; attempt += 1) {
        await page.waitForTimeout(200);
        await page.goto(`${base}/early-intervention`);
      }
      await expect(row.textContent()).resolves.toContain('1 of 1');
      await checkPage(page, '42-alerts-raised');
      await expect(page.locator('#history + table').textContent()).resolves.toContain('psd-investigator-7');

      // Raised on the day the ledger saw the crossing: handled on that day (a step is never dated before what it follows).
      const raisedOn = new Date().toISOString().slice(0, 10);
      await row.getByRole('link', { name: /Acknowledge alert/ }).click();
      await checkPage(page, '43-acknowledge-form');
      await fillDay(page, 'acknowledgedOn', raisedOn);
      await page.getByRole('button', { name: 'Record this step' }).click();
      await page.locator('.govuk-notification-banner--success').waitFor();
      await row.getByRole('link', { name: /Disposition alert/ }).click();
      await choose(page, 'disposition', 'MANAGEMENT_ADVICE');
      await fillDay(page, 'dispositionedOn', raisedOn);
      await checkPage(page, '44-disposition-form');
      await page.getByRole('button', { name: 'Record this step' }).click();
      await page.locator('.govuk-notification-banner--success').waitFor();
      await expect(row.textContent()).resolves.toContain('Management advice');

      await row.getByRole('link', { name: /Person/ }).click();
      await page.getByLabel('Why are you opening this integrity record?').fill('Reviewing the early-intervention alert');
      await page.getByRole('button', { name: 'Open the record' }).click();
      await page.getByRole('heading', { name: 'Early-intervention alerts' }).waitFor();
      await expect(page.locator('#alerts + table').textContent()).resolves.toContain('Management advice');
      await checkPage(page, '45-record-with-alerts');
      expect(scriptErrors).toEqual([]);
      await context.close();

      // One page view of the record, one recorded read of the person: the alerts came with it.
      const deadline = Date.now() + 10_000;
      let reads: { personId: string | null }[];
      do {
        const log = await service
          .http()
          .get('/api/v1/access-log?userId=psd-investigator-7')
          .set('Authorization', bearer(service.config, { userId: 'auditor-1', roles: ['AUDITOR'], force: 'HAMPSHIRE' }))
          .expect(200);
        reads = (log.body.items as { personId: string | null }[]).filter((entry) => entry.personId === personId);
      } while (reads.length === 0 && Date.now() < deadline);
      expect(reads).toHaveLength(1);
    },
    BROWSER_TEST_TIMEOUT_MS,
  );
});
