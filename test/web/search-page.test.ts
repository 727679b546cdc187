/**
 * The search page (issue 18 point 1) in a real browser: a PSD investigator searches with a
 * purpose, finds a case by a word of its summary and the officer in it by a misspelt
 * surname, the matches marked; a search without a purpose is asked for one against its
 * field; another force's investigator finds nothing. axe-core checks every page (WCAG 2.2 AA).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { FORCE, sendCommand, serviceForThisFile } from '../cases/support';
import { bearer } from '../http/support';
import { browserTests, checkPage, launchChromium, signInInBrowser } from './browser';

const describeInBrowser = browserTests();
const BROWSER_TEST_TIMEOUT_MS = 120_000;
const CASE_ID = randomUUID();
const SUBJECT = randomUUID();
const NO_FLAGS = { apsp: false, prejudicialImproperBehaviour: false, violenceAgainstWomenAndGirls: false };

describeInBrowser('the search page, in Chromium', () => {
  // No secret of its own: the development secret signs tokens, so the development sign-in is offered.
  const service = serviceForThisFile({ LEDGER_JWT_SECRET: undefined });
  let browser: Browser;
  let base: string;
  let position = '';

  beforeAll(async () => {
    base = (await service.app.app.getUrl()).replace('[::1]', '127.0.0.1');
    browser = await launchChromium();
    const commands = [
      {
        type: 'ReceiveReferral' as const,
        caseId: CASE_ID,
        force: FORCE,
        receivedOn: '2025-06-02',
        source: 'INTELLIGENCE' as const,
        caseType: 'CORRUPTION_INTELLIGENCE' as const,
        summary: 'Fuel cards of the Andover traffic unit used on private vehicles',
        anonymousSource: false,
        sensitivity: 'STANDARD' as const,
        corruptionCategories: ['THEFT' as const],
        flags: { ...NO_FLAGS, apsp: true },
      },
      {
        type: 'AddSubject' as const,
        caseId: CASE_ID,
        subjectId: SUBJECT,
        personId: randomUUID(),
        workforceType: 'POLICE_OFFICER' as const,
        rank: 'SERGEANT' as const,
        lengthOfServiceMonths: 96,
        unit: 'Traffic',
      },
      {
        type: 'RecordAllegation' as const,
        caseId: CASE_ID,
        allegationId: randomUUID(),
        subjectId: SUBJECT,
        summary: 'PS Okonkwo-Barrington filled a private car with a force fuel card',
        standards: ['HONESTY_AND_INTEGRITY' as const],
        corruptionCategory: 'THEFT' as const,
      },
    ];
    for (const command of commands) {
      const response = await sendCommand(service.app, command);
      expect(response.status).toBe(201);
      position = String(response.headers['x-ledger-position']);
    }
    // The read models have caught up once a search that waits for the last position answers.
    const caughtUp = await service.app
      .http()
      .get('/api/v1/search?q=fuel')
      .set('Authorization', bearer(service.app.config, { userId: 'waiting', roles: ['PSD_INVESTIGATOR'], force: FORCE }))
      .set('X-Access-Purpose', 'Waiting for the read models')
      .set('X-Wait-For-Position', position);
    expect(caughtUp.status).toBe(200);
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function signIn(context: BrowserContext, who: { userId: string; role: string; force: string }): Promise<Page> {
    const page = await context.newPage();
    return signInInBrowser(page, base, { ...who, name: 'A reader' });
  }

  async function searchFor(page: Page, q: string, purpose: string): Promise<void> {
    await page.getByRole('link', { name: 'Search', exact: true }).click();
    await page.waitForURL(`${base}/find`);
    await page.getByLabel('Search cases, people, registers and recommendations').fill(q);
    await page.getByLabel('Why are you searching?').fill(purpose);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(/\/find\?/);
  }

  it(
    'finds a case by a word and an officer by a misspelt surname; asks for a purpose; hides another force’s case',
    async () => {
      const context = await browser.newContext();
      const page = await signIn(context, { userId: 'psd-searcher', role: 'PSD_INVESTIGATOR', force: FORCE });
      await page.goto(`${base}/find`);
      await checkPage(page, '20-search-empty');

      await searchFor(page, 'Okonkwo', '');
      expect(await page.locator('.govuk-error-summary').textContent()).toContain('Say why you are searching');
      await checkPage(page, '21-search-needs-purpose');

      await searchFor(page, 'andover fuel', 'Checking earlier fuel card matters');
      expect(await page.getByRole('status').textContent()).toContain('1 result');
      expect(await page.locator('mark').first().textContent()).toMatch(/Andover|fuel/i);
      await checkPage(page, '22-search-results');

      await searchFor(page, 'Okonkwo-Barington', 'Checking earlier fuel card matters');
      expect(await page.getByRole('link', { name: new RegExp(`Person .* in case ${CASE_ID.slice(0, 8)}`) }).count()).toBe(1);
      await page.goto(`${base}/find?q=fuel&purpose=Checking+earlier+fuel+card+matters&flag=APSP`);
      expect(await page.getByRole('status').textContent()).toContain('match the filters');
      await checkPage(page, '23-search-filtered');
      await context.close();

      const elsewhere = await browser.newContext();
      const stranger = await signIn(elsewhere, { userId: 'psd-elsewhere', role: 'PSD_INVESTIGATOR', force: 'SURREY' });
      await searchFor(stranger, 'andover fuel', 'Checking earlier fuel card matters');
      expect(await stranger.getByRole('status').textContent()).toContain('0 results');
      await elsewhere.close();
    },
    BROWSER_TEST_TIMEOUT_MS,
  );
});
