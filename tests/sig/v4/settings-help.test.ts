/**
 * The settings form shows each setting's doc comment as its help; doc comments are gone at run time, so
 * settings-help.ts carries them as data. This keeps the two the same.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERIC_SETTINGS } from '../../../src/lib/sig/v4/settings';
import { SETTING_HELP } from '../../../src/lib/sig/v4/settings-help';

/** The doc comment above each field of `interface SigV4Settings`, lines joined, a trailing URL on its own line. */
function docComments(): Record<string, string> {
  const source = readFileSync(join(import.meta.dirname, '../../../src/lib/sig/v4/settings.ts'), 'utf8');
  const body = source.slice(source.indexOf('export interface SigV4Settings'));
  const out: Record<string, string> = {};
  for (const m of body.matchAll(/\/\*\*([\s\S]*?)\*\/\s*(\w+):/g)) {
    const lines = m[1]!
      .split('\n')
      .map((l) => l.replace(/^\s*\* ?/, '').trim())
      .filter(Boolean);
    const url = lines.at(-1)?.startsWith('https://') ? lines.pop() : undefined;
    out[m[2]!] = lines.join(' ') + (url ? `\n${url}` : '');
  }
  return out;
}

describe('settings help', () => {
  it('is each setting’s doc comment, for every setting', () => {
    const comments = docComments();
    expect(Object.keys(SETTING_HELP).sort()).toEqual(Object.keys(GENERIC_SETTINGS).sort());
    for (const [name, help] of Object.entries(SETTING_HELP)) {
      expect(help.replace(/’/g, "'"), name).toBe(comments[name]);
    }
  });
});
