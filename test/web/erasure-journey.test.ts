/**
 * The erasure page in Chromium (issue 14's "every command route has a form"): an ADMIN asks
 * for the erasure of a case's people through the form derived from `POST
 * /people/{personId}/erasure`; the request is listed as waiting; the same ADMIN's approval is
 * refused with the two-ADMIN rule named (sameRequester) in a GOV.UK error summary; a second
 * ADMIN approves it (the service's waiting period is 0 here) and the person's key is destroyed.
 * A person the ADMIN's force holds no record of is answered on the form with its rule. An
 * ADMIN's navigation offers the page; no other role's does. axe-core checks every page.
 */
import type { Browser, Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { casePersonId } from '../../src/vault/case-person';
import { Vault } from '../../src/vault/vault';
import { CommandForms } from '../../src/web/command-forms';
import { ERASURE_ROUTES } from '../../src/web/erasure-pages.controller';
import { referralBody } from '../cases/every-route';
import { post } from '../cases/support';
import { startTestApp, TestApp } from '../support/app';
import { browserTests, checkPage, launchChromium, signInInBrowser } from './browser';

const describeInBrowser = browserTests();
const BROWSER_TEST_TIMEOUT_MS = 180_000;

describeInBrowser('the erasure page, in Chromium', () => {
  let service: TestApp;
  let browser: Browser;
  let base: string;
  let personId: string;

  beforeAll(async () => {
    service = await startTestApp({ LEDGER_ERASURE_DELAY_SECONDS: '0' });
    const caseId = randomUUID();
    const opened = await post(service, 'cases', referralBody(caseId, { force: 'HAMPSHIRE' }), { role: 'PSD_INVESTIGATOR', force: 'HAMPSHIRE' });
    expect(opened.status).toBe(201);
    personId = casePersonId(caseId);
    base = (await service.app.getUrl()).replace('[::1]', '127.0.0.1');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  it('has a form for each erasure route, and offers none of them on a person’s record', () => {
    const forms = service.app.get(CommandForms);
    expect(forms.stepsUnder(ERASURE_ROUTES).map((form) => form.operationId)).toEqual(['RequestErasure', 'ApproveErasure', 'WithdrawErasure']);
    expect(forms.registerSteps().filter((form) => form.apiPath.includes('/erasure'))).toEqual([]);
  });

  async function signedIn(who: { userId: string; name: string; role: string }): Promise<{ page: Page; close: () => Promise<void> }> {
    const context = await browser.newContext();
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await signInInBrowser(page, base, { ...who, force: 'HAMPSHIRE' });
    return { page, close: () => context.close() };
  }

  async function decide(page: Page, row: ReturnType<Page['locator']>, step: RegExp, reason: string): Promise<void> {
    await row.getByRole('link', { name: step }).click();
    await page.getByLabel('Reason').fill(reason);
    await page.getByRole('button', { name: 'Record this step' }).click();
  }

  it(
    'one ADMIN asks, their own approval is refused with the rule, a second ADMIN approves',
    async () => {
      const first = await signedIn({ userId: 'admin-1', name: 'Ada Admin', role: 'ADMIN' });
      const page = first.page;
      const scriptErrors: string[] = [];
      page.on('pageerror', (error) => scriptErrors.push(error.message));
      await page.getByRole('link', { name: 'Erasure', exact: true }).click();
      await page.getByRole('heading', { name: 'Erasure of personal data' }).waitFor();
      await expect(page.locator('.govuk-warning-text').textContent()).resolves.toMatch(/Another ADMIN of the force than the one who asked approves it/);
      await checkPage(page, '50-erasure-none-waiting');

      // A person the force holds no record of: refused on the form, with its rule.
      await page.getByRole('link', { name: 'Request erasure' }).click();
      await page.getByLabel('Person id').fill(casePersonId(randomUUID()));
      await page.getByLabel('Reason').fill('Right to erasure, UK GDPR art. 17: request granted');
      await page.getByRole('button', { name: 'Record this step' }).click();
      await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain('notYourForce');
      await checkPage(page, '51-erasure-request-refused');

      await page.getByLabel('Person id').fill(personId);
      await page.getByRole('button', { name: 'Record this step' }).click();
      await page.locator('.govuk-notification-banner--success').waitFor();
      const row = page.locator('#waiting + .app-table-scroll tbody tr', { hasText: personId });
      await expect(row.textContent()).resolves.toContain('admin-1 (you)');
      await checkPage(page, '52-erasure-waiting');

      await decide(page, row, /Approve erasure/, 'Request and its lawful basis checked');
      const summary = page.locator('.govuk-error-summary');
      await expect(summary.textContent()).resolves.toMatch(/approved by another person than the one who asked for it\. Rule sameRequester/);
      await checkPage(page, '53-erasure-approval-refused');
      expect(await service.app.get(Vault).isErased(personId)).toBe(false);
      expect(scriptErrors).toEqual([]);
      await first.close();

      const second = await signedIn({ userId: 'admin-2', name: 'Bea Admin', role: 'ADMIN' });
      await second.page.getByRole('link', { name: 'Erasure', exact: true }).click();
      const waiting = second.page.locator('#waiting + .app-table-scroll tbody tr', { hasText: personId });
      await decide(second.page, waiting, /Approve erasure/, 'Request and its lawful basis checked');
      await second.page.locator('.govuk-notification-banner--success').waitFor();
      await expect(second.page.locator('#waiting').textContent()).resolves.toContain('Requests waiting for approval: 0');
      await checkPage(second.page, '54-erasure-approved');
      expect(await service.app.get(Vault).isErased(personId)).toBe(true);
      await second.close();
    },
    BROWSER_TEST_TIMEOUT_MS,
  );

  it(
    'offers the page to an ADMIN only',
    async () => {
      const investigator = await signedIn({ userId: 'psd-1', name: 'Pat Investigator', role: 'PSD_INVESTIGATOR' });
      await expect(investigator.page.getByRole('link', { name: 'Erasure', exact: true }).count()).resolves.toBe(0);
      const refused = await investigator.page.goto(`${base}/erasure`);
      expect(refused?.status()).toBe(403);
      await investigator.close();
    },
    BROWSER_TEST_TIMEOUT_MS,
  );
});
