/**
 * Debian's Chromium driven by playwright-core (docs/toolchain.md), with axe-core checking
 * each page against WCAG 2.2 AA and a screenshot of each kept under test-artifacts/ (not
 * committed). Without Chromium the browser tests are skipped and say why; under CI they
 * fail instead, since .ci/run installs it.
 */
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { words } from '../../src/web/form-view';

export const CHROMIUM_PATH = process.env.LEDGER_CHROMIUM ?? '/usr/bin/chromium';
/** The flags that launch Debian's Chromium headless as root on a machine without a GPU. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
export const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts/web');

/** Why the browser tests cannot run here, or undefined when they can. */
export function chromiumMissing(): string | undefined {
  if (fs.existsSync(CHROMIUM_PATH)) return undefined;
  return `Chromium is not installed at ${CHROMIUM_PATH} (apt-get install -y chromium; .ci/run installs it)`;
}

/**
 * `describe` where Chromium is installed. Elsewhere `describe.skip`, beside one skipped test
 * whose name gives the reason (so the run says so rather than passing unseen); under CI, where
 * .ci/run installs Chromium, its absence fails the file instead.
 */
export function browserTests(): jest.Describe {
  const missing = chromiumMissing();
  if (missing === undefined) return describe;
  if (process.env.CI) throw new Error(`the browser tests cannot run: ${missing}`);
  console.warn(`SKIPPED: the browser tests need Chromium. ${missing}`);
  it.skip(`SKIPPED: the browser tests need Chromium. ${missing}`, () => undefined);
  return describe.skip;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, headless: true });
}

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** The page passes axe-core's WCAG 2.2 AA rules, and is kept as a screenshot named `name`. */
export async function checkPage(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
  const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  const violations = results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    help: violation.help,
    nodes: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
  }));
  expect({ page: name, violations }).toEqual({ page: name, violations: [] });
}

/** A new context's page, failing slow steps after 15 seconds, with the script errors its pages raise (a journey expects none). */
export async function pageWithScriptErrors(browser: Browser): Promise<{ context: BrowserContext; page: Page; scriptErrors: string[] }> {
  const context = await browser.newContext();
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const scriptErrors: string[] = [];
  page.on('pageerror', (error) => scriptErrors.push(error.message));
  return { context, page, scriptErrors };
}

/** A GOV.UK date input's three fields, named `<name>-day`, `-month`, `-year` (src/web/form-view.ts). */
export async function fillDay(page: Page, name: string, day: string): Promise<void> {
  const [year, month, date] = day.split('-');
  await page.locator(`input[name="${name}-day"]`).fill(String(Number(date)));
  await page.locator(`input[name="${name}-month"]`).fill(String(Number(month)));
  await page.locator(`input[name="${name}-year"]`).fill(year);
}

/** Signs in through the development sign-in page as this user, role and force; answers the page on the cases list. */
export async function signInInBrowser(page: Page, base: string, who: { userId: string; name: string; role: string; force: string }): Promise<Page> {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('User id').fill(who.userId);
  await page.getByLabel('Name').fill(who.name);
  await page.getByLabel(words(who.role), { exact: true }).check();
  await page.getByLabel('Force').fill(who.force);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${base}/casework`);
  return page;
}

/** A new browser context signed in as this user (signInInBrowser), its page, and the script errors the page raises. */
export async function signedInPage(
  browser: Browser,
  base: string,
  who: { userId: string; name: string; role: string; force: string },
): Promise<{ context: BrowserContext; page: Page; scriptErrors: string[] }> {
  const opened = await pageWithScriptErrors(browser);
  await signInInBrowser(opened.page, base, who);
  return opened;
}

/** Chooses an enumeration value, drawn as radios or (for long lists) a select. */
export async function choose(page: Page, name: string, value: string): Promise<void> {
  const select = page.locator(`select[name="${name}"]`);
  if ((await select.count()) > 0) await select.selectOption(value);
  else await page.locator(`input[type=radio][name="${name}"][value="${value}"]`).check();
}
