/**
 * Responsive under load: typing in a 1 MB body makes no long task over 100 ms, and a large dropped file is hashed
 * in the worker slice by slice, with a progress bar, to the same SHA-256 as Node computes.
 */

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { paste, settled, shoot } from './harness';
import { useHarness } from './use-harness';

// Whatever a test did, its pages asked nothing of any other origin, showed no dialog and threw nothing.
const harness = useHarness();

const HEAD = 'PUT /big.bin HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\nx-amz-date: 20240115T120000Z\n\n';

describe('a 1 MB body', () => {
  it('can be typed in with no long task over 100 ms', async () => {
    const { page } = await harness.open();
    await page.getByTestId('secret-key').fill('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    await page.getByTestId('access-key').fill('AKIDEXAMPLE');
    const line = 'The quick brown fox jumps over the lazy dog, 0123456789 times over and over.\n';
    const body = line.repeat(Math.ceil((1024 * 1024) / line.length));
    await paste(page, 'request', HEAD + body);
    const payloadLine = page.locator('[data-testid=canonical-lines] > li[data-part=payload-hash]');
    await expect
      .poll(() => payloadLine.textContent())
      .toContain(createHash('sha256').update(body).digest('hex'));
    await settled(page);

    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longTasks.push(e.duration);
      }).observe({ type: 'longtask' });
    });
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type('typing at the end of a megabyte', { delay: 40 });
    const expected = createHash('sha256')
      .update(body + 'typing at the end of a megabyte')
      .digest('hex');
    await expect.poll(() => payloadLine.textContent(), { timeout: 10_000 }).toContain(expected);
    await settled(page);
    const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    console.log(`1 MB body: long tasks while typing: ${JSON.stringify(longTasks.map(Math.round))}`);
    expect(Math.max(0, ...longTasks)).toBeLessThanOrEqual(100);
    await shoot(page, 'large-body');
  });
});

describe('a large dropped file', () => {
  it('is hashed in slices with a progress bar, and its hash is signed', async () => {
    const { page } = await harness.open();
    await page.getByTestId('secret-key').fill('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    await page.getByTestId('access-key').fill('AKIDEXAMPLE');
    await paste(page, 'request', HEAD);
    await page.locator('[data-testid=canonical-lines]').waitFor();
    const size = 24 * 1024 * 1024;
    await page.evaluate((n) => {
      const w = window as unknown as { sawProgress: boolean };
      w.sawProgress = false;
      new MutationObserver(() => {
        if (document.querySelector('[data-testid=body-file] progress')) w.sawProgress = true;
      }).observe(document.body, { subtree: true, childList: true });
      const bytes = new Uint8Array(n);
      for (let i = 0; i < n; i++) bytes[i] = (i * 31 + 7) & 255;
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], 'upload.bin', { type: 'application/octet-stream' }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, size);
    const bytes = Buffer.alloc(size);
    for (let i = 0; i < size; i++) bytes[i] = (i * 31 + 7) & 255;
    const expected = createHash('sha256').update(bytes).digest('hex');
    await page.locator('[data-testid=body-file]', { hasText: 'SHA-256' }).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('body-file').textContent()).toContain(expected);
    expect(await page.evaluate(() => (window as unknown as { sawProgress: boolean }).sawProgress)).toBe(true);
    await expect
      .poll(() => page.locator('[data-testid=canonical-lines] > li[data-part=payload-hash]').textContent())
      .toContain(expected);
    await shoot(page, 'dropped-file-hashed');
  });
});
