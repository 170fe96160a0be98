/**
 * Side by side (/compare): each "try it" flips exactly the verdicts the schemes' rules say it should: SigV1 signs
 * only the parameters, SigV2 adds method, host and path, S3 SigV2 signs neither the Host nor a body without
 * Content-MD5 nor an ordinary query parameter, SigV4 and SigV4A sign what SignedHeaders lists and the payload hash.
 * One tampered request is also verified here with the engine. Axe, phone, no request leaving the origin.
 */

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { verifyLegacyText } from '../../src/lib/sig/scheme-text';
import { shoot } from './harness';
import { checkThemes, PHONE, useTeachHarness } from './teach-harness';

const t = useTeachHarness();

/** Which signatures still verify after each change, in the order sigv4, sigv4a, s3v2, sigv2, sigv1. */
const EXPECTED: Record<string, [boolean, boolean, boolean, boolean, boolean]> = {
  none: [true, true, true, true, true],
  host: [false, false, true, false, true],
  body: [false, false, true, true, true],
  'unsigned-header': [true, true, true, true, true],
  'amz-header': [true, true, false, true, true],
  'content-type': [false, false, false, true, true],
  param: [false, false, true, false, false],
  path: [false, false, false, false, true],
};
const ORDER = ['sigv4', 'sigv4a', 's3v2', 'sigv2', 'sigv1'];

async function verdictsAfter(page: Page, id: string): Promise<boolean[]> {
  await page.getByTestId(`try-${id}`).click();
  await page.locator(`[data-testid=compare-status][data-done="${id}"]`).waitFor();
  const cols = page.locator('[data-testid=compare-grid] [data-scheme]');
  expect(await cols.evaluateAll((c) => c.map((x) => x.getAttribute('data-scheme')))).toEqual(ORDER);
  return cols
    .locator('[data-testid=verdict]')
    .evaluateAll((v) => v.map((x) => x.getAttribute('data-verifies') === 'true'));
}

describe('/compare', () => {
  it.each(Object.keys(EXPECTED))('try it: %s flips exactly the verdicts it should', async (id) => {
    const { page } = await t.open('/compare');
    await page.locator('[data-testid=compare-status][data-done=none]').waitFor();
    if (id !== 'none') expect(await verdictsAfter(page, 'none')).toEqual(EXPECTED['none']);
    expect(await verdictsAfter(page, id)).toEqual(EXPECTED[id]);
  });

  it('the SigV1 request shown with a changed Host still verifies under the engine', async () => {
    const { page } = await t.open('/compare');
    await verdictsAfter(page, 'host');
    const shown = await page.locator('[data-scheme=sigv1] pre').textContent();
    expect(shown).toContain('Host: s3.us-west-2.amazonaws.com');
    const v = verifyLegacyText({
      scheme: 'sigv1',
      request: shown!,
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
    });
    expect(v.ok && v.value.match).toBe(true);
  });

  it('the buttons work by keyboard and say which is pressed', async () => {
    const { page } = await t.open('/compare');
    await page.locator('[data-testid=compare-status][data-done=none]').waitFor();
    await page.getByTestId('try-path').focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=compare-status][data-done=path]').waitFor();
    expect(await page.getByTestId('try-path').getAttribute('aria-pressed')).toBe('true');
  });

  it('passes axe in light and dark, desktop and phone', async () => {
    const desktop = await t.open('/compare');
    await verdictsAfter(desktop.page, 'host');
    expect(await checkThemes(desktop.page, 'compare')).toEqual([]);
    const phone = await t.open('/compare', PHONE);
    await verdictsAfter(phone.page, 'body');
    expect(
      await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    expect(await checkThemes(phone.page, 'compare-phone')).toEqual([]);
    await shoot(phone.page, 'compare-phone');
  });
});
