import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, expectAccessible, loggedIn, openBrowser, screenshot, server } from './session.js';

describe.skipIf(!browserAvailable)('logging in and out (chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(() => browser?.close());

  it('refuses a wrong password with a clear message, then logs in and keeps the session over a reload', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    await page.goto(`${server!.url}/accounts`);
    await page.waitForURL(/\/login\?next=/);
    await screenshot(page, 'login');
    await expectAccessible(page);
    await page.getByLabel('E-mail').fill(server!.logins.viewer.email);
    await page.getByLabel(/^Password/).fill('not the password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('The e-mail or password is not right.');
    await page.getByLabel(/^Password/).fill(server!.logins.viewer.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(/\/accounts$/);
    await page.reload();
    await expect.poll(() => page.getByTestId('current-user').textContent()).toContain('Viewer');
    expect(page.url()).toMatch(/\/accounts$/);
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/login/);
    await page.goto(`${server!.url}/`);
    await page.waitForURL(/\/login/);
    await page.close();
  });

  it('shows the navigation a role may use: no settings or users for a viewer', async () => {
    const viewer = await loggedIn(browser, 'viewer');
    const nav = viewer.getByRole('navigation', { name: 'Main navigation' });
    await expect
      .poll(() => nav.getByRole('link').allTextContents())
      .toEqual(['Portfolio', 'Accounts', 'My profile']);
    await viewer.close();
    const admin = await loggedIn(browser, 'admin');
    await expect
      .poll(() =>
        admin.getByRole('navigation', { name: 'Main navigation' }).getByRole('link').allTextContents(),
      )
      .toEqual(['Portfolio', 'Accounts', 'Import', 'Settings', 'Users and teams', 'My profile']);
    await admin.close();
  });
});
