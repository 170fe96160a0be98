/**
 * The POST policy debugger (/policy): it opens on the S3 documentation's example and verifies it (the signature on
 * the page is the documentation's, tests/vectors/s3/sigv4-post-policy-examples.json); a changed field is named as
 * the failing condition; a broken policy is pointed at, never a blank page; the share link leaves the secret out.
 * Axe in light and dark, desktop and phone; nothing leaves the origin.
 */

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { OUTPUT, shoot } from './harness';
import { boxesPastScreen, checkThemes, PHONE, useTeachHarness } from './teach-harness';
import { readVectorJson } from '../sig/v4/vectors';

const t = useTeachHarness();
const doc = readVectorJson<{ cases: { id: string; signature: string; policy_base64: string }[] }>(
  's3',
  'sigv4-post-policy-examples.json',
).cases.find((c) => c.id === 'aws-doc-sigv4-post-example')!;

async function open(path = '/policy', options = {}) {
  const w = await t.open(path, options);
  await w.page.locator('[data-hydrated=true]').waitFor();
  return w;
}
const verdict = (page: Page) => page.getByTestId('verdict').getAttribute('data-verdict');
const waitVerdict = (page: Page, v: string) =>
  page.locator(`[data-testid=verdict][data-verdict=${v}]`).waitFor();

describe('/policy', () => {
  it('opens on the S3 documentation example, verified', async () => {
    const { page } = await open();
    expect(await verdict(page)).toBe('accepted');
    expect(await page.getByTestId('sig-expected').textContent()).toBe(doc.signature);
    expect(await page.getByTestId('sig-provided').textContent()).toBe(doc.signature);
    expect(await page.getByTestId('string-to-sign').textContent()).toBe(doc.policy_base64);
    expect(await page.getByTestId('scope').textContent()).toBe('20151229/us-east-1/s3/aws4_request');
    const statuses = await page
      .locator('[data-testid=checks] tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
    expect(statuses.length).toBe(12);
    expect(new Set(statuses)).toEqual(new Set(['pass']));
    // Pointing at a check marks its condition in the decoded policy.
    await page.locator('[data-testid=checks] tbody tr', { hasText: 'acl' }).first().hover();
    expect(await page.locator('[data-testid=policy-json] mark').textContent()).toBe('{"acl": "public-read"}');
    await shoot(page, 'policy-example');
  });

  it('a changed field is the failing condition, and the signature still verifies', async () => {
    const { page } = await open();
    const form = page.getByTestId('form-input');
    await form.fill((await form.inputValue()).replace('value="public-read"', 'value="private"'));
    await waitVerdict(page, 'rejected');
    const first = page.locator('[data-testid=checks] tr[data-first=true]');
    expect(await first.textContent()).toContain('acl');
    expect(await first.getAttribute('data-status')).toBe('fail');
    expect(await page.getByTestId('verdict').textContent()).toMatch(/acl is "private"/);
    expect(await page.getByTestId('sig-verdict').textContent()).toMatch(/matches/);
    expect(await page.getByTestId('s3-replies').textContent()).toContain(
      'Policy Condition failed: ["eq", "$acl", "public-read"]',
    );
    await shoot(page, 'policy-failing');
  });

  it('works from the keyboard: type in a box, then the example back with Enter', async () => {
    const { page } = await open();
    await page.getByTestId('time-input').focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('20160101T000000Z');
    await waitVerdict(page, 'rejected');
    const reset = page.getByRole('button', { name: 'Load the SigV4 example' });
    await reset.focus();
    await page.keyboard.press('Enter');
    await waitVerdict(page, 'accepted');
    // The conditions table scrolls on a phone: it is reachable with Tab.
    expect(await page.getByRole('region', { name: 'Conditions checked' }).getAttribute('tabindex')).toBe('0');
  });

  it('the SigV2 example: read as SigV2, its conditions met, its printed signature refused', async () => {
    const { page } = await open();
    await page.getByTestId('example-v2').click();
    await waitVerdict(page, 'rejected');
    expect(await page.getByTestId('sig-provided').textContent()).toBe('0RavWzkygo6QX9caELEqKi9kDbU=');
    expect(await page.getByTestId('sig-verdict').textContent()).toMatch(/does not match/);
    expect(await page.getByText('HMAC-SHA1').count()).toBeGreaterThan(0);
    const statuses = await page
      .locator('[data-testid=checks] tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
    expect(new Set(statuses)).toEqual(new Set(['pass']));
    await shoot(page, 'policy-v2');
  });

  it('an upload after the expiration fails on it', async () => {
    const { page } = await open();
    await page.getByTestId('time-input').fill('2016-01-01T00:00:00Z');
    await waitVerdict(page, 'rejected');
    expect(await page.locator('[data-testid=checks] tr[data-first=true]').textContent()).toMatch(
      /expiration/,
    );
  });

  it('a broken policy is pointed at, and the page keeps its form', async () => {
    const { page } = await open();
    await page
      .getByTestId('policy-input')
      .fill('{ "expiration": "2015-12-30T12:00:00.000Z",\n  "conditions": [ {"acl" "x"} ] }');
    await waitVerdict(page, 'unreadable');
    const problem = page.locator('[data-testid=problems] li.error').first();
    expect(await problem.textContent()).toMatch(/in Policy, line 2, column \d+/);
    expect(await problem.locator('mark').count()).toBe(1);
    expect(await page.getByTestId('form-input').inputValue()).toContain('X-Amz-Signature');
    await shoot(page, 'policy-broken');
  });

  it('the share link leaves the secret out unless asked, and opens where it was', async () => {
    const { page, context } = await open();
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const form = page.getByTestId('form-input');
    await form.fill((await form.inputValue()).replace('value="public-read"', 'value="private"'));
    await page.getByTestId('share-button').click();
    await page.getByTestId('share-link').waitFor();
    const link = await page.getByTestId('share-link').inputValue();
    expect(link).toMatch(/#t1=/);
    const other = await t.open(link.replace(/^https?:\/\/[^/]+/, ''));
    await other.page.locator('[data-hydrated=true]').waitFor();
    await other.page.waitForFunction(() =>
      (document.querySelector('[data-testid=form-input]') as HTMLTextAreaElement | null)?.value.includes(
        'private',
      ),
    );
    expect(await other.page.getByTestId('secret-input').inputValue()).toBe('');
    expect(await verdict(other.page)).toBe('rejected');
    expect(await other.page.getByTestId('sig-verdict').textContent()).toMatch(/not checked/);
  });

  it('a damaged share link is a notice, and the example still shows', async () => {
    const { page } = await open('/policy#t1=AAAA');
    await page.getByTestId('share-notice').waitFor();
    expect(await page.getByTestId('share-notice').textContent()).toMatch(/damaged/);
    expect(await verdict(page)).toBe('accepted');
  });

  it('passes axe in light and dark, desktop and phone, with no sideways scroll on the phone', async () => {
    const desktop = await open();
    expect(await checkThemes(desktop.page, 'policy')).toEqual([]);
    const phone = await open('/policy', PHONE);
    expect(
      await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    expect(await boxesPastScreen(phone.page)).toEqual([]);
    expect(await checkThemes(phone.page, 'policy-phone')).toEqual([]);
    // The full phone page is too tall to look at: its top and one piece of output, at the phone's width.
    await phone.page.screenshot({ path: join(OUTPUT, 'policy-phone-top.png') });
    await phone.page
      .getByTestId('checks')
      .first()
      .screenshot({ path: join(OUTPUT, 'policy-phone-checks.png') });
  });
});
