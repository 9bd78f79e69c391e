import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, expectAccessible, loggedIn, openBrowser, screenshot, server } from './session.js';

const rows = (page: Page) => page.getByTestId('account-row');
const countText = (page: Page) => page.getByTestId('account-count').textContent();

describe.skipIf(!browserAvailable)('the account list (chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(() => browser?.close());

  it('filters by class, searches as you type, keeps the view in the URL and exports it', async () => {
    const page = await loggedIn(browser, 'manager');
    await page.getByRole('link', { name: 'Accounts' }).click();
    await expect.poll(() => rows(page).count()).toBeGreaterThan(5);
    const all = Number((await countText(page))!.replace(/\D/g, ''));
    await screenshot(page, 'accounts');
    await expectAccessible(page);

    await page.getByRole('combobox', { name: 'ABC class' }).click();
    await page.getByRole('option', { name: 'A', exact: true }).click();
    await expect.poll(async () => Number((await countText(page))!.replace(/\D/g, ''))).toBeLessThan(all);
    expect(page.url()).toContain('class=A');
    // Every visible row is an A account (the class badge is the third column).
    const classes = await rows(page).locator('td:nth-child(3)').allTextContents();
    expect(classes.length).toBeGreaterThan(0);
    expect(new Set(classes)).toEqual(new Set(['A']));
    const classA = Number((await countText(page))!.replace(/\D/g, ''));
    const api = (await (await page.request.get(`${server!.url}/api/v1/accounts?class=A&size=1`)).json()) as {
      total: number;
    };
    expect(classA).toBe(api.total);

    const first = (await rows(page).first().locator('td').first().textContent())!;
    await page.getByLabel('Search accounts').fill(first.slice(0, 8));
    await expect.poll(() => page.url()).toContain('q=');
    await expect.poll(() => rows(page).first().locator('td').first().textContent()).toBe(first);
    await screenshot(page, 'accounts-filtered');
    await page.reload();
    await expect.poll(() => rows(page).first().locator('td').first().textContent()).toBe(first);
    expect(await page.getByLabel('Search accounts').inputValue()).toBe(first.slice(0, 8));

    await page.getByRole('button', { name: 'Export' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: /CSV/ }).click(),
    ]);
    const csv = await (await download.createReadStream()).toArray();
    const text = Buffer.concat(csv).toString('utf8');
    expect(text.split(/\r?\n/).filter(Boolean).length).toBeGreaterThan(1);
    expect(text).toContain(first);
    await page.close();
  });

  it('opens an account from the list', async () => {
    const page = await loggedIn(browser, 'viewer');
    await page.goto(`${server!.url}/accounts`);
    await expect.poll(() => rows(page).count()).toBeGreaterThan(0);
    const name = (await rows(page).first().getByRole('link').first().textContent())!;
    await rows(page).first().getByRole('link').first().click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(name);
    await page.close();
  });
});
