import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, expectAccessible, loggedIn, openBrowser, screenshot, server } from './session.js';

describe.skipIf(!browserAvailable)('settings, users and teams, profile (chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(() => browser?.close());

  it('shows an admin the settings, users and profile pages, accessible, in English and German', async () => {
    const page = await loggedIn(browser, 'admin');
    for (const [path, heading] of [
      ['/settings', 'Settings'],
      ['/users', 'Users and teams'],
      ['/profile', 'My profile'],
    ] as const) {
      await page.goto(`${server!.url}${path}`);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(heading);
      await page.waitForLoadState('networkidle');
      await screenshot(page, path.slice(1));
      await expectAccessible(page);
    }
    // The settings quote the method's numbers, as shares in percent (METHOD P3: A up to 80%).
    await page.goto(`${server!.url}/settings`);
    await expect.poll(() => page.getByText(/Method default: 80\s?%/).count()).toBeGreaterThan(0);
    await page.getByText('DE', { exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Einstellungen');
    await screenshot(page, 'settings-de');
    await expectAccessible(page);
    await page.getByText('EN', { exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Settings');
    await page.close();
  });

  it('tells a viewer who opens the settings that they have no access', async () => {
    const page = await loggedIn(browser, 'viewer');
    await page.goto(`${server!.url}/settings`);
    await expect.poll(() => page.getByText('You do not have access to this page.').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Save' }).count()).toBe(0);
    await screenshot(page, 'settings-viewer');
    await page.close();
  });

  it('lays the dashboard and an account page out for a tablet', async () => {
    const page = await loggedIn(browser, 'manager', { width: 820, height: 1180 });
    await expect.poll(() => page.getByTestId('portfolio-headline').count()).toBe(1);
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'tablet-dashboard');
    await page.goto(`${server!.url}/accounts`);
    await expect.poll(() => page.getByTestId('account-row').count()).toBeGreaterThan(0);
    await screenshot(page, 'tablet-accounts');
    await page.getByTestId('account-row').first().getByRole('link').first().click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).count()).toBe(1);
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'tablet-account');
    // Nothing wider than the screen: the page does not scroll sideways.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(820);
    await page.close();
  });
});
