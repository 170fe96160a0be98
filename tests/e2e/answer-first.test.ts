/**
 * The page answers first (issue 8): the verdict, cause and fix beside the inputs (after the request box on a phone),
 * a live example on arrival, sessions that never leak, reply-only and log-only sessions, the examples catalogue,
 * states that agree, share links that say what they left out. Desktop and phone; screenshots go to tests/output/.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { encodeShare } from '../../src/lib/state/share';
import { EMPTY_SNAPSHOT } from '../../src/lib/state/snapshot';
import { serverFixture } from '../worker/fixtures';
import { editorText, openExamples, paste, pasteFixture, pasteMismatch, settled, shoot } from './harness';
import { useHarness } from './use-harness';

// Whatever a test did, its pages asked nothing of any other origin, showed no dialog and threw nothing.
const harness = useHarness();

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const DOC_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const L1 = readFileSync(
  join(import.meta.dirname, '../fixtures/client-logs/L1-botocore-aws-cli-debug.txt'),
  'utf8',
);

const SUITE = join(import.meta.dirname, '../vectors/sigv4/aws-c-auth-v4');
/** The session token an example's own files give: a suite case's context.json; none for the others. */
function suiteToken(id: string): string {
  const name = /^aws-c-auth\/([^/]+)\//.exec(id)?.[1];
  if (!name) return '';
  const context = JSON.parse(readFileSync(join(SUITE, name, 'context.json'), 'utf8')) as {
    credentials: { token?: string };
  };
  return context.credentials.token ?? '';
}

const box = async (page: Page, testid: string) => (await page.getByTestId(testid).boundingBox())!;
const activeTestid = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el?.dataset.testid ?? el?.closest('[data-testid]')?.getAttribute('data-testid') ?? el?.tagName;
  });

const mismatch = (page: Page) => pasteMismatch(page, 'F1');

describe('the answer comes first', () => {
  it('on a desktop: beside the inputs, with the cause, the fix, its basis and links to the evidence', async () => {
    const { page } = await harness.open();
    await mismatch(page);
    const request = await box(page, 'request-editor');
    const answer = await box(page, 'answer');
    expect(answer.x).toBeGreaterThan(request.x + request.width);
    expect(answer.y).toBeLessThan(request.y + request.height);
    expect(answer.y + answer.height).toBeLessThanOrEqual(1000);
    const text = await page.getByTestId('answer').textContent();
    expect(text).toContain('Does not match');
    expect(text).toContain('Your client encoded the path twice');
    expect(await page.getByTestId('answer-fix').textContent()).toMatch(/^Fix: For S3, sign the object key/);
    // What the finding rests on, in words.
    expect(await page.getByTestId('answer-finding').getAttribute('data-basis')).toMatch(
      /^(shown|suspected)$/,
    );
    expect(await page.getByTestId('answer-finding').textContent()).toMatch(/(Shown|Suspected): /);
    // Findings before the stages.
    expect((await box(page, 'findings')).y).toBeLessThan((await box(page, 'stage-canonical')).y);
    // The diff link shows the canonical request diff at its first changed line.
    await page.getByTestId('answer-diff-link').click();
    await expect.poll(() => page.locator('#diff-first').isVisible()).toBe(true);
    expect(await page.locator('#diff-first .cell.left .num').textContent()).toBe('2');
    const inView = await page.locator('#diff-first').evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    });
    expect(inView).toBe(true);
    // The stage link points at the card of the part the finding is about.
    const href = await page.getByTestId('answer-stage-link').getAttribute('href');
    expect(href).toBe('#stage-canonical');
    expect(await page.locator(href!).getAttribute('data-testid')).toBe('stage-canonical');
    await shoot(page, 'answer-desktop');
  });

  it('on a phone: directly after the request box, verdict and fix in the first screen', async () => {
    const { page } = await harness.open(PHONE);
    await mismatch(page);
    await page.evaluate(() => scrollTo(0, 0));
    const request = await box(page, 'request-editor');
    const answer = await box(page, 'answer');
    const credentials = await page.locator('legend', { hasText: 'Credentials' }).boundingBox();
    expect(answer.y).toBeGreaterThan(request.y + request.height);
    expect(answer.y).toBeLessThan(credentials!.y);
    const verdict = await box(page, 'verdict');
    const fix = await box(page, 'answer-fix');
    expect(verdict.y + verdict.height).toBeLessThanOrEqual(844);
    expect(fix.y + fix.height).toBeLessThanOrEqual(844);
    const widths = await page.evaluate(() => [innerWidth, document.documentElement.scrollWidth]);
    expect(widths).toEqual([390, 390]);
    await page.screenshot({ path: join(import.meta.dirname, '../output/answer-phone-first-screen.png') });
  });

  it('has a skip link "to the answer" as the first Tab stop', async () => {
    // The live example: nothing has been clicked or focused yet.
    const { page } = await harness.open({}, '/', true);
    await page.getByTestId('answer-fix').waitFor();
    await settled(page);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the answer');
    await page.keyboard.press('Enter');
    expect(await activeTestid(page)).toBe('answer');
    // From the answer, the next Tab stops are its links.
    await page.keyboard.press('Tab');
    expect(await activeTestid(page)).toBe('answer-diff-link');
  });
});

