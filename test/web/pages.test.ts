/**
 * The pages in a real browser (issue 14): development sign-in as a PSD investigator, a
 * referral recorded through its form, a subject added, a refused step showing its rule and
 * source, a validation error against its field, the timeline of every step, and another
 * force's investigator refused the case exactly as the API refuses it. axe-core checks every
 * page visited (WCAG 2.2 AA).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { signToken } from '../../src/http/token';
import { CLOCK } from '../../src/common/clock';
import type { Clock } from '../../src/common/clock';
import { commandsFor, NO_FLAGS } from '../../src/cases/seed-stories/story-kit';
import { EventStore } from '../../src/event-store/event-store';
import { CaseRecorder } from '../projections/case-story-support';
import { startTestApp, TestApp } from '../support/app';
import { browserTests, checkPage, choose, launchChromium, signInInBrowser } from './browser';

const describeInBrowser = browserTests();
/** A journey of a dozen pages, each checked by axe-core, on a machine of two cores shared with other test files. */
const BROWSER_TEST_TIMEOUT_MS = 180_000;

describeInBrowser('the pages, in Chromium', () => {
  let service: TestApp;
  let browser: Browser;
  let base: string;
  const scriptErrors: string[] = [];

  beforeAll(async () => {
    service = await startTestApp();
    base = (await service.app.getUrl()).replace('[::1]', '127.0.0.1');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  async function signIn(context: BrowserContext, who: { userId: string; name: string; role: string; force: string }): Promise<Page> {
    const page = await context.newPage();
    // The scripts only enhance, but an error in them is still a fault.
    page.on('pageerror', (error) => scriptErrors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && scriptErrors.push(message.text()));
    await page.goto(`${base}/`);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    return signInInBrowser(page, base, who);
  }

  async function fillDate(page: Page, legend: string, day: string): Promise<void> {
    const [year, month, date] = day.split('-');
    const group = page.getByRole('group', { name: legend });
    await group.getByLabel('Day').fill(String(Number(date)));
    await group.getByLabel('Month').fill(String(Number(month)));
    await group.getByLabel('Year').fill(year);
  }

  const radio = (page: Page, legend: string, option: string) => page.getByRole('group', { name: legend }).getByLabel(option, { exact: true }).check();

  /** Presses Tab until the element with this id has the focus, as a keyboard user moves through a page. */
  async function tabTo(page: Page, id: string): Promise<void> {
    for (let presses = 0; presses < 80; presses += 1) {
      if ((await page.evaluate('document.activeElement && document.activeElement.id')) === id) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached #${id}`);
  }

  it(
    'a PSD investigator records a referral, adds a subject, is refused a step with its rule, and sees every step on the timeline',
    async () => {
      const context = await browser.newContext();
      context.setDefaultTimeout(10_000);
      const page = await signIn(context, { userId: 'psd-investigator-1', name: 'Pat Investigator', role: 'PSD_INVESTIGATOR', force: 'HAMPSHIRE' });
      await checkPage(page, '01-cases-empty');

      await page.getByRole('link', { name: 'Record a referral' }).click();
      await checkPage(page, '02-referral-form');
      await fillDate(page, 'Received on', '2024-03-01');
      await choose(page, 'source', 'INTERNAL_REPORT');
      await choose(page, 'caseType', 'CONDUCT_MATTER');
      await page.getByLabel('Summary').fill('Officer seen taking cash from a detained person’s property.');
      await radio(page, 'Anonymous source', 'No');
      await radio(page, 'Sensitivity', 'Standard');
      for (const flag of ['APSP', 'Prejudicial improper behaviour', 'Violence against women and girls']) await radio(page, flag, 'No');
      await page.getByRole('button', { name: 'Record the referral' }).click();

      // Purpose of access, asked once for the case.
      await page.getByRole('heading', { name: 'Why are you opening this case?' }).waitFor();
      expect(new URL(page.url()).pathname).toMatch(/^\/casework\/[0-9a-f-]{36}\/purpose$/);
      await checkPage(page, '03-purpose');
      await page.getByLabel('Why are you opening this case?').fill('Assessing the new referral for severity');
      await page.getByRole('button', { name: 'Open the case' }).click();
      const caseId = new URL(page.url()).pathname.split('/')[2];
      await page.getByRole('heading', { name: `Case ${caseId}` }).waitFor();
      await checkPage(page, '04-case');

      // Add a subject.
      await page.getByRole('link', { name: 'Add subject' }).click();
      await checkPage(page, '05-add-subject-form');
      await page.getByLabel('Person id').fill(randomUUID());
      await choose(page, 'workforceType', 'POLICE_OFFICER');
      await choose(page, 'rank', 'CONSTABLE');
      await page.getByLabel('Length of service months').fill('60');
      // The unit left blank: refused against its field.
      await page.getByRole('button', { name: 'Record this step' }).click();
      await page.locator('.govuk-error-summary').waitFor();
      const fieldError = page.locator('#f-unit-error');
      await expect(fieldError.textContent()).resolves.toContain('Unit');
      await checkPage(page, '06-add-subject-invalid');
      await page.getByLabel('Unit').fill('Response and patrol');
      await page.getByRole('button', { name: 'Record this step' }).click();
      await page.locator('.govuk-notification-banner--success').waitFor();
      await expect(page.locator('#subjects + table tbody tr').count()).resolves.toBe(1);
      await checkPage(page, '07-case-with-subject');

      // A step the case's state does not allow: the IOPC decides a mode only of a matter referred to it.
      // The case page does not offer it (decide refuses it on the state alone), and says why.
      await expect(page.getByRole('link', { name: 'Record IOPC decision' }).count()).resolves.toBe(0);
      await page.locator('#closed-steps summary').click();
      await expect(page.locator('#closed-steps').textContent()).resolves.toMatch(/Record IOPC decision[\s\S]*PRA 2002 Sch 3 para 15/);
      // Sent anyway (a bookmarked form, or a step recorded by someone else meanwhile): refused with its rule.
      await page.goto(`${base}/casework/${caseId}/steps/RecordIopcDecision`);
      await choose(page, 'mode', 'DIRECTED');
      await fillDate(page, 'Decided on', '2024-03-05');
      await page.getByRole('button', { name: 'Record this step' }).click();
      const summary = page.locator('.govuk-error-summary');
      await summary.waitFor();
      await expect(summary.textContent()).resolves.toMatch(/iopcDecisionNeedsReferral[\s\S]*PRA 2002 Sch 3 para 15/);
      await checkPage(page, '08-refused-step');

      // The timeline shows both steps, with who recorded them.
      await page.goto(`${base}/casework/${caseId}`);
      const timeline = page.locator('.moj-timeline');
      await expect(timeline.textContent()).resolves.toMatch(/Referral received[\s\S]*psd-investigator-1/);
      await expect(timeline.textContent()).resolves.toContain('Subject added');
      await expect(timeline.textContent()).resolves.not.toContain('IOPC');

      // The case as it stood at the end of today: everything recorded so far, and no step to record.
      const group = page.getByRole('group', { name: 'Show the case as it stood on' });
      const today = service.app.get<Clock>(CLOCK, { strict: false }).today();
      await group.getByLabel('Day').fill(today.slice(8, 10));
      await group.getByLabel('Month').fill(today.slice(5, 7));
      await group.getByLabel('Year').fill(today.slice(0, 4));
      await page.getByRole('button', { name: 'Show', exact: true }).click();
      await page.getByText('as it stood at the end of').waitFor();
      await expect(page.locator('.moj-timeline').textContent()).resolves.toContain('Subject added');
      await checkPage(page, '09-case-as-at');

      // The list shows the case; its filters narrow it.
      await page.goto(`${base}/casework?caseType=CONDUCT_MATTER&force=HAMPSHIRE`);
      await checkPage(page, '10-cases-filtered');
      // The MOJ sortable table sorts the page by a heading, with the keyboard or a click.
      await page.locator('#case-list thead').getByRole('button', { name: 'Opened' }).click();
      await expect(page.locator('#case-list th').nth(4).getAttribute('aria-sort')).resolves.toBe('ascending');
      await expect(page.getByRole('link', { name: new RegExp(`Case ${caseId.slice(0, 8)}`) }).count()).resolves.toBe(1);
      // Across pages the list is sorted by the server: the choice is kept and the caption says it.
      await page.getByLabel('Sort by').selectOption('nextDeadline');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL(/sort=nextDeadline/);
      await expect(page.getByLabel('Sort by').inputValue()).resolves.toBe('nextDeadline');
      await expect(page.locator('#case-list caption').textContent()).resolves.toContain('next deadline first');
      await page.goto(`${base}/casework?caseType=COMPLAINT`);
      await expect(page.locator('table.govuk-table').count()).resolves.toBe(0);

      // Another force's investigator: refused the case as the API refuses it (404, as for no case at all).
      const other = await browser.newContext();
      const stranger = await signIn(other, { userId: 'psd-investigator-9', name: 'Sam Elsewhere', role: 'PSD_INVESTIGATOR', force: 'METROPOLITAN_POLICE' });
      await stranger.goto(`${base}/casework/${caseId}/purpose`);
      await stranger.getByLabel('Why are you opening this case?').fill('Checking a case named in a complaint');
      const [answer] = await Promise.all([
        stranger.waitForResponse((response) => response.url() === `${base}/casework/${caseId}`),
        stranger.getByRole('button', { name: 'Open the case' }).click(),
      ]);
      expect(answer.status()).toBe(404);
      await stranger.getByRole('heading', { name: 'Page not found' }).waitFor();
      await checkPage(stranger, '11-refused-other-force');
      const token = signToken(
        { userId: 'psd-investigator-9', name: 'Sam Elsewhere', roles: ['PSD_INVESTIGATOR'], force: 'METROPOLITAN_POLICE', expiresInSeconds: 300 },
        service.config.jwt,
      );
      await service
        .http()
        .get(`/api/v1/cases/${caseId}`)
        .set('Authorization', `Bearer ${token}`)
        .set('X-Access-Purpose', 'Checking a case named in a complaint')
        .expect(404);
      await other.close();

      // The pages refused above answered 400, 404 and 422, which the browser logs as failed loads; nothing else went wrong.
      expect(scriptErrors.filter((message) => !/^Failed to load resource: the server responded with a status of (400|404|422) /.test(message))).toEqual([]);

      // Sign out ends the session: the cases are no longer reachable.
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL(`${base}/sign-in`);
      await page.goto(`${base}/casework`);
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      await context.close();
    },
    BROWSER_TEST_TIMEOUT_MS,
  );

  it(
    'a DCC approves a departure from the oversight page, sees it leave the list, and closes the case with the keyboard alone',
    async () => {
      const caseId = randomUUID();
      const subjectId = randomUUID();
      const on = commandsFor(caseId);
      const recorder = new CaseRecorder(service.app.get(EventStore));
      for (const command of [
        on('ReceiveReferral', {
          caseId,
          force: 'HAMPSHIRE',
          receivedOn: '2024-01-08',
          source: 'INTERNAL_REPORT',
          caseType: 'CONDUCT_MATTER',
          summary: 'A sergeant disclosed an operation to a friend.',
          anonymousSource: false,
          sensitivity: 'STANDARD',
          corruptionCategories: ['UNAUTHORISED_DISCLOSURE'],
          flags: NO_FLAGS,
        }),
        on('AddSubject', {
          subjectId,
          personId: randomUUID(),
          workforceType: 'POLICE_OFFICER',
          rank: 'SERGEANT',
          lengthOfServiceMonths: 96,
          unit: 'Intelligence',
        }),
        on('StartInvestigation', { investigatorId: randomUUID(), startedOn: '2024-01-15', termsOfReference: 'The disclosure.' }),
        on('RecordDeparture', { subjectId, how: 'RESIGNED', on: '2024-02-01', approvedByDcc: false }),
      ]) {
        await recorder.record(command);
      }
      const context = await browser.newContext();
      context.setDefaultTimeout(10_000);
      const page = await signIn(context, { userId: 'dcc-hampshire', name: 'Dana Deputy', role: 'DCC', force: 'HAMPSHIRE' });
      await page.getByRole('link', { name: 'Oversight' }).click();
      await page.getByRole('heading', { name: 'Oversight: HAMPSHIRE' }).waitFor();
      await checkPage(page, '12-oversight');
      const departures = page.locator('#departures + table');
      await expect(departures.textContent()).resolves.toContain(`Case ${caseId.slice(0, 8)}`);

      await departures.getByRole('link', { name: new RegExp(`Approve or refuse the departure in case ${caseId.slice(0, 8)}`) }).click();
      await page.getByLabel('Why are you opening this case?').fill('Deciding the sergeant’s resignation during investigation');
      await page.getByRole('button', { name: 'Open the case' }).click();
      await page.getByRole('heading', { name: 'Record departure decision' }).waitFor();
      await checkPage(page, '13-departure-decision');
      await expect(page.locator(`input[name="path.subjectId"][value="${subjectId}"]`).isChecked()).resolves.toBe(true);
      await radio(page, 'Approved', 'Yes');
      await fillDate(page, 'On', '2024-02-05');
      await page.getByRole('button', { name: 'Record this step' }).click();
      await page.locator('.govuk-notification-banner--success').waitFor();

      await page.getByRole('link', { name: 'Oversight' }).click();
      await expect(page.locator('#departures').textContent()).resolves.toContain('Departures awaiting approval: 0');

      // Recording a step with the keyboard alone: Tab to each field, type, Enter to send.
      await page.goto(`${base}/casework/${caseId}/steps/CloseCase`);
      await tabTo(page, 'f-on-day');
      await page.keyboard.type('6');
      await page.keyboard.press('Tab');
      await page.keyboard.type('2');
      await page.keyboard.press('Tab');
      await page.keyboard.type('2024');
      await page.keyboard.press('Tab');
      await page.keyboard.type('The sergeant has left; nothing remains to decide.');
      await page.keyboard.press('Tab');
      await expect(page.evaluate('document.activeElement.textContent.trim()')).resolves.toBe('Record this step');
      await page.keyboard.press('Enter');
      await page.locator('.govuk-notification-banner--success').waitFor();
      await expect(page.locator('.govuk-summary-list').textContent()).resolves.toMatch(/Closed\s*6 February 2024/);
      await context.close();
    },
    BROWSER_TEST_TIMEOUT_MS,
  );

  it(
    'an investigator finds the cases appointed to them under "My cases" (issue 16)',
    async () => {
      const investigatorId = randomUUID();
      const mine = randomUUID();
      const another = randomUUID();
      const recorder = new CaseRecorder(service.app.get(EventStore));
      for (const caseId of [mine, another]) {
        await recorder.record(
          commandsFor(caseId)('ReceiveReferral', {
            caseId,
            force: 'HAMPSHIRE',
            receivedOn: '2024-03-04',
            source: 'INTERNAL_REPORT',
            caseType: 'CONDUCT_MATTER',
            summary: 'A constable searched a neighbour on police systems.',
            anonymousSource: false,
            sensitivity: 'STANDARD',
            corruptionCategories: ['UNAUTHORISED_DISCLOSURE'],
            flags: NO_FLAGS,
          }),
        );
      }
      await recorder.record(commandsFor(mine)('AppointInvestigator', { appointmentId: randomUUID(), investigatorId, role: 'INVESTIGATOR', on: '2024-03-05' }));
      const context = await browser.newContext();
      context.setDefaultTimeout(10_000);
      const page = await signIn(context, { userId: investigatorId, name: 'Ira Investigator', role: 'PSD_INVESTIGATOR', force: 'HAMPSHIRE' });
      await page.getByRole('link', { name: 'My cases' }).click();
      // The read models catch up within moments of the append.
      for (let attempt = 0; attempt < 20 && !(await page.content()).includes(mine); attempt += 1) {
        await page.waitForTimeout(250);
        await page.reload();
      }
      // The list links each case it shows.
      await expect(page.locator(`a[href*="${mine}"]`).count()).resolves.toBeGreaterThan(0);
      await expect(page.locator(`a[href*="${another}"]`).count()).resolves.toBe(0);
      await expect(page.locator('main').textContent()).resolves.toContain('1 case match the filters');
      await checkPage(page, '14-my-cases');
      await context.close();
    },
    BROWSER_TEST_TIMEOUT_MS,
  );
});
