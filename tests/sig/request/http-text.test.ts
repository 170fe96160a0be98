import { describe, expect, it } from 'vitest';
import { parseHttpRequest } from '../../../src/lib/sig/request/http';
import { parsePasted } from '../../../src/lib/sig/request/http-text';
import { readPastedRequest } from '../../../src/lib/sig/request/read';

const RAW = 'PUT /a HTTP/1.1\nHost: example.amazonaws.com\nX-Amz-Date: 20150830T123600Z\n\nbody';

describe('parsePasted', () => {
  it('gives the parse of the paste its reader made, as parsing its HTTP text again would', () => {
    for (const text of [RAW, 'curl -X PUT https://example.amazonaws.com/a -d body']) {
      const read = readPastedRequest(text);
      if (!read.ok) throw new Error('unreadable');
      const again = parseHttpRequest(read.value.http);
      expect(parsePasted(read.value)).toEqual(again);
    }
  });

  it('hands the parse out once, so a caller that changes the request changes no one else’s', () => {
    const read = readPastedRequest(RAW);
    if (!read.ok) throw new Error('unreadable');
    const first = parsePasted(read.value);
    if (!first.ok) throw new Error('unparsed');
    first.value.bodySha256 = 'changed';
    const second = parsePasted(read.value);
    expect(second.ok && second.value).not.toBe(first.value);
    expect(second.ok && second.value.bodySha256).toBeUndefined();
  });
});