describe('a first visit', () => {
  it('opens on a live, explained SignatureDoesNotMatch, and "Clear, start with mine" empties every field', async () => {
    const { page } = await harness.open({}, '/', true);
    await page.locator('[data-testid=verdict][data-verdict=mismatch]').waitFor();
    await page.getByTestId('answer-fix').waitFor();
    expect(await page.getByTestId('example-banner').textContent()).toContain('S3: path encoded twice');
    expect(await editorText(page, 'request')).toMatch(/^GET \/photos\/cat%20%281%29\.jpg HTTP\/1\.1/);
    expect(await editorText(page, 'server')).toContain('SignatureDoesNotMatch');
    expect(await page.getByTestId('secret-key').inputValue()).toBe(DOC_SECRET);
    await shoot(page, 'first-visit');
    await page.getByTestId('clear-example').click();
    await page.getByTestId('example-banner').waitFor({ state: 'detached' });
    for (const editor of ['request', 'server', 'client'] as const)
      expect(await editorText(page, editor)).toBe('');
    for (const field of ['access-key', 'secret-key', 'session-token', 'region', 'service', 'time'])
      expect(await page.getByTestId(field).inputValue(), field).toBe('');
    expect(await activeTestid(page)).toBe('request-editor-content');
    expect(await page.getByTestId('answer-empty').isVisible()).toBe(true);
    // Placeholders are short and plainly hints.
    const hint = await page.locator('[data-testid=request-editor] .cm-placeholder').textContent();
    expect(hint).toMatch(/^e\.g\. /);
    await shoot(page, 'first-visit-cleared');
  });

  it('does not open on the example when the page has a share link', async () => {
    const link = await encodeShare({
      ...EMPTY_SNAPSHOT,
      request: 'GET / HTTP/1.1\nHost: example.amazonaws.com\n\n',
    });
    const { page } = await harness.open({}, `/#${link}`);
    await expect.poll(() => editorText(page, 'request')).toContain('Host: example.amazonaws.com');
    await page.waitForTimeout(500);
    expect(await page.getByTestId('example-banner').count()).toBe(0);
    expect(await editorText(page, 'server')).toBe('');
  });

  it('does not open on the example over a kept session', async () => {
    const { page } = await harness.open();
    await paste(page, 'request', 'GET /kept HTTP/1.1\nHost: example.amazonaws.com\n\n');
    await page.getByTestId('remember').check();
    await expect.poll(() => page.evaluate(() => JSON.stringify({ ...localStorage }))).toContain('/kept');
    await page.reload();
    await expect.poll(() => editorText(page, 'request')).toContain('GET /kept');
    await page.waitForTimeout(500);
    expect(await page.getByTestId('example-banner').count()).toBe(0);
  });
});

