/**
 * Real-shape twins (tests/fixtures/real-shapes) pasted into the page as a user would: the answer says what the
 * twin documents, with its basis in words — a shown fault with its fix, or "cannot tell" with the one thing to
 * paste next — and a legacy-signed request shows its own scheme's stages. Desktop and phone screenshots.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { OUTPUT, paste, settled, shoot } from './harness';
import { useHarness } from './use-harness';

const harness = useHarness();
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

interface Twin {
  case: { request: string };
  error: string | null;
  client: string | null;
}
const twin = (id: string): Twin =>
  JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/real-shapes', `${id}.json`), 'utf8'));

async function pasteTwin(page: Page, id: string): Promise<void> {
  const t = twin(id);
  await paste(page, 'request', t.case.request);
  if (t.error) await paste(page, 'server', t.error);
  if (t.client) await paste(page, 'client', t.client);
  await page.getByTestId('answer-finding').waitFor();
  await settled(page);
}

describe('real pastes on the page', () => {
  it('a transit fault is shown, with its fix', async () => {
    const { page } = await harness.open();
    await pasteTwin(page, '27-app-log-line-context-jsonresult');
    await page.locator('[data-testid=verdict][data-verdict=mismatch]').waitFor();
    const lead = page.getByTestId('answer-finding');
    expect(await lead.getAttribute('data-basis')).toBe('shown');
    expect(await page.getByTestId('answer').textContent()).toMatch(/content-type/i);
    await shoot(page, 'twin-27-transit-desktop');
  });

  it('a paste that pins nothing says cannot tell, names a suspect and asks for the log', async () => {
    for (const [options, name] of [
      [{}, 'desktop'],
      [PHONE, 'phone'],
    ] as const) {
      const { page } = await harness.open(options);
      await pasteTwin(page, '03-es-json-path-comma-dots-host');
      await page.locator('[data-testid=verdict][data-verdict=unknown]').waitFor();
      expect(await page.getByTestId('answer-finding').getAttribute('data-basis')).toBe('suspected');
      expect(await page.getByTestId('answer-ask').getAttribute('data-need')).toBe('client-log');
      await shoot(page, `twin-03-cannot-tell-${name}`);
      // What the screen shows from the top of the page, as after a paste and a look up: the answer must be there.
      await page.evaluate(() => window.scrollTo(0, 0));
      expect(await page.getByTestId('answer').isVisible()).toBe(true);
      await page.screenshot({ path: join(OUTPUT, `twin-03-first-screen-${name}.png`) });
    }
  });

  it('an S3 SigV2 request shows S3 SigV2 stages and names the resource it was signed for', async () => {
    const { page } = await harness.open();
    await pasteTwin(page, '13-s3v2-ruby-log-signature-of-other-resource');
    expect(await page.getByTestId('trace-scheme').textContent()).toContain('S3 SigV2');
    await page.getByTestId('stage-string-to-sign').waitFor();
    const lead = page.getByTestId('answer-finding');
    expect(await lead.getAttribute('data-basis')).toBe('shown');
    expect(await page.getByTestId('answer').textContent()).toContain('/com.acme-hr.resumes/');
    await shoot(page, 'twin-13-s3v2-desktop');
  });
});
