import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';

/** Debian's chromium, as the machines have it; the browser tests are skipped (and say so) without it. */
export const CHROMIUM = process.env.KONTOR_CHROMIUM ?? '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

/** Screenshots of every page land here, to be looked at (see docs/ARCHITECTURE.md). */
export const SCREENSHOTS = path.resolve('test-results', 'screenshots');
