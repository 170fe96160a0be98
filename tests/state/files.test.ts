/**
 * Where a dropped file goes.
 */

import { describe, expect, it } from 'vitest';
import { classifyFile, TEXT_LIMIT } from '../../src/lib/state/files';

describe('classifyFile', () => {
  it.each([
    ['request.txt', 'GET / HTTP/1.1\nHost: x\n', 'request'],
    ['trace.har', '{"log":{"version":"1.2","entries":[]}}', 'request'],
    ['curl.txt', 'curl -v https://example.com', 'request'],
    ['verbose.txt', '*   Trying 1.2.3.4:443...', 'request'],
    ['url.txt', 'https://bucket.s3.amazonaws.com/k?X-Amz-Signature=1', 'request'],
    ['case.json', '{"scheme":"sigv4","request":"GET / HTTP/1.1","credentials":{}}', 'case-file'],
    ['error.xml', '<?xml version="1.0"?><Error>', 'server-error'],
    ['reply.txt', 'HTTP/1.1 403 Forbidden\n', 'server-error'],
    ['reply.json', '{"message":"The request signature we calculated"}', 'server-error'],
    [
      'debug.log',
      '2024-01-15 12:00:00,123 - MainThread - botocore.auth - DEBUG - CanonicalRequest:',
      'client-log',
    ],
    ['photo.jpg', '\u0000\u0001JFIF', 'body'],
    ['notes.txt', 'just some text', 'body'],
  ])('%s is a %s', (name, head, role) => {
    expect(classifyFile(name, head.length, head)).toBe(role);
  });

  it('takes any file over the text limit as a body', () => {
    expect(classifyFile('big.txt', TEXT_LIMIT + 1, 'GET / HTTP/1.1')).toBe('body');
  });
});
