import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { launchChromium, SCREENSHOTS } from './chromium.js';
import type { BrowserServer } from './global-setup.js';

export const server = inject('kontor');
/** Browser tests need Debian's chromium and a built app (`npm run build`); the report says when skipped. */
export const browserAvailable = server !== null;

export async function openBrowser(): Promise<Browser> {
  return launchChromium();
}

/** A fresh page logged in as one of the demo users (the real login form, not a cookie shortcut). */
export async function loggedIn(
  browser: Browser,
  role: keyof BrowserServer['logins'],
  viewport = { width: 1280, height: 800 },
): Promise<Page> {
  const page = await browser.newPage({ viewport, locale: 'en-US' });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  (page as Page & { errors: string[] }).errors = errors;
  await page.goto(`${server!.url}/login`);
  await page.getByLabel('E-mail').fill(server!.logins[role].email);
  await page.getByLabel(/^Password/).fill(server!.logins[role].password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return page;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  // From the top: a full-page capture of a scrolled page repeats the fixed header mid-page.
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

// Evaluated through the DevTools protocol: the page's CSP (script-src 'self') stays on while axe runs.
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core in the page; serious and critical violations fail the test, with what and where. */
export async function expectAccessible(page: Page): Promise<void> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await (
      globalThis as unknown as {
        axe: {
          run: () => Promise<{
            violations: {
              id: string;
              impact: string;
              nodes: { target: string[]; failureSummary?: string }[];
            }[];
          }>;
        };
      }
    ).axe.run();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.nodes
            .slice(0, 3)
            .map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`)
            .join('; ')}`,
      );
  });
  expect(violations).toEqual([]);
}

/** Navigation start → the element that makes the page usable is visible, from the browser's clock. */
export async function timeToInteractive(page: Page, url: string, ready: string): Promise<number> {
  await page.goto(url);
  await page.waitForSelector(ready, { state: 'visible' });
  return page.evaluate(() => performance.now());
}