describe('sessions never leak', () => {
  it('loading every example in turn, none carries a field of the one before', async () => {
    const { page } = await harness.open();
    await openExamples(page);
    const ids = await page
      .locator('[data-testid=examples-panel] [data-example]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-example')!));
    await page.keyboard.press('Escape');
    expect(ids.length).toBeGreaterThan(100);
    const leaks: string[] = [];
    for (const id of ids) {
      await page.getByTestId('examples-toggle').click();
      await page.locator(`[data-example="${id}"]`).click();
      await page.getByTestId('example-banner').waitFor();
      await settled(page);
      // The token field holds the example's own token (a suite case's context.json gives one) or nothing.
      // (tests/state/example-loads.test.ts checks every field the same way.)
      // Under load the field may follow the example a moment after the banner: a leak is a value that stays.
      const field = page.getByTestId('session-token');
      const token = await expect
        .poll(() => field.inputValue(), { timeout: 3000 })
        .toBe(suiteToken(id))
        .then(
          () => undefined,
          () => field.inputValue(),
        );
      if (token !== undefined) leaks.push(`${id}: session token "${token}"`);
      const findings = (await page.locator('[data-testid=findings]').allTextContents()).join(' ');
      if (/You gave a session token, but the request carries none/i.test(findings))
        leaks.push(`${id}: a session token the request does not carry`);
    }
    expect(leaks).toEqual([]);
  }, 120_000);
});

describe('a reply or a client log without a request', () => {
  it.each([
    ['desktop', {}],
    ['phone', PHONE],
  ] as const)(
    'reply only (%s): the stages show what the reply holds, and nothing is red',
    async (name, options) => {
      const { page } = await harness.open(options);
      await paste(page, 'server', serverFixture('F1').serverError);
      await page.getByTestId('stages-given').waitFor();
      await settled(page);
      expect(await page.getByTestId('stages-given').textContent()).toContain('the server reply');
      const lines = page.locator('[data-testid=stage-canonical] [data-testid=canonical-lines] > li');
      expect(await lines.first().textContent()).toContain('GET');
      expect(await lines.nth(1).getAttribute('data-part')).toBe('path');
      expect(await page.getByTestId('stage-sts').textContent()).toContain('Credential scope');
      expect(await page.getByTestId('request-problems').count()).toBe(0);
      expect(await page.locator('[data-testid=request-editor] .cm-lintRange-error').count()).toBe(0);
      expect(await page.getByTestId('request-wanted').textContent()).toContain('read from the server reply');
      expect(await page.getByTestId('diff-empty').textContent()).toContain('The server reply is here');
      expect(await page.getByTestId('verdict').textContent()).toContain('SignatureDoesNotMatch');
      expect(await page.getByTestId('verdict').textContent()).not.toContain('Signing:');
      // The one thing that would decide, with a button to the box it needs.
      expect(await page.getByTestId('answer-ask').getAttribute('data-need')).toBe('request');
      await page.getByTestId('ask-focus').click();
      expect(await activeTestid(page)).toBe('request-editor-content');
      await shoot(page, `reply-only-${name}`);
    },
  );

  it('client log only: the stages show what the log holds', async () => {
    const { page } = await harness.open();
    await paste(page, 'client', L1);
    await page.getByTestId('stages-given').waitFor();
    await settled(page);
    expect(await page.getByTestId('stages-given').textContent()).toContain('the client log');
    expect(await page.getByTestId('stage-canonical').textContent()).toContain('list-type=2');
    expect(await page.getByTestId('request-problems').count()).toBe(0);
    // Without the secret the log's signature cannot be checked: the answer asks for it, and takes you there.
    expect(await page.getByTestId('answer-ask').getAttribute('data-need')).toBe('secret');
    await page.getByTestId('ask-focus').click();
    expect(await activeTestid(page)).toBe('secret-key');
    await shoot(page, 'client-log-only');
  });
});

