/**
 * A PSD investigator's people pages in Chromium (issue 14): finds a person, states a purpose,
 * reads their integrity record, and records a register entry through the form derived from
 * its route. axe-core checks every page; screenshots in test-artifacts/web/.
 */
import type { Browser } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { bearer } from '../http/support';
import { startTestApp, TestApp } from '../support/app';
import { browserTests, checkPage, launchChromium, pageWithScriptErrors, signInInBrowser } from './browser';

const describeInBrowser = browserTests();
const BROWSER_TEST_TIMEOUT_MS = 180_000;

describeInBrowser('the people pages, in Chromium', () => {
  let service: TestApp;
  let browser: Browser;
  let base: string;
  const personId = randomUUID();

  beforeAll(async () => {
    service = await startTestApp();
    await service
      .http()
      .post(`/api/v1/people/${personId}/drug-tests`)
      .set('Authorization', bearer(service.config, { roles: ['PSD_INVESTIGATOR'], force: 'HAMPSHIRE' }))
      .send({ testedOn: '2025-01-10', kind: 'RANDOM', result: 'NEGATIVE' })
      .expect(201);
    // A business interest, so the record offers a document upload for it.
    await service
      .http()
      .post(`/api/v1/people/${personId}/business-interests`)
      .set('Authorization', bearer(service.config, { roles: ['PSD_INVESTIGATOR'], force: 'HAMPSHIRE' }))
      .send({ appliedOn: '2025-01-06', nature: 'SECONDARY_EMPLOYMENT', details: 'Weekend driving instructor' })
      .expect(201);
    base = (await service.app.getUrl()).replace('[::1]', '127.0.0.1');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  it(
    'a PSD investigator reads a person’s integrity record and records a gift through its form',
    async () => {
      const { context, page, scriptErrors } = await pageWithScriptErrors(browser);
      await signInInBrowser(page, base, { userId: 'psd-investigator-3', name: 'Pat Investigator', role: 'PSD_INVESTIGATOR', force: 'HAMPSHIRE' });

      await page.getByRole('link', { name: 'People', exact: true }).click();
      await checkPage(page, '30-people');
      await page.getByLabel('Person id').fill(personId);
      await page.getByRole('button', { name: 'Record a register entry' }).click();
      await page.getByLabel('Why are you opening this integrity record?').fill('Recording a declared gift for the register');
      await checkPage(page, '31-person-purpose');
      await page.getByRole('button', { name: 'Open the record' }).click();
      await page.getByRole('heading', { name: 'Record a register entry' }).waitFor();
      await checkPage(page, '32-register-entries');
      await page.getByRole('link', { name: 'Record gift or hospitality' }).click();
      await checkPage(page, '33-gift-form');
      const group = page.getByRole('group', { name: 'Offered on' });
      await group.getByLabel('Day').fill('3');
      await group.getByLabel('Month').fill('2');
      await group.getByLabel('Year').fill('2025');
      await page.locator('input[type=radio][name="kind"][value="HOSPITALITY"]').check();
      await page.getByLabel('Estimated value pence').fill('4500');
      await page.getByLabel('Offered by').fill('A supplier of custody equipment');
      const decision = page.locator('select[name="decision"]');
      if ((await decision.count()) > 0) await decision.selectOption('DECLINED_AT_TIME');
      else await page.locator('input[type=radio][name="decision"][value="DECLINED_AT_TIME"]').check();
      await page.getByRole('button', { name: 'Record this step' }).click();
      await page.locator('.govuk-notification-banner--success').waitFor();
      await expect(page.locator('#giftsAndHospitality + .app-table-scroll').textContent()).resolves.toContain('A supplier of custody equipment');
      await checkPage(page, '34-integrity-record');

      // A document for the business interest, through the record's upload form; listed with its download link.
      await page
        .getByLabel('Document', { exact: true })
        .setInputFiles({ name: 'Application form.txt', mimeType: 'text/plain', buffer: Buffer.from('Application for secondary employment\n') });
      await page.getByLabel('What it is').selectOption('CORRESPONDENCE');
      await page.getByRole('button', { name: 'Attach the document' }).click();
      await page.getByRole('link', { name: 'Application form.txt' }).waitFor();
      await checkPage(page, '35-integrity-record-documents');
      expect(scriptErrors).toEqual([]);
      await context.close();
    },
    BROWSER_TEST_TIMEOUT_MS,
  );
});
