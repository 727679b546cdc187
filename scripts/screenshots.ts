import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createApp } from '../src/bootstrap';
import { CLOCK } from '../src/common/clock';
import type { Clock } from '../src/common/clock';
import { addMonthsToDay } from '../src/common/days';
import { loadConfiguration } from '../src/config/configuration';
import { openDatabase } from '../src/database/database';
import { SEED_STORIES } from '../src/cases/seed-stories';
import { signToken } from '../src/http/token';
import { launchChromium, signInInBrowser } from '../test/web/browser';

/**
 * `npm run screenshots` (after `npm run demo`): starts the service on the demo data (the
 * same database as `npm start`, which must be stopped), signs in through the development
 * sign-in in Debian's Chromium (LEDGER_CHROMIUM, or /usr/bin/chromium) and saves the main
 * pages, 1280 pixels wide, as PNGs under docs/screenshots/ for the README.
 */
const OUT = path.resolve(__dirname, '../docs/screenshots');
const WIDTH = 1280;
/** Long pages are cut here: the README shows the top of each. */
const MAX_HEIGHT = 1600;
const FORCE = 'HAMPSHIRE';

/** The page from its top, or from `from` (a selector) when what it shows is further down. */
async function shoot(page: Page, name: string, from?: string): Promise<void> {
  await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; caret-color: transparent !important; }' });
  const top = from === undefined ? 0 : Math.max(0, ((await page.locator(from).first().boundingBox())?.y ?? 0) - 24);
  const height = Math.min(MAX_HEIGHT, Number(await page.evaluate('document.documentElement.scrollHeight')) - top);
  await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: true, clip: { x: 0, y: top, width: WIDTH, height } });
  process.stderr.write(`  ${name}.png\n`);
}

async function signIn(browser: Browser, base: string, who: { userId: string; name: string; role: string }): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: WIDTH, height: 900 }, acceptDownloads: true });
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  return signInInBrowser(page, base, { ...who, force: FORCE });
}

async function fillDate(page: Page, legend: string, day: string): Promise<void> {
  const group = page.getByRole('group', { name: legend });
  await group.getByLabel('Day').fill(String(Number(day.slice(8, 10))));
  await group.getByLabel('Month').fill(String(Number(day.slice(5, 7))));
  await group.getByLabel('Year').fill(day.slice(0, 4));
}

async function main(): Promise<number> {
  const config = loadConfiguration({ ...process.env, LEDGER_RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: process.env.LOG_LEVEL ?? 'error' });
  const database = await openDatabase(config);
  const app = await createApp(config, database);
  let browser: Browser | undefined;
  try {
    await app.listen(0, '127.0.0.1');
    const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const today = app.get<Clock>(CLOCK).today();
    fs.mkdirSync(OUT, { recursive: true });
    browser = await launchChromium();
    // The first seed story, which the demo loads into HAMPSHIRE: a case with a long timeline.
    const story = SEED_STORIES[0];
    const subject = story.commands.find((command) => command.type === 'AddSubject');
    const personId = subject?.type === 'AddSubject' ? subject.personId : undefined;

    const investigator = await signIn(browser, base, { userId: 'acu-investigator-1', name: 'Alex Investigator', role: 'ACU_INVESTIGATOR' });
    await shoot(investigator, 'cases');
    await investigator.goto(`${base}/casework/${story.caseId}/purpose`);
    await investigator.getByLabel('Why are you opening this case?').fill('Reviewing the case for the README');
    await investigator.getByRole('button', { name: 'Open the case' }).click();
    await investigator.locator('.moj-timeline').waitFor();
    await shoot(investigator, 'case');
    await shoot(investigator, 'case-timeline', '#timeline');
    await investigator.goto(`${base}/integrity/${personId}/purpose`);
    await investigator.getByLabel('Why are you opening this integrity record?').fill('Reviewing the record for the README');
    await investigator.getByRole('button', { name: 'Open the record' }).click();
    await investigator.waitForURL(new RegExp(`/integrity/${personId}$`));
    await shoot(investigator, 'person');

    const dcc = await signIn(browser, base, { userId: 'dcc-hampshire', name: 'Dana Deputy', role: 'DCC' });
    await dcc.goto(`${base}/oversight`);
    await shoot(dcc, 'oversight');

    const inspector = await signIn(browser, base, { userId: 'inspector-1', name: 'Ira Inspector', role: 'INSPECTOR' });
    await inspector.goto(`${base}/inspection/figures`);
    await fillDate(inspector, 'First day', addMonthsToDay(today, -12));
    await fillDate(inspector, 'Last day', today);
    await inspector.getByRole('button', { name: 'Show the figures' }).click();
    await inspector.locator('svg.app-chart').first().waitFor();
    await shoot(inspector, 'inspection');

    // The case's export, checked in the browser (WebCrypto): the verdict, on the verify page.
    const token = signToken({ userId: 'inspector-1', name: 'Ira Inspector', roles: ['INSPECTOR'], force: FORCE, expiresInSeconds: 300 }, config.jwt);
    const exported = await fetch(`${base}/api/v1/cases/${story.caseId}/export`, {
      headers: { Authorization: `Bearer ${token}`, 'X-Access-Purpose': 'Checking the export for the README' },
    });
    const file = path.join(fs.mkdtempSync(path.join(config.dataDir, 'screenshots-')), `case-${story.caseId}.json`);
    fs.writeFileSync(file, await exported.text());
    await inspector.goto(`${base}/inspection/verify`);
    await inspector.getByLabel('Choose the export file').setInputFiles(file);
    await inspector.getByRole('button', { name: 'Check the export' }).click();
    await inspector.locator('#verdict .app-verdict').waitFor();
    await shoot(inspector, 'verify');
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    return 0;
  } finally {
    await browser?.close();
    await app.close();
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`screenshots: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
