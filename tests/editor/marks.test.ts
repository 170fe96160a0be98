/**
 * Editor marks: the same marks are recognised as the same, so they are not set again.
 */

import { describe, expect, it } from 'vitest';
import { sameMarks } from '../../src/lib/editor/marks';

describe('sameMarks', () => {
  const mark = { from: 1, to: 4, class: 'cm-problem', title: 'bad' };

  it('holds for equal lists, empty ones included', () => {
    expect(sameMarks([], [])).toBe(true);
    expect(sameMarks([mark], [{ ...mark }])).toBe(true);
  });

  it('fails on any difference of range, class, title or count', () => {
    expect(sameMarks([mark], [{ ...mark, to: 5 }])).toBe(false);
    expect(sameMarks([mark], [{ ...mark, class: 'cm-source' }])).toBe(false);
    expect(sameMarks([mark], [{ from: 1, to: 4, class: 'cm-problem' }])).toBe(false);
    expect(sameMarks([mark], [mark, mark])).toBe(false);
  });
});
