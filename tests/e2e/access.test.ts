/**
 * For everyone: every control has a name, the page works from the keyboard, colour follows the system with a
 * toggle, and narrow screens stack the panes. Screenshots of each go to tests/output/.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openExamples, paste, pasteMismatch, shoot } from './harness';
import { useHarness } from './use-harness';

// Whatever a test did, its pages asked nothing of any other origin, showed no dialog and threw nothing.
const harness = useHarness();

const loadF1 = (page: import('playwright-core').Page) => pasteMismatch(page, 'F1');

describe('controls', () => {
  it('all have an accessible name', async () => {
    const { page } = await harness.open();
    await loadF1(page);
    await openExamples(page);
    const unnamed = await page.evaluate(() => {
      const controls = document.querySelectorAll<HTMLElement>(
        'input:not([type=file]), select, textarea, button, summary, [contenteditable=true], [tabindex="0"]',
      );
      const name = (el: HTMLElement) => {
        const labelled = el.getAttribute('aria-labelledby');
        return (
          el.getAttribute('aria-label') ||
          (labelled ? document.getElementById(labelled)?.textContent : '') ||
          ((el as HTMLInputElement).labels?.[0]?.textContent ?? '') ||
          (el.tagName === 'BUTTON' || el.tagName === 'SUMMARY' ? el.textContent : '') ||
          ''
        ).trim();
      };
      return [...controls]
        .filter((el) => el.offsetParent !== null && name(el) === '')
        .map((el) => el.outerHTML.slice(0, 120));
    });
    expect(unnamed).toEqual([]);
  });

  it('are reached with the keyboard, and the verdict is in words', async () => {
    const { page } = await harness.open();
    await loadF1(page);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    const reached = new Set<string>();
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el?.dataset.testid ?? el?.getAttribute('aria-label') ?? el?.tagName ?? '';
      });
      reached.add(id);
    }
    for (const name of ['share', 'request-editor-content', 'secret-key', 'scheme', 'server-editor-content'])
      expect([...reached]).toContain(name);
    expect([...reached].some((n) => n.startsWith('HTTP method:'))).toBe(true);
    expect(await page.getByTestId('verdict').textContent()).toContain('Does not match');
  });
});

describe('colour', () => {
  it('follows the system, with a toggle', async () => {
    const { page } = await harness.open({ colorScheme: 'dark' });
    await loadF1(page);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const dark = await background();
    await shoot(page, 'dark-mode');
    await page.getByTestId('theme').selectOption('light');
    expect(await background()).not.toBe(dark);
    await page.getByTestId('theme').selectOption('dark');
    expect(await background()).toBe(dark);
  });
});

describe('a narrow screen', () => {
  it('stacks the panes', async () => {
    const { page } = await harness.open({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const dir = join(import.meta.dirname, '../vectors/sigv4/aws-c-auth-v4/get-vanilla');
    await paste(page, 'request', readFileSync(join(dir, 'header-signed-request.txt'), 'utf8'));
    await page.getByTestId('secret-key').fill('wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY');
    await page.locator('[data-testid=verdict][data-verdict=match]').waitFor();
    const request = await page.getByTestId('request-editor').boundingBox();
    const stages = await page.getByTestId('stage-canonical').boundingBox();
    expect(stages!.y).toBeGreaterThan(request!.y + request!.height);
    // Nothing wider than the screen: a mobile browser would otherwise zoom the whole page out to fit it.
    const widths = await page.evaluate(() => ({
      inner: window.innerWidth,
      scroll: document.documentElement.scrollWidth,
    }));
    expect(widths).toEqual({ inner: 390, scroll: 390 });
    await shoot(page, 'narrow-screen');
  });

  it('shows the empty page', async () => {
    const { page } = await harness.open();
    await shoot(page, 'empty');
    expect(await page.getByTestId('stages-empty').isVisible()).toBe(true);
  });
});
