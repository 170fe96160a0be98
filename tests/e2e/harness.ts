/**
 * What every browser test shares: the static server, Chromium, and a page that records every request it makes,
 * every dialog and every page error, so that a test can assert nothing left the origin and nothing ran.
 */

import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { FIXTURE_REQUESTS, FIXTURE_SECRET } from '../../src/lib/examples/fixture-requests';
import { serverFixture } from '../worker/fixtures';
import { launchChromium } from './browser';
import { serveStatic, type StaticServer } from './static-server';

/** Where screenshots go (git-ignored). */
export const OUTPUT = join(import.meta.dirname, '../output');
/** The site. */
export const BUILD = join(import.meta.dirname, '../../build');

/** A page and what it did. */
export interface Watched {
  context: BrowserContext;
  page: Page;
  requests: string[];
  dialogs: string[];
  errors: string[];
}

/** The server and browser for one test file. */
export class Harness {
  server!: StaticServer;
  browser!: Browser;
  #watched: Watched[] = [];

  async start(): Promise<void> {
    mkdirSync(OUTPUT, { recursive: true });
    this.server = await serveStatic(BUILD);
    this.browser = await launchChromium();
  }

  async stop(): Promise<void> {
    await this.browser?.close();
    await this.server?.close();
  }

  /**
   * A fresh context and page that record requests (service worker and worker ones too), dialogs and errors. A first
   * visit opens on the live example: it is cleared with the page's own button unless `example` is true, so that a
   * test starts from empty boxes.
   */
  async open(options: BrowserContextOptions = {}, path = '/', example = false): Promise<Watched> {
    const context = await this.browser.newContext({ viewport: { width: 1400, height: 1000 }, ...options });
    const page = await context.newPage();
    const watched: Watched = { context, page, requests: [], dialogs: [], errors: [] };
    context.on('request', (r) => watched.requests.push(r.url()));
    page.on('dialog', (d) => {
      watched.dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
    page.on('pageerror', (e) => watched.errors.push(e.message));
    this.#watched.push(watched);
    await page.goto(this.server.origin + path);
    await ready(page);
    if (!path.includes('#') && !example) await clearExample(page);
    return watched;
  }

  /** Every page opened so far, and empties the list. */
  take(): Watched[] {
    const all = this.#watched;
    this.#watched = [];
    return all;
  }
}

/** Waits until the editors are mounted. */
export async function ready(page: Page): Promise<void> {
  await page.locator('[data-testid=request-editor][data-ready=true]').waitFor();
}

/** Waits for the live example a first visit opens on, and clears it with "Clear, start with mine". */
export async function clearExample(page: Page): Promise<void> {
  await page.getByTestId('clear-example').click();
  await page.getByTestId('example-banner').waitFor({ state: 'detached' });
}

/** Opens the examples catalogue and waits for its entries. */
export async function openExamples(page: Page): Promise<void> {
  await page.getByTestId('examples-toggle').click();
  await page.locator('[data-testid=examples-panel] [data-example]').first().waitFor();
}

/** Replaces an editor's text the way a user's paste does: select all, then a paste event carrying the text. */
export async function paste(
  page: Page,
  editor: 'request' | 'server' | 'client',
  text: string,
): Promise<void> {
  const content = page.locator(`[data-testid=${editor}-editor] .cm-content`);
  await content.click();
  await page.keyboard.press('ControlOrMeta+a');
  if (text === '') {
    await page.keyboard.press('Delete');
    return;
  }
  await content.evaluate((el, pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** Pastes a server-error fixture as a user would: the request, the server's reply, the client's log, the secret. */
export async function pasteFixture(page: Page, id: string): Promise<void> {
  const { serverError, clientLog } = serverFixture(id);
  await paste(page, 'request', FIXTURE_REQUESTS[id]!);
  await paste(page, 'server', serverError);
  await paste(page, 'client', clientLog);
  await page.getByTestId('secret-key').fill(FIXTURE_SECRET);
}

/** Pastes a fixture and waits for its mismatch to be explained: the verdict, the answer's fix, the findings. */
export async function pasteMismatch(page: Page, id: string): Promise<void> {
  await pasteFixture(page, id);
  await page.locator('[data-testid=verdict][data-verdict=mismatch]').waitFor();
  await page.getByTestId('answer-fix').waitFor();
  await page.locator('[data-testid=findings]').waitFor();
  await settled(page);
}

/** Waits until the engine has answered the newest run, diagnosis included. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('.stages')?.getAttribute('aria-busy') === 'false');
}

/** The text in an editor. */
export function editorText(page: Page, editor: 'request' | 'server' | 'client'): Promise<string> {
  return page.locator(`[data-testid=${editor}-editor] .cm-content`).evaluate((el) =>
    // An empty editor's one line holds its placeholder, which is no text of the document.
    [...el.querySelectorAll('.cm-line')]
      .map((l) => (l.querySelector('.cm-placeholder') ? '' : l.textContent))
      .join('\n'),
  );
}

/** Saves a full-page screenshot to tests/output/NAME.png. */
export async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(OUTPUT, `${name}.png`), fullPage: true });
}

/** One axe-core violation, as much of it as the tests report. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

const AXE = createRequire(import.meta.url).resolve('axe-core');

/** Runs axe-core (injected, never part of the app) on the page as it is: every WCAG 2.x A/AA violation. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE });
  return (await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: unknown[] }> } }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      resultTypes: ['violations'],
    });
    return result.violations;
  })) as AxeViolation[];
}

/** The serious and critical violations, one line each. */
export function seriousOf(violations: readonly AxeViolation[]): string[] {
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
}
