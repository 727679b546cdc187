/**
 * OpenID Connect sign-in through a real local provider (oidc-provider, in a process of its
 * own), into a real service process (openid-client is an ES module, which the service loads
 * as Node does; jest's module system would not). In Chromium: the provider's login and
 * consent, then the cases as the ID token's roles and force say. Development sign-in is
 * refused meanwhile. Skipped, with the reason, without Chromium.
 */
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { createTestDatabase, TestDatabase } from '../support/database';
import { getStatus, ServiceProcess, startServiceProcess, waitUntil, SERVICE_START_MS } from '../resilience/service-process';
import { freePort } from '../support/free-port';
import { browserTests, checkPage, launchChromium } from './browser';

const describeInBrowser = browserTests();

const CLIENT_SECRET = 'oidc-test-client-secret-0123456789abcdef';

describeInBrowser('sign-in through an OpenID Connect provider', () => {
  let database: TestDatabase;
  let service: ServiceProcess;
  let provider: ChildProcess;
  let browser: Browser;

  beforeAll(async () => {
    database = await createTestDatabase();
    const providerPort = await freePort();
    service = await startServiceProcess({
      DATABASE_URL: database.url,
      LEDGER_OIDC_ISSUER: `http://127.0.0.1:${providerPort}`,
      LEDGER_OIDC_CLIENT_ID: 'integrity-ledger',
      LEDGER_OIDC_CLIENT_SECRET: CLIENT_SECRET,
      LEDGER_OIDC_SCOPE: 'openid profile ledger',
    });
    provider = spawn('node', [path.join(__dirname, 'oidc-provider.mjs'), String(providerPort), `${service.baseUrl}/sign-in/callback`, CLIENT_SECRET], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await new Promise<void>((resolve, reject) => {
      provider.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
      provider.once('exit', (code) => reject(new Error(`the provider stopped (${code})`)));
    });
    await waitUntil(
      async () => (await getStatus(`${service.baseUrl}/health`)).status === 200,
      SERVICE_START_MS,
      () => `the service answers: ${service.output()}`,
    );
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    provider?.kill();
    service?.child.kill('SIGTERM');
    if (service) await service.exited();
    await database?.drop();
  });

  it('signs a PSD investigator in with the roles and force of their ID token, and refuses development sign-in', async () => {
    const context = await browser.newContext();
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await page.goto(`${service.baseUrl}/`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await checkPage(page, '20-sign-in-oidc');
    expect(await page.locator('input[name="userId"]').count()).toBe(0);

    await page.getByRole('button', { name: 'Sign in with your force account' }).click();
    // The provider's own (development) login and consent pages.
    await page.locator('input[name="login"]').fill('psd-oidc-1');
    await page.locator('input[name="password"]').fill('any password');
    await page.locator('button[type="submit"]').click();
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(`${service.baseUrl}/casework`);
    await expect(page.locator('.govuk-service-navigation').textContent()).resolves.toMatch(/Olive Provider · PSD_INVESTIGATOR · HAMPSHIRE/);
    expect(await page.locator('.govuk-phase-banner').count()).toBe(0);
    await checkPage(page, '21-cases-after-oidc');

    // Development sign-in, with a valid CSRF token (the page offers no form, so the sign-in cookie's): refused, since a provider is configured.
    const form = await fetch(`${service.baseUrl}/sign-in`);
    const cookie = form.headers
      .getSetCookie()
      .map((line) => line.split(';')[0])
      .join('; ');
    const development = await fetch(`${service.baseUrl}/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: /ledger_sign_in=([^;]+)/.exec(cookie)?.[1] ?? '', userId: 'x', name: 'x', role: 'DCC', force: 'HAMPSHIRE' }),
    });
    expect(development.status).toBe(403);
    expect(await development.text()).not.toContain('This form has expired');
    expect(development.headers.get('set-cookie') ?? '').not.toContain('ledger_session=');
    await context.close();
  }, 120_000);

  it('refuses an ID token that names none of the ledger roles', async () => {
    const context = await browser.newContext();
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await page.goto(`${service.baseUrl}/sign-in`);
    await page.getByRole('button', { name: 'Sign in with your force account' }).click();
    await page.locator('input[name="login"]').fill('no-roles-1');
    await page.locator('input[name="password"]').fill('any password');
    await page.locator('button[type="submit"]').click();
    await page.locator('button[type="submit"]').click();
    await page.getByText("gave none of the ledger's roles").waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in/callback');
    await context.close();
  }, 120_000);
});
