/**
 * The debugger page in Chromium: fixtures diagnosed, a presigned URL and an official vector verified, share links,
 * no request leaving the origin, no pasted markup running, offline use. Screenshots go to tests/output/.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeShare } from '../../src/lib/state/share';
import { clearExample, editorText, openExamples, paste, pasteFixture, settled, shoot } from './harness';
import { useHarness } from './use-harness';

const VECTORS = join(import.meta.dirname, '../vectors');
// Whatever a test did, its pages asked nothing of any other origin, showed no dialog and threw nothing.
const harness = useHarness();

describe('the SigV4 fixtures, pasted as request, server reply and client log', () => {
  const cases = [
    // id, line of the canonical request the diff marks, what the first finding says
    ['F1', 2, { cause: 'path-double-encoded', component: 'path' }],
    ['F2', 3, { cause: 'token-unsigned', component: 'query' }],
    ['F5', 2, { cause: 'path-single-encoded', component: 'path' }],
    ['F6', 4, { component: 'headers', text: 'content-type' }],
  ] as const;

  it.each(cases)(
    '%s: the diff marks line %i and the first finding names the fault',
    async (id, line, finding) => {
      const { page } = await harness.open();
      await pasteFixture(page, id);
      await page.locator('[data-testid=verdict][data-verdict=mismatch]').waitFor();
      await settled(page);
      const summary = page.getByTestId('diff-summary');
      await expect.poll(() => summary.getAttribute('data-first-left-line')).toBe(String(line));
      const changed = page.locator('[data-testid=diff-pane] .row[data-kind=changed]').first();
      expect(await changed.locator('.cell.left .num').textContent()).toBe(String(line));
      const first = page.locator('[data-testid=findings] > li').first();
      if ('cause' in finding) expect(await first.getAttribute('data-cause')).toBe(finding.cause);
      expect(await first.getAttribute('data-component')).toBe(finding.component);
      if ('text' in finding) expect((await first.textContent())?.toLowerCase()).toContain(finding.text);
      await shoot(page, `fixture-${id}`);
    },
  );
});

describe('typing', () => {
  it('updates the stages without the findings or the verdict flashing in between', async () => {
    const { page } = await harness.open();
    await pasteFixture(page, 'F1');
    await page.locator('[data-testid=findings]').waitFor();
    await settled(page);
    // What each frame shows while typing in the body: recomputed on each keystroke, and (the body's hash being
    // given in a header) diagnosed the same each time.
    await page.evaluate(`(() => {
      window.shown = new Set();
      const look = () => {
        const reason = document.querySelector('[data-testid=verdict] .reason')?.textContent ?? '';
        const findings = document.querySelectorAll('[data-testid=findings] > li').length;
        window.shown.add(findings + ' findings, verdict: ' + reason.replace(/ *[(]diagnosing…[)]/, ''));
        requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    })()`);
    const run = () => page.getByTestId('stage-signature').getAttribute('data-run');
    const before = Number(await run());
    await page.locator('[data-testid=request-editor] .cm-content').click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type('typed', { delay: 30 });
    await settled(page);
    expect(Number(await run())).toBeGreaterThan(before);
    const shown = await page.evaluate('[...window.shown]');
    expect(shown).toHaveLength(1);
    expect((shown as string[])[0]).toMatch(/^1 findings, verdict: Your client encoded the path twice/);
  });
});

describe('verifying', () => {
  it('takes a presigned URL apart, shows its expiry and verifies it', async () => {
    const example = JSON.parse(
      readFileSync(join(VECTORS, 's3/sigv4-presigned-url-example.json'), 'utf8'),
    ) as {
      presigned_url: string;
      credentials: { secret_access_key: string };
    };
    const { page } = await harness.open();
    await paste(page, 'request', example.presigned_url);
    await page.getByTestId('secret-key').fill(example.credentials.secret_access_key);
    await page.locator('[data-testid=verdict][data-verdict=match]').waitFor();
    expect(await page.getByTestId('seen').getAttribute('data-form')).toBe('url');
    const presigned = page.getByTestId('presigned');
    expect(await presigned.textContent()).toContain('X-Amz-Expires');
    expect(await page.getByTestId('expiry').textContent()).toMatch(/expired at 2013-05-25T00:00:00.000Z/);
    expect(await page.getByTestId('verdict').textContent()).toContain('Verified');
    await shoot(page, 'presigned-url-verified');
  });

  it('shows an official vector’s correct signature as verified, every stage with it', async () => {
    const dir = join(VECTORS, 'sigv4/aws-c-auth-v4/get-vanilla');
    const { page } = await harness.open();
    await paste(page, 'request', readFileSync(join(dir, 'header-signed-request.txt'), 'utf8'));
    await page.getByTestId('secret-key').fill('wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY');
    await page.locator('[data-testid=verdict][data-verdict=match]').waitFor();
    expect(await page.getByTestId('signature').textContent()).toBe(
      readFileSync(join(dir, 'header-signature.txt'), 'utf8').trim(),
    );
    const lines = page.locator('[data-testid=canonical-lines] > li');
    expect(await lines.count()).toBe(
      readFileSync(join(dir, 'header-canonical-request.txt'), 'utf8').split('\n').length,
    );
    // kSecret spells the secret: masked until asked.
    const chain = page.getByTestId('key-chain');
    expect(await chain.textContent()).not.toContain('wJalrXUtnFEMI');
    await shoot(page, 'vector-verified');
    await page.getByTestId('show-secrets').check();
    expect(await chain.textContent()).toContain('AWS4wJalrXUtnFEMI');
  });

  it('links a canonical request line to the part of the request it came from', async () => {
    const dir = join(VECTORS, 'sigv4/aws-c-auth-v4/get-vanilla');
    const { page } = await harness.open();
    await paste(page, 'request', readFileSync(join(dir, 'header-signed-request.txt'), 'utf8'));
    await page.locator('[data-testid=canonical-lines] > li').first().waitFor();
    await page.locator('[data-testid=canonical-lines] > li[data-part=header]').first().hover();
    await expect
      .poll(() => page.locator('[data-testid=request-editor] .cm-source').allTextContents())
      .toEqual(['Host:example.amazonaws.com']);
    await shoot(page, 'hover-link');
  });
});

describe('the request and the canonical request point at each other', () => {
  it('pointing into the request highlights the canonical lines it feeds', async () => {
    const dir = join(VECTORS, 'sigv4/aws-c-auth-v4/get-vanilla');
    const { page } = await harness.open();
    await paste(page, 'request', readFileSync(join(dir, 'header-signed-request.txt'), 'utf8'));
    await page.locator('[data-testid=canonical-lines] > li').first().waitFor();
    await page
      .locator('[data-testid=request-editor] .cm-line', { hasText: /^X-Amz-Date/ })
      .hover({ position: { x: 30, y: 5 } });
    // The x-amz-date header line, and the signed headers line that lists it.
    await expect
      .poll(() =>
        page
          .locator('[data-testid=canonical-lines] > li.active')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-part'))),
      )
      .toEqual(['header', 'signed-headers']);
    expect(await page.locator('[data-testid=canonical-lines] > li.active').first().textContent()).toContain(
      'x-amz-date:20150830T123600Z',
    );
  });
});

describe('examples', () => {
  it.each([
    ['aws-c-auth/get-vanilla/header-signed-request', 'match'],
    ['aws-c-auth/get-vanilla-query/query-signed-request', 'match'],
    ['aws-c-auth/post-vanilla/sign', 'unknown'],
    ['s3/get-object-range', 'match'],
    ['s3/presigned-url', 'match'],
    ['fixture/F1', 'mismatch'],
    ['fixture/L1', 'match'],
  ])('%s loads in one click', async (id, verdict) => {
    const { page, requests } = await harness.open();
    const before = requests.length;
    await openExamples(page);
    await page.locator(`[data-example="${id}"]`).click();
    await page.locator(`[data-testid=verdict][data-verdict=${verdict}]`).waitFor();
    // The example's files are lazy chunks of the app, fetched from the origin (those of the live example a first
    // visit opened on are fetched already).
    expect(requests.slice(before).filter((url) => !url.includes('/_app/immutable/'))).toEqual([]);
    if (id.endsWith('/sign'))
      expect(await page.getByTestId('stage-authorization').textContent()).toContain('Signature=');
  });
});

describe('the content security policy', () => {
  it('blocks any connection to another origin', async () => {
    const { page } = await harness.open();
    const result = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
      let outcome = 'fetched';
      try {
        await fetch('http://127.0.0.2:9/');
      } catch {
        outcome = 'blocked';
      }
      await new Promise((r) => setTimeout(r, 100));
      return { outcome, violations };
    });
    expect(result).toEqual({ outcome: 'blocked', violations: ['connect-src'] });
  });
});

describe('saving', () => {
  it('exports a case file without the secret, and imports it back', async () => {
    const dir = join(VECTORS, 'sigv4/aws-c-auth-v4/get-vanilla');
    const request = readFileSync(join(dir, 'header-signed-request.txt'), 'utf8');
    const { page } = await harness.open();
    await paste(page, 'request', request);
    await page.getByTestId('secret-key').fill('wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY');
    await page.locator('[data-testid=verdict][data-verdict=match]').waitFor();
    const download = page.waitForEvent('download');
    await page.getByTestId('export').click();
    const file = await (await download).path();
    const caseFile = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(caseFile).toMatchObject({
      scheme: 'sigv4',
      mode: 'header',
      request,
      credentials: { accessKeyId: '' },
    });
    expect(JSON.stringify(caseFile)).not.toContain('wJalrXUtnFEMI');

    const other = await harness.open();
    await other.page.getByTestId('file-input').setInputFiles({
      name: 'case.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({
          ...caseFile,
          credentials: {
            accessKeyId: 'AKIDEXAMPLE',
            secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
          },
        }),
      ),
    });
    await other.page.locator('[data-testid=verdict][data-verdict=match]').waitFor();
    expect(await other.page.getByTestId('notices').textContent()).toContain('case.json');
  });

  it('keeps the session in the browser only when asked, and forgets it when told', async () => {
    const { page } = await harness.open();
    await paste(
      page,
      'request',
      'GET / HTTP/1.1\nHost: example.amazonaws.com\nX-Amz-Date: 20150830T123600Z\n\n',
    );
    await page.getByTestId('secret-key').fill('a-secret');
    await page.locator('[data-testid=canonical-lines]').waitFor();
    const stored = () => page.evaluate(() => JSON.stringify({ ...localStorage }));
    await page.waitForTimeout(600);
    expect(await stored()).toBe('{}');
    await page.getByTestId('remember').check();
    await expect.poll(stored).toContain('example.amazonaws.com');
    expect(await stored()).not.toContain('a-secret');
    await page.reload();
    await expect.poll(() => editorText(page, 'request')).toContain('Host: example.amazonaws.com');
    expect(await page.getByTestId('remember').isChecked()).toBe(true);
    await page.getByTestId('remember').uncheck();
    expect(await stored()).toBe('{}');
  });
});

describe('share links', () => {
  it('round-trip the page and carry no secret unless the user opts in', async () => {
    const dir = join(VECTORS, 'sigv4/aws-c-auth-v4/get-vanilla');
    const request = readFileSync(join(dir, 'header-signed-request.txt'), 'utf8');
    const secret = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
    const { page } = await harness.open();
    await paste(page, 'request', request);
    await page.getByTestId('secret-key').fill(secret);
    await page.getByTestId('scheme').selectOption('sigv4');
    await page.getByTestId('share').click();
    await page.waitForFunction(() => location.hash.startsWith('#v1='));
    const link = page.url();
    expect(link).not.toContain(encodeURIComponent(secret));
    const decoded = await decodeShare(new URL(link).hash);
    expect(decoded.kind === 'ok' && decoded.snapshot.request).toBe(request);
    expect(decoded.kind === 'ok' && decoded.hasSecrets).toBe(false);
    // The notice follows the clipboard write, which resolves after the address bar changes.
    await expect.poll(() => page.getByTestId('notices').textContent()).toContain('left out');

    const other = await harness.open({}, new URL(link).pathname + new URL(link).hash);
    await expect.poll(() => editorText(other.page, 'request')).toBe(request.replace(/\n$/, '\n'));
    expect(await other.page.getByTestId('secret-key').inputValue()).toBe('');
    // The scheme's option appears once the registry has loaded, with the engine's first answer.
    await expect.poll(() => other.page.getByTestId('scheme').inputValue()).toBe('sigv4');
    await other.page.locator('[data-testid=verdict][data-verdict=unknown]').waitFor();

    await page.getByTestId('include-secrets').click();
    await page.getByTestId('confirm-secrets').click();
    await page.getByTestId('secrets-included').waitFor();
    await page.getByTestId('share').click();
    await page.waitForFunction((old) => location.href !== old, link);
    const withSecret = await decodeShare(new URL(page.url()).hash);
    expect(withSecret.kind === 'ok' && withSecret.snapshot.secretAccessKey).toBe(secret);
    const third = await harness.open({}, new URL(page.url()).pathname + new URL(page.url()).hash);
    await third.page.locator('[data-testid=verdict][data-verdict=match]').waitFor();
  });

  it('turn a damaged link into a notice, not a crash', async () => {
    const { page } = await harness.open({}, '/#v1=AAAAbroken');
    await expect.poll(() => page.getByTestId('notices').textContent()).toContain('damaged');
    expect(await page.getByTestId('stages-empty').isVisible()).toBe(true);
  });
});

describe('pasted markup', () => {
  const PAYLOADS = [
    '<script>alert(1)</script>',
    '<img src=x onerror="alert(2)">',
    '<svg onload=alert(3)>',
    '"><iframe srcdoc="<script>alert(4)</script>">',
  ];

  it('is shown as text in every editor, stage and diff, and never runs', async () => {
    const { page } = await harness.open();
    const evil = PAYLOADS.join(' ');
    const request = [
      `GET /${encodeURIComponent(PAYLOADS[1]!)}?q=${encodeURIComponent(PAYLOADS[0]!)} HTTP/1.1`,
      'Host: example.amazonaws.com',
      `X-Evil: ${evil}`,
      'X-Amz-Date: 20150830T123600Z',
      `Authorization: AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date;x-evil, Signature=${'0'.repeat(64)}`,
      '',
      evil,
    ].join('\n');
    const reply = `<Error><Code>SignatureDoesNotMatch</Code><Message>${evil}</Message><CanonicalRequest>GET\n/\n\nhost:example.amazonaws.com\nx-evil:${evil.replace(/</g, '&lt;')}\n\nhost;x-evil\nUNSIGNED-PAYLOAD</CanonicalRequest></Error>`;
    await paste(page, 'request', request);
    await paste(page, 'server', reply);
    await paste(page, 'client', `${evil}\nGET\n/\n\nhost:${evil}\n\nhost\nUNSIGNED-PAYLOAD`);
    await page.getByTestId('access-key').fill(evil);
    await page.getByTestId('secret-key').fill(evil);
    await page.locator('[data-testid=canonical-lines]').waitFor();
    await settled(page);
    await page.locator('[data-testid=canonical-lines] > li').nth(3).hover();
    await page.waitForTimeout(300);
    const injected = await page.evaluate(() => ({
      scripts: [...document.querySelectorAll('script')].filter((s) => (s.textContent ?? '').includes('alert'))
        .length,
      images: document.querySelectorAll('img').length,
      svgs: [...document.querySelectorAll('svg')].filter((s) => s.hasAttribute('onload')).length,
      iframes: document.querySelectorAll('iframe').length,
      handlers: [...document.querySelectorAll('*')].filter((el) =>
        [...el.attributes].some((a) => a.name.startsWith('on')),
      ).length,
    }));
    expect(injected).toEqual({ scripts: 0, images: 0, svgs: 0, iframes: 0, handlers: 0 });
    expect(await page.getByTestId('stage-canonical').textContent()).toContain('<script>alert(1)</script>');
    await shoot(page, 'markup-as-text');
  });
});

describe('offline', () => {
  it('loads and verifies with the network gone, after one visit', async () => {
    const w = await harness.open();
    // The service worker has cached the app once it is active.
    await w.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await w.context.setOffline(true);
    await w.page.reload();
    await w.page.locator('[data-testid=request-editor][data-ready=true]').waitFor();
    // The live example opens offline too.
    await w.page.locator('[data-testid=verdict][data-verdict=mismatch]').waitFor();
    await clearExample(w.page);
    const dir = join(VECTORS, 'sigv4/aws-c-auth-v4/get-vanilla');
    await paste(w.page, 'request', readFileSync(join(dir, 'header-signed-request.txt'), 'utf8'));
    await w.page.getByTestId('secret-key').fill('wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY');
    await w.page.locator('[data-testid=verdict][data-verdict=match]').waitFor();
  });
});
