/**
 * Finding and starting Chromium for the browser tests: CHROME_PATH, else Debian's chromium, else Chrome.
 */

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** The Chromium executable, or an error saying how to get one. */
export function findChromium(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH=${fromEnv} does not exist.`);
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found: install it (sudo apt-get install chromium) or set CHROME_PATH to a Chromium or Chrome binary.',
    );
  }
  return found;
}

/**
 * Finds Chromium, installing Debian's `chromium` package first when none is there and this process may (root,
 * with apt-get); otherwise the error of `findChromium` says what to do.
 */
export function ensureChromium(): string {
  const missing = !process.env.CHROME_PATH && !CANDIDATES.some((p) => existsSync(p));
  if (missing && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log("e2e: no Chromium found; installing Debian's chromium with apt-get");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  }
  return findChromium();
}

/**
 * Starts headless Chromium with nothing that phones home. Playwright gives it a fresh temporary profile
 * (--user-data-dir) of its own, and each test context is isolated on top of that.
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