describe('the examples catalogue', () => {
  it('filters as you type, groups by what each shows, lists each suite case once, closes on Escape', async () => {
    const { page } = await harness.open();
    await openExamples(page);
    expect(await activeTestid(page)).toBe('examples-search');
    const groups = await page.locator('[data-testid=examples-panel] h3').allTextContents();
    expect(groups).toContain('Signature mismatches, explained');
    const vanilla = page.locator('[data-entry="aws-c-auth/get-vanilla"]');
    expect(await vanilla.count()).toBe(1);
    expect(await vanilla.locator('[data-example]').count()).toBe(3);
    await page.getByTestId('examples-search').fill('get-vanilla-query');
    await expect.poll(() => page.locator('[data-testid=examples-panel] li').count()).toBe(4);
    expect(await page.getByTestId('examples-count').textContent()).toContain('4 examples');
    await shoot(page, 'examples-filtered');
    await page.getByTestId('examples-search').fill('path twice');
    await expect
      .poll(() => page.locator('[data-testid=examples-panel] li').allTextContents())
      .toEqual(['S3: path encoded twice', 'API Gateway: path must be encoded twice']);
    await page.keyboard.press('Escape');
    await page.getByTestId('examples-panel').waitFor({ state: 'detached' });
    expect(await activeTestid(page)).toBe('examples-toggle');
  });

  it('closes on a click outside', async () => {
    const { page } = await harness.open();
    await openExamples(page);
    await page.mouse.click(700, 900);
    await page.getByTestId('examples-panel').waitFor({ state: 'detached' });
  });

  it('fits and scrolls on a phone', async () => {
    const { page } = await harness.open(PHONE);
    await openExamples(page);
    const panel = await box(page, 'examples-panel');
    expect(panel.x).toBeGreaterThanOrEqual(0);
    expect(panel.x + panel.width).toBeLessThanOrEqual(390);
    expect(panel.y + panel.height).toBeLessThanOrEqual(844);
    const scroll = await page
      .getByTestId('examples-panel')
      .evaluate((el) => [el.scrollHeight, el.clientHeight]);
    expect(scroll[0]).toBeGreaterThan(scroll[1]!);
    await page.screenshot({ path: join(import.meta.dirname, '../output/examples-phone.png') });
    await page.locator('[data-example="fixture/F11"]').click();
    await page.getByTestId('examples-panel').waitFor({ state: 'detached' });
    await page.getByTestId('example-banner').waitFor();
  });
});

describe('states that agree', () => {
  it('junk is "not a request sigscope can read", with the spot, each problem said once', async () => {
    const { page } = await harness.open();
    await paste(page, 'request', 'hello, this is not a request\nat all');
    await page.getByTestId('request-problems').waitFor();
    await settled(page);
    expect(await page.getByTestId('seen').textContent()).toContain('not a request sigscope can read');
    const messages = await page.locator('[data-testid=request-problems] li').allTextContents();
    expect(new Set(messages).size).toBe(messages.length);
    // The spot, as a lint diagnostic in the editor, with its message on hover and in the panel.
    const range = page.locator('[data-testid=request-editor] .cm-lintRange-error').first();
    await range.waitFor();
    await range.hover();
    await page.locator('.cm-tooltip-lint').waitFor();
    const tooltip = (await page.locator('.cm-tooltip-lint').textContent())!;
    expect(
      messages.some((m) =>
        tooltip.includes(
          m
            .replace(/^✗ Error: /, '')
            .trim()
            .slice(0, 40),
        ),
      ),
    ).toBe(true);
    await page.getByTestId('request-editor-problems-panel').click();
    await page.locator('[data-testid=request-editor] .cm-panel-lint').waitFor();
    await shoot(page, 'junk-request');
  });

  it('a reply that is not text is called that, once', async () => {
    const { page } = await harness.open();
    await paste(page, 'server', '\u0000\u0001\u0002PK\u0003\u0004\u0000\u0010binary\u0011\u0012');
    await page.locator('.problems li[data-kind=reply-not-text]').waitFor();
    await settled(page);
    const problems = await page.locator('.problems li.error').allTextContents();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('This reply is not text');
  });

  it('a JSON reply’s message is shown decoded, newlines as newlines', async () => {
    const { page } = await harness.open();
    await paste(page, 'server', serverFixture('F7').serverError);
    const decoded = page.getByTestId('reply-message-decoded');
    await decoded.waitFor();
    const text = (await decoded.textContent())!;
    expect(text).toContain('\n');
    expect(text).not.toContain('\\n');
    expect(await editorText(page, 'server')).toContain('\\n');
    await shoot(page, 'json-reply-decoded');
  });
});

