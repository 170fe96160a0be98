/**
 * Structural sharing of the engine's answers: what did not change keeps its identity, what changed is new.
 */

import { describe, expect, it } from 'vitest';
import { keepUnchanged } from '../../src/lib/state/keep-unchanged';

describe('keepUnchanged', () => {
  it('returns the old answer itself when the new one equals it', () => {
    const prev = { a: [1, { b: 'x' }], c: { d: null } };
    expect(keepUnchanged(prev, structuredClone(prev))).toBe(prev);
  });

  it('keeps the unchanged parts of a changed answer and takes the changed ones', () => {
    const prev = { keys: [{ k: 'kDate' }], lines: ['GET', '/a'], seen: { facts: ['x'] } };
    const next = { keys: [{ k: 'kDate' }], lines: ['GET', '/ab'], seen: { facts: ['x'] } };
    const kept = keepUnchanged(prev, next);
    expect(kept).toEqual(next);
    expect(kept).not.toBe(prev);
    expect(kept.keys).toBe(prev.keys);
    expect(kept.seen).toBe(prev.seen);
    expect(kept.lines).not.toBe(prev.lines);
  });

  it('sees an added, removed or emptied key, and a longer or shorter list', () => {
    expect(keepUnchanged({ a: 1 }, { a: 1, b: undefined })).toEqual({ a: 1, b: undefined });
    expect(keepUnchanged({ a: 1, b: 2 }, { a: 1 })).toEqual({ a: 1 });
    const prev = { a: 1, b: 2 };
    expect(keepUnchanged(prev, { a: 1, c: 2 })).not.toBe(prev);
    expect(keepUnchanged([1, 2], [1, 2, 3])).toEqual([1, 2, 3]);
    expect(keepUnchanged([1, 2, 3], [1, 2])).toEqual([1, 2]);
  });

  it('takes the new value when the kinds differ, and mutates neither side', () => {
    const prev = { a: [1], b: { c: 1 } };
    const next = { a: { 0: 1 }, b: [1] };
    const frozen = structuredClone(prev);
    expect(keepUnchanged(prev, next)).toEqual(next);
    expect(prev).toEqual(frozen);
    expect(keepUnchanged(null, { a: 1 })).toEqual({ a: 1 });
    expect(keepUnchanged({ a: 1 }, null)).toBe(null);
  });
});
