import { describe, expect, it } from 'vitest';
import { diffLines } from '../../src/cli/line-diff';

describe('diffLines', () => {
  it('keeps common lines and puts a removed line before the line that replaced it', () => {
    expect(diffLines('GET\n/a\nhost:x', 'GET\n/b\nhost:x')).toEqual([
      { op: ' ', text: 'GET' },
      { op: '-', text: '/a' },
      { op: '+', text: '/b' },
      { op: ' ', text: 'host:x' },
    ]);
  });

  it('shows lines only one side has', () => {
    expect(diffLines('a\nc', 'a\nb\nc')).toEqual([
      { op: ' ', text: 'a' },
      { op: '+', text: 'b' },
      { op: ' ', text: 'c' },
    ]);
    expect(diffLines('a\nb', 'a')).toEqual([
      { op: ' ', text: 'a' },
      { op: '-', text: 'b' },
    ]);
  });
});
