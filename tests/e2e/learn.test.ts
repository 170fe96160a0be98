/**
 * The lessons (/learn/<scheme>) and their index (/learn): every step is computed live from the example the reader
 * edits, checked here against an independent signer (@smithy/signature-v4); the debugger's stage cards link to the
 * lesson steps and the lesson opens the debugger on its example; keyboard, dark mode, phone, print, axe, and no
 * request leaving the origin (checked after every test).
 */

import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shoot } from './harness';
import { checkThemes, PHONE, useTeachHarness } from './teach-harness';

const t = useTeachHarness();
const AKID = 'AKIDEXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const LESSONS = ['sigv4', 'sigv4-s3', 'sigv4a', 'sigv2', 's3v2', 'sigv1', 'sigv0'];

/** Waits for the lesson's newest computation and returns each step's output text, by step id. */
async function steps(page: Page, after = 0): Promise<Record<string, string>> {
  await page.waitForFunction(
    (n) => Number(document.querySelector('[data-testid=lesson-steps]')?.getAttribute('data-run') ?? 0) > n,
    after,
  );
  return page.$$eval('[data-testid=lesson-steps] section', (sections) =>
    Object.fromEntries(
      sections.map((s) => [
        s.id.replace('step-', ''),
        s.querySelector('[data-testid=step-output]')?.textContent ?? '',
      ]),
    ),
  );
}
const run = (page: Page) =>
  page.locator('[data-testid=lesson-steps]').evaluate((el) => Number(el.getAttribute('data-run')));

/** The IAM ListUsers request of the lesson, signed by @smithy/signature-v4 at `amzDate`. */
async function smithySignature(amzDate: string): Promise<string> {
  const signer = new SignatureV4({
    credentials: { accessKeyId: AKID, secretAccessKey: SECRET },
    region: 'us-east-1',
    service: 'iam',
    sha256: Sha256,
    // Only S3 wants x-amz-content-sha256; IAM's example does not carry it.
    applyChecksum: false,
  });
  const request = new HttpRequest({
    method: 'GET',
    protocol: 'https:',
    hostname: 'iam.amazonaws.com',
    path: '/',
    query: { Action: 'ListUsers', Version: '2010-05-08' },
    headers: {
      host: 'iam.amazonaws.com',
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      'x-amz-date': amzDate,
    },
  });
  const d = amzDate;
  const date = new Date(
    `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${d.slice(9, 11)}:${d.slice(11, 13)}:${d.slice(13, 15)}Z`,
  );
  const signed = await signer.sign(request, { signingDate: date });
  return /Signature=([0-9a-f]{64})/.exec(String(signed.headers['authorization']))![1]!;
}

describe('/learn', () => {
  it('compares every scheme in one table, each row linking to its lesson', async () => {
    const { page } = await t.open('/learn');
    const rows = page.locator('[data-testid=schemes-table] tbody tr');
    expect(await rows.evaluateAll((r) => r.map((x) => x.getAttribute('data-scheme')))).toEqual(LESSONS);
    const hrefs = await rows.locator('th a').evaluateAll((a) => a.map((x) => x.getAttribute('href')));
    expect(hrefs).toEqual(LESSONS.map((id) => `/learn/${id}`));
    expect(await checkThemes(page, 'learn-index')).toEqual([]);
  });

  it('on a phone, the table scrolls inside its region and the page does not', async () => {
    const { page } = await t.open('/learn', PHONE);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await checkThemes(page, 'learn-index-phone')).toEqual([]);
  });
});

