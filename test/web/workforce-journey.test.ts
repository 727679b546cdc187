/**
 * The workforce page in Chromium (issue 14, "every command route has a form"): a DCC makes a
 * return, records a joiner and a leaver through the forms derived from the workforce routes
 * (`POST /workforce/{force}/...`), and sees a return with no officers or staff, and the leaving
 * of someone who never joined, refused with their rules. axe-core checks every page.
 */
import type { Browser, Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { EventStore } from '../../src/event-store/event-store';
import { workforceHolderOf } from '../../src/workforce/workforce-holder';
import { startTestApp, TestApp } from '../support/app';
import { browserTests, checkPage, fillDay, launchChromium, signedInPage } from './browser';

const describeInBrowser = browserTests();
const BROWSER_TEST_TIMEOUT_MS = 180_000;

async function fillReturn(page: Page, counts: { officers: number; staff: number; inPsdOrAcu: number }): Promise<void> {
  await fillDay(page, 'asAt', '2025-03-31');
  await page.locator('input[name="officers"]').fill(String(counts.officers));
  await page.locator('input[name="staff"]').fill(String(counts.staff));
  await page.locator('input[name="specials"]').fill('120');
  await page.locator('input[name="volunteers"]').fill('40');
  await page.locator('input[name="inPsdOrAcu"]').fill(String(counts.inPsdOrAcu));
}

describeInBrowser('the workforce page, in Chromium', () => {
  let service: TestApp;
  let browser: Browser;
  let base: string;
  const joiner = randomUUID();
  const stranger = randomUUID();

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
    'makes a return, records a joiner and a leaver, and refuses what the rules refuse',
    async () => {
      const { context, page, scriptErrors } = await signedInPage(browser, base, { userId: 'dcc-1', name: 'Dana Deputy', role: 'DCC', force: 'HAMPSHIRE' });

      await page.getByRole('link', { name: 'Workforce', exact: true }).click();
      await page.getByRole('heading', { name: 'Workforce: HAMPSHIRE' }).waitFor();
      await checkPage(page, '50-workforce');

      // A return with no officers or staff: refused with its rule, the form drawn again as sent.
      await page.getByRole('link', { name: 'Make workforce return' }).click();
      await fillReturn(page, { officers: 0, staff: 0, inPsdOrAcu: 0 });
      await checkPage(page, '51-return-form');
      await page.getByRole('button', { name: 'Record this step' }).click();
      const summary = page.locator('.govuk-error-summary');
      await expect(summary.textContent()).resolves.toContain('Rule workforceMustNotBeEmpty');
      await expect(summary.textContent()).resolves.toContain('a return needs officers or staff');
      await checkPage(page, '52-return-refused');
      await page.locator('input[name="officers"]').fill('3000');
      await page.locator('input[name="staff"]').fill('2000');
      await page.locator('input[name="inPsdOrAcu"]').fill('60');
      await page.getByRole('button', { name: 'Record this step' }).click();
      await expect(page.locator('.govuk-notification-banner--success').textContent()).resolves.toContain('Make workforce return: recorded.');

      await page.getByRole('link', { name: 'Record workforce member joined' }).click();
      await page.locator('input[name="personId"]').fill(joiner);
      await fillDay(page, 'joinedOn', '2025-04-01');
      await checkPage(page, '53-joiner-form');
      await page.getByRole('button', { name: 'Record this step' }).click();
      await expect(page.locator('.govuk-notification-banner--success').textContent()).resolves.toContain('Record workforce member joined: recorded.');

      // Someone who never joined cannot leave: refused with the rule, naming it and its source.
      await page.getByRole('link', { name: 'Record workforce member left' }).click();
      await page.getByLabel('Person').fill(stranger);
      await fillDay(page, 'leftOn', '2025-05-01');
      await page.getByRole('button', { name: 'Record this step' }).click();
      await expect(summary.textContent()).resolves.toContain('Rule leavingNeedsMembership');
      await checkPage(page, '54-leaver-refused');
      await page.getByLabel('Person').fill(joiner);
      await page.getByRole('button', { name: 'Record this step' }).click();
      await expect(page.locator('.govuk-notification-banner--success').textContent()).resolves.toContain('Record workforce member left: recorded.');
      await checkPage(page, '55-workforce-recorded');
      expect(scriptErrors).toEqual([]);
      await context.close();

      // The joining and the leaving were both appended: the person is in no force's workforce now.
      const store = service.app.get(EventStore);
      const recorded = (await store.readStream(`workforcemember-${joiner}`)).map((event) => event.type);
      expect(recorded).toEqual(['WorkforceMemberJoined', 'WorkforceMemberLeft']);
      await expect(workforceHolderOf(store, joiner)).resolves.toBeNull();
      await expect(store.readStream(`workforce-HAMPSHIRE`)).resolves.toHaveLength(1);
    },
    BROWSER_TEST_TIMEOUT_MS,
  );

  it('offers the page to the workforce recorders only', async () => {
    const { context, page } = await signedInPage(browser, base, { userId: 'psd-1', name: 'Pat Investigator', role: 'PSD_INVESTIGATOR', force: 'HAMPSHIRE' });
    await expect(page.getByRole('link', { name: 'Workforce', exact: true }).count()).resolves.toBe(0);
    const refused = await page.goto(`${base}/force-workforce`);
    expect(refused?.status()).toBe(403);
    await context.close();
  });

  it('asks a national recorder for the force, and refuses a force recorder another force', async () => {
    const { context, page } = await signedInPage(browser, base, { userId: 'admin-1', name: 'Ana Admin', role: 'ADMIN', force: '*' });
    await page.goto(`${base}/force-workforce`);
    await expect(page.getByRole('link', { name: 'Make workforce return' }).count()).resolves.toBe(0);
    await page.getByLabel('Force').fill('KENT');
    await page.getByRole('button', { name: 'Show the force' }).click();
    await page.getByRole('heading', { name: 'Workforce: KENT' }).waitFor();
    await checkPage(page, '56-workforce-national');
    await expect(page.getByRole('link', { name: 'Make workforce return' }).getAttribute('href')).resolves.toBe(
      '/force-workforce/steps/MakeWorkforceReturn?force=KENT',
    );
    await context.close();

    const { context: local, page: dcc } = await signedInPage(browser, base, { userId: 'dcc-2', name: 'Dana Deputy', role: 'DCC', force: 'HAMPSHIRE' });
    expect((await dcc.goto(`${base}/force-workforce?force=KENT`))?.status()).toBe(403);
    expect((await dcc.goto(`${base}/force-workforce/steps/MakeWorkforceReturn?force=KENT`))?.status()).toBe(403);
    await local.close();
  });
});