describe('one unreadable box', () => {
  it.each([
    ['client', 'this is not a signing log at all'],
    ['server', '\u0000\u0001\u0002PK\u0003\u0004binary'],
    ['server', 'complete nonsense here'],
  ] as const)(
    'in the %s box (%j) shows its problem there, and the diagnosis goes on',
    async (which, junk) => {
      const { page } = await harness.open();
      await pasteFixture(page, 'F1');
      await paste(page, which, junk);
      await page.locator(`[data-testid=${which}-problems] li.error`).first().waitFor();
      await settled(page);
      // The request and the other box still give the stages, the verdict and the finding.
      await page.getByTestId('stage-canonical').waitFor();
      expect(await page.getByTestId('verdict').getAttribute('data-verdict')).toBe('mismatch');
      expect(await page.locator('[data-testid=findings] > li').first().getAttribute('data-cause')).toBe(
        'path-double-encoded',
      );
      // The problem is under its own box, and only there.
      expect(await page.locator('[data-testid=request-problems] li.error').allTextContents()).toEqual([]);
      const other = which === 'client' ? 'server' : 'client';
      expect(await page.locator(`[data-testid=${other}-problems] li.error`).allTextContents()).toEqual([]);
    },
  );
});

describe('a share link without its secret', () => {
  it('says the sender left the secret out and that verifying needs it, and focuses the secret field', async () => {
    const link = await encodeShare({
      ...EMPTY_SNAPSHOT,
      request: (await import('../../src/lib/examples/fixture-requests')).FIXTURE_REQUESTS.F1!,
    });
    const { page } = await harness.open({}, `/#${link}`);
    await expect.poll(() => page.getByTestId('notices').textContent()).toContain('left the secret key out');
    expect(await page.getByTestId('notices').textContent()).toContain('need it');
    await expect.poll(() => activeTestid(page)).toBe('secret-key');
    await page.getByTestId('verdict').waitFor();
    await settled(page);
    expect(await page.getByTestId('secret-key').inputValue()).toBe('');
    await shoot(page, 'share-link-without-secret');
  });
});

describe('the editors', () => {
  const LONG = [
    'PUT /big.json HTTP/1.1',
    'Host: examplebucket.s3.amazonaws.com',
    'x-amz-date: 20240115T120000Z',
    '',
    ...Array.from({ length: 40 }, (_, i) => `{"row": ${i}, "needle": ${i === 33 ? '"here"' : 'null'}}`),
  ].join('\n');

  it('search a long paste with Ctrl/Cmd-F, and number its lines', async () => {
    const { page } = await harness.open();
    await paste(page, 'request', LONG);
    await page.locator('[data-testid=request-editor] .cm-lineNumbers').waitFor();
    await page.locator('[data-testid=request-editor] .cm-content').click();
    await page.keyboard.press('ControlOrMeta+f');
    const field = page.locator('[data-testid=request-editor] .cm-search input[name=search]');
    await field.waitFor();
    await field.fill('"here"');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('[data-testid=request-editor] .cm-searchMatch').count())
      .toBeGreaterThan(0);
    await shoot(page, 'editor-search');
  });

  it('short pastes have no line numbers', async () => {
    const { page } = await harness.open();
    await paste(page, 'request', 'GET / HTTP/1.1\nHost: example.amazonaws.com\n\n');
    await page.locator('[data-testid=canonical-lines]').waitFor();
    expect(await page.locator('[data-testid=request-editor] .cm-lineNumbers').count()).toBe(0);
  });

  it('the canonical request is one Tab stop, with the arrow keys inside', async () => {
    const { page } = await harness.open();
    await mismatch(page);
    const lines = page.locator('[data-testid=stage-canonical] [data-testid=canonical-lines] > li');
    expect(await lines.evaluateAll((els) => els.filter((e) => e.tabIndex === 0).length)).toBe(1);
    await lines.first().focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-part'))).toBe('path');
    await page.keyboard.press('End');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-part'))).toBe('payload-hash');
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() => document.activeElement?.closest('[data-testid=canonical-lines]')),
    ).toBeNull();
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-part'))).toBe('payload-hash');
  });
});
