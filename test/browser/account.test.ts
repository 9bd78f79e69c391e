import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, expectAccessible, loggedIn, openBrowser, screenshot, server } from './session.js';

/** The demo account ranked `rank` by revenue, through the API with the page's own session. */
async function accountAt(page: Page, rank: number): Promise<{ id: string; name: string }> {
  const response = await page.request.get(`${server!.url}/api/v1/accounts?sort=rank&size=1&page=${rank}`);
  const body = (await response.json()) as { items: { id: string; name: string }[] };
  return body.items[0]!;
}

describe.skipIf(!browserAvailable)('the account page (chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(() => browser?.close());

  it('adds a contact and logs an activity with that contact', async () => {
    const page = await loggedIn(browser, 'manager');
    const account = await accountAt(page, 3);
    await page.goto(`${server!.url}/accounts/${account.id}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(account.name);
    await screenshot(page, 'account-overview');
    await expectAccessible(page);

    await page.getByRole('tab', { name: 'Contacts' }).click();
    await page.getByRole('button', { name: 'Add a contact' }).first().click();
    const form = page.getByRole('dialog');
    await form.getByLabel(/^Name/).fill('Greta Browsertest');
    await form.getByLabel('Job title').fill('Head of Procurement');
    await form.getByRole('button', { name: 'Add contact' }).click();
    await expect.poll(() => page.getByText('Greta Browsertest').count()).toBeGreaterThan(0);
    await screenshot(page, 'account-contacts');
    await expectAccessible(page);

    await page.getByRole('tab', { name: 'Org chart' }).click();
    await expect.poll(() => page.locator('.react-flow__node').count()).toBeGreaterThan(0);
    await screenshot(page, 'account-org-chart');

    await page.getByRole('tab', { name: 'Activities' }).click();
    await page.getByLabel('Minutes').fill('45');
    await page.getByRole('combobox', { name: 'Contacts involved' }).click();
    await page.getByRole('option', { name: /Greta Browsertest/ }).click();
    await page.keyboard.press('Escape');
    await page.getByLabel('Notes').fill('Browser test: agreed on a quarterly review.');
    await page.getByRole('button', { name: 'Log activity' }).click();
    await expect.poll(() => page.getByText('Browser test: agreed on a quarterly review.').count()).toBe(1);
    await screenshot(page, 'account-activities');
    await expectAccessible(page);
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.close();
  });

  it('overrides the tier with a required reason and shows it in the header and the history', async () => {
    const page = await loggedIn(browser, 'manager');
    const account = await accountAt(page, 40);
    await page.goto(`${server!.url}/accounts/${account.id}`);
    await page.getByRole('button', { name: 'Change tier' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: 'Green Circle, set by hand' }).check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog.getByText(/at least 3 characters/).count()).toBe(1);
    await dialog.getByLabel('Reason').fill('Reference customer for the new product line');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => page.getByText(/Reference customer for the new product line/).count())
      .toBeGreaterThan(0);
    await page.getByRole('tab', { name: 'History' }).click();
    await expect
      .poll(() => page.getByRole('tabpanel').getByText('Reference customer for the new product line').count())
      .toBeGreaterThan(0);
    await screenshot(page, 'account-history');
    await expectAccessible(page);
    await page.close();
  });

  it('shows a viewer no edit controls', async () => {
    const page = await loggedIn(browser, 'viewer');
    const account = await accountAt(page, 3);
    await page.goto(`${server!.url}/accounts/${account.id}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(account.name);
    await page.getByRole('tab', { name: 'Contacts' }).click();
    await expect.poll(() => page.getByText('Greta Browsertest').count()).toBeGreaterThan(0);
    expect(
      await page.getByRole('button', { name: /Change tier|Change class|Add a contact|Edit|Delete/ }).count(),
    ).toBe(0);
    await page.getByRole('tab', { name: 'Activities' }).click();
    expect(await page.getByRole('button', { name: 'Log activity' }).count()).toBe(0);
    await screenshot(page, 'account-viewer');
    await page.close();
  });
});
