/**
 * The first page's JavaScript, as the browser loads it (the page and whatever it asks for before it starts the live
 * example a first visit opens on), stays within 150 KB gzip. The example (catalogue, engine, worker) is fetched
 * after that, and reported beside it, as is what the first input adds; the service worker's precache of lazy
 * chunks for offline use is not counted. The numbers go to tests/output/size.json.
 */

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness, OUTPUT, paste } from './harness';

/** The budget for the JavaScript the first visit loads, gzip. */
export const FIRST_PAGE_JS_BUDGET = 150 * 1024;

const harness = new Harness();
beforeAll(() => harness.start());
afterAll(() => harness.stop());

describe('the first page', () => {
  it(`loads at most ${FIRST_PAGE_JS_BUDGET / 1024} KB of JavaScript, gzip`, async () => {
    const context = await harness.browser.newContext();
    const loaded: { url: string; bytes: number; gzip: number }[] = [];
    const pending: Promise<void>[] = [];
    context.on('response', (response) => {
      const type = response.headers()['content-type'] ?? '';
      // The service worker's precache (every lazy chunk, fetched for offline use) is not what the page loads.
      if (!type.includes('javascript') || response.request().serviceWorker()) return;
      pending.push(
        response.body().then((body) => {
          loaded.push({
            url: response.url().replace(harness.server.origin, ''),
            bytes: body.length,
            gzip: gzipSync(body).length,
          });
        }),
      );
    });
    const page = await context.newPage();
    await page.goto(harness.server.origin + '/', { waitUntil: 'networkidle' });
    await page.locator('[data-testid=request-editor][data-ready=true]').waitFor();
    await page.locator('[data-testid=verdict][data-verdict=mismatch]').waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
    // What the page asked for before it started the live example, by the page's own resource timing.
    const before = new Set(
      await page.evaluate(() => {
        const mark = performance.getEntriesByName('sigscope:live-example')[0]?.startTime ?? Infinity;
        return performance
          .getEntriesByType('resource')
          .filter((e) => e.startTime < mark)
          .map((e) => e.name.replace(location.origin, ''));
      }),
    );
    const first = loaded.filter((f) => before.has(f.url)).sort((a, b) => b.gzip - a.gzip);
    const total = first.reduce((n, f) => n + f.gzip, 0);
    const example = loaded.filter((f) => !first.includes(f));
    const exampleTotal = example.reduce((n, f) => n + f.gzip, 0);

    await page.getByTestId('clear-example').click();
    await paste(
      page,
      'request',
      'GET / HTTP/1.1\nHost: example.amazonaws.com\nX-Amz-Date: 20150830T123600Z\n\n',
    );
    await page.locator('[data-testid=canonical-lines]').waitFor();
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
    await context.close();
    const later = loaded.filter((f) => !first.includes(f) && !example.includes(f));
    const laterTotal = later.reduce((n, f) => n + f.gzip, 0);
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    writeFileSync(
      join(OUTPUT, 'size.json'),
      JSON.stringify(
        {
          budget: FIRST_PAGE_JS_BUDGET,
          firstPageGzip: total,
          firstPage: first,
          liveExampleGzip: exampleTotal,
          liveExample: example,
          onFirstInputGzip: laterTotal,
          onFirstInput: later,
        },
        null,
        2,
      ),
    );
    console.log(
      `first page JS: ${kb(total)} gzip in ${first.length} files (budget ${kb(FIRST_PAGE_JS_BUDGET)})`,
    );
    for (const f of first.slice(0, 5)) console.log(`  ${kb(f.gzip)}  ${f.url}`);
    console.log(`then the live example: ${kb(exampleTotal)} more (${example.map((f) => f.url).join(', ')})`);
    console.log(`on the first input: ${kb(laterTotal)} more (${later.map((f) => f.url).join(', ')})`);
    expect(first.length).toBeGreaterThan(0);
    expect(first.some((f) => f.url.includes('engine.worker'))).toBe(false);
    expect(example.some((f) => f.url.includes('engine.worker'))).toBe(true);
    expect(total).toBeLessThanOrEqual(FIRST_PAGE_JS_BUDGET);
  });
});
