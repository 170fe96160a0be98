/**
 * Invisible characters made visible.
 */

import { describe, expect, it } from 'vitest';
import { glyphs } from '../../src/lib/diff/invisibles';

describe('glyphs', () => {
  it('draws space, tab, CR and LF', () => {
    expect(glyphs('a b\tc\r\n').map((g) => g.text)).toEqual(['a', '·', 'b', '→', 'c', '␍', '↵']);
  });

  it('shows invisible Unicode by its code point', () => {
    expect(glyphs('a\u00a0b\u200bc')).toEqual([
      { text: 'a', kind: 'text' },
      { text: '⟨U+00A0⟩', kind: 'invisible', title: 'invisible U+00A0' },
      { text: 'b', kind: 'text' },
      { text: '⟨U+200B⟩', kind: 'invisible', title: 'invisible U+200B' },
      { text: 'c', kind: 'text' },
    ]);
  });

  it('keeps visible non-ASCII characters and labels them', () => {
    expect(glyphs('é日')).toEqual([
      { text: 'é', kind: 'unicode', codePoint: 'U+00E9', title: 'U+00E9' },
      { text: '日', kind: 'unicode', codePoint: 'U+65E5', title: 'U+65E5' },
    ]);
  });

  it('labels control characters', () => {
    expect(glyphs('\u0000')[0]).toMatchObject({ text: '⟨U+0000⟩', kind: 'invisible' });
  });
});
