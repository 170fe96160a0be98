/**
 * Hashing throughput in the page's worker against node:crypto's, in the same run: a 256 MiB file generated in the
 * built page (build/, served on loopback, driven by Chromium) is dropped as a request body and hashed by the
 * engine worker slice by slice (hash-wasm), then signed into 64 KiB aws-chunked chunks (a SHA-256 and an HMAC per
 * chunk); the page reports MB/s as the worker measured it. node:crypto hashes the same bytes here. Each is run
 * `RUNS` times; the best is printed, with the digests to show both hashed the same bytes, and the longest gap
 * between two animation frames while the chunks are signed (how responsive the page stays). `BENCH_MIB=1024` for
 * the 1 GiB case.
 * Run after `npm run build`: `npx tsx tests/bench/worker-hash-bench.ts` (or `node --experimental-strip-types`).
 */

import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../e2e/browser';
import { clearExample, paste } from '../e2e/harness';
import { serveStatic } from '../e2e/static-server';

const BUILD = join(import.meta.dirname, '../../build');
const MIB = 1024 * 1024;
const SIZE_MIB = Number(process.env.BENCH_MIB ?? 256);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/**
 * Files this large are written to disk and chosen with the file input, as a user's are: Chromium keeps a generated
 * Blob in memory and refuses to read one this size back.
 */
const FROM_DISK = SIZE_MIB >= 512;

/** The bench file's bytes: 1 MiB of a pattern, repeated. Built the same way in the page and here. */
function patternMiB(): Uint8Array {
  return new Uint8Array(MIB).map((_, i) => (i * 7 + (i >> 10)) & 0xff);
}

function nodeSha256(): { mbps: number; hex: string } {
  const mib = patternMiB();
  const t0 = performance.now();
  const hash = createHash('sha256');
  // The worker reads 4 MiB slices; node takes the same bytes 1 MiB at a time (it copies nothing either way).
  for (let i = 0; i < SIZE_MIB; i++) hash.update(mib);
  const hex = hash.digest('hex');
  const ms = performance.now() - t0;
  return { mbps: (SIZE_MIB * MIB) / 1e6 / (ms / 1000), hex };
}

/** Writes the bench file to a temporary path, for the file input. */
function fileOnDisk(): string {
  const path = join(tmpdir(), `sigscope-bench-${SIZE_MIB}mib.bin`);
  const fd = openSync(path, 'w');
  const mib = patternMiB();
  for (let i = 0; i < SIZE_MIB; i++) writeSync(fd, mib);
  closeSync(fd);
  return path;
}

/** Drops a generated file on `target` (the window, or the chunk panel's drop zone). */
async function dropGenerated(page: Page, target: string, name: string): Promise<void> {
  await page.locator(target).evaluate(
    (el, { mib, name }) => {
      const one = new Uint8Array(1024 * 1024).map((_, i) => (i * 7 + (i >> 10)) & 0xff);
      const file = new File(
        Array.from({ length: mib }, () => one),
        name,
      );
      const data = new DataTransfer();
      data.items.add(file);
      el.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    },
    { mib: SIZE_MIB, name },
  );
}

async function main(): Promise<void> {
  if (!existsSync(join(BUILD, 'index.html')))
    throw new Error('build/ is missing: run `npm run build` first.');
  const server = await serveStatic(BUILD);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    await page.goto(server.origin + '/');
    await page.locator('[data-testid=request-editor][data-ready=true]').waitFor();
    await clearExample(page);
    await page.getByTestId('access-key').fill('AKIAIOSFODNN7EXAMPLE');
    await page.getByTestId('secret-key').fill('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    await paste(
      page,
      'request',
      'PUT /examplebucket/bench.bin HTTP/1.1\nHost: s3.amazonaws.com\nx-amz-date: 20130524T000000Z\n\n',
    );

    const hash: number[] = [];
    let workerHex = '';
    for (let run = 0; run < RUNS; run++) {
      await page.evaluate(() =>
        document.querySelector<HTMLButtonElement>('[data-testid=body-file] button')?.click(),
      );
      await dropGenerated(page, 'main', `bench-${run}.bin`);
      const done = page.locator(`[data-testid=body-file][data-mbps]`);
      await done.waitFor({ timeout: 300_000 });
      hash.push(Number(await done.getAttribute('data-mbps')));
      workerHex = (await done.getAttribute('data-hex')) ?? '';
    }

    await page.getByTestId('open-chunked').click();
    await page.getByTestId('chunk-drop').waitFor();
    const chunks: number[] = [];
    const frameGaps: number[] = [];
    const onDisk = FROM_DISK ? fileOnDisk() : undefined;
    for (let run = 0; run < RUNS; run++) {
      // How responsive the page stays meanwhile: the longest gap between two animation frames.
      // A string, not a function: tsx would wrap the inner named function in a helper the page lacks.
      await page.evaluate(`(() => {
        const gap = { max: 0, last: performance.now(), on: true };
        window.gap = gap;
        const tick = (t) => {
          gap.max = Math.max(gap.max, t - gap.last);
          gap.last = t;
          if (gap.on) requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      })()`);
      if (onDisk) await page.getByTestId('chunk-file').setInputFiles(onDisk);
      else await dropGenerated(page, '[data-testid=chunk-drop]', `chunks-${run}.bin`);
      const done = page.locator(`[data-testid=chunk-job][data-done=true]`);
      const failed = page.locator('[data-testid=chunk-job] [role=alert], [data-testid=chunk-problems]');
      await Promise.race([done.waitFor({ timeout: 600_000 }), failed.first().waitFor({ timeout: 600_000 })]);
      if (await failed.count()) throw new Error(`signing failed: ${await failed.first().textContent()}`);
      chunks.push(Number(await done.getAttribute('data-mbps')));
      await page.getByTestId('chunk-page').waitFor();
      frameGaps.push(
        await page.evaluate(() => {
          const w = window as unknown as { gap: { max: number; on: boolean } };
          w.gap.on = false;
          return Math.round(w.gap.max);
        }),
      );
    }
    await context.close();
    if (onDisk) rmSync(onDisk);

    const node = Array.from({ length: RUNS }, nodeSha256);
    const best = (xs: number[]) => Math.round(Math.max(...xs) * 10) / 10;
    console.log(
      JSON.stringify(
        {
          unit: `MB/s (10^6 bytes/s) over a ${SIZE_MIB} MiB file, best of ${RUNS}`,
          workerSha256: { best: best(hash), runs: hash, hex: workerHex },
          workerSignChunks64KiB: {
            best: best(chunks),
            runs: chunks,
            longestFrameGapMs: frameGaps,
            chunks: Math.ceil((SIZE_MIB * MIB) / 65536) + 1,
          },
          nodeCryptoSha256: {
            best: best(node.map((n) => n.mbps)),
            runs: node.map((n) => Math.round(n.mbps)),
            hex: node[0]!.hex,
          },
          sameDigest: workerHex === node[0]!.hex,
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
