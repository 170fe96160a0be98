/**
 * The tool pages' share links: what goes in comes back, the secret only when asked for, and a damaged or foreign
 * link is a notice, never an exception. Also the problem excerpts the pages show.
 */

import { describe, expect, it } from 'vitest';
import { decodeToolShare, encodeToolShare } from '../../src/lib/tools/share';
import { excerptOf } from '../../src/lib/tools/spot';

const FIELDS = ['frames', 'seed', 'secretAccessKey'];
const SECRETS = ['secretAccessKey'];
const fields = { frames: 'AAAA\nBBBB', seed: 'ab'.repeat(32), secretAccessKey: 'wJalr/secret' };

describe('tool share links', () => {
  it('round-trip the fields, leaving the secret out unless opted in', async () => {
    const without = await encodeToolShare('events', fields, SECRETS, false);
    expect(without).toMatch(/^t1=[A-Za-z0-9_-]+$/);
    const back = await decodeToolShare(`#${without}`, 'events', FIELDS, SECRETS);
    expect(back).toEqual({
      kind: 'ok',
      fields: { frames: fields.frames, seed: fields.seed },
      hasSecrets: false,
      issues: [],
    });
    const withSecret = await decodeToolShare(
      await encodeToolShare('events', fields, SECRETS, true),
      'events',
      FIELDS,
      SECRETS,
    );
    expect(withSecret).toMatchObject({ kind: 'ok', fields, hasSecrets: true });
  });

  it('a link for the other page, or with unknown fields, says so', async () => {
    const link = await encodeToolShare('events', { ...fields, extra: 'x' }, SECRETS, false);
    expect(await decodeToolShare(link, 'policy', FIELDS, SECRETS)).toMatchObject({
      kind: 'bad',
      notice: expect.stringMatching(/events page/),
    });
    expect(await decodeToolShare(link, 'events', FIELDS, SECRETS)).toMatchObject({
      kind: 'ok',
      issues: ['the unknown field "extra" was ignored'],
    });
  });

  it('a damaged link is a notice; no fragment is nothing', async () => {
    for (const bad of ['#t1=!!', '#t1=AAAAAAAA', '#t2=abc'])
      expect(await decodeToolShare(bad, 'events', FIELDS, SECRETS)).toMatchObject({ kind: 'bad' });
    expect(await decodeToolShare('', 'events', FIELDS, SECRETS)).toEqual({ kind: 'none' });
    expect(await decodeToolShare('#v1=abc', 'events', FIELDS, SECRETS)).toEqual({ kind: 'none' });
  });
});

describe('problem excerpts', () => {
  it('give the line, the column and the span marked with a little context', () => {
    const text = 'line one\nsecond line with a fault here\nthird';
    const start = text.indexOf('fault');
    expect(excerptOf(text, { start, end: start + 5 })).toEqual({
      line: 2,
      column: 20,
      before: 'second line with a ',
      marked: 'fault',
      after: ' here',
    });
  });

  it('clamp a span past the end of the text', () => {
    expect(excerptOf('abc', { start: 10, end: 12 })).toMatchObject({ line: 1, column: 4, marked: '' });
  });
});
