import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, expectAccessible, loggedIn, openBrowser, screenshot } from './session.js';

// A German ERP export: semicolons, decimal commas, dd.mm.yyyy; line 4 has an amount nobody can read.
const CSV = [
  'Rechnungsnummer;Position;Rechnungsdatum;Kundennummer;Kunde;Betrag',
  'BT-1;1;05.03.2026;BT100;Browsertest Eins GmbH;1.234,50',
  'BT-1;2;05.03.2026;BT100;Browsertest Eins GmbH;99,95',
  'BT-2;1;17.03.2026;BT200;Browsertest Zwei AG;zwölf',
  'BT-3;1;24.03.2026;BT200;Browsertest Zwei AG;450,00',
].join('\r\n');

describe.skipIf(!browserAvailable)('importing a sales file (chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(() => browser?.close());

  it('shows how the file is read, refuses the bad row with its line number, then imports the good rows', async () => {
    const page = await loggedIn(browser, 'manager');
    await page.getByRole('link', { name: 'Import' }).click();
    await page.waitForURL(/\/imports$/);
    await screenshot(page, 'import-empty');
    await expectAccessible(page);
    await page
      .getByTestId('file-input')
      .setInputFiles({ name: 'umsatz-maerz.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });
    // The preview: the detected layout and the header → field mapping, before anything is imported.
    await expect.poll(() => page.getByText('Kundennummer').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByText('zwölf').count()).toBeGreaterThan(0);
    await screenshot(page, 'import-preview');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Import umsatz-maerz.csv' }).click();
    await expect.poll(() => page.getByText('Nothing was imported').count(), { timeout: 60_000 }).toBe(1);
    const rejects = page.getByRole('table').filter({ hasText: 'zwölf' }).last();
    const row = rejects.getByRole('row').filter({ hasText: 'zwölf' });
    await expect.poll(() => row.first().textContent()).toMatch(/^4/);
    expect(await page.getByRole('link', { name: 'Download the rejects file (CSV)' }).count()).toBe(1);
    await screenshot(page, 'import-rejected');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Import the good rows instead' }).click();
    await expect
      .poll(() => page.getByText('3 sales lines were imported from umsatz-maerz.csv.').count(), {
        timeout: 60_000,
      })
      .toBe(1);
    await screenshot(page, 'import-succeeded');
    // The new customer is an account now, with the analysis published after the import.
    await page.goto(page.url().replace(/\/imports$/, '/accounts/BT100'));
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toContain('Browsertest Eins GmbH');
    await page.close();
  });
});
