/**
 * Faults the signed request shows by itself, found without the secret or a server reply.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/lib/diagnose/explain';

const presigned = (
  JSON.parse(
    readFileSync(join(import.meta.dirname, '../vectors/s3/sigv4-presigned-url-example.json'), 'utf8'),
  ) as {
    presigned_url: string;
  }
).presigned_url;

const AUTH = (scope: string, signed: string) =>
  `Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/${scope}/aws4_request, SignedHeaders=${signed}, Signature=${'0'.repeat(64)}`;

describe('findings from the request alone', () => {
  it('an expired presigned URL, judged at the time given', async () => {
    const e = await explain({ request: presigned, now: new Date('2013-05-26T00:00:00Z') });
    expect(e.findings[0]).toMatchObject({ kind: 'clock', cause: 'url-expired' });
  });

  it('no expiry finding while the URL is valid', async () => {
    const e = await explain({ request: presigned, now: new Date('2013-05-24T01:00:00Z') });
    expect(e.findings.map((f) => f.cause)).not.toContain('url-expired');
  });

  it('a scope dated another day than X-Amz-Date', async () => {
    const request = `GET / HTTP/1.1\nHost: sqs.eu-west-1.amazonaws.com\nX-Amz-Date: 20240115T000500Z\n${AUTH('20240114/eu-west-1/sqs', 'host;x-amz-date')}\n\n`;
    const e = await explain({ request });
    expect(e.findings[0]).toMatchObject({ kind: 'scope', name: 'date', cause: 'scope-date-other-day' });
  });

  it('a region other than the one the host names', async () => {
    const request = `GET / HTTP/1.1\nHost: sqs.eu-west-1.amazonaws.com\nX-Amz-Date: 20240115T000500Z\n${AUTH('20240115/us-east-1/sqs', 'host;x-amz-date')}\n\n`;
    const e = await explain({ request });
    expect(e.findings[0]).toMatchObject({
      kind: 'scope',
      name: 'region',
      cause: 'region-of-another-endpoint',
    });
  });

  it('a header signed but not sent', async () => {
    const request = `GET / HTTP/1.1\nHost: sqs.us-east-1.amazonaws.com\nX-Amz-Date: 20240115T000500Z\n${AUTH('20240115/us-east-1/sqs', 'content-type;host;x-amz-date')}\n\n`;
    const e = await explain({ request });
    expect(e.findings[0]).toMatchObject({
      kind: 'client',
      component: 'signed-headers',
      name: 'content-type',
      cause: 'signed-header-not-sent',
    });
  });

  it('an x-amz-* header sent to S3 but not signed', async () => {
    const request = `PUT /k HTTP/1.1\nHost: b.s3.amazonaws.com\nX-Amz-Date: 20240115T000500Z\nx-amz-content-sha256: UNSIGNED-PAYLOAD\nx-amz-meta-owner: me\n${AUTH('20240115/us-east-1/s3', 'host;x-amz-content-sha256;x-amz-date')}\n\n`;
    const e = await explain({ request, scheme: 'sigv4-s3' });
    expect(e.findings[0]).toMatchObject({
      kind: 'client',
      name: 'x-amz-meta-owner',
      cause: 'header-sent-not-signed',
    });
  });

  it('temporary credentials without their session token', async () => {
    const request = `GET / HTTP/1.1\nHost: sqs.us-east-1.amazonaws.com\nX-Amz-Date: 20240115T000500Z\n${AUTH('20240115/us-east-1/sqs', 'host;x-amz-date')}\n\n`;
    const e = await explain({ request, sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE' });
    expect(e.findings[0]).toMatchObject({
      kind: 'credentials',
      name: 'x-amz-security-token',
      cause: 'token-missing',
    });
  });
});
