/**
 * Spans in the HTTP the reader wrote, moved back into the paste.
 */

import { describe, expect, it } from 'vitest';
import { lineMapper } from '../../src/lib/worker/span-map';

describe('lineMapper', () => {
  const http = 'GET /a HTTP/1.1\nHost: h\n\n';
  // Line 0 came from paste [100, 115), line 1 from a longer paste span, line 2 was written by the reader.
  const map = lineMapper(http, [
    { start: 100, end: 115 },
    { start: 200, end: 230 },
    { start: 0, end: 0 },
  ]);

  it('keeps columns on a line copied as it was', () => {
    expect(map([{ start: 4, end: 6 }])).toEqual([{ start: 104, end: 106 }]);
  });

  it('points at the whole source of a line that was rewritten', () => {
    expect(map([{ start: 16, end: 20 }])).toEqual([{ start: 200, end: 230 }]);
  });

  it('drops lines the reader wrote itself, and splits spans across lines', () => {
    expect(map([{ start: 0, end: http.length }])).toEqual([
      { start: 100, end: 115 },
      { start: 200, end: 230 },
    ]);
  });
});
