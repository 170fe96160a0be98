import { describe, expect, it } from 'vitest';
import { diffLines, renderSideBySide, sideBySideRows } from '../../src/cli/line-diff';

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

describe('sideBySideRows', () => {
  it('faces each removed line with the added line that replaced it, and leftovers with nothing', () => {
    const diff = diffLines('GET\n/a\nx:1\ny:2\nhost:h', 'GET\n/b\nx:9\nhost:h');
    expect(sideBySideRows(diff)).toEqual([
      { op: ' ', left: 'GET', right: 'GET' },
      { op: '~', left: '/a', right: '/b' },
      { op: '~', left: 'x:1', right: 'x:9' },
      { op: '-', left: 'y:2', right: '' },
      { op: ' ', left: 'host:h', right: 'host:h' },
    ]);
    expect(sideBySideRows(diffLines('a', 'a\nb'))).toEqual([
      { op: ' ', left: 'a', right: 'a' },
      { op: '+', left: '', right: 'b' },
    ]);
  });
});

describe('renderSideBySide', () => {
  it('lays both sides out in equal columns that fit the terminal', () => {
    const lines = renderSideBySide(sideBySideRows(diffLines('GET\n/a', 'GET\n/bb')), 27);
    // 4 for the marker, 3 for the separator, 10 a side.
    expect(lines).toEqual(['    GET        │ GET', '  ~ /a         │ /bb']);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(27);
  });

  it('wraps a long line onto more lines with the same marker instead of cutting it', () => {
    const long = 'x-amz-meta-a:' + 'v'.repeat(20);
    const lines = renderSideBySide([{ op: '-', left: long, right: '' }], 27);
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line.startsWith('  - ')).toBe(true);
    expect(
      lines
        .map((l) => l.slice(4, 14))
        .join('')
        .trimEnd(),
    ).toBe(long);
  });
});
