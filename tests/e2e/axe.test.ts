/**
 * Accessibility, checked by axe-core inside the page (injected by Playwright, never part of the app): no serious
 * or critical violation on the main states, desktop and phone, light and dark. And every invisible-character marker
 * (↵, ·, →, ␍) reaches 4.5:1 against what is behind it, in both themes, measured here as axe measures text.
 */

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  axeViolations,
  OUTPUT,
  openExamples,
  paste,
  pasteMismatch,
  seriousOf,
  settled,
  shoot,
} from './harness';
import { serverFixture } from '../worker/fixtures';
import { useHarness } from './use-harness';

// Whatever a test did, its pages asked nothing of any other origin, showed no dialog and threw nothing.
const harness = useHarness();
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
// The page's CSP allows no inline script, and Playwright injects axe as one: the policy is set aside for these pages
// only (debugger.test.ts checks it holds).
const CSP = { bypassCSP: true };

const results: Record<string, { violations: number; serious: string[] }> = {};

/** Runs axe on the page as it is; records the count, returns the serious and critical violations, one line each. */
async function serious(page: Page, state: string): Promise<string[]> {
  const violations = await axeViolations(page);
  const bad = seriousOf(violations);
  results[state] = { violations: violations.length, serious: bad };
  writeFileSync(join(OUTPUT, 'axe.json'), JSON.stringify(results, null, 2));
  return bad;
}

const f1 = (page: Page) => pasteMismatch(page, 'F2');

describe('axe-core finds no serious or critical violation', () => {
  it.each([
    ['light', 'light'],
    ['dark', 'dark'],
  ] as const)('on the empty page (%s)', async (name, colorScheme) => {
    const { page } = await harness.open({ ...CSP, colorScheme });
    // The empty page at rest (not dimmed by a diagnosis still under way, which is a moment's state).
    await settled(page);
    expect(await serious(page, `empty-${name}`)).toEqual([]);
  });

  it.each([
    ['desktop light', {}, 'light'],
    ['desktop dark', {}, 'dark'],
    ['phone light', PHONE, 'light'],
    ['phone dark', PHONE, 'dark'],
  ] as const)('with the live example loaded (%s)', async (name, options, colorScheme) => {
    const { page } = await harness.open({ ...CSP, ...options, colorScheme }, '/', true);
    await page.getByTestId('answer-fix').waitFor();
    await settled(page);
    expect(await serious(page, `example-${name.replace(' ', '-')}`)).toEqual([]);
    await shoot(page, `axe-example-${name.replace(' ', '-')}`);
  });

  it.each([
    ['light', 'light'],
    ['dark', 'dark'],
  ] as const)('on a mismatch with findings and diffs (%s)', async (name, colorScheme) => {
    const { page } = await harness.open({ ...CSP, colorScheme });
    await f1(page);
    // The diff and its ↵ markers, and a hovered canonical line with its highlight in the request.
    await page.locator('[data-testid=stage-canonical] [data-testid=canonical-lines] > li').nth(1).hover();
    expect(await serious(page, `mismatch-${name}`)).toEqual([]);
  });

  it('on a reply-only session, with problems in the editors (dark, phone)', async () => {
    const { page } = await harness.open({ ...CSP, ...PHONE, colorScheme: 'dark' });
    await paste(page, 'server', serverFixture('F1').serverError);
    await paste(page, 'request', 'hello, not a request');
    await page.locator('[data-testid=request-editor] .cm-lintRange-error').first().waitFor();
    await settled(page);
    expect(await serious(page, 'reply-and-junk-phone-dark')).toEqual([]);
  });

  it('with the examples catalogue open (light, phone)', async () => {
    const { page } = await harness.open({ ...CSP, ...PHONE });
    await openExamples(page);
    expect(await serious(page, 'examples-phone')).toEqual([]);
  });
});

/** The contrast of each visible invisible-character marker against the nearest opaque background behind it. */
async function markerContrast(page: Page): Promise<{ text: string; ratio: number; where: string }[]> {
  return page.evaluate(() => {
    const rgb = (c: string): [number, number, number, number] => {
      // Chromium reports colours as rgb()/rgba(), or color(srgb …) for light-dark() results.
      const n = c.match(/[\d.]+/g)!.map(Number);
      if (c.startsWith('color(')) return [n[0]! * 255, n[1]! * 255, n[2]! * 255, n[3] ?? 1];
      return [n[0]!, n[1]!, n[2]!, n[3] ?? 1];
    };
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    const background = (el: Element | null): [number, number, number] => {
      const layers: [number, number, number, number][] = [];
      for (let e = el; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c[3] > 0) layers.push(c);
        if (c[3] >= 1) break;
      }
      let out: [number, number, number] = [255, 255, 255];
      for (const [r, g, b, a] of layers.reverse())
        out = [r * a + out[0] * (1 - a), g * a + out[1] * (1 - a), b * a + out[2] * (1 - a)];
      return out;
    };
    return [...document.querySelectorAll('.eol, .invisible, .cm-special')]
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .map((el) => {
        const fg = rgb(getComputedStyle(el).color);
        const bg = background(el);
        const blended = [
          fg[0] * fg[3] + bg[0] * (1 - fg[3]),
          fg[1] * fg[3] + bg[1] * (1 - fg[3]),
          fg[2] * fg[3] + bg[2] * (1 - fg[3]),
        ];
        const [a, b] = [lum(blended), lum(bg)];
        return {
          text: el.textContent ?? '',
          ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05),
          where: `${el.className} in ${el.closest('[data-testid]')?.getAttribute('data-testid')} / ${el.closest('.row')?.className ?? ''}`,
        };
      });
  });
}

describe('the ↵ and other invisible-character markers', () => {
  it.each(['light', 'dark'] as const)('reach 4.5:1 contrast (%s)', async (colorScheme) => {
    const { page } = await harness.open({ ...CSP, colorScheme });
    await f1(page);
    await page.getByTestId('show-secrets').check();
    const markers = await markerContrast(page);
    expect(markers.filter((m) => m.text.includes('↵')).length).toBeGreaterThan(5);
    const low = markers.filter((m) => m.ratio < 4.5).map((m) => `${m.text} ${m.ratio.toFixed(2)} ${m.where}`);
    expect([...new Set(low)]).toEqual([]);
    await shoot(page, `markers-${colorScheme}`);
  });
});
