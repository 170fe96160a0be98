/**
 * UI bench on the built page (build/, served on loopback, driven by Chromium):
 *  - keystroke → updated stages: a 2 KB request is signed, then ~50 characters are typed into its body one at a
 *    time; each is timed in the page with performance.now() from the keydown to the DOM update of the signature
 *    card (its data-run attribute changes after the new stages render). Target: median ≤ 10 ms.
 *  - first render on localhost: navigation to the editor being ready, first contentful paint, and, for a share
 *    link, navigation to the first stages rendered.
 * Prints one JSON object. `npm run bench` runs it after the engine bench (building first when needed).
 */

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../e2e/browser';
import { clearExample, paste } from '../e2e/harness';
import { serveStatic } from '../e2e/static-server';
import { encodeShare } from '../../src/lib/state/share';
import { EMPTY_SNAPSHOT } from '../../src/lib/state/snapshot';

const BUILD = join(import.meta.dirname, '../../build');
const KEYSTROKES = 50;
const LOADS = 7;

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

function request2k(): string {
  const head = [
    'PUT /my-bucket/reports/2024/q1%20summary.json?versionId=3&tagging HTTP/1.1',
    'Host: examplebucket.s3.us-east-1.amazonaws.com',
    'Content-Type: application/json; charset=utf-8',
    'x-amz-date: 20240115T120000Z',
    'x-amz-meta-owner: team-analytics',
    'x-amz-storage-class: STANDARD_IA',
    'User-Agent: aws-sdk-js/3.500.0 ua/2.0 os/linux lang/js md/nodejs#20.11.0',
    '',
    '',
  ].join('\n');
  const row = '{"id": 12345, "name": "quarterly summary", "value": 98.6, "tags": ["a", "b"]},\n';
  let body = '[\n';
  while (head.length + body.length + row.length < 2048 - 2) body += row;
  return head + body + ']';
}

function stats(samples: number[]): { median: number; p90: number; min: number; max: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { median: at(0.5), p90: at(0.9), min: s[0]!, max: s[s.length - 1]! };
}

const round = (n: number) => Math.round(n * 10) / 10;

async function main(): Promise<void> {
  if (!existsSync(join(BUILD, 'index.html')))
    throw new Error('build/ is missing: run `npm run build` first.');
  const server = await serveStatic(BUILD);
  const browser = await launchChromium();
  try {
    // ---- keystroke → stages
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    await page.goto(server.origin + '/');
    await page.locator('[data-testid=request-editor][data-ready=true]').waitFor();
    // A first visit opens on the live example: cleared, as a user starting with their own request would.
    await clearExample(page);
    await page.getByTestId('access-key').fill('AKIDEXAMPLE');
    await page.getByTestId('secret-key').fill(SECRET);
    const request = request2k();
    await paste(page, 'request', request);
    await page.locator('[data-testid=signature]').waitFor();
    await page.waitForTimeout(300);
    await page.evaluate(() => {
      const w = window as unknown as { bench: { t0: number; samples: number[]; runs: number } };
      w.bench = { t0: 0, samples: [], runs: 0 };
      document.addEventListener('keydown', () => (w.bench.t0 = performance.now()), { capture: true });
      const card = document.querySelector('[data-testid=stage-signature]')!;
      new MutationObserver(() => {
        w.bench.runs++;
        if (w.bench.t0) w.bench.samples.push(performance.now() - w.bench.t0);
        w.bench.t0 = 0;
      }).observe(card, { attributes: true, attributeFilter: ['data-run'] });
    });
    // Type into the body, just before its closing bracket.
    await page.locator('[data-testid=request-editor] .cm-content').click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.press('ArrowLeft');
    for (let i = 0; i < KEYSTROKES; i++) {
      const before = await page.evaluate(() => (window as unknown as { bench: { runs: number } }).bench.runs);
      await page.keyboard.type(String.fromCharCode(97 + (i % 26)));
      await page.waitForFunction(
        (n) => (window as unknown as { bench: { runs: number } }).bench.runs > n,
        before,
        { timeout: 5000 },
      );
    }
    const samples = await page.evaluate(
      () => (window as unknown as { bench: { samples: number[] } }).bench.samples,
    );
    await context.close();
    const k = stats(samples);

    // ---- first render
    const link = await encodeShare({
      ...EMPTY_SNAPSHOT,
      request,
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: SECRET,
    });
    const ready: number[] = [];
    const fcp: number[] = [];
    const firstStages: number[] = [];
    type Marks = { ready?: number; stages?: number };
    for (let i = 0; i < LOADS; i++) {
      const ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
      // Times taken in the page, relative to navigation start, the moment each element appears.
      await ctx.addInitScript(() => {
        const marks: { ready?: number; stages?: number } = {};
        (window as unknown as { marks: typeof marks }).marks = marks;
        new MutationObserver(() => {
          if (
            marks.ready === undefined &&
            document.querySelector('[data-testid=request-editor][data-ready=true]')
          )
            marks.ready = performance.now();
          if (marks.stages === undefined && document.querySelector('[data-testid=signature]'))
            marks.stages = performance.now();
        }).observe(document, { subtree: true, childList: true, attributes: true });
      });
      const p = await ctx.newPage();
      await p.goto(server.origin + '/');
      await p.locator('[data-testid=request-editor][data-ready=true]').waitFor();
      const t = await p.evaluate(() => ({
        ready: (window as unknown as { marks: Marks }).marks.ready ?? NaN,
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      }));
      ready.push(t.ready);
      fcp.push(t.fcp);
      const q = await ctx.newPage();
      await q.goto(`${server.origin}/#${link}`);
      await q.locator('[data-testid=signature]').waitFor();
      firstStages.push(await q.evaluate(() => (window as unknown as { marks: Marks }).marks.stages ?? NaN));
      await ctx.close();
    }
    const r = stats(ready);
    const f = stats(fcp);
    const s = stats(firstStages);
    const ms = (x: { median: number; min: number; max: number; p90?: number }) => ({
      median: round(x.median),
      ...(x.p90 !== undefined ? { p90: round(x.p90) } : {}),
      min: round(x.min),
      max: round(x.max),
    });
    console.log(
      JSON.stringify(
        {
          unit: 'milliseconds, built page on localhost in Chromium',
          keystrokeToStages: {
            request: `${request.length} characters`,
            keystrokes: samples.length,
            ...ms(k),
            targetMedian: 10,
          },
          firstContentfulPaint: ms(f),
          navigationToEditorReady: ms(r),
          shareLinkToFirstStages: ms(s),
        },
        null,
        2,
      ),
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
