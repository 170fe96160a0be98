/**
 * Builds the site once when build/ is missing (`npm test` builds just before, so it is reused there), and makes
 * sure a browser is there before any test starts (installing Debian's chromium when it can).
 */

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureChromium } from './browser';

export default function setup(): void {
  ensureChromium();
  const root = join(import.meta.dirname, '../..');
  if (!existsSync(join(root, 'build/index.html'))) {
    console.log('e2e: build/ is missing, running vite build');
    execFileSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
  }
}
