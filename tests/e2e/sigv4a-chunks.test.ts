/**
 * The debugger page with SigV4A and chunked uploads, through the worker: a pasted SigV4A request (aws-c-auth v4a
 * suite, tests/vectors/sigv4a) shows its generic stages (the derivation's counter, the public key, r and s) and
 * verifies with the secret or a pasted public key; the S3 documentation's streaming upload (tests/vectors/s3)
 * shows its chain as a table, and a changed chunk is marked as the first break; a generated multi-MiB file is
 * signed into chunks with progress and a paged table; a SigV2 request shows SigV2's own settings and no SigV4
 * scope. Screenshots in light and dark mode, and axe on each state.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, paste, seriousOf, settled, shoot } from './harness';
import { useHarness } from './use-harness';

const harness = useHarness();
const VECTORS = join(import.meta.dirname, '../vectors');
const v4a = (file: string) => readFileSync(join(VECTORS, 'sigv4a/aws-c-auth-v4a/get-vanilla', file), 'utf8');
const V4A_SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const CSP = { bypassCSP: true };

const chunkedDoc = JSON.parse(readFileSync(join(VECTORS, 's3/sigv4-chunked-upload-examples.json'), 'utf8'));
const streaming = chunkedDoc.examples.find((e: { id: string }) => e.id === 'streaming-signed-payload');

/** The S3 streaming example on the wire, CRLF line breaks, with chunk 2's data as given. */
function chunkedRequest(second = 'a'.repeat(1024)): string {
  const head = (streaming.request.headers as [string, string][])
    .map(([n, v]) => `${n}: ${n === 'Authorization' ? streaming.seed_authorization_aws_c_auth : v}`)
    .join('\r\n');
  const data = ['a'.repeat(65536), second, ''];
  const body = (streaming.chunks as { size_hex: string; signature: string }[])
    .map((c, i) => `${c.size_hex};chunk-signature=${c.signature}\r\n${data[i]}${data[i] ? '\r\n' : ''}`)
    .join('');
  return `PUT ${streaming.request.path} HTTP/1.1\r\n${head}\r\n\r\n${body}\r\n`;
}

async function noSeriousAxe(page: Page): Promise<void> {
  expect(seriousOf(await axeViolations(page))).toEqual([]);
}

describe.each(['light', 'dark'] as const)('in %s mode', (colorScheme) => {
  it('verifies a pasted SigV4A request and shows its key derivation, public key, r and s', async () => {
    const { page } = await harness.open({ colorScheme, ...CSP });
    await paste(page, 'request', v4a('header-signed-request.txt'));
    await page.getByTestId('secret-key').fill(V4A_SECRET);
    await page.locator('[data-testid=trace-verdict][data-valid=true]').waitFor();
    await settled(page);
    expect(await page.getByTestId('trace-scheme').textContent()).toContain('SigV4A');
    expect(await page.getByTestId('stage-canonical-request').textContent()).toContain(
      'x-amz-region-set:us-east-1',
    );
    const key = (await page.getByTestId('stage-signing-key').textContent()) ?? '';
    expect(key).toMatch(/counter \d+: fixed input/);
    expect(key).toContain(JSON.parse(v4a('public-key.json')).X.toLowerCase() as string);
    const sig = (await page.getByTestId('stage-signature').textContent()) ?? '';
    expect(sig).toMatch(/r = [0-9a-f]+/);
    expect(sig).toMatch(/s = [0-9a-f]+/);
    expect(await page.getByTestId('verdict').getAttribute('data-verdict')).toBe('match');
    // The scheme picker lists every scheme of the registry.
    const options = await page.locator('[data-testid=scheme] option').allTextContents();
    expect(options.slice(1)).toEqual([
      'SigV4',
      'SigV4 (S3)',
      'SigV4A',
      'SigV2 (Query APIs)',
      'S3 SigV2',
      'SigV1',
      'SigV0',
    ]);
    await noSeriousAxe(page);
    await shoot(page, `sigv4a-verify-${colorScheme}`);

    // The public key instead of the secret.
    await page.getByTestId('secret-key').fill('');
    await page.getByTestId('public-key').fill(v4a('public-key.json'));
    await page.locator('[data-testid=trace-verdict][data-valid=true]').waitFor();
    expect(await page.getByTestId('stage-signing-key').textContent()).toContain('Public key (pasted)');
  });

  it('shows a pasted chunked upload’s chain, and marks the first chunk that breaks it', async () => {
    const { page } = await harness.open({ colorScheme, ...CSP });
    await paste(page, 'request', chunkedRequest());
    await page.getByTestId('secret-key').fill(chunkedDoc.credentials.secret_access_key);
    const chain = page.getByTestId('pasted-chain');
    await page.locator('[data-testid=pasted-chain][data-valid=true]').waitFor();
    expect(await chain.getAttribute('data-rows')).toBe('3');
    expect(await chain.locator('[data-valid=true][data-chunk]').count()).toBe(3);
    await settled(page);

    await paste(page, 'request', chunkedRequest('a'.repeat(1023) + 'b'));
    await page.locator('[data-testid=chain-break][data-index="2"]').waitFor();
    expect(await chain.locator('tr[data-chunk="2"]').textContent()).toContain('first break');
    expect(await page.getByTestId('chain-break').textContent()).toContain('does not sign these 1024 bytes');
    await settled(page);
    expect(await page.getByTestId('verdict').getAttribute('data-verdict')).toBe('mismatch');
    expect(await page.getByTestId('answer-chain-link').textContent()).toBe('The chain table: chunk 2');
    // A break after the seed is in the chain, not in the seed's canonical request: no stage link to that.
    expect(await page.getByTestId('answer-stage-link').count()).toBe(0);
    await noSeriousAxe(page);
    await page.getByTestId('chunked').scrollIntoViewIfNeeded();
    await shoot(page, `chunked-break-${colorScheme}`);
  });
});

