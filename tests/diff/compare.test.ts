/**
 * The diff view-model: aligned lines, character segments, and the first divergence.
 */

import { describe, expect, it } from 'vitest';
import { compareLine, compareTexts } from '../../src/lib/diff/compare';

const SERVER =
  'GET\n/photos/cat%20%281%29.jpg\n\nhost:examplebucket.s3.amazonaws.com\n\nhost\nUNSIGNED-PAYLOAD';
const CLIENT =
  'GET\n/photos/cat%2520%25281%2529.jpg\n\nhost:examplebucket.s3.amazonaws.com\n\nhost\nUNSIGNED-PAYLOAD';

describe('compareTexts', () => {
  it('finds identical texts identical', () => {
    const c = compareTexts(SERVER, SERVER);
    expect(c.identical).toBe(true);
    expect(c.changed).toBe(0);
    expect(c.first).toBeUndefined();
    expect(c.lines).toHaveLength(7);
  });

  it('marks the changed line and the first differing character', () => {
    const c = compareTexts(CLIENT, SERVER);
    expect(c.identical).toBe(false);
    expect(c.changed).toBe(1);
    expect(c.first).toMatchObject({ row: 1, leftLine: 2, rightLine: 2, column: 13, left: '5', right: '0' });
    const row = c.lines[1]!;
    expect(row.kind).toBe('changed');
    expect(
      row
        .left!.segments.filter((s) => s.kind === 'removed')
        .map((s) => s.text)
        .join(''),
    ).toHaveLength(6);
    expect(row.right!.segments.every((s) => s.kind === 'same')).toBe(true);
  });

  it('keeps the line numbers of both sides when a line is only on one side', () => {
    const c = compareTexts('a\nb\nc', 'a\nc');
    expect(c.lines.map((l) => l.kind)).toEqual(['same', 'removed', 'same']);
    expect(c.first).toMatchObject({ leftLine: 2, rightLine: 2 });
    expect(c.lines[2]!.right!.number).toBe(2);
    expect(c.lines[2]!.left!.number).toBe(3);
  });

  it('sees a carriage return as a difference', () => {
    const c = compareTexts('host:a\r\nx', 'host:a\nx');
    expect(c.first).toMatchObject({ leftLine: 1, column: 6, left: '\r' });
    expect(c.first!.right).toBeUndefined();
  });

  it('sees a trailing newline as an added empty line', () => {
    const c = compareTexts('a', 'a\n');
    expect(c.lines.map((l) => l.kind)).toEqual(['same', 'added']);
  });
});

describe('compareLine', () => {
  it('shows two unrelated hashes as one segment each, not as noise', () => {
    const a = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    const b = '3c7834844982b29b40bffdb1d5eb29df246caad666b5593a0f1bb56fe01e5d2c';
    expect(compareLine(a, b)).toEqual({
      left: [{ text: a, kind: 'removed' }],
      right: [{ text: b, kind: 'added' }],
    });
  });

  it('shows an inserted query parameter as one piece', () => {
    const client = 'X-Amz-Date=20240115T120000Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host';
    const server =
      'X-Amz-Date=20240115T120000Z&X-Amz-Expires=3600&X-Amz-Security-Token=abc%2F&X-Amz-SignedHeaders=host';
    const { left, right } = compareLine(client, server);
    expect(left.every((s) => s.kind === 'same')).toBe(true);
    expect(right.filter((s) => s.kind === 'added')).toEqual([
      { text: 'X-Amz-Security-Token=abc%2F&', kind: 'added' },
    ]);
  });

  it('splits by word when asked', () => {
    const { left } = compareLine('content-type:text/plain; charset=utf-8', 'content-type:text/plain', 'word');
    expect(left.at(-1)).toEqual({ text: '; charset=utf-8', kind: 'removed' });
  });
});
