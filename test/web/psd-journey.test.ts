/**
 * A PSD investigator's case from referral to barred list, in Chromium through the forms on
 * the pages (issue 14): development sign-in, a referral, a subject and an allegation, the
 * severity assessment, the investigation and its notice, the report, the case to answer,
 * the hearing and its outcome (dismissal without notice), and the barred-list entry. A
 * barred-list entry sent before the outcome is refused with its rule; the timeline shows
 * every step. axe-core checks the pages on the way; screenshots in test-artifacts/web/.
 */
import type { Browser, Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { words } from '../../src/web/form-view';
import { startTestApp, TestApp } from '../support/app';
import { browserTests, checkPage, launchChromium, signInInBrowser } from './browser';

const describeInBrowser = browserTests();
/** A dozen forms, several checked by axe-core, on a machine of two cores shared with other test files. */
const BROWSER_TEST_TIMEOUT_MS = 300_000;

type FieldValue = string | boolean | readonly string[];

describeInBrowser('a PSD investigator’s case to a hearing outcome, in Chromium', () => {
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

  /** Fills a step's form by its fields' names (docs/web.md): a date's three inputs, a flag's radios, an enumeration's radios, select or checkboxes. */
  async function fill(page: Page, values: Record<string, FieldValue>): Promise<void> {
    for (const [name, value] of Object.entries(values)) {
      if (typeof value === 'boolean') {
        await page.locator(`input[type=radio][name="${name}"][value="${String(value)}"]`).check();
      } else if (Array.isArray(value)) {
        for (const choice of value) await page.locator(`input[type=checkbox][name="${name}"][value="${choice}"]`).check();
      } else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
        const [year, month, day] = value.split('-');
        await page.locator(`input[name="${name}-day"]`).fill(String(Number(day)));
        await page.locator(`input[name="${name}-month"]`).fill(String(Number(month)));
        await page.locator(`input[name="${name}-year"]`).fill(year);
      } else if ((await page.locator(`select[name="${name}"]`).count()) > 0) {
        await page.locator(`select[name="${name}"]`).selectOption(String(value));
      } else if ((await page.locator(`input[type=radio][name="${name}"]`).count()) > 0) {
        await page.locator(`input[type=radio][name="${name}"][value="${String(value)}"]`).check();
      } else {
        await page.locator(`[name="${name}"]`).fill(String(value));
      }
    }
  }

  /** Opens a step from the case page's list of next steps, fills its form and records it. */
  async function recordStep(
    page: Page,
    caseId: string,
    operationId: string,
    values: Record<string, FieldValue>,
    check?: string,
    onForm?: () => Promise<void>,
  ): Promise<void> {
    await page.goto(`${base}/casework/${caseId}`);
    await page.locator(`a[href*="/casework/${caseId}/steps/${operationId}"]`).first().click();
    await page.getByRole('heading', { name: words(operationId) }).waitFor();
    await fill(page, values);
    await onForm?.();
    if (check !== undefined) await checkPage(page, check);
    await page.getByRole('button', { name: 'Record this step' }).click();
    await page.locator('.govuk-notification-banner--success, .govuk-error-summary').first().waitFor();
    // A refusal here is a fault of the journey: say what the page said.
    const refused = page.locator('.govuk-error-summary');
    if ((await refused.count()) > 0) throw new Error(`${operationId} refused: ${(await refused.textContent())?.replace(/\s+/g, ' ')}`);
  }

  it(
    'records a referral, a subject and every step to dismissal and the barred list; a refused step shows its rule; the timeline shows them all',
    async () => {
      const context = await browser.newContext();
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      page.on('pageerror', (error) => scriptErrors.push(error.message));
      await signInInBrowser(page, base, { userId: 'psd-investigator-5', name: 'Pat Investigator', role: 'PSD_INVESTIGATOR', force: 'HAMPSHIRE' });

      await page.getByRole('link', { name: 'Record a referral' }).click();
      await fill(page, {
        receivedOn: '2023-03-01',
        source: 'INTERNAL_REPORT',
        caseType: 'CONDUCT_MATTER',
        summary: 'A constable passed details of an operation to a friend under investigation.',
        anonymousSource: false,
        sensitivity: 'STANDARD',
        'flags.apsp': false,
        'flags.prejudicialImproperBehaviour': false,
        'flags.violenceAgainstWomenAndGirls': false,
        corruptionCategories: ['UNAUTHORISED_DISCLOSURE'],
      });
      await page.getByRole('button', { name: 'Record the referral' }).click();
      await page.getByLabel('Why are you opening this case?').fill('Investigating the referral to its outcome');
      await page.getByRole('button', { name: 'Open the case' }).click();
      const caseId = new URL(page.url()).pathname.split('/')[2];
      await page.getByRole('heading', { name: `Case ${caseId}` }).waitFor();

      let subjectId = '';
      await recordStep(
        page,
        caseId,
        'AddSubject',
        {
          personId: randomUUID(),
          workforceType: 'POLICE_OFFICER',
          rank: 'CONSTABLE',
          lengthOfServiceMonths: '84',
          unit: 'Neighbourhood policing',
        },
        undefined,
        async () => {
          subjectId = await page.locator('input[name="subjectId"]').inputValue();
        },
      );
      await recordStep(page, caseId, 'RecordAllegation', {
        subjectId,
        summary: 'Passed details of a planned search to a friend under investigation.',
        standards: ['CONFIDENTIALITY', 'HONESTY_AND_INTEGRITY'],
      });
      await recordStep(page, caseId, 'AssessSeverity', {
        'path.subjectId': subjectId,
        level: 'GROSS_MISCONDUCT',
        assessedBy: 'APPROPRIATE_AUTHORITY',
        rationale: 'Disclosure that put an operation at risk.',
      });
      await checkPage(page, '40-journey-case-assessed');
      await recordStep(page, caseId, 'StartInvestigation', {
        investigatorId: randomUUID(),
        startedOn: '2023-03-06',
        termsOfReference: 'The disclosure and its effect on the operation.',
      });
      await recordStep(page, caseId, 'ServeNoticeOfInvestigation', { 'path.subjectId': subjectId, servedOn: '2023-03-08' });
      await recordStep(page, caseId, 'SubmitInvestigationReport', { on: '2023-06-30' });
      await recordStep(page, caseId, 'DecideCaseToAnswer', {
        'path.subjectId': subjectId,
        decision: 'CASE_TO_ANSWER_GROSS_MISCONDUCT',
        decidedBy: 'APPROPRIATE_AUTHORITY',
        on: '2023-07-10',
      });

      // A barred-list entry before any outcome: refused, with the rule and its source.
      await page.goto(`${base}/casework/${caseId}/steps/AddToBarredList`);
      await fill(page, { 'path.subjectId': subjectId, on: '2023-07-11', basis: 'DISMISSED' });
      await page.getByRole('button', { name: 'Record this step' }).click();
      const refusal = page.locator('.govuk-error-summary');
      await refusal.waitFor();
      await expect(refusal.textContent()).resolves.toMatch(/barredListNeedsDismissal[\s\S]*Police Act 1996 s88A/);
      await checkPage(page, '41-journey-barred-list-refused');

      await recordStep(page, caseId, 'ScheduleProceedings', {
        'path.subjectId': subjectId,
        kind: 'MISCONDUCT_HEARING',
        noticeServedOn: '2023-07-17',
        scheduledFor: '2023-09-18',
      });
      await recordStep(
        page,
        caseId,
        'ConcludeProceedings',
        {
          'path.subjectId': subjectId,
          on: '2023-09-20',
          'findings.0.standard': 'CONFIDENTIALITY',
          'findings.0.proven': true,
          'findings.0.level': 'GROSS_MISCONDUCT',
          outcome: 'DISMISSAL_WITHOUT_NOTICE',
          formerOfficer: false,
          chair: 'LEGALLY_QUALIFIED_CHAIR',
        },
        '42-journey-outcome-form',
      );
      await recordStep(page, caseId, 'AddToBarredList', { 'path.subjectId': subjectId, on: '2023-09-25', basis: 'DISMISSED' });
      await expect(page.locator('#subjects + table').textContent()).resolves.toMatch(
        /Dismissal without notice[\s\S]*Barred list|Barred list[\s\S]*Dismissal without notice/,
      );

      const timeline = (await page.locator('.moj-timeline').textContent()) ?? '';
      for (const title of [
        'Referral received',
        'Subject added',
        'Allegation recorded',
        'Severity assessed',
        'Investigation started',
        'Investigation report submitted',
        'Proceedings scheduled',
        'Proceedings concluded',
        'Barred list entry made',
      ])
        expect(timeline).toContain(title);
      await checkPage(page, '43-journey-case-barred');
      expect(scriptErrors).toEqual([]);
      await context.close();
    },
    BROWSER_TEST_TIMEOUT_MS,
  );
});