describe('signing a file into chunks', () => {
  it('hashes a dropped 24 MiB file in the worker with progress, and pages its chain', async () => {
    const { page } = await harness.open({ ...CSP });
    await page.getByTestId('access-key').fill(chunkedDoc.credentials.access_key_id);
    await page.getByTestId('secret-key').fill(chunkedDoc.credentials.secret_access_key);
    await paste(
      page,
      'request',
      'PUT /examplebucket/big.bin HTTP/1.1\nHost: s3.amazonaws.com\nx-amz-date: 20130524T000000Z\n\n',
    );
    await page.getByTestId('open-chunked').click();
    await page.getByTestId('chunk-drop').waitFor();
    // Whether the progress bar was ever shown: watched from before the drop.
    await page.evaluate(() => {
      const w = window as unknown as { sawProgress: boolean };
      w.sawProgress = false;
      new MutationObserver(() => {
        if (document.querySelector('[data-testid=chunk-progress]')) w.sawProgress = true;
      }).observe(document.body, { childList: true, subtree: true });
    });
    await page.getByTestId('chunk-drop').evaluate((el) => {
      const mib = new Uint8Array(1024 * 1024).map((_, i) => i & 0xff);
      const file = new File(
        Array.from({ length: 24 }, () => mib),
        'big.bin',
      );
      const data = new DataTransfer();
      data.items.add(file);
      el.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await page.locator('[data-testid=chunk-job][data-done=true]').waitFor({ timeout: 60_000 });
    expect(await page.evaluate(() => (window as unknown as { sawProgress: boolean }).sawProgress)).toBe(true);
    const table = page.getByTestId('signed-chain');
    expect(await table.getAttribute('data-rows')).toBe(String(24 * 16 + 1));
    // Paged: one page of rows in the DOM, not 385.
    expect(await table.locator('tbody tr').count()).toBeLessThanOrEqual(51);
    expect(await page.getByTestId('chunk-page').textContent()).toContain('of 385');
    const mbps = Number(await page.getByTestId('chunk-job').getAttribute('data-mbps'));
    expect(mbps).toBeGreaterThan(0);
    console.log(`sign a 24 MiB file into 64 KiB chunks in the page's worker: ${mbps} MB/s`);
    await noSeriousAxe(page);
    await page.getByTestId('chunked').scrollIntoViewIfNeeded();
    await shoot(page, 'chunked-file-signed');
  });
});

describe('a legacy request on the page', () => {
  it('shows SigV2’s own settings and no SigV4 scope fields', async () => {
    const { page } = await harness.open({ ...CSP });
    const doc = JSON.parse(readFileSync(join(VECTORS, 'sigv2/query-api-sigv2.json'), 'utf8'));
    const c = doc.cases[0];
    const query = (c.request.params as [string, string][])
      .concat([['Signature', c.signature]])
      .map(([n, v]) => `${n}=${encodeURIComponent(v)}`)
      .join('&');
    await paste(page, 'request', `GET ${c.request.path}?${query} HTTP/1.1\nHost: ${c.request.host}\n\n`);
    await page.getByTestId('secret-key').fill(c.credentials.secret_access_key);
    await page.getByTestId('legacy-scheme').waitFor();
    await settled(page);
    await page.locator('.settings-box summary').click();
    expect(await page.locator('[data-testid=settings] legend').textContent()).toContain('Settings for SigV2');
    expect(await page.locator('[data-testid=settings] select[name=signatureMethod]').count()).toBe(1);
    expect(await page.locator('[data-testid=settings] [name=normalizePath]').count()).toBe(0);
    expect(await page.getByTestId('region').count()).toBe(0);
    expect(await page.getByTestId('verdict').getAttribute('data-verdict')).toBe('match');

    // Another secret: the answer's stage link names SigV2's own stage, not a SigV4 card.
    await page.getByTestId('secret-key').fill('another secret');
    await page.locator('[data-testid=verdict][data-verdict=mismatch]').waitFor();
    await settled(page);
    const link = page.getByTestId('answer-stage-link');
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/^#stage-trace-/);
    expect(await page.locator(href).count()).toBe(1);
    expect(await link.textContent()).toBe('The stage: signature');
  });
});