describe('a lesson', () => {
  it.each(LESSONS)(
    '%s: one section per stage, each with its rule, output and documentation link',
    async (id) => {
      const { page } = await t.open(`/learn/${id}`);
      const out = await steps(page);
      expect(Object.keys(out).length).toBeGreaterThanOrEqual(2);
      expect(out['signature']).toMatch(/\S{20,}/);
      const sections = page.locator('[data-testid=lesson-steps] section');
      for (const s of await sections.all()) {
        expect(await s.locator('.rule').textContent()).toMatch(/\w{3,}/);
        expect(await s.locator('a[href^="http"]').getAttribute('href')).toMatch(/amazon|aws/);
      }
      await expect(page.locator('[data-testid=lesson-problems]').count()).resolves.toBe(0);
    },
  );

  it('SigV4: the signature is the one an independent signer computes, and editing the request updates every step', async () => {
    const { page } = await t.open('/learn/sigv4');
    const before = await steps(page);
    expect(before['signature']).toBe(await smithySignature('20150830T123600Z'));
    // The canonical request's lines point at the request: the Host line is marked in the example.
    const marks = await page.locator('#step-canonical-request mark').allTextContents();
    expect(marks.join('')).toContain('iam.amazonaws.com');

    const field = page.getByTestId('lesson-request');
    const text = await field.inputValue();
    const n = await run(page);
    await field.fill(text.replace('20150830T123600Z', '20150830T123700Z'));
    const after = await steps(page, n);
    for (const step of ['canonical-request', 'canonical-request-hash', 'string-to-sign', 'signature'])
      expect(after[step], step).not.toBe(before[step]);
    expect(after['signature']).toBe(await smithySignature('20150830T123700Z'));
    await shoot(page, 'learn-sigv4-edited');
  });

  it('the secret and a setting update the steps too', async () => {
    const { page } = await t.open('/learn/sigv4');
    const before = await steps(page);
    let n = await run(page);
    await page.getByTestId('lesson-secret').fill('another-secret');
    const secret = await steps(page, n);
    expect(secret['canonical-request']).toBe(before['canonical-request']);
    expect(secret['signing-key']).not.toBe(before['signing-key']);
    expect(secret['signature']).not.toBe(before['signature']);
    n = await run(page);
    await page.getByTestId('setting-contentSha256Header').check();
    const setting = await steps(page, n);
    expect(setting['canonical-request']).toContain('x-amz-content-sha256:');
    expect(before['canonical-request']).not.toContain('x-amz-content-sha256:');
  });

  it('is usable by keyboard: Tab reaches the request, the secret and the settings', async () => {
    const { page } = await t.open('/learn/sigv4');
    await steps(page);
    const reached: string[] = [];
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? ''));
    }
    expect(reached).toEqual(
      expect.arrayContaining(['lesson-request', 'lesson-secret', 'setting-normalizePath']),
    );
  });

  it('passes axe in light and dark, desktop and phone', async () => {
    const desktop = await t.open('/learn/sigv2');
    await steps(desktop.page);
    expect(await checkThemes(desktop.page, 'learn-sigv2')).toEqual([]);
    const phone = await t.open('/learn/sigv4', PHONE);
    await steps(phone.page);
    expect(
      await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    expect(await checkThemes(phone.page, 'learn-sigv4-phone')).toEqual([]);
  });

  it('prints with no controls and every step shown', async () => {
    const { page } = await t.open('/learn/sigv1');
    await steps(page);
    await page.emulateMedia({ media: 'print' });
    const visible = (sel: string) =>
      page.$$eval(sel, (els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length);
    expect(await visible('button, select, textarea, input, nav')).toBe(0);
    expect(await visible('[data-testid=lesson-steps] section')).toBe(3);
    expect(await page.locator('pre.print-only').isVisible()).toBe(true);
    await shoot(page, 'learn-sigv1-print');
  });
});

describe('between the debugger and the lessons', () => {
  it('the lesson opens the debugger on its example, whose stage cards link back to the lesson steps', async () => {
    const { page } = await t.open('/learn/sigv4');
    await steps(page);
    await page.getByTestId('open-debugger').click();
    await page.locator('[data-testid=request-editor][data-ready=true]').waitFor();
    await page.locator('[data-testid=verdict][data-verdict=match]').waitFor();
    const links = await page
      .locator('[data-testid=what-is-this]')
      .evaluateAll((a) => a.map((x) => x.getAttribute('href')));
    expect(links).toEqual(
      expect.arrayContaining([
        '/learn/sigv4#step-canonical-request',
        '/learn/sigv4#step-string-to-sign',
        '/learn/sigv4#step-signature',
      ]),
    );
    await shoot(page, 'learn-opened-in-debugger');
    await page.locator('#stage-canonical [data-testid=what-is-this]').click();
    await page.waitForURL(/\/learn\/sigv4#step-canonical-request$/);
    await page.locator('#step-canonical-request').waitFor();
  });

  it('a legacy request in the debugger links to its own lesson', async () => {
    const { page } = await t.open('/learn/s3v2');
    await steps(page);
    await page.getByTestId('open-debugger').click();
    await page.locator('[data-testid=trace-scheme]').waitFor();
    const links = await page
      .locator('[data-testid=what-is-this]')
      .evaluateAll((a) => a.map((x) => x.getAttribute('href')));
    expect(links).toContain('/learn/s3v2#step-string-to-sign');
  });
});
