/**
 * Event-stream signing (/events): it opens on aws-c-auth's event-signing test and verifies every message (the
 * signatures on the page are the test's, tests/vectors/streaming/event-stream-signing.json); swapped messages are
 * marked at the first broken link; a cut frame is pointed at. Axe in light and dark, desktop and phone.
 */

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { OUTPUT, shoot } from './harness';
import { boxesPastScreen, checkThemes, PHONE, useTeachHarness } from './teach-harness';
import { readVectorJson } from '../sig/v4/vectors';

const t = useTeachHarness();
const events = readVectorJson<{ cases: { events: { expected_signature: string }[] }[] }>(
  'streaming',
  'event-stream-signing.json',
).cases[0]!.events;

async function open(path = '/events', options = {}) {
  const w = await t.open(path, options);
  await w.page.locator('[data-hydrated=true]').waitFor();
  return w;
}
const statuses = (page: Page) =>
  page.locator('[data-testid=message]').evaluateAll((ms) => ms.map((m) => m.getAttribute('data-status')));

describe('/events', () => {
  it('opens on the aws-c-auth example, every message valid', async () => {
    const { page } = await open();
    expect(await page.getByTestId('verdict').getAttribute('data-verdict')).toBe('valid');
    expect(await statuses(page)).toEqual(['valid', 'valid', 'valid', 'valid']);
    expect(await page.getByTestId('message-expected').allTextContents()).toEqual(
      events.map((e) => e.expected_signature),
    );
    expect(await page.getByTestId('message-sts').first().textContent()).toContain('AWS4-HMAC-SHA256-PAYLOAD');
    await shoot(page, 'events-example');
  });

  it('swapped messages: the first broken link is marked', async () => {
    const { page } = await open();
    const box = page.getByTestId('frames-input');
    const lines = (await box.inputValue()).split('\n');
    await box.fill([lines[0], lines[2], lines[1], lines[3]].join('\n'));
    await page.locator('[data-testid=verdict][data-verdict=broken]').waitFor();
    expect(await statuses(page)).toEqual(['valid', 'break', 'invalid', 'invalid']);
    const second = page.locator('[data-testid=message][data-index="2"]');
    expect(await second.getByTestId('message-why').textContent()).toMatch(/breaks at message 2/);
    expect(await second.getByTestId('message-signed-on').textContent()).toMatch(/on message 3's signature/);
    await shoot(page, 'events-broken');
  });

  it('a cut frame is pointed at, and the messages before it stay', async () => {
    const { page } = await open();
    const box = page.getByTestId('frames-input');
    const lines = (await box.inputValue()).split('\n');
    await box.fill([lines[0], lines[1]!.slice(0, 50)].join('\n'));
    await page.locator('[data-testid=problems] li[data-kind=event-length]').waitFor();
    expect(await page.locator('[data-testid=problems] li[data-kind=event-length]').textContent()).toMatch(
      /in Messages, line 2, column 1/,
    );
    expect(await statuses(page)).toEqual(['valid']);
  });

  it('passes axe in light and dark, desktop and phone, with no sideways scroll on the phone', async () => {
    const desktop = await open();
    expect(await checkThemes(desktop.page, 'events')).toEqual([]);
    const phone = await open('/events', PHONE);
    expect(
      await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    expect(await boxesPastScreen(phone.page)).toEqual([]);
    expect(await checkThemes(phone.page, 'events-phone')).toEqual([]);
    // The full phone page is too tall to look at: its top and one piece of output, at the phone's width.
    await phone.page.screenshot({ path: join(OUTPUT, 'events-phone-top.png') });
    await phone.page
      .getByTestId('message')
      .first()
      .screenshot({ path: join(OUTPUT, 'events-phone-message.png') });
  });
});
