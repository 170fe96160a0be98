/**
 * With the request and the client's signing log but no server reply, the client's mistake is named from the log
 * alone: the server would compute what sigscope computes from the request.
 */

import { describe, expect, it } from 'vitest';
import { explain } from '../../src/lib/diagnose/explain';
import { signCorrectly, serverView } from './signed-with-mistake';
import { variantCanonical } from '../../src/lib/diagnose/variant';

describe('a client log without a server reply', () => {
  it('names the mistake that turns our canonical request into the logged one', async () => {
    const signed = await signCorrectly(
      'sigv4',
      'GET /a%20b/c?z=1&a=2 HTTP/1.1\nHost: abc123.execute-api.us-east-1.amazonaws.com\n\n',
    );
    const { ctx } = await serverView('sigv4', signed);
    const logged = variantCanonical(ctx, { querySort: 'as-sent' }).text;
    const log = `2024-01-15 12:00:00,123 - MainThread - botocore.auth - DEBUG - CanonicalRequest:\n${logged}\n2024-01-15 12:00:00,123 - MainThread - botocore.auth - DEBUG - StringToSign:\nAWS4-HMAC-SHA256\n20240115T120000Z\n20240115/us-east-1/execute-api/aws4_request\n${'0'.repeat(64)}\n`;
    const explanation = await explain({ scheme: 'sigv4', request: signed, clientLog: log });
    expect(explanation.findings[0]).toMatchObject({
      kind: 'client',
      component: 'query',
      cause: 'query-unsorted',
    });
    expect(explanation.verdict).toBe('mismatch');
  });
});
