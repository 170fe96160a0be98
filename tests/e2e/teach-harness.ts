/**
 * The browser harness for the teaching pages (/learn, /lab, /compare): the shared server and Chromium, a page that
 * records every request, dialog and error, the checks every test's pages must pass (nothing left the origin, no
 * dialog, nothing threw), axe-core injected as tests/e2e/axe.test.ts injects it, and screenshots.
 */

import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { axeViolations, Harness, seriousOf, shoot, type Watched } from './harness';

/** The phone every page is checked on. */
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** Starts the server and browser around a file's tests; `open` gives a watched page on a path. */
export function useTeachHarness() {
  const harness = new Harness();
  let watched: Watched[] = [];
  beforeAll(() => harness.start());
  afterAll(() => harness.stop());
  afterEach(async () => {
    for (const w of watched) {
      const foreign = w.requests.filter(
        (url) => !url.startsWith(harness.server.origin + '/') && !/^(data|blob):/.test(url),
      );
      expect(foreign, 'requests that left the page’s origin').toEqual([]);
      expect(w.dialogs, 'dialogs opened').toEqual([]);
      expect(w.errors, 'uncaught page errors').toEqual([]);
      await w.context.close();
    }
    watched = [];
  });
  return {
    harness,
    /** A fresh watched page on `path`, hydrated. The CSP is bypassed so that axe can be injected. */
    async open(path: string, options: BrowserContextOptions = {}): Promise<Watched> {
      const context = await harness.browser.newContext({
        viewport: { width: 1280, height: 900 },
        bypassCSP: true,
        ...options,
      });
      const page = await context.newPage();
      const w: Watched = { context, page, requests: [], dialogs: [], errors: [] };
      context.on('request', (r) => w.requests.push(r.url()));
      page.on('dialog', (d) => {
        w.dialogs.push(`${d.type()}: ${d.message()}`);
        void d.dismiss();
      });
      page.on('pageerror', (e) => w.errors.push(e.message));
      watched.push(w);
      await page.goto(harness.server.origin + path);
      await page.locator('main[data-shell-hydrated=true]').waitFor();
      return w;
    },
  };
}

/** The serious and critical axe violations on the page as it is, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  return seriousOf(await axeViolations(page));
}

/** Axe on the page in light and dark, with a screenshot of each; returns every serious violation found. */
export async function checkThemes(page: Page, name: string): Promise<string[]> {
  const found: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    found.push(...(await seriousViolations(page)).map((v) => `${scheme}: ${v}`));
    await shoot(page, `${name}-${scheme}`);
  }
  return found;
}

/**
 * The boxes (inputs, text areas, pre, tables, selects) in `main` whose right edge is past the phone's screen: a
 * phone may widen its layout viewport to fit what overflows instead of scrolling sideways.
 */
export function boxesPastScreen(page: Page): Promise<string[]> {
  return page.evaluate(
    (width) =>
      [...document.querySelectorAll('main input, main textarea, main pre, main table, main select')]
        .filter((e) => e.getBoundingClientRect().right > width + 1)
        .map((e) => e.getAttribute('data-testid') ?? e.tagName),
    PHONE.viewport.width,
  );
}
