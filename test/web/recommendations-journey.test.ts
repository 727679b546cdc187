/**
 * The recommendations page in Chromium (issue 14's "every command route has a form"): a PSD
 * investigator makes a recommendation through the form derived from `POST /recommendations`,
 * records the force's response accepting it and an action taken, and completes it, through the
 * forms of its routes, seeing its state change on the inspection's Recommendations page; a
 * completion sent again from an old tab is refused with the rule's words and name; an inspector,
 * who reads recommendations but records none, is offered no form. axe-core checks every page.
 * That every recommendation route has its form is test/web/every-command-route.test.ts's.
 */
import type { Browser, Page } from 'playwright-core';
import { startTestApp, TestApp } from '../support/app';
import { browserTests, checkPage, choose, fillDay, launchChromium, signedInPage } from './browser';

const describeInBrowser = browserTests();
const BROWSER_TEST_TIMEOUT_MS = 180_000;

async function recordStep(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Record this step' }).click();
  await page.locator('.govuk-notification-banner--success').waitFor();
}

describeInBrowser('the recommendations page, in Chromium', () => {
  let service: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    service = await startTestApp();
    base = (await service.app.getUrl()).replace('[::1]', '127.0.0.1');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  it(
    'makes a recommendation, records the response and an action, completes it, and refuses a second completion',
    async () => {
      const who = { userId: 'psd-investigator-9', name: 'Sam Investigator', role: 'PSD_INVESTIGATOR', force: 'HAMPSHIRE' };
      const { context, page, scriptErrors } = await signedInPage(browser, base, who);

      await page.getByRole('link', { name: 'Inspection', exact: true }).click();
      await page.getByRole('link', { name: 'Recommendations', exact: true }).click();
      await page.getByRole('heading', { name: 'Recommendations' }).waitFor();
      await checkPage(page, '50-recommendations-empty');

      await page.getByRole('link', { name: 'Make recommendation' }).click();
      await checkPage(page, '51-make-recommendation-form');
      await choose(page, 'source', 'IOPC');
      await fillDay(page, 'madeOn', '2025-03-01');
      await fillDay(page, 'dueOn', '2025-09-01');
      await page.locator('input[name="reference"]').fill('IOPC-2025-017');
      await page.locator('textarea[name="text"]').fill('Review the vetting of staff with access to the custody suite.');
      await recordStep(page);
      await expect(page.locator('.govuk-notification-banner--success').textContent()).resolves.toContain('Make recommendation: recorded.');
      const row = page.locator('#recommendations tbody tr', { hasText: 'IOPC-2025-017' });
      await expect(row.textContent()).resolves.toContain('Open');
      await checkPage(page, '52-recommendation-made');

      await row.getByRole('link', { name: /Respond to recommendation/ }).click();
      await fillDay(page, 'respondedOn', '2025-03-15');
      await choose(page, 'accepted', 'true');
      await page.locator('textarea[name="response"]').fill('Accepted: the custody vetting is to be reviewed by June.');
      await checkPage(page, '53-respond-form');
      await recordStep(page);
      await expect(row.textContent()).resolves.toContain('Accepted');

      await row.getByRole('link', { name: /Record recommendation action/ }).click();
      await fillDay(page, 'on', '2025-04-01');
      await page.locator('textarea[name="action"]').fill('Custody staff vetting reviewed; two renewals brought forward.');
      await recordStep(page);
      await expect(row.textContent()).resolves.toContain('two renewals brought forward');

      await row.getByRole('link', { name: /Complete recommendation/ }).click();
      const completion = page.url();
      await fillDay(page, 'completedOn', '2025-05-01');
      await recordStep(page);
      await expect(row.textContent()).resolves.toContain('Completed');
      await expect(row.getByRole('link').count()).resolves.toBe(0);
      await checkPage(page, '54-recommendation-completed');

      // An old tab's completion form, sent after the recommendation was completed: refused with its rule.
      await page.goto(completion);
      await fillDay(page, 'completedOn', '2025-05-02');
      await page.getByRole('button', { name: 'Record this step' }).click();
      const summary = page.locator('.govuk-error-summary');
      await summary.waitFor();
      await expect(summary.textContent()).resolves.toMatch(/nothing more can be recorded on it.*recommendationCompleted/s);
      await checkPage(page, '55-completion-refused');
      expect(scriptErrors).toEqual([]);
      await context.close();

      const reader = { userId: 'inspector-3', name: 'Ira Inspector', role: 'INSPECTOR', force: 'HAMPSHIRE' };
      const { context: readers, page: inspector } = await signedInPage(browser, base, reader);
      await inspector.goto(`${base}/inspection/recommendations`);
      await expect(inspector.locator('#recommendations').textContent()).resolves.toContain('IOPC-2025-017');
      await expect(inspector.getByRole('link', { name: 'Make recommendation' }).count()).resolves.toBe(0);
      const refused = await inspector.goto(`${base}/inspection/recommendations/steps/MakeRecommendation`);
      expect(refused?.status()).toBe(403);
      await readers.close();
    },
    BROWSER_TEST_TIMEOUT_MS,
  );
});
