/**
 * The case's forms that are not steps of its life (issue 14, "every command route has a form"),
 * in Chromium: a PSD investigator supersedes a document from its row on the case page (the
 * document fixed by the row, the replacement chosen among the case's current documents), is
 * told a missing reason against its field and a day before the replacement was attached with
 * its rule, then declares a conflict of interest of their own on the case from its page, lands
 * on the case list told it was recorded, and is refused the case from then on. Both forms are
 * derived from their routes (CommandForms.caseForms) and sent down them; axe-core checks every
 * page on the way.
 */
import type { Browser } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { EventStore } from '../../src/event-store/event-store';
import { referralBody } from '../cases/every-route';
import { post } from '../cases/support';
import { PDF, upload } from '../documents/support';
import { bearer } from '../http/support';
import { startTestApp, TestApp } from '../support/app';
import { browserTests, checkPage, fillDay, launchChromium, pageWithScriptErrors, signInInBrowser } from './browser';

const describeInBrowser = browserTests();
const BROWSER_TEST_TIMEOUT_MS = 180_000;

describeInBrowser('a document superseded and a conflict declared from the case page, in Chromium', () => {
  let service: TestApp;
  let browser: Browser;
  let base: string;
  const caseId = randomUUID();
  let first = '';
  let second = '';

  beforeAll(async () => {
    service = await startTestApp();
    expect((await post(service, 'cases', referralBody(caseId))).status).toBe(201);
    const attach = async (filename: string, attachedOn: string) => {
      const answer = await upload(service, caseId, { content: PDF, filename, contentType: 'application/pdf', fields: { attachedOn } });
      expect(answer.status).toBe(201);
      return answer.body as { documentId: string; position: string };
    };
    first = (await attach('Statement draft.pdf', '2021-04-01')).documentId;
    const attached = await attach('Statement signed.pdf', '2021-05-10');
    second = attached.documentId;
    // The case page reads the case-status read model: wait until it holds the case.
    await service
      .http()
      .get(`/api/v1/cases/${caseId}`)
      .set('Authorization', bearer(service.config, { userId: 'psd-1' }))
      .set('X-Access-Purpose', 'Waiting for the read models in a test')
      .set('X-Wait-For-Position', String(attached.position))
      .expect(200);
    base = (await service.app.getUrl()).replace('[::1]', '127.0.0.1');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  it(
    'supersedes a document from its row, then declares a conflict and is refused the case',
    async () => {
      const { context, page, scriptErrors } = await pageWithScriptErrors(browser);
      const who = { userId: 'psd-investigator-11', name: 'Pat Investigator', role: 'PSD_INVESTIGATOR', force: 'HAMPSHIRE' };
      await signInInBrowser(page, base, who);

      await page.goto(`${base}/casework/${caseId}`);
      await page.getByLabel('Why are you opening this case?').fill('Reviewing the statements attached to the case');
      await page.getByRole('button', { name: 'Open the case' }).click();
      await page.getByRole('heading', { name: `Case ${caseId}` }).waitFor();
      await checkPage(page, '60-case-with-documents');

      // The first document's row offers its supersession; the form fixes the document and offers the other as its replacement.
      await page.getByRole('link', { name: /Supersede document\W+Statement draft\.pdf/ }).click();
      await page.getByRole('heading', { name: 'Supersede document' }).waitFor();
      await expect(page.locator('.govuk-summary-list').textContent()).resolves.toContain('Statement draft.pdf');
      await expect(page.locator(`input[type=hidden][name="path.documentId"]`).inputValue()).resolves.toBe(first);
      await expect(page.locator(`input[type=radio][name="supersededBy"]`).count()).resolves.toBe(1);
      await checkPage(page, '61-supersede-document-form');

      // No reason: against its field.
      await page.locator(`input[type=radio][name="supersededBy"][value="${second}"]`).check();
      await fillDay(page, 'on', '2021-05-01');
      await page.getByRole('button', { name: 'Record this step' }).click();
      await page.locator('.govuk-error-summary').waitFor();
      await expect(page.locator('#f-reason-error').textContent()).resolves.toMatch(/Reason/);
      await checkPage(page, '62-supersede-document-invalid');

      // Superseded before its replacement was attached: refused with the rule and its source.
      await page.locator('[name="reason"]').fill('The signed statement replaces the unsigned draft.');
      await page.getByRole('button', { name: 'Record this step' }).click();
      await expect(page.locator('.govuk-error-summary').textContent()).resolves.toMatch(/supersedingNotBeforeAttaching/);
      await checkPage(page, '63-supersede-document-refused');

      await fillDay(page, 'on', '2021-05-11');
      await page.getByRole('button', { name: 'Record this step' }).click();
      await page.locator('.govuk-notification-banner--success').waitFor();
      await expect(page.locator('.govuk-notification-banner--success').textContent()).resolves.toContain('Supersede document: recorded.');
      const rows = page.locator('#documents + table tbody tr');
      await expect(rows.filter({ hasText: 'Statement draft.pdf' }).textContent()).resolves.toContain('Superseded');
      await expect(rows.filter({ hasText: 'Statement signed.pdf' }).textContent()).resolves.toContain('Current');
      // A superseded document takes no more: its row offers no form.
      await expect(
        rows
          .filter({ hasText: 'Statement draft.pdf' })
          .getByRole('link', { name: /Supersede document/ })
          .count(),
      ).resolves.toBe(0);
      const events = await service.app.get(EventStore).readStream(`case-${caseId}`);
      expect(events.filter((event) => event.type === 'DocumentSuperseded').map((event) => event.data)).toEqual([
        { documentId: first, supersededBy: second, on: '2021-05-11', reason: 'The signed statement replaces the unsigned draft.' },
      ]);

      // A conflict of one's own: the case page says what it does before the form is opened.
      const declare = page.locator('#case-form-DeclareConflict');
      await expect(declare.textContent()).resolves.toContain('you will be refused its reads');
      await declare.getByRole('link', { name: /Declare conflict\W+on this case/ }).click();
      await page.getByRole('heading', { name: 'Declare conflict' }).waitFor();
      await checkPage(page, '64-declare-conflict-form');
      await page.locator('input[type=radio][name="nature"][value="ACQUAINTANCE"]').check();
      await page.locator('[name="details"]').fill('I played in the same football team as the subject for years.');
      await page.getByRole('button', { name: 'Record this step' }).click();

      // After it the case is not the reader's to see: back at the list, told it was recorded.
      await page.waitForURL(/\/casework\?/);
      const banner = page.locator('.govuk-notification-banner--success');
      await expect(banner.textContent()).resolves.toMatch(new RegExp(`Declare conflict on case ${caseId}: recorded`));
      await checkPage(page, '65-cases-after-conflict');
      await expect(page.locator(`a[href="/casework/${caseId}"]`).count()).resolves.toBe(0);

      const refused = await page.goto(`${base}/casework/${caseId}`);
      expect(refused?.status()).toBe(403);
      await expect(page.locator('main').textContent()).resolves.toContain('You declared a conflict of interest on this case');
      await checkPage(page, '66-case-refused-after-conflict');
      const declared = await service.app.get(EventStore).readStream(`conflict-${caseId}`);
      expect(declared.map((event) => [event.type, (event.data as { userId: string }).userId])).toEqual([['CaseConflictDeclared', who.userId]]);
      expect(scriptErrors).toEqual([]);
      await context.close();
    },
    BROWSER_TEST_TIMEOUT_MS,
  );
});
