/**
 * The V1-vs-V2 lab (/lab): the two requests on the page really share a SigV1 signature and differ under SigV2.
 * Checked by taking the requests off the page and verifying each with the engine here, not by reading the page's
 * verdicts; after an edit too. Axe, dark mode, phone, and no request leaving the origin.
 */

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { verifyLegacyText } from '../../src/lib/sig/scheme-text';
import { shoot } from './harness';
import { checkThemes, PHONE, useTeachHarness } from './teach-harness';

const t = useTeachHarness();
const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';

/** The four requests the lab shows, as sent. */
async function requests(page: Page) {
  const text = (id: string) =>
    page
      .getByTestId(id)
      .textContent()
      .then((s) => s ?? '');
  return {
    v1Original: await text('v1-original'),
    v1Forged: await text('v1-forged'),
    v2Original: await text('v2-original'),
    v2Forged: await text('v2-forged'),
  };
}

const verifies = (scheme: 'sigv1' | 'sigv2', request: string, secret = SECRET) => {
  const v = verifyLegacyText({ scheme, request, secretAccessKey: secret });
  if (!v.ok) throw new Error(`${scheme} does not read: ${JSON.stringify(v.problems)}\n${request}`);
  return v.value.match;
};
const query = (request: string) => request.split(' ')[1]!;
const signature = (request: string) => /[?&]Signature=([^&\s]+)/.exec(request)![1]!;

/** What the engine says of the lab's four requests. */
function check(r: Awaited<ReturnType<typeof requests>>, secret = SECRET) {
  // Different parameters, one signature: both verify under SigV1.
  expect(query(r.v1Forged)).not.toBe(query(r.v1Original));
  expect(signature(r.v1Forged)).toBe(signature(r.v1Original));
  expect(verifies('sigv1', r.v1Original, secret)).toBe(true);
  expect(verifies('sigv1', r.v1Forged, secret)).toBe(true);
  // The same forgery carrying the captured SigV2 signature: only the original verifies.
  expect(signature(r.v2Forged)).toBe(signature(r.v2Original));
  expect(verifies('sigv2', r.v2Original, secret)).toBe(true);
  expect(verifies('sigv2', r.v2Forged, secret)).toBe(false);
}

describe('/lab', () => {
  it('the forged request shares the SigV1 signature and fails under SigV2, by the engine', async () => {
    const { page } = await t.open('/lab');
    await page.getByTestId('v2-forged').waitFor();
    check(await requests(page));
    // The difference is marked in the forged request.
    expect((await page.locator('[data-testid=v1-forged] mark').allTextContents()).length).toBeGreaterThan(0);
    await shoot(page, 'lab-desktop');
  });

  it('an edited request and secret give a new forgery that behaves the same', async () => {
    const { page } = await t.open('/lab');
    await page.getByTestId('v2-forged').waitFor();
    const before = await requests(page);
    const field = page.getByTestId('lab-request');
    await field.fill((await field.inputValue()).replace('ItemName=alice', 'ItemName=mallory-admin'));
    await page.getByTestId('lab-secret').fill('another-secret');
    await page.waitForFunction(
      (old) => document.querySelector('[data-testid=v1-forged]')?.textContent !== old,
      before.v1Forged,
    );
    const after = await requests(page);
    expect(after.v1Original).toContain('mallory-admin');
    check(after, 'another-secret');
  });

  it('says why when no forgery exists', async () => {
    const { page } = await t.open('/lab');
    await page.getByTestId('lab-request').fill('GET /?a= HTTP/1.1\nHost: h\n\n');
    await expect(page.getByTestId('lab-problems').textContent()).resolves.toMatch(/\w/);
  });

  it('passes axe in light and dark, desktop and phone, with no sideways scroll on the phone', async () => {
    const desktop = await t.open('/lab');
    await desktop.page.getByTestId('v2-forged').waitFor();
    expect(await checkThemes(desktop.page, 'lab')).toEqual([]);
    const phone = await t.open('/lab', PHONE);
    await phone.page.getByTestId('v2-forged').waitFor();
    expect(
      await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    expect(await checkThemes(phone.page, 'lab-phone')).toEqual([]);
  });
});
